using System.Collections.Immutable;
using TrailSift.Core.Events;
using TrailSift.Core.Iam.Mapping;
using TrailSift.Core.Json;

namespace TrailSift.Core.Analysis.Generation;

/*! Analysis/Generation: least-privilege policy generation (`trailsift policy`). PolicyEvidenceCollector is
    the per-worker accumulator (IEventSink + Merge) that tallies, per principal, the permissions behind its
    calls; PolicyGenerator turns that evidence into policy documents (ResourceGeneralizer for resources,
    catalog-checked action compression, deterministic layout and Sids, size splitting) with an explanation
    model. Depends on Events, Iam/* and Common; never on Scan, Query or Output. */

/// <summary>
/// Collects, per principal (<see cref="ResolvedPrincipal.Key"/>), the permissions behind its calls with
/// their evidence, the calls that could not be mapped, and the input facts that bound what a policy can claim.
/// Successful calls, calls that failed for a reason other than authorisation, dry runs that would have
/// succeeded, and (unless left out) denied calls count; authentication failures and callers that are AWS
/// services do not.
/// </summary>
/// <remarks>Not thread-safe: one per scan worker; combine with <see cref="Merge"/>. Memory grows with distinct
/// principals and permission tuples, never with events.</remarks>
public sealed partial class PolicyEvidenceCollector : IEventSink, ISequencedSink
{
    private readonly ICallPermissionReader? _reader;
    private readonly bool _includeDenied;
    private readonly bool _includeUnverified;
    private readonly Dictionary<string, PrincipalActivity> _principals = new(StringComparer.Ordinal);

    // Sessions whose events show no sessionIssuer, by the role their ARN names (see Resolve).
    private readonly Dictionary<string, PrincipalActivity> _issuerless = new(StringComparer.Ordinal);
    private readonly Dictionary<string, WorkloadResource> _created = new(StringComparer.Ordinal);

    // Resource → the earliest successful call that added or removed tags on it (TaggingCalls), for tag conditions.
    private readonly Dictionary<string, long> _retagged = new(StringComparer.Ordinal);

    // The earliest successful call that changed an instance's profile association (0: none). The event may name only
    // the association, so it counts against every created resource's attributes from then on.
    private long _attributesChanged;
    private long _events;
    private long _dataEvents;
    private long _serviceEvents;
    private long _unattributed;

    /// <summary>Creates a collector.</summary>
    /// <param name="reader">Reads each event's permissions; null when only <see cref="Add"/> is used.</param>
    /// <param name="includeDenied">False to leave denied calls out (they are still counted).</param>
    /// <param name="includeUnverified">True to include calls that failed validation (authorisation unknown), flagged.</param>
    public PolicyEvidenceCollector(ICallPermissionReader? reader, bool includeDenied = true, bool includeUnverified = false)
    {
        _reader = reader;
        _includeDenied = includeDenied;
        _includeUnverified = includeUnverified;
    }

    /// <summary>The input facts gathered so far.</summary>
    public InputFacts Facts => new()
    {
        Events = _events,
        DataEvents = _dataEvents,
        ServiceEvents = _serviceEvents,
        UnattributedEvents = _unattributed,
    };

    /// <inheritdoc />
    public void BeginObject(int sequence, string path)
    {
    }

    /// <inheritdoc />
    public void EndObject(int sequence, string path)
    {
    }

    /// <inheritdoc />
    public void Accept(EventRecord record)
    {
        JsonNode root = record.Root;
        bool dataEvent = root.GetProperty("managementEvent"u8).Kind == JsonKind.False
            || root.GetProperty("eventCategory"u8).StringEquals("Data"u8);
        ResolvedPrincipal caller = PrincipalResolver.Resolve(record);
        if (caller.Kind == CallerKind.Service)
        {
            _events++;
            _dataEvents += dataEvent ? 1 : 0;
            _serviceEvents++;
            return;
        }

        if (caller.Key is not { } principal)
        {
            _events++;
            _dataEvents += dataEvent ? 1 : 0;
            _unattributed++;
            return;
        }

        ErrorClass error = ErrorClassifier.Classify(record);
        bool unverified = error == ErrorClass.OtherError && ErrorClassifier.IsValidationFailure(record);
        bool needsMapping = error != ErrorClass.AuthenticationFailure && (error != ErrorClass.AccessDenied || _includeDenied)
            && (!unverified || _includeUnverified);
        CallPermissions permissions = needsMapping && _reader is not null ? _reader.Read(record) : CallPermissions.NoPermission;
        bool issuerless = caller.Kind == CallerKind.Role && caller.Identity.IssuerArn is null;
        AddCall(issuerless ? _issuerless : _principals, principal, Text(record.EventSource), Text(record.EventName), record.EventTimeTicks ?? 0,
            error, permissions, dataEvent, unverified);
    }

