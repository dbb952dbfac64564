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
    public static ErrorClass Classify(string? errorCode, string? errorMessage) =>
        string.IsNullOrEmpty(errorCode) ? ErrorClass.None : ByCode(errorCode) ?? ByMessage(errorMessage);

    /// <summary>Classifies an event (its message is read only when the code does not decide).</summary>
    public static ErrorClass Classify(EventRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        JsonNode code = record.ErrorCode;
        if (code.Kind != JsonKind.String)
        {
            return ErrorClass.None;
        }

        // Codes recur: their text comes from the thread's cache rather than a new string per event.
        string errorCode = TextCache.Get(code);
        if (errorCode.Length == 0)
        {
            return ErrorClass.None;
        }

        if (ByCode(errorCode) is ErrorClass known)
        {
            return known;
        }

        JsonNode message = record.ErrorMessage;
        return ByMessage(message.Kind == JsonKind.String ? message.GetString() : null);
    }

    // The class a non-empty code alone gives; null when the message decides.
    private static ErrorClass? ByCode(string errorCode)
    {
        if (errorCode.Equals("Client.DryRunOperation", StringComparison.OrdinalIgnoreCase)
            || errorCode.Equals("DryRunOperation", StringComparison.OrdinalIgnoreCase))
        {
            return ErrorClass.DryRunAllowed;
        }

        if (AccessDeniedCodes.Contains(errorCode))
        {
            return ErrorClass.AccessDenied;
        }

        return AuthenticationFailureCodes.Contains(errorCode) ? ErrorClass.AuthenticationFailure : null;
    }

    private static ErrorClass ByMessage(string? errorMessage) =>
        errorMessage is not null && SaysNotAuthorized(errorMessage) ? ErrorClass.AccessDenied : ErrorClass.OtherError;

    /// <summary>True when a message reads as a policy denial ("is not authorized to perform", …).</summary>
    public static bool SaysNotAuthorized(string message) =>
        message.Contains("not authorized to perform", StringComparison.OrdinalIgnoreCase)
        || message.Contains("is not authorized to access", StringComparison.OrdinalIgnoreCase)
        || message.Contains("explicit deny", StringComparison.OrdinalIgnoreCase);
}
