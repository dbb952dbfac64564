using System.Globalization;
using System.Security;

namespace TrailSift.Testing.Aws;

/// <summary>
/// STS on the loopback endpoint (query protocol, XML answers as documented): <c>AssumeRole</c> issues session
/// credentials the endpoint then accepts (an <c>AssumedRole</c> identity with the session name and source identity),
/// <c>GetCallerIdentity</c> says who signed.
/// </summary>
public sealed class LoopbackSts
{
    private const string Xmlns = "https://sts.amazonaws.com/doc/2011-06-15/";
    private readonly AwsLoopback _loopback;
    private int _sessions;

    /// <summary>Installs the STS handlers on <paramref name="loopback"/>.</summary>
    public LoopbackSts(AwsLoopback loopback)
    {
        _loopback = loopback;
        loopback.On("sts", "AssumeRole", AssumeRole);
        loopback.On("sts", "GetCallerIdentity", GetCallerIdentity);
    }

    /// <summary>When false, a request with <c>SourceIdentity</c> is denied as a trust policy without <c>sts:SetSourceIdentity</c> does.</summary>
    public bool AllowSourceIdentity { get; set; } = true;

    /// <summary>The sessions issued, in order.</summary>
    public List<LoopbackIdentity> Sessions { get; } = [];

    private LoopbackReply AssumeRole(LoopbackCall call)
    {
        string? roleArn = call.Parameter("RoleArn");
        string? sessionName = call.Parameter("RoleSessionName");
        string? sourceIdentity = call.Parameter("SourceIdentity");
        if (roleArn is null || sessionName is null)
        {
            return LoopbackReply.Error(AwsProtocol.Query, 400, "MissingParameter", "RoleArn and RoleSessionName are required", call.RequestId);
        }

        if (sourceIdentity is not null && !AllowSourceIdentity)
        {
            return LoopbackReply.Error(AwsProtocol.Query, 403, "AccessDenied",
                $"User: {call.Identity.Arn} is not authorized to perform: sts:SetSourceIdentity on resource: {roleArn}", call.RequestId);
        }

        int n = Interlocked.Increment(ref _sessions);
        string roleName = roleArn[(roleArn.LastIndexOf('/') + 1)..];
        string roleId = "AROA" + LoopbackIdentity.Hash(roleArn);
        var session = new LoopbackIdentity(
            AccessKeyId: $"ASIALOOPBACK{n:D8}",
            SecretAccessKey: $"loopback-secret-{n}-{Guid.NewGuid():N}",
            SessionToken: $"loopback-token-{n}-{Guid.NewGuid():N}",
            Arn: $"arn:aws:sts::{LoopbackIdentity.Account}:assumed-role/{roleName}/{sessionName}",
            Type: "AssumedRole",
            PrincipalId: $"{roleId}:{sessionName}",
            RoleArn: roleArn,
            SourceIdentity: sourceIdentity);
        _loopback.Add(session);
        lock (Sessions)
        {
            Sessions.Add(session);
        }

        string expiration = call.Time.AddHours(1).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        string source = sourceIdentity is null ? string.Empty : $"<SourceIdentity>{SecurityElement.Escape(sourceIdentity)}</SourceIdentity>";
        return LoopbackReply.QueryResult("AssumeRole", Xmlns,
            $"{source}<AssumedRoleUser><Arn>{SecurityElement.Escape(session.Arn)}</Arn><AssumedRoleId>{session.PrincipalId}</AssumedRoleId></AssumedRoleUser>"
            + $"<Credentials><AccessKeyId>{session.AccessKeyId}</AccessKeyId><SecretAccessKey>{session.SecretAccessKey}</SecretAccessKey>"
            + $"<SessionToken>{session.SessionToken}</SessionToken><Expiration>{expiration}</Expiration></Credentials><PackedPolicySize>0</PackedPolicySize>",
            call.RequestId);
    }

    private LoopbackReply GetCallerIdentity(LoopbackCall call) => LoopbackReply.QueryResult("GetCallerIdentity", Xmlns,
        $"<Arn>{SecurityElement.Escape(call.Identity.Arn)}</Arn><UserId>{call.Identity.PrincipalId}</UserId><Account>{LoopbackIdentity.Account}</Account>",
        call.RequestId);
}
