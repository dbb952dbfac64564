using System.Net;

namespace TrailSift.Core.Aws;

/// <summary>An AWS service answered a call with an error (after retries, when the error was retryable).</summary>
public sealed class AwsServiceException : Exception
{
    /// <summary>Creates the exception.</summary>
    public AwsServiceException(string errorCode, string message, HttpStatusCode? status, string? requestId, Exception? inner = null)
        : base(message, inner)
    {
        ErrorCode = errorCode;
        StatusCode = status;
        RequestId = requestId;
    }

    /// <summary>The service's error code (<c>ThrottlingException</c>, <c>AccessDenied</c>, ...), or a transport description.</summary>
    public string ErrorCode { get; }

    /// <summary>The HTTP status, when an answer arrived.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>The request id of the answer, when the service sent one.</summary>
    public string? RequestId { get; }

    /// <summary>True for the throttling codes of the AWS SDKs' retry strategy.</summary>
    public bool IsThrottling => IsThrottlingCode(ErrorCode) || StatusCode == HttpStatusCode.TooManyRequests;

    /// <summary>True when the same call may succeed later: throttling, 5xx, timeouts and dropped connections.</summary>
    public bool IsRetryable => IsThrottling || StatusCode is null || (int)StatusCode >= 500
        || ErrorCode is "RequestTimeout" or "RequestTimeoutException" or "IDPCommunicationError";

    /// <summary>The throttling error codes of the AWS SDKs' standard retry mode.</summary>
    public static bool IsThrottlingCode(string code) => code is "Throttling" or "ThrottlingException" or "ThrottledException"
        or "RequestThrottledException" or "TooManyRequestsException" or "ProvisionedThroughputExceededException"
        or "TransactionInProgressException" or "RequestLimitExceeded" or "BandwidthLimitExceeded" or "LimitExceededException"
        or "RequestThrottled" or "SlowDown" or "PriorRequestNotComplete" or "EC2ThrottledException";

    /// <summary>A one-line description: <c>ThrottlingException: Rate exceeded (HTTP 400)</c>.</summary>
    public override string ToString() => Describe();

    /// <summary>The code, the message and the status on one line.</summary>
    public string Describe() => StatusCode is { } s ? $"{ErrorCode}: {Message} (HTTP {(int)s})" : $"{ErrorCode}: {Message}";
}