    /// <summary>Adds one call (the scan-free entry point, also used by tests).</summary>
    /// <param name="principal">The principal a policy is written for.</param>
    /// <param name="eventSource">The event source host.</param>
    /// <param name="eventName">The event name.</param>
    /// <param name="ticks">The event time in UTC ticks (0 when unknown).</param>
    /// <param name="error">The call's error class.</param>
    /// <param name="permissions">What the call needed.</param>
    /// <param name="dataEvent">True for a data event.</param>
    /// <param name="unverified">True when the call failed validation, so whether it passed authorisation is unknown.</param>
    public void Add(string principal, string eventSource, string eventName, long ticks, ErrorClass error, CallPermissions permissions,
        bool dataEvent = false, bool unverified = false) =>
        AddCall(_principals, principal, eventSource, eventName, ticks, error, permissions, dataEvent, unverified);

    private void AddCall(Dictionary<string, PrincipalActivity> principals, string principal, string eventSource, string eventName, long ticks,
        ErrorClass error, CallPermissions permissions, bool dataEvent, bool unverified)
    {
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(permissions);
        _events++;
        _dataEvents += dataEvent ? 1 : 0;
        if (!principals.TryGetValue(principal, out PrincipalActivity? activity))
        {
            principals.Add(principal, activity = new PrincipalActivity());
        }

        activity.Touch(ticks, dataEvent);
        bool denied = error == ErrorClass.AccessDenied;
        if (error == ErrorClass.AuthenticationFailure)
        {
            activity.AuthenticationFailures++;
            return;
        }

        if (denied && !_includeDenied)
        {
            activity.ExcludedDenied++;
            return;
        }

        if (unverified && !_includeUnverified)
        {
            activity.AddUnverified(eventSource, eventName);
            return;
        }

        switch (permissions.Kind)
        {
            case CallKind.NoPermission:
                activity.NoPermission++;
                return;
            case CallKind.Unmapped:
                activity.AddUnmapped(eventSource, eventName, denied);
                break;
            default:
                activity.Mapped++;
                if (error == ErrorClass.None)
                {
                    foreach (string arn in permissions.Created)
                    {
                        AddCreated(new WorkloadResource(arn, principal, ticks, eventName)
                        {
                            Tags = permissions.CreatedTags.TryGetValue(arn, out var tags) ? [.. tags] : [],
                            Attributes = permissions.CreatedAttributes.TryGetValue(arn, out var values) ? [.. values] : [],
                        });
                    }

                    if (CreationAttributes.ChangesAttributes(eventName))
                    {
                        AddAttributesChanged(ticks);
                    }

                    if (TaggingCalls.ChangesTags(eventName))
                    {
                        foreach (RequiredPermission tuple in permissions.Permissions)
                        {
                            if (!tuple.Implied && tuple.Resource != "*")
                            {
                                AddRetagged(tuple.Resource, ticks);
                            }
                        }
                    }
                }

                foreach (RequiredPermission tuple in permissions.Permissions)
                {
                    activity.AddPermission(tuple, eventName, ticks, denied, unverified);
                }

                break;
        }

        if (denied)
        {
            activity.Denied++;
        }
        else
        {
            activity.Allowed++;
        }
    }

