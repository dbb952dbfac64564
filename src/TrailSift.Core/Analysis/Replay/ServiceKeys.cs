using System.Globalization;
using TrailSift.Core.Events;
using TrailSift.Core.Json;

namespace TrailSift.Core.Analysis.Replay;

/// <summary>
/// The service condition keys that request parameters reveal, by <c>eventSource</c>: a key is set only when its
/// parameter was logged, so a missing parameter leaves the key unknown rather than absent.
/// </summary>
/// <remarks>Static tables; thread-safe.</remarks>
internal static class ServiceKeys
{
    // (eventSource, parameter, key): the parameter's string value is the key's value.
    private static readonly (string Source, string Parameter, string Key)[] Simple =
    [
        ("ec2.amazonaws.com", "instanceType", "ec2:InstanceType"),
        ("s3.amazonaws.com", "prefix", "s3:prefix"),
        ("s3.amazonaws.com", "delimiter", "s3:delimiter"),
        ("s3.amazonaws.com", "max-keys", "s3:max-keys"),
        ("s3.amazonaws.com", "x-amz-acl", "s3:x-amz-acl"),
        ("s3.amazonaws.com", "x-amz-server-side-encryption", "s3:x-amz-server-side-encryption"),
        ("sts.amazonaws.com", "roleSessionName", "sts:RoleSessionName"),
        ("sts.amazonaws.com", "externalId", "sts:ExternalId"),
        ("sts.amazonaws.com", "sourceIdentity", "sts:SourceIdentity"),
        ("iam.amazonaws.com", "policyArn", "iam:PolicyARN"),
        ("iam.amazonaws.com", "permissionsBoundary", "iam:PermissionsBoundary"),
    ];

    public static void Read(EventRecord record, JsonNode parameters, ReplayContext context)
    {
        string? source = EventContextReader.Text(record.EventSource);
        if (source is null)
        {
            return;
        }

        foreach ((string s, string parameter, string key) in Simple)
        {
            if (s == source && context.Wants(key) && Scalar(parameters.GetProperty(parameter)) is string value && !IsRedacted(value))
            {
                context.Set(key, value);
            }
        }

        if (source == "ec2.amazonaws.com" && context.Wants("ec2:Region"))
        {
            context.Set("ec2:Region", EventContextReader.Text(record.AwsRegion));
        }
        else if (source == "kms.amazonaws.com")
        {
            context.Set("kms:CallerAccount", context.PrincipalAccount);
            JsonNode encryption = parameters.GetProperty("encryptionContext"u8);
            if (encryption.Kind == JsonKind.Object && (context.Selection is null || context.Selection.ContainsPrefix("kms:EncryptionContext:")))
            {
                foreach (JsonNode.PropertyEnumerator pair in encryption.EnumerateProperties())
                {
                    if (pair.Value.Kind == JsonKind.String)
                    {
                        context.Set("kms:EncryptionContext:" + pair.Name.GetString(), pair.Value.GetString());
                    }
                }
            }
        }
    }

    private static string? Scalar(JsonNode node) => node.Kind switch
    {
        JsonKind.String => node.GetString(),
        JsonKind.Number => node.GetDouble().ToString(CultureInfo.InvariantCulture),
        _ => null,
    };

    private static bool IsRedacted(string value) =>
        value.StartsWith("HIDDEN_DUE_TO", StringComparison.Ordinal) || value.Contains("sensitiveDataRemoved", StringComparison.Ordinal);
}
