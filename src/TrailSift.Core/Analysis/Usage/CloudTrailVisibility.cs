using System.Collections.Frozen;
using TrailSift.Core.Common;

namespace TrailSift.Core.Analysis.Usage;

/// <summary>
/// Which IAM actions CloudTrail records as data events or never records, from AWS's CloudTrail documentation
/// ("Logging data events": S3 object-level, Lambda Invoke, DynamoDB item and stream reads, SNS Publish, SQS message
/// APIs, Kinesis records, EBS direct APIs) and the mapping notes (<c>iam:PassRole</c> and <c>execute-api:Invoke</c>
/// are never events of their own). An action of a service with no known CloudTrail event source
/// (<see cref="CloudTrailServices"/>) is <see cref="Visibility.Unrecorded"/>; every other action is taken as a management
/// event. The data-event list covers the
/// common resource types only; an action missing from it whose calls are data events is judged unused only when the
/// input holds data events of its service (see docs/unused.md).
/// </summary>
/// <remarks>Stateless; thread-safe.</remarks>
public static class CloudTrailVisibility
{
    private static readonly FrozenDictionary<string, string[]> DataEventActions = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase)
    {
        ["s3"] = ["GetObject*", "PutObject*", "DeleteObject*", "ListBucket", "ListBucketVersions", "ListBucketMultipartUploads",
            "ListMultipartUploadParts", "AbortMultipartUpload", "RestoreObject", "ReplicateObject", "ReplicateDelete", "ReplicateTags",
            "BypassGovernanceRetention"],
        ["lambda"] = ["InvokeFunction", "InvokeAsync"],
        ["dynamodb"] = ["GetItem", "PutItem", "UpdateItem", "DeleteItem", "BatchGetItem", "BatchWriteItem", "Query", "Scan",
            "ConditionCheckItem", "PartiQL*", "GetRecords", "GetShardIterator"],
        ["sns"] = ["Publish"],
        ["sqs"] = ["SendMessage", "ReceiveMessage", "DeleteMessage", "ChangeMessageVisibility"],
        ["kinesis"] = ["PutRecord", "PutRecords", "GetRecords", "GetShardIterator", "SubscribeToShard"],
        ["ebs"] = ["GetSnapshotBlock", "PutSnapshotBlock", "ListSnapshotBlocks", "ListChangedBlocks", "StartSnapshot", "CompleteSnapshot"],
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    // Looked up by the action's prefix as a span: judging an action allocates nothing.
    private static readonly FrozenDictionary<string, string[]>.AlternateLookup<ReadOnlySpan<char>> DataEventsByPrefix =
        DataEventActions.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> RecordedServices =
        CloudTrailServices.Recorded.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenDictionary<string, string> NeverLoggedActions = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["iam:PassRole"] = "CloudTrail never logs iam:PassRole as its own event; only calls that pass a role imply it",
        ["execute-api:Invoke"] = "API Gateway invocations are never CloudTrail events",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>How CloudTrail shows <paramref name="action"/> (<c>prefix:Name</c>, any case).</summary>
    public static Visibility Of(string action)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (NeverLoggedActions.ContainsKey(action))
        {
            return Visibility.NeverLogged;
        }

        int colon = action.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && DataEventsByPrefix.TryGetValue(action.AsSpan(0, colon), out string[]? patterns))
        {
            ReadOnlySpan<char> name = action.AsSpan(colon + 1);
            foreach (string pattern in patterns)
            {
                if (AwsWildcard.IsMatchIgnoreCase(pattern, name))
                {
                    return Visibility.DataEvent;
                }
            }
        }

        return colon > 0 && !RecordedServices.Contains(action.AsSpan(0, colon)) ? Visibility.Unrecorded : Visibility.Management;
    }

    /// <summary>Why a never-logged action cannot be seen, or null.</summary>
    public static string? NeverLoggedReason(string action) =>
        NeverLoggedActions.TryGetValue(action, out string? reason) ? reason : null;
}
