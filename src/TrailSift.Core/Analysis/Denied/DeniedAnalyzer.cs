using System.Collections.Immutable;
using TrailSift.Core.Analysis.Denied.Messages;
using TrailSift.Core.Events;
using TrailSift.Core.Iam.Catalog;
using TrailSift.Core.Iam.Mapping;
using TrailSift.Core.Json;

namespace TrailSift.Core.Analysis.Denied;

/*! Analysis/Denied: explains access-denied calls (`trailsift denied`). A per-worker accumulator that takes
    the in-scope denials and, from every event of the same scan, the compact hint candidates (tagging calls,
    untagged successful creates, successes per call and resource); BuildReport groups, fixes and links hints
    into an immutable DeniedReport. Messages/ reads the error text. Depends on Events, Iam and Common. */

/// <summary>
/// Accumulates denied calls and hint candidates during a scan. The denials reported are the selected events
/// (<see cref="Accept"/>: the user's filter and shortcuts); the hints need every event of the trail, so the scan
/// hands it the rest as context (<see cref="ContextEvents"/>, <see cref="AcceptContext"/>). Memory grows with
/// the denial groups, the tagging calls and the distinct success keys, never with the number of events.
/// </summary>
/// <remarks>Not thread-safe: one per scan worker; combine with <see cref="Merge"/>, then call <see cref="BuildReport"/>.</remarks>
public sealed partial class DeniedAnalyzer : IContextSink, ISequencedSink
{
    private const int MaxCreationsPerCall = 256;

    private readonly bool _includeAuthFailures;
    private readonly IamCatalog _catalog;
    private readonly EventPermissionMapper _mapper;
    private readonly Dictionary<DenialKey, DenialState> _denials = [];
    private readonly Dictionary<(string Principal, string Code), CallStats> _authFailures = [];
    private readonly List<TaggingCall> _tagging = [];
    private readonly Dictionary<CallKey, List<CreationCall>> _creations = [];
    private readonly Dictionary<SuccessKey, SuccessStats> _successes = [];

    /// <summary>Creates an accumulator for one scan worker.</summary>
    /// <param name="includeAuthFailures">Count credential failures as denials instead of listing them apart.</param>
    /// <param name="catalog">The IAM catalog (canonical action names, resource types).</param>
    public DeniedAnalyzer(bool includeAuthFailures, IamCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        _includeAuthFailures = includeAuthFailures;
        _catalog = catalog;
        _mapper = ReferenceEquals(catalog, IamCatalog.Default) ? EventPermissionMapper.Default : new EventPermissionMapper(catalog);
    }

    /// <inheritdoc />
    public void BeginObject(int sequence, string path)
    {
    }

    /// <inheritdoc />
    public void EndObject(int sequence, string path)
    {
    }

    /// <summary>The events the hints need besides the selected ones: every event of the trail.</summary>
    public static IEventPredicate ContextEvents => EveryEventPredicate.Instance;

    /// <summary>A selected event: a denial to report, or a success that may serve as a hint.</summary>
    public void Accept(EventRecord record)
    {
        switch (ErrorClassifier.Classify(record))
        {
            case ErrorClass.None:
                RecordSuccess(record);
                break;
            case ErrorClass.AccessDenied:
                AddDenial(record, authFailure: false);
                break;
            case ErrorClass.AuthenticationFailure:
                if (_includeAuthFailures)
                {
                    AddDenial(record, authFailure: true);
                }
                else
                {
                    AddAuthFailure(record);
                }

                break;
        }
    }

    /// <summary>A context event (not selected): only a success can serve as a hint; its denials are not reported.</summary>
    public void AcceptContext(EventRecord record)
    {
        if (ErrorClassifier.Classify(record) == ErrorClass.None)
        {
            RecordSuccess(record);
        }
    }

    /// <summary>Adds another worker's findings to this one.</summary>
    public void Merge(DeniedAnalyzer other)
    {
        ArgumentNullException.ThrowIfNull(other);
        foreach ((DenialKey key, DenialState state) in other._denials)
        {
            if (_denials.TryGetValue(key, out DenialState? mine))
            {
                mine.Merge(state);
            }
            else
            {
                _denials.Add(key, state);
            }
        }

        foreach ((var key, CallStats stats) in other._authFailures)
        {
            GetOrAdd(_authFailures, key).Merge(stats);
        }

        _tagging.AddRange(other._tagging);
        foreach ((CallKey key, List<CreationCall> list) in other._creations)
        {
            foreach (CreationCall c in list)
            {
                AddCreation(key, c);
            }
        }

        foreach ((SuccessKey key, SuccessStats stats) in other._successes)
        {
            GetOrAdd(_successes, key).Merge(stats);
        }
    }

    /// <summary>Groups, fixes and hints: the immutable report.</summary>
    public DeniedReport BuildReport() =>
        new DeniedReportBuilder(_catalog, _denials, _authFailures, _tagging, _creations, _successes, _includeAuthFailures).Build();