    /// <summary>Adds another worker's tallies to this one.</summary>
    public void Merge(PolicyEvidenceCollector other)
    {
        ArgumentNullException.ThrowIfNull(other);
        _events += other._events;
        _dataEvents += other._dataEvents;
        _serviceEvents += other._serviceEvents;
        _unattributed += other._unattributed;
        MergeInto(_principals, other._principals);
        MergeInto(_issuerless, other._issuerless);
        foreach (WorkloadResource resource in other._created.Values)
        {
            AddCreated(resource);
        }

        foreach ((string resource, long ticks) in other._retagged)
        {
            AddRetagged(resource, ticks);
        }

        if (other._attributesChanged != 0)
        {
            AddAttributesChanged(other._attributesChanged);
        }
    }

    // An unknown time (0 ticks) counts as the earliest.
    private void AddAttributesChanged(long ticks) =>
        _attributesChanged = _attributesChanged == 0 ? Math.Max(ticks, 1) : Math.Min(_attributesChanged, Math.Max(ticks, 1));

    private void AddRetagged(string resource, long ticks)
    {
        if (!_retagged.TryGetValue(resource, out long existing) || ticks < existing)
        {
            _retagged[resource] = ticks;
        }
    }

    // The first creation wins (a name can be created again after a delete).
    private void AddCreated(WorkloadResource resource)
    {
        if (!_created.TryGetValue(resource.Arn, out WorkloadResource? existing) || Earlier(resource, existing))
        {
            _created[resource.Arn] = resource;
        }
    }

    private static bool Earlier(WorkloadResource a, WorkloadResource b) =>
        a.Ticks < b.Ticks || (a.Ticks == b.Ticks && string.CompareOrdinal(a.Principal, b.Principal) < 0);

    private static void MergeInto(Dictionary<string, PrincipalActivity> mine, Dictionary<string, PrincipalActivity> theirs)
    {
        foreach ((string principal, PrincipalActivity activity) in theirs)
        {
            if (mine.TryGetValue(principal, out PrincipalActivity? existing))
            {
                existing.Merge(activity);
            }
            else
            {
                var copy = new PrincipalActivity();
                copy.Merge(activity);
                mine.Add(principal, copy);
            }
        }
    }

    /// <summary>The evidence of every principal seen, sorted by principal (ordinal).</summary>
    public ImmutableArray<PrincipalEvidence> Principals()
    {
        Dictionary<string, PrincipalActivity> principals = Resolve();
        var names = new List<string>(principals.Keys);
        names.Sort(StringComparer.Ordinal);
        var result = ImmutableArray.CreateBuilder<PrincipalEvidence>(names.Count);
        ImmutableDictionary<string, WorkloadResource> created = CreatedMap();
        foreach (string name in names)
        {
            result.Add(principals[name].ToEvidence(name) with { Created = created });
        }

        return result.MoveToImmutable();
    }

    /// <summary>
    /// All principals' evidence as one (for <c>--principal NAME</c>, which may name several ARNs), labelled
    /// <paramref name="label"/>; null when no call was seen.
    /// </summary>
    public PrincipalEvidence? Combined(string label)
    {
        if (_principals.Count == 0 && _issuerless.Count == 0)
        {
            return null;
        }

        var all = new PrincipalActivity();
        foreach (PrincipalActivity activity in _principals.Values.Concat(_issuerless.Values))
        {
            all.Merge(activity);
        }

        return all.ToEvidence(label) with { Created = CreatedMap() };
    }

    /// <summary>The principals seen, sorted.</summary>
    public ImmutableArray<string> PrincipalNames()
    {
        var names = new List<string>(Resolve().Keys);
        names.Sort(StringComparer.Ordinal);
        return [.. names];
    }

    private ImmutableDictionary<string, WorkloadResource> CreatedMap() => _created.ToImmutableDictionary(
        static p => p.Key,
        p =>
        {
            WorkloadResource r = _retagged.TryGetValue(p.Key, out long ticks) ? p.Value with { RetaggedTicks = ticks } : p.Value;
            return _attributesChanged == 0 ? r : r with { ChangedTicks = _attributesChanged };
        },
        StringComparer.Ordinal);

    private static string Text(JsonNode node) => node.Kind == JsonKind.String ? node.GetString() : string.Empty;
}
