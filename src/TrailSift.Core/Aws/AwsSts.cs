using Amazon;
using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;

namespace TrailSift.Core.Aws;

/// <summary>STS through AWSSDK.SecurityToken, on the connection's credentials and endpoint (<c>AWS_ENDPOINT_URL_STS</c>, <c>AWS_ENDPOINT_URL</c>).</summary>
public static class AwsSts
{
    /// <summary>Assumes <paramref name="roleArn"/> as session <paramref name="sessionName"/>, with <paramref name="sourceIdentity"/> when given.</summary>
    /// <exception cref="AwsServiceException">STS refused (the trust policy, a missing <c>sts:SetSourceIdentity</c>, ...).</exception>
    public static async Task<AwsRoleSession> AssumeRoleAsync(AwsConnection connection, string roleArn, string sessionName, string? sourceIdentity,
        TimeSpan duration, CancellationToken cancel = default)
    {
        using AmazonSecurityTokenServiceClient client = Client(connection);
        var request = new AssumeRoleRequest
        {
            RoleArn = roleArn,
            RoleSessionName = sessionName,
            DurationSeconds = (int)duration.TotalSeconds,
            SourceIdentity = sourceIdentity,
        };
        AssumeRoleResponse r = await Call(() => client.AssumeRoleAsync(request, cancel)).ConfigureAwait(false);
        Credentials c = r.Credentials;
        return new AwsRoleSession(roleArn, sessionName, r.SourceIdentity ?? sourceIdentity, c.AccessKeyId, c.SecretAccessKey, c.SessionToken,
            c.Expiration is { } e ? new DateTimeOffset(DateTime.SpecifyKind(e, DateTimeKind.Utc)) : DateTimeOffset.MaxValue, r.AssumedRoleUser.Arn);
    }

    /// <summary>The ARN of the caller (<c>GetCallerIdentity</c>).</summary>
    /// <exception cref="AwsServiceException">STS refused.</exception>
    public static async Task<string> CallerArnAsync(AwsConnection connection, CancellationToken cancel = default)
    {
        using AmazonSecurityTokenServiceClient client = Client(connection);
        GetCallerIdentityResponse r = await Call(() => client.GetCallerIdentityAsync(new GetCallerIdentityRequest(), cancel)).ConfigureAwait(false);
        return r.Arn;
    }

    /// <summary>The account of an ARN (its fifth field: <c>arn:aws:iam::111122223333:user/x</c>), or null when it has none.</summary>
    public static string? AccountOf(string arn)
    {
        string[] parts = arn.Split(':', 6);
        return parts.Length == 6 && parts[4].Length > 0 ? parts[4] : null;
    }

    /// <summary>Credentials of a role session for <see cref="AwsConnection.WithCredentials"/>.</summary>
    public static AWSCredentials Credentials(AwsRoleSession session) => new SessionAWSCredentials(session.AccessKeyId, session.SecretAccessKey, session.SessionToken);

    private static async Task<T> Call<T>(Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (AmazonServiceException e)
        {
            throw new AwsServiceException(e.ErrorCode ?? "StsError", e.Message, e.StatusCode, e.RequestId, e);
        }
        catch (AmazonClientException e)
        {
            throw new AwsServiceException("ConnectionError", e.Message, null, null, e);
        }
    }

    private static AmazonSecurityTokenServiceClient Client(AwsConnection connection)
    {
        string region = connection.DefaultRegion;
        var config = new AmazonSecurityTokenServiceConfig { MaxErrorRetry = connection.Settings.MaxAttempts - 1, Timeout = connection.Settings.Timeout };
        if (connection.ConfiguredEndpoint(AwsService.Sts) is { } endpoint)
        {
            config.ServiceURL = endpoint.OriginalString;
            config.AuthenticationRegion = region;
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
        }

        return new AmazonSecurityTokenServiceClient(connection.Credentials, config);
    }
}