    private void AddDenial(EventRecord record, bool authFailure)
    {
        string? code = Text(record.ErrorCode);
        string? source = Text(record.EventSource);
        DeniedMessage message = DeniedMessageParser.Parse(code, Text(record.ErrorMessage), source);
        string principal = PrincipalOf(record, message.Principal);

        string? action = message.Action is { } written && _catalog.TryGetAction(written, out ActionInfo? info) ? info.FullName : message.Action;
        string? resource = message.Resource;
        bool actionDerived = false, resourceDerived = false;
        ImmutableArray<RequiredPermission> derived = Required(record);
        if (action is null && derived.Length > 0 && !derived[0].Implied)
        {
            action = derived[0].Action;
            actionDerived = true;
        }

        foreach (RequiredPermission p in derived)
        {
            if (resource is null && !p.Implied && p.Resource != "*" && string.Equals(p.Action, action, StringComparison.OrdinalIgnoreCase))
            {
                resource = p.Resource;
                resourceDerived = true;
            }
        }

        var key = new DenialKey(principal, action, resource, message.Reason);
        DenialState state = GetOrAdd(_denials, key);
        string eventId = EventFacts.EventId(record);
        state.Calls.Add(record.EventTimeTicks, eventId);
        if (code is not null)
        {
            state.ErrorCodes.Add(code);
        }

        state.Notes.UnionWith(message.Notes);
        if (actionDerived)
        {
            // Replaces the parser's "must be derived" with what was done.
            state.Notes.Remove(DeniedMessageNotes.ActionFromEvent);
            state.Notes.Add(DeniedNotes.ActionDerived);
        }

        if (action is null)
        {
            state.Notes.Add(DeniedNotes.ActionUnknown);
        }

        if (resourceDerived)
        {
            state.Notes.Add(DeniedNotes.ResourceDerived);
        }

        if (authFailure)
        {
            state.Notes.Add(DeniedNotes.AuthFailure);
        }

        state.ActionDerived |= actionDerived;
        state.ResourceDerived |= resourceDerived;
        state.PolicyType = DenialState.Min(state.PolicyType, message.PolicyType);
        state.EventSource = DenialState.Min(state.EventSource, source);
        state.EventName = DenialState.Min(state.EventName, Text(record.EventName));
        state.InvokedBy = DenialState.Min(state.InvokedBy, EventFacts.InvokedBy(record));
        if (EventFacts.CalledBy(record) is { } by)
        {
            state.CalledBy[by] = state.CalledBy.GetValueOrDefault(by) + 1;
        }

        state.AnyUntagged |= !EventFacts.RequestHasTags(record);
        AddMapped(state, derived, action, resource);
    }

    // The other resources of the same action the mapping found (EC2 names only the refused type, instance/*),
    // and the implied permissions CloudTrail does not log; bounded per group.
    private static void AddMapped(DenialState state, ImmutableArray<RequiredPermission> derived, string? action, string? resource)
    {
        foreach (RequiredPermission p in derived)
        {
            if (p.Implied)
            {
                DenialState.AddBounded(state.Implied, [$"{p.Action} on {p.Resource}" + (p.Note is null ? string.Empty : $" ({p.Note})")]);
            }
            else if (p.Resource != "*" && p.Resource != resource && string.Equals(p.Action, action, StringComparison.OrdinalIgnoreCase))
            {
                state.AddMappedResources([p.Resource]);
            }
        }
    }

    /// <summary>
    /// The permissions the IAM event mapping derives for the call, observed first (the primary one first), then the
    /// implied ones CloudTrail does not log; empty when the call is not mapped. A <c>*</c> resource means unknown.
    /// </summary>
    private ImmutableArray<RequiredPermission> Required(EventRecord record)
    {
        EventPermissions mapped = _mapper.Map(record);
        return mapped.Status != MappingStatus.Mapped || mapped.Permissions.IsEmpty ? [] : mapped.Permissions.AddRange(mapped.Implied);
    }

    private void AddAuthFailure(EventRecord record)
    {
        string principal = PrincipalOf(record, null);
        GetOrAdd(_authFailures, (principal, Text(record.ErrorCode) ?? string.Empty)).Add(record.EventTimeTicks, EventFacts.EventId(record));
    }

    // The resolved principal; when the event names none, the one the denial message names (a session as its role).
    private static string PrincipalOf(EventRecord record, string? fromMessage)
    {
        ResolvedPrincipal caller = PrincipalResolver.Resolve(record);
        if (caller.Key is { } key)
        {
            return key;
        }

        return fromMessage is null ? caller.Display : PrincipalIdentity.RoleOfSessionArn(fromMessage) ?? fromMessage;
    }

    private static TValue GetOrAdd<TKey, TValue>(Dictionary<TKey, TValue> map, TKey key)
        where TKey : notnull
        where TValue : new()
    {
        if (!map.TryGetValue(key, out TValue? value))
        {
            value = new TValue();
            map.Add(key, value);
        }

        return value;
    }

    private static string? Text(JsonNode node) => node.Kind == JsonKind.String ? node.GetString() : null;
}
