using TrailSift.Core.Common;
using TrailSift.Core.Events;
using TrailSift.Core.Json;

namespace TrailSift.Core.Iam.Mapping;

/// <summary>
/// What resource building reads from one event: <c>requestParameters</c>, <c>responseElements</c>, the ARNs of the
/// <c>resources</c> field, and the partition, region and account that fill ARN templates. Each part is read from the
/// event's index when first asked for, its text through <see cref="TextCache"/>.
/// </summary>
/// <remarks>
/// Holds <see cref="JsonNode"/>s, so it is valid only while the event is; one per call, not shared. The mapper rents
/// one per thread (<see cref="Rent"/>) and gives it back when the call's result is built (<see cref="Return"/>).
/// </remarks>
internal sealed class EventContext
{
    [ThreadStatic]
    private static EventContext? t_free;

    private readonly List<string> _resources = [];
    private EventRecord _record = null!;
    private JsonNode _resourcesNode;
    private bool _haveResources, _haveRegion, _haveAccount, _havePartition, _haveMessageArn;
    private string _region = string.Empty, _account = string.Empty, _partition = string.Empty;
    private string? _messageArn;

    private EventContext()
    {
    }

    public JsonNode Request { get; private set; }

    public JsonNode Response { get; private set; }

    /// <summary>ARNs (or ARN prefixes) of the <c>resources</c> field, in order.</summary>
    public List<string> Resources
    {
        get
        {
            if (!_haveResources)
            {
                _haveResources = true;
                ReadResources(_resourcesNode, _resources);
            }

            return _resources;
        }
    }

    /// <summary>The partition: from the region (<c>cn-</c>, <c>us-gov-</c>, …), else the caller's ARN, else <c>aws</c>.</summary>
    public string Partition
    {
        get
        {
            if (!_havePartition)
            {
                _havePartition = true;
                string region = Region;
                _partition = Arn.PartitionOfRegion(region) ?? PartitionOf(region,
                    region.Length == 0 ? TextCache.Text(_record.UserIdentity.GetProperty("arn"u8)) : null);
            }

            return _partition;
        }
    }

    /// <summary>For a denied call: the ARN its message names after "on resource:" (checked against a template before use).</summary>
    public string? MessageArn
    {
        get
        {
            if (!_haveMessageArn)
            {
                _haveMessageArn = true;
                _messageArn = _record.ErrorCode.Kind == JsonKind.String ? MessageArnOf(TextCache.Text(_record.ErrorMessage)) : null;
            }

            return _messageArn;
        }
    }

    /// <summary>The resources the call creates, collected while its resources are built.</summary>
    public List<CreatedResource> Created { get; } = [];

    /// <summary>The operation being mapped (set by the mapper).</summary>
    public string Operation { get; set; } = string.Empty;

    public string Region
    {
        get
        {
            if (!_haveRegion)
            {
                _haveRegion = true;
                _region = TextCache.Text(_record.AwsRegion) ?? string.Empty;
            }

            return _region;
        }
    }

    /// <summary><c>recipientAccountId</c>, else <c>userIdentity.accountId</c>, else empty.</summary>
    public string Account
    {
        get
        {
            if (!_haveAccount)
            {
                _haveAccount = true;
                _account = TextCache.Text(_record.RecipientAccountId)
                    ?? TextCache.Text(_record.UserIdentity.GetProperty("accountId"u8)) ?? string.Empty;
            }

            return _account;
        }
    }

    /// <summary>A context for <paramref name="record"/>: this thread's spare one, else a new one.</summary>
    public static EventContext Rent(EventRecord record)
    {
        EventContext context = t_free ?? new EventContext();
        t_free = null;
        context._record = record;

        // The three top-level fields this context reads (the last of a repeated name; an event record finds its root
        // fields through a table of their names).
        JsonNode root = record.Root;
        JsonNode request = root.GetProperty("requestParameters"u8);
        JsonNode response = root.GetProperty("responseElements"u8);
        JsonNode resources = root.GetProperty("resources"u8);
        context.Request = request;
        context.Response = response;
        context._resourcesNode = resources;
        return context;
    }

    /// <summary>Forgets the event and keeps this context as the thread's spare; the caller must not use it again.</summary>
    public void Return()
    {
        _record = null!;
        Request = default;
        Response = default;
        _resourcesNode = default;
        _resources.Clear();
        Created.Clear();
        Operation = string.Empty;
        _haveResources = _haveRegion = _haveAccount = _havePartition = _haveMessageArn = false;
        _region = _account = _partition = string.Empty;
        _messageArn = null;
        t_free = this;
    }

    /// <summary>The ARN after "on resource: " in a denial message, up to the next space; null when there is none.</summary>
    internal static string? MessageArnOf(string? message)
    {
        const string Marker = "on resource: ";
        int at = message?.IndexOf(Marker, StringComparison.Ordinal) ?? -1;
        if (at < 0)
        {
            return null;
        }

        string rest = message![(at + Marker.Length)..];
        int end = rest.IndexOfAny([' ', '"', '\n']);
        string arn = (end < 0 ? rest : rest[..end]).TrimEnd('.', ',', ';');
        return arn.StartsWith("arn:", StringComparison.Ordinal) && !arn.Contains('*', StringComparison.Ordinal) ? arn : null;
    }

    /// <summary>The partition: from the region (<c>cn-</c>, <c>us-gov-</c>, …), else the caller's ARN, else <c>aws</c>.</summary>
    internal static string PartitionOf(string region, string? callerArn)
    {
        if (Arn.PartitionOfRegion(region) is { } partition)
        {
            return partition;
        }

        if (region.Length == 0 && callerArn is not null && Arn.TryParse(callerArn, out Arn arn) && !arn.PartitionSpan.IsEmpty)
        {
            return arn.Partition;
        }

        return "aws";
    }

    private static void ReadResources(JsonNode list, List<string> resources)
    {
        foreach (JsonNode item in list.EnumerateChildren())
        {
            if (item.Kind != JsonKind.Object)
            {
                continue;
            }

            string? arn = TextCache.Text(item.GetProperty("ARN"u8)) ?? TextCache.Text(item.GetProperty("ARNPrefix"u8))
                ?? TextCache.Text(item.GetProperty("arn"u8));
            if (arn is not null && arn.StartsWith("arn:", StringComparison.Ordinal))
            {
                resources.Add(arn);
            }
        }
    }
}
