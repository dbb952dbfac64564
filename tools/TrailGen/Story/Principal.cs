using System.Text.Json.Nodes;

namespace TrailSift.Tools.TrailGen.Story;

/// <summary>Who makes a call: the <c>userIdentity</c> block plus where the call comes from.</summary>
/// <remarks>Immutable once built (each event gets a deep copy of <see cref="Identity"/>); thread-safe.</remarks>
public sealed record Principal(JsonObject Identity, string SourceIp, string UserAgent)
{
    /// <summary>Calls made from the console carry <c>sessionCredentialFromConsole</c>.</summary>
    public bool Console { get; init; }

    /// <summary>Calls an AWS service makes on the principal's behalf carry no <c>tlsDetails</c>.</summary>
    public bool ServiceInvoked { get; init; }

    /// <summary>An IAM user with long-term access keys (CLI, SDK).</summary>
    public static JsonObject IamUser(string account, string name, string principalId, string accessKeyId) => new()
    {
        ["type"] = "IAMUser",
        ["principalId"] = principalId,
        ["arn"] = $"arn:aws:iam::{account}:user/{name}",
        ["accountId"] = account,
        ["accessKeyId"] = accessKeyId,
        ["userName"] = name,
    };

    /// <summary>An IAM user signed in to the console (temporary ASIA key, session attributes).</summary>
    public static JsonObject ConsoleUser(string account, string name, string principalId, string accessKeyId, DateTimeOffset signIn)
    {
        JsonObject identity = IamUser(account, name, principalId, accessKeyId);
        identity["sessionContext"] = new JsonObject { ["attributes"] = Attributes(signIn, mfa: true) };
        return identity;
    }

    /// <summary>A role session; <paramref name="invokedBy"/> is set when an AWS service assumed the role.</summary>
    public static JsonObject AssumedRole(string account, string role, string roleId, string session, string accessKeyId,
        DateTimeOffset created, string? invokedBy = null)
    {
        var identity = new JsonObject
        {
            ["type"] = "AssumedRole",
            ["principalId"] = $"{roleId}:{session}",
            ["arn"] = $"arn:aws:sts::{account}:assumed-role/{role}/{session}",
            ["accountId"] = account,
            ["accessKeyId"] = accessKeyId,
            ["sessionContext"] = new JsonObject
            {
                ["sessionIssuer"] = new JsonObject
                {
                    ["type"] = "Role",
                    ["principalId"] = roleId,
                    ["arn"] = $"arn:aws:iam::{account}:role/{role}",
                    ["accountId"] = account,
                    ["userName"] = role,
                },
                ["attributes"] = Attributes(created, mfa: false),
            },
        };
        if (invokedBy is not null)
        {
            identity["invokedBy"] = invokedBy;
        }

        return identity;
    }

    /// <summary>An AWS service acting for the account (e.g. EMR assuming its service role).</summary>
    public static JsonObject AwsService(string invokedBy) => new()
    {
        ["type"] = "AWSService",
        ["invokedBy"] = invokedBy,
    };

    private static JsonObject Attributes(DateTimeOffset created, bool mfa) => new()
    {
        ["creationDate"] = StoryTrail.Timestamp(created),
        ["mfaAuthenticated"] = mfa ? "true" : "false",
    };
}
