using System.Collections.Concurrent;
using System.Collections.Frozen;

namespace TrailSift.Core.Iam.Mapping;

/// <summary>
/// Reads the IAM service prefix from a CloudTrail <c>eventSource</c>: the host label before <c>.amazonaws.com</c>,
/// except for the hosts whose IAM prefix has another name (<c>monitoring</c> → <c>cloudwatch</c>).
/// </summary>
/// <remarks>Static; thread-safe (a concurrent table of the sources answered so far, bounded).</remarks>
internal static class ServicePrefixes
{
    internal const string AwsSuffix = ".amazonaws.com";

    /// <summary>Hosts (without <c>.amazonaws.com</c>) whose IAM prefix differs from the host.</summary>
    internal static readonly FrozenDictionary<string, string> Exceptions = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["monitoring"] = "cloudwatch",
        ["email"] = "ses",
        ["tagging"] = "tag",
        ["pinpoint"] = "mobiletargeting",
        ["rdsdata"] = "rds-data",
        ["amazonmq"] = "mq",
        ["application-insights"] = "applicationinsights",
        ["cloudcontrolapi"] = "cloudformation",
        ["migrationhub"] = "mgh",
        ["opensearchservice"] = "es",
        ["pricelist"] = "pricing",
        ["qconnect"] = "wisdom",
        ["servicecatalog-appregistry"] = "servicecatalog",
        ["transcribestreaming"] = "transcribe",
        ["chime-sdk-media-pipelines"] = "chime",
        ["chime-sdk-voice"] = "chime",
        ["chime-sdk-meetings"] = "chime",
        ["chime-sdk-messaging"] = "chime",
        ["chime-sdk-identity"] = "chime",
        ["contact-lens"] = "connect",
        ["participant-connect"] = "connect",
        ["agreement-marketplace"] = "aws-marketplace",
        ["discovery-marketplace"] = "aws-marketplace",
        ["marketplacecatalog"] = "aws-marketplace",
        ["reporting-marketplace"] = "aws-marketplace",
        ["management-marketplace"] = "aws-marketplace-management",
        ["billingconsole"] = "billing",
        ["taxconsole"] = "tax",
        ["appstream2"] = "appstream",
        ["models.lex"] = "lex",
        ["runtime.lex"] = "lex",
        ["models-v2-lex"] = "lex",
        ["runtime-v2-lex"] = "lex",
        ["mturk-requester"] = "mechanicalturk",
        ["streams.dynamodb"] = "dynamodb",
        ["runtime.sagemaker"] = "sagemaker",
        ["data.iot"] = "iot",
        ["iotdata"] = "iot",
        ["execute-api"] = "execute-api",
        ["sso-oauth"] = "sso-oauth",
        ["oam"] = "oam",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The IAM prefix for <paramref name="eventSource"/>, or null when the source is not an AWS host
    /// (<c>*.amazonaws.com</c>). The prefix is not checked against the catalog here.
    /// </summary>
    /// <remarks>
    /// A source answered before is answered from a table by its text, without making a string again; at most
    /// <see cref="MaxKnownSources"/> sources are kept (only a hostile input names more), the others are computed per call.
    /// </remarks>
    public static string? FromEventSource(string eventSource)
    {
        if (Known.TryGetValue(eventSource, out string? known))
        {
            return known;
        }

        string? prefix = Compute(eventSource);
        if (Known.Count < MaxKnownSources)
        {
            Known.TryAdd(eventSource, prefix);
        }

        return prefix;
    }

    /// <summary>How many event sources <see cref="FromEventSource"/> remembers.</summary>
    internal const int MaxKnownSources = 4096;

    // Event source (exact text) → its prefix or null.
    private static readonly ConcurrentDictionary<string, string?> Known = new(StringComparer.Ordinal);

    /// <summary><see cref="FromEventSource"/> computed, not remembered (its oracle in tests).</summary>
    internal static string? Compute(string eventSource)
    {
        if (!eventSource.EndsWith(AwsSuffix, StringComparison.OrdinalIgnoreCase) || eventSource.Length == AwsSuffix.Length)
        {
            return null;
        }

        string host = eventSource[..^AwsSuffix.Length].ToLowerInvariant();
        return Exceptions.TryGetValue(host, out string? prefix) ? prefix : host;
    }
}
