using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
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

    // Distinct (eventSource, eventName) pairs kept; past this (only a hostile input names so many) plans are made per call.
    private const int MaxPlans = 65_536;

    private readonly ConcurrentDictionary<string, OperationPlan> _plans = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, OperationPlan>.AlternateLookup<ReadOnlySpan<char>> _plansBySpan;
    private readonly PlanSlots _recent = new();

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
        // The hot path: look the pair up by its UTF-8 bytes; decode it and look its text up only on a miss.
        if (eventSource.Kind == JsonKind.String && eventName.Kind == JsonKind.String && !eventSource.HasEscapes && !eventName.HasEscapes)
        {
            ReadOnlySpan<byte> source = eventSource.RawStringContent, name = eventName.RawStringContent;
            if (_recent.Find(source, name) is { } recent)
            {
                return recent;
            }

            OperationPlan plan = PlanOfText(eventSource, eventName);
            _recent.Keep(source, name, plan);
            return plan;
        }

        return PlanOfText(eventSource, eventName);
    }

    private OperationPlan PlanOfText(JsonNode eventSource, JsonNode eventName)
    {
        if (eventSource.Kind == JsonKind.String && eventName.Kind == JsonKind.String && !eventSource.HasEscapes && !eventName.HasEscapes)
        {
            ReadOnlySpan<byte> source = eventSource.RawStringContent, name = eventName.RawStringContent;
            if (source.Length + name.Length + 1 <= MaxKeyChars)
            {
                Span<char> key = stackalloc char[source.Length + name.Length + 1]; // UTF-8 bytes never make more chars
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

    // The key joins the two texts with a line feed, so a text holding one (only an escaped one can) would make it
    // ambiguous: such pairs are planned per call, not kept.
    private OperationPlan GetPlan(string key, string eventSource, string eventName) =>
        _plans.TryGetValue(key, out OperationPlan? plan) ? plan
        : eventSource.Contains('\n') || eventName.Contains('\n') || _plans.Count >= MaxPlans ? BuildPlan(eventSource, eventName)
        : _plans.GetOrAdd(key, BuildPlan(eventSource, eventName));

    private EventPermissions MapCall(OperationPlan plan, EventRecord record)
    {
        bool byService = record.UserIdentity.GetProperty("type"u8).StringEquals("AWSService"u8);
        bool shareable = plan.ResultIsShareable(IsShareable) && !AnyImpliedTrigger(plan, record);
        if (shareable && plan.SharedResult(byService) is { } shared)
        {
            return shared;
        }

        EventContext context = EventContext.Rent(record);
        context.Operation = plan.Operation;
        MappingScratch scratch = MappingScratch.Rent();
        List<RequiredPermission> permissions = scratch.Permissions, implied = scratch.Implied;
        List<string> notes = scratch.Notes; // the notes added to the plan's own
        bool handled = plan.Handler is null || RunHandler(plan, context, permissions, notes);
        foreach (ActionPlan action in plan.Actions)
        {
            if (action.Spec is null || action.Spec.Applies(context))
            {
                AddResources(action, context, permissions, action.Spec?.Overrides ?? []);
            }
        }

        EventPermissions result;
        if (!handled || permissions.Count == 0)
        {
            result = new EventPermissions
            {
                ServicePrefix = plan.Prefix, OperationName = plan.Operation, Status = MappingStatus.Unmapped,
                Notes = notes.Count == 0 ? plan.Notes : [.. plan.Notes, .. notes],
            };
        }
        else
        {
            foreach (ImpliedRule rule in plan.Implied)
            {
                AddImplied(rule, context, permissions, implied);
            }

            AddGenericPassRole(plan, context, implied);
            AddNamedCreations(plan, context, permissions);
            AddCallerNotes(byService, plan, notes);
            result = new EventPermissions
            {
                ServicePrefix = plan.Prefix,
                OperationName = plan.Operation,
                Status = MappingStatus.Mapped,
                Permissions = Distinct(permissions),
                Implied = Distinct(implied),
                Created = context.Created.Count == 0 ? [] : [.. context.Created],
                Notes = Dedupe(plan.Notes, notes),
            };
        }

        scratch.Return();
        context.Return();
        if (shareable)
        {
            plan.ShareResult(byService, result);
        }

        return result;
    }

    // A plan whose result depends on the event only through "called by an AWS service" (and, for its implied rules,
    // whether a field they read is present): no handler, no resource types (every action on "*"), no condition, no
    // generic iam:PassRole and no named creation.
    private static bool IsShareable(OperationPlan plan)
    {
        if (plan.Handler is not null || CreatedEntries(plan) is not null
            || plan.HandsRoles(HandsRoles))
        {
            return false;
        }

        foreach (ActionPlan action in plan.Actions)
        {
            if (!action.Types.IsEmpty || (action.Spec is not null && action.Spec.IsConditional))
            {
                return false;
            }
        }

        return true;
    }

    // Whether a field an implied rule reads is present; when none is, no rule adds anything (they read values only
    // there, and a SameResource rule needs one present).
    private static bool AnyImpliedTrigger(OperationPlan plan, EventRecord record)
    {
        if (plan.Implied.IsEmpty)
        {
            return false;
        }

        JsonNode root = record.Root;
        JsonNode request = root.GetProperty("requestParameters"u8), response = default;
        bool haveResponse = false;
        foreach (ImpliedRule rule in plan.Implied)
        {
            foreach (FieldPath path in rule.Paths)
            {
                if (path.FromResponse && !haveResponse)
                {
                    response = root.GetProperty("responseElements"u8);
                    haveResponse = true;
                }

                if (path.IsPresent(path.FromResponse ? response : request))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static void AddCallerNotes(bool byService, OperationPlan plan, List<string> notes)
    {
        if (byService)
        {
            notes.Add("called by an AWS service (userIdentity.type AWSService): no identity policy of the account applies");
        }

        if (plan.Prefix == "sts" && plan.Operation is "AssumeRoleWithSAML" or "AssumeRoleWithWebIdentity")
        {
            notes.Add("unsigned call: only the role's trust policy applies, not an identity policy of the caller");
        }
    }

    // The first of each (action, resource), in order; a pairwise scan for the few permissions of most calls.
    private static ImmutableArray<RequiredPermission> Distinct(List<RequiredPermission> items)
    {
        int count = items.Count;
        if (count == 0)
        {
            return [];
        }

        var result = new RequiredPermission[count];
        int kept = 0;
        HashSet<(string, string)>? seen = count > 16 ? new HashSet<(string, string)>(count) : null;
        foreach (RequiredPermission item in items)
        {
            if (seen is not null ? seen.Add((item.Action, item.Resource)) : !Contains(result, kept, item))
            {
                result[kept++] = item;
            }
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(kept == count ? result : result[..kept]);
    }

    private static bool Contains(RequiredPermission[] kept, int count, RequiredPermission item)
    {
        for (int i = 0; i < count; i++)
        {
            if (string.Equals(kept[i].Action, item.Action, StringComparison.Ordinal)
                && string.Equals(kept[i].Resource, item.Resource, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    // The plan's notes then the added ones, each once, in order of first appearance.
    private static ImmutableArray<string> Dedupe(ImmutableArray<string> planNotes, List<string> added)
    {
        if (added.Count == 0 && !HasRepeat(planNotes.AsSpan()))
        {
            return planNotes;
        }

        var result = new List<string>(planNotes.Length + added.Count);
        foreach (string note in planNotes)
        {
            if (!result.Contains(note))
            {
                result.Add(note);
            }
        }

        foreach (string note in added)
        {
            if (!result.Contains(note))
            {
                result.Add(note);
            }
        }

        return [.. result];
    }

    private static bool HasRepeat(ReadOnlySpan<string> notes)
    {
        for (int i = 1; i < notes.Length; i++)
        {
            if (notes[..i].Contains(notes[i]))
            {
                return true;
            }
        }

        return false;
    }
}
