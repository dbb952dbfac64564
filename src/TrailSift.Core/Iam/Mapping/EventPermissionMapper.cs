using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text;
using TrailSift.Core.Events;
using TrailSift.Core.Iam.Catalog;
using TrailSift.Core.Json;

namespace TrailSift.Core.Iam.Mapping;

/*! Iam/Mapping: CloudTrail event → the IAM permissions it needed, as (action, resource) pairs with their origin,
    plus implied permissions CloudTrail never logs (iam:PassRole, tag on create) and notes. Our own tables
    (ServicePrefixes, ExceptionTable, ParameterConventions, ImpliedTable, CallClassification) sit on top of the
    catalog's actions and ARN templates. Depends on Iam/Catalog, Events and Common only. */

/// <summary>
/// Maps CloudTrail events to the permissions they needed. The rules, in order: events that are not API calls and
/// calls that need no permission are marked; the exception table handles calls whose permission has another name
/// or that need several; otherwise the action is the service prefix plus the event name without API-version
/// suffixes, accepted only when the catalog has it (never invented). Resources come from the event's
/// <c>resources</c> field when its ARNs fit the action's resource types, else from request parameters (or response
/// elements) through the catalog's ARN templates, else <c>*</c> with a note.
/// </summary>
/// <remarks>
/// Thread-safe: the per-<c>(eventSource, eventName)</c> decisions are cached in a concurrent dictionary and are
/// immutable; <see cref="Map"/> keeps no state between calls and returns immutable results.
/// </remarks>
public sealed partial class EventPermissionMapper
{
    private const int MaxKeyChars = 512;

    private readonly ConcurrentDictionary<string, OperationPlan> _plans = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, OperationPlan>.AlternateLookup<ReadOnlySpan<char>> _plansBySpan;

