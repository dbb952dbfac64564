using System.Collections.Frozen;
using TrailSift.Core.Json;

namespace TrailSift.Core.Events;

/// <summary>
/// Sorts an event's <c>errorCode</c> and <c>errorMessage</c> into <see cref="ErrorClass"/>es, using the
/// codes listed in <c>reference/notes/denied-messages.md</c>.
/// </summary>
/// <remarks>Stateless; thread-safe.</remarks>
public static class ErrorClassifier
{
    /// <summary>Error codes that mean a policy denied the call, in every service's spelling.</summary>
    public static readonly FrozenSet<string> AccessDeniedCodes = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "AccessDenied", "AccessDeniedException", "Client.AccessDenied", "Client.AccessDeniedException",
        "UnauthorizedOperation", "Client.UnauthorizedOperation", "AuthorizationError", "AuthorizationErrorException",
        "Forbidden", "ForbiddenException", "Client.Forbidden", "UnauthorizedException", "Unauthorized",
        "UnauthorizedAccess", "UnauthorizedAccessException", "InsufficientPrivilegesException",
        "InsufficientPrivileges", "VpceAccessDenied", "AccessDeniedError", "NotAuthorized", "AuthorizationFailure");

    /// <summary>Error codes of credential problems (not policy decisions).</summary>
    public static readonly FrozenSet<string> AuthenticationFailureCodes = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "AuthFailure", "Client.AuthFailure", "InvalidClientTokenId", "UnrecognizedClientException",
        "SignatureDoesNotMatch", "IncompleteSignature", "MissingAuthenticationToken", "MissingAuthenticationTokenException",
        "ExpiredToken", "ExpiredTokenException", "RequestExpired", "Client.RequestExpired", "InvalidAccessKeyId",
        "AllAccessDisabled", "AccountProblem", "NotAuthorizedException", "InvalidToken", "InvalidSignatureException",
        "TokenRefreshRequired", "Client.InvalidToken", "InvalidIdentityToken", "IDPRejectedClaim");

    /// <summary>
    /// Error codes of requests rejected as malformed. Many services validate a request before they authorise it
    /// (OpsWorks, Elastic Beanstalk, API-Gateway-fronted services), others after: such a failure says nothing about
    /// whether the caller was allowed. Compared ignoring case, without EC2's <c>Client.</c> prefix.
    /// </summary>
    public static readonly FrozenSet<string> ValidationCodes = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "ValidationException", "ValidationError", "InvalidParameterValue", "InvalidParameterValueException",
        "InvalidParameterException", "InvalidParameter", "InvalidParameterCombination", "InvalidParameterCombinationException",
        "MissingParameter", "MissingParameterException", "MissingRequiredParameter", "MissingParameterValueException",
        "InvalidInput", "InvalidInputException", "InvalidArgument", "InvalidArgumentException", "MalformedQueryString",
        "InvalidQueryParameter", "SerializationException", "UnknownParameter", "InvalidAction", "UnknownOperationException",
        "InvalidRequestException", "InvalidRequest", "BadRequestException", "MalformedInput", "InvalidParameterType");

    /// <summary>
    /// True when <paramref name="errorCode"/> is a validation failure (<see cref="ValidationCodes"/>): whether the
    /// request passed authorisation is unknown.
    /// </summary>
    public static bool IsValidationFailure(string? errorCode)
    {
        if (string.IsNullOrEmpty(errorCode))
        {
            return false;
        }

        string code = errorCode.StartsWith("Client.", StringComparison.OrdinalIgnoreCase) ? errorCode["Client.".Length..] : errorCode;
        return ValidationCodes.Contains(code);
    }

    /// <summary>True when the event failed validation (see <see cref="IsValidationFailure(string?)"/>).</summary>
    public static bool IsValidationFailure(EventRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        JsonNode code = record.ErrorCode;
        return code.Kind == JsonKind.String && IsValidationFailure(code.GetString());
    }

    /// <summary>Classifies an error code and message.</summary>
    public static ErrorClass Classify(string? errorCode, string? errorMessage)
    {
        if (string.IsNullOrEmpty(errorCode))
        {
            return ErrorClass.None;
        }

        if (errorCode.Equals("Client.DryRunOperation", StringComparison.OrdinalIgnoreCase)
            || errorCode.Equals("DryRunOperation", StringComparison.OrdinalIgnoreCase))
        {
            return ErrorClass.DryRunAllowed;
        }

        if (AccessDeniedCodes.Contains(errorCode))
        {
            return ErrorClass.AccessDenied;
        }

        if (AuthenticationFailureCodes.Contains(errorCode))
        {
            return ErrorClass.AuthenticationFailure;
        }

        if (errorMessage is not null && SaysNotAuthorized(errorMessage))
        {
            return ErrorClass.AccessDenied;
        }

        return ErrorClass.OtherError;
    }

    /// <summary>Classifies an event.</summary>
    public static ErrorClass Classify(EventRecord record)
    {
        JsonNode code = record.ErrorCode;
        if (code.Kind != JsonKind.String)
        {
            return ErrorClass.None;
        }

        JsonNode message = record.ErrorMessage;
        return Classify(code.GetString(), message.Kind == JsonKind.String ? message.GetString() : null);
    }

    /// <summary>True when a message reads as a policy denial ("is not authorized to perform", …).</summary>
    public static bool SaysNotAuthorized(string message) =>
        message.Contains("not authorized to perform", StringComparison.OrdinalIgnoreCase)
        || message.Contains("is not authorized to access", StringComparison.OrdinalIgnoreCase)
        || message.Contains("explicit deny", StringComparison.OrdinalIgnoreCase);
}