    /// <summary>Creates a mapper over <paramref name="catalog"/>.</summary>
    public EventPermissionMapper(IamCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        Catalog = catalog;
        _plansBySpan = _plans.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>A mapper over <see cref="IamCatalog.Default"/>.</summary>
    public static EventPermissionMapper Default { get; } = new(IamCatalog.Default);

    /// <summary>The catalog every emitted action exists in.</summary>
    public IamCatalog Catalog { get; }

    /// <summary>The permissions <paramref name="record"/> needed. The result does not reference the record.</summary>
    public EventPermissions Map(EventRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        JsonNode root = record.Root;
        OperationPlan plan = GetPlan(record.EventSource, record.EventName);
        JsonNode eventType = root.GetProperty("eventType"u8);
        if (eventType.Kind == JsonKind.String && !eventType.StringEquals("AwsApiCall"u8)
            && CallClassification.NotApiCallTypes.TryGetValue(eventType.GetString(), out string? why))
        {
            return new EventPermissions
            {
                ServicePrefix = plan.Prefix, OperationName = plan.Operation, Status = MappingStatus.NotApiCall, Notes = [why],
            };
        }

        if (record.EventName.Kind != JsonKind.String && root.Kind == JsonKind.Object)
        {
            return new EventPermissions
            {
                ServicePrefix = plan.Prefix, OperationName = plan.Operation, Status = MappingStatus.NotApiCall,
                Notes = ["no eventName: not an API call record"],
            };
        }

        return plan.FixedResult ?? MapCall(plan, record);
    }

    /// <summary>
    /// How <paramref name="eventSource"/>/<paramref name="eventName"/> maps regardless of request details: the
    /// status, the actions (conditional exception-table actions included) and notes. Used for coverage reports.
    /// </summary>
    public EventPermissions Describe(string eventSource, string eventName)
    {
        ArgumentNullException.ThrowIfNull(eventSource);
        ArgumentNullException.ThrowIfNull(eventName);
        OperationPlan plan = GetPlan(eventSource + "\n" + eventName, eventSource, eventName);
        if (plan.FixedResult is { } fixedResult)
        {
            return fixedResult;
        }

        var permissions = ImmutableArray.CreateBuilder<RequiredPermission>();
        foreach (ActionPlan action in plan.Actions)
        {
            permissions.Add(new RequiredPermission(action.Action.FullName, "*", null,
                action.FromException ? PermissionSource.ExceptionTable : PermissionSource.CatalogDefault));
        }

        foreach (string handled in HandlerActions(plan))
        {
            permissions.Add(new RequiredPermission(handled, "*", null, PermissionSource.ExceptionTable));
        }

        return new EventPermissions
        {
            ServicePrefix = plan.Prefix, OperationName = plan.Operation, Status = plan.Status,
            Permissions = permissions.ToImmutable(), Notes = plan.Notes,
        };
    }

    private OperationPlan GetPlan(JsonNode eventSource, JsonNode eventName)
    {
        // The hot path: look the pair up by its text without allocating; build the key string only on a miss.
        if (eventSource.Kind == JsonKind.String && eventName.Kind == JsonKind.String && !eventSource.HasEscapes && !eventName.HasEscapes)
        {
            ReadOnlySpan<byte> source = eventSource.RawStringContent, name = eventName.RawStringContent;
            if (source.Length + name.Length + 1 <= MaxKeyChars)
            {
                Span<char> key = stackalloc char[MaxKeyChars];
                int n = Encoding.UTF8.GetChars(source, key);
                key[n++] = '\n';
                n += Encoding.UTF8.GetChars(name, key[n..]);
                if (_plansBySpan.TryGetValue(key[..n], out OperationPlan? cached))
                {
                    return cached;
                }
            }
        }

        string s = eventSource.Kind == JsonKind.String ? eventSource.GetString() : string.Empty;
        string e = eventName.Kind == JsonKind.String ? eventName.GetString() : string.Empty;
        return GetPlan(s + "\n" + e, s, e);
    }

    private OperationPlan GetPlan(string key, string eventSource, string eventName) =>
        _plans.TryGetValue(key, out OperationPlan? plan) ? plan : _plans.GetOrAdd(key, BuildPlan(eventSource, eventName));

    private EventPermissions MapCall(OperationPlan plan, EventRecord record)
    {
        EventContext context = EventContext.From(record);
        context.Operation = plan.Operation;
        var permissions = new List<RequiredPermission>();
        var notes = new List<string>(plan.Notes);
        bool handled = plan.Handler is null || RunHandler(plan, context, permissions, notes);
        foreach (ActionPlan action in plan.Actions)
        {
            if (action.Spec is null || action.Spec.Applies(context))
            {
                AddResources(action, context, permissions, action.Spec?.Overrides ?? []);
            }
        }

        if (!handled || permissions.Count == 0)
        {
            return new EventPermissions
            {
                ServicePrefix = plan.Prefix, OperationName = plan.Operation, Status = MappingStatus.Unmapped,
                Notes = [.. notes],
            };
        }

        var implied = new List<RequiredPermission>();
        foreach (ImpliedRule rule in plan.Implied)
        {
            AddImplied(rule, context, permissions, implied);
        }

        AddGenericPassRole(plan, context, implied);
        AddNamedCreations(plan, context, permissions);
        AddCallerNotes(record, plan, notes);
        return new EventPermissions
        {
            ServicePrefix = plan.Prefix,
            OperationName = plan.Operation,
            Status = MappingStatus.Mapped,
            Permissions = Distinct(permissions),
            Implied = Distinct(implied),
            Created = [.. context.Created],
            Notes = [.. Dedupe(notes)],
        };
    }

    private static void AddCallerNotes(EventRecord record, OperationPlan plan, List<string> notes)
    {
        JsonNode identity = record.UserIdentity;
        if (identity.GetProperty("type"u8).StringEquals("AWSService"u8))
        {
            notes.Add("called by an AWS service (userIdentity.type AWSService): no identity policy of the account applies");
        }

        if (plan.Prefix == "sts" && plan.Operation is "AssumeRoleWithSAML" or "AssumeRoleWithWebIdentity")
        {
            notes.Add("unsigned call: only the role's trust policy applies, not an identity policy of the caller");
        }
    }

    private static ImmutableArray<RequiredPermission> Distinct(List<RequiredPermission> items)
    {
        var result = ImmutableArray.CreateBuilder<RequiredPermission>(items.Count);
        var seen = new HashSet<(string, string)>();
        foreach (RequiredPermission item in items)
        {
            if (seen.Add((item.Action, item.Resource)))
            {
                result.Add(item);
            }
        }

        return result.ToImmutable();
    }

    private static List<string> Dedupe(List<string> notes)
    {
        var result = new List<string>(notes.Count);
        foreach (string note in notes)
        {
            if (!result.Contains(note))
            {
                result.Add(note);
            }
        }

        return result;
    }
}
