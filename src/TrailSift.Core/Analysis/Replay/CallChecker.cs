using System.Collections.Immutable;
using TrailSift.Core.Events;
using TrailSift.Core.Iam.Evaluation;
using TrailSift.Core.Iam.Mapping;

namespace TrailSift.Core.Analysis.Replay;

/*! Analysis/Replay: replays recorded calls against candidate policies (`trailsift check`). A first pass collects
    tagging facts (TagLedger); the second maps each event to the permissions it needed (Iam/Mapping), builds the
    request context the event reveals (EventContextReader: values, known-absent keys, everything else unknown) and
    evaluates it offline (Iam/Evaluation). Depends on Events, Iam and Common; no other Analysis folder. */

/// <summary>
/// The second pass of a replay: for each recorded call that needed permissions (successes, denials and other
/// failures; not authentication failures, permissionless calls or non-API events), evaluates every permission it
/// needed against a policy set and records a <see cref="CallCheck"/>. Unmapped events are undecidable, never allowed.
/// </summary>
/// <remarks>Not thread-safe: one per scan worker, merged with <see cref="Merge"/>. The policy set, mapper and frozen
/// ledger it reads are shared read-only.</remarks>
public sealed partial class CallChecker : IEventSink, ISequencedSink
{
    private readonly PolicySet _policies;
    private readonly PolicySet? _throughEndpoint;
    private readonly IReadOnlyList<string> _policyKeys;
    private readonly TagLedger _ledger;
    private readonly EventPermissionMapper _mapper;
    private readonly CatalogRequestFactory _factory;
    private readonly List<CallCheck> _checks = [];
    private readonly Dictionary<string, long> _skipped = new(StringComparer.Ordinal);

    /// <summary>Creates a checker.</summary>
    /// <param name="policies">The candidate policies.</param>
    /// <param name="ledger">The frozen tagging facts of the same trail.</param>
    /// <param name="mapper">The event → permissions mapper.</param>
    /// <param name="factory">Builds requests with the catalog's knowledge.</param>
    /// <param name="throughEndpoint">The same policies plus the VPC endpoint policy, for calls that carry a
    /// <c>vpcEndpointId</c>; null when no endpoint policy was given.</param>
    public CallChecker(PolicySet policies, TagLedger ledger, EventPermissionMapper mapper, CatalogRequestFactory factory,
        PolicySet? throughEndpoint = null)
    {
        _policies = policies;
        _throughEndpoint = throughEndpoint;
        _policyKeys = PolicyKeys.Collect(policies);
        _ledger = ledger;
        _mapper = mapper;
        _factory = factory;
    }

    /// <summary>
    /// The roles an instance profile holds (<c>AuthorizationDetails.RolesOfInstanceProfile</c> of <c>check --iam</c>):
    /// when it names exactly one, a PassRole through the profile is decided on that role; null or any other count
    /// leaves the role unknown (one of the account's roles).
    /// </summary>
    public Func<string, ImmutableArray<string>>? InstanceProfileRoles { get; init; }

    /// <summary>How long after a denied call that created nothing a tagging call by the same principal still counts.</summary>
    public static TimeSpan TaggingWindow { get; } = TimeSpan.FromSeconds(60);

    /// <summary>The checks, in the order the events were seen (sort after merging).</summary>
    public IReadOnlyList<CallCheck> Checks => _checks;

    /// <summary>Events not replayed, by reason.</summary>
    public IReadOnlyDictionary<string, long> Skipped => _skipped;

    /// <summary>Calls that went through a VPC endpoint (their event has a <c>vpcEndpointId</c>).</summary>
    public long ThroughEndpoint { get; private set; }

    /// <summary>Permissions on a KMS key evaluated under the policy set's <see cref="PolicySet.MissingKeyPolicy"/>
    /// assumption, because no key policy is known.</summary>
    public long KeyPolicyAssumed { get; private set; }

    /// <inheritdoc />
    public void BeginObject(int sequence, string path)
    {
    }

    /// <inheritdoc />
    public void EndObject(int sequence, string path)
    {
    }

    /// <summary>Adds another worker's checks and counts.</summary>
    public void Merge(CallChecker other)
    {
        ArgumentNullException.ThrowIfNull(other);
        _checks.AddRange(other._checks);
        ThroughEndpoint += other.ThroughEndpoint;
        KeyPolicyAssumed += other.KeyPolicyAssumed;
        foreach ((string reason, long count) in other._skipped)
        {
            Skip(reason, count);
        }
    }

    /// <summary>Sorts the checks by time, then event id, so output does not depend on the thread count.</summary>
    public void Sort() => _checks.Sort(static (a, b) =>
    {
        int c = a.Ticks.CompareTo(b.Ticks);
        return c != 0 ? c : string.CompareOrdinal(a.EventId, b.EventId);
    });

    /// <inheritdoc />
    public void Accept(EventRecord record)
    {
        if (ErrorClassifier.Classify(record) == ErrorClass.AuthenticationFailure)
        {
            Skip("authentication failure");
            return;
        }

        EventPermissions mapped = _mapper.Map(record);
        switch (mapped.Status)
        {
            case MappingStatus.Permissionless:
                Skip("needs no permission");
                return;
            case MappingStatus.NotApiCall:
                Skip("not an API call");
                return;
        }

        ReplayContext context = EventContextReader.Read(record);
        CallCheck head = Head(record, context);
        if (context.IdentityType is "AWSService" or "AWSAccount" || context.Principal is null)
        {
            Skip("caller is not an IAM principal");
            return;
        }

        if (context.Values.ContainsKey("aws:SourceVpce"))
        {
            ThroughEndpoint++;
        }

        if (mapped.Status == MappingStatus.Unmapped || (mapped.Permissions.IsEmpty && mapped.Implied.IsEmpty))
        {
            _checks.Add(head with { Verdict = CallVerdict.Undecidable, Decision = "Undecidable", Reason = "unmapped: cannot check" });
            return;
        }

        CallCheck checkedCall = Check(head, context, mapped);
        if (checkedCall.Verdict == CallVerdict.Denied && ErrorClassifier.IsValidationFailure(record))
        {
            // `policy` leaves calls that failed validation out by default: they do not show authorisation passed.
            checkedCall = checkedCall with
            {
                Verdict = CallVerdict.Undecidable, Decision = "Undecidable",
                Reason = $"failed validation ({checkedCall.ErrorCode}), so authorisation is unknown; the policy would deny {checkedCall.Action}",
            };
        }

        _checks.Add(checkedCall);
    }

    // Every permission the call needed is evaluated; the call's verdict is the first denied one, else the first
    // undecidable one, else the first, and Permissions lists them all.
    private CallCheck Check(CallCheck head, ReplayContext context, EventPermissions mapped)
    {
        var checks = ImmutableArray.CreateBuilder<CallCheck>();
        var seen = new HashSet<(string, string)>();
        foreach (RequiredPermission permission in Concat(mapped.Permissions, mapped.Implied))
        {
            if (seen.Add((permission.Action, permission.Resource)))
            {
                checks.Add(Evaluate(head, context, permission));
            }
        }

        CallCheck? denied = null, undecidable = null;
        foreach (CallCheck check in checks)
        {
            denied ??= check.Verdict == CallVerdict.Denied ? check : null;
            undecidable ??= check.Verdict == CallVerdict.Undecidable ? check : null;
        }

        return (denied ?? undecidable ?? checks[0]) with { Permissions = checks.ToImmutable() };
    }

    private CallCheck Evaluate(CallCheck head, ReplayContext context, RequiredPermission permission)
    {
        permission = WithProfileRoles(permission);
        PolicySet policies = _throughEndpoint is not null && context.Values.ContainsKey("aws:SourceVpce") ? _throughEndpoint : _policies;
        RequestContext request = BuildRequest(context, permission, head.EventSource);
        EvaluationResult result = PolicyEvaluator.Evaluate(policies, request, includeTrace: true);
        EvaluationResult? onSome = null;
        if (request.ResourceIsPattern && !(result.IsDecidable && result.Decision == Decision.Allowed))
        {
            // The call acted on one resource of the pattern: "every" allows → allowed; "any" cannot allow → denied.
            onSome = PolicyEvaluator.Evaluate(policies, BuildRequest(context, permission, head.EventSource, ResourceMatchMode.Any), includeTrace: true);
        }

        if (result.Notes.Length > 0 && _policies.ResourcePolicy is null && permission.Action.StartsWith("kms:", StringComparison.OrdinalIgnoreCase))
        {
            KeyPolicyAssumed++;
        }

        return Classify(head, context, permission, result, onSome);
    }

    // The role in an instance profile: exactly, when the authorization details name one role for the profile;
    // otherwise one of arn:…:iam::ACCOUNT:role/* (a profile holds one role of its own account).
    private RequiredPermission WithProfileRoles(RequiredPermission permission)
    {
        if (permission.InstanceProfileArn is not { } profile || permission.Resource != "*")
        {
            return permission;
        }

        if (WithProfileRole(permission, InstanceProfileRoles) is { } exact)
        {
            return exact;
        }

        string[] parts = profile.Split(':');
        return parts.Length >= 6 && parts[4].Length == 12
            ? permission with { Resource = $"arn:{parts[1]}:iam::{parts[4]}:role/*" }
            : permission;
    }

    /// <summary>
    /// The value of <c>iam:PassedToService</c> for an implied <c>iam:PassRole</c>, else null: a role is passed to the service
    /// called (CreateFunction → lambda), except the role inside an instance profile, which EC2 instances assume whoever
    /// launches them (EMR's RunJobFlow included). <c>check</c>'s and <c>unused</c>'s requests read it alike.
    /// </summary>
    internal static string? PassedToService(RequiredPermission permission, string eventSource) =>
        permission.Implied && permission.Action.Equals("iam:PassRole", StringComparison.OrdinalIgnoreCase)
            ? permission.InstanceProfileArn is null ? eventSource : "ec2.amazonaws.com"
            : null;

    /// <summary>
    /// An implied PassRole of the role inside an instance profile (<see cref="RequiredPermission.InstanceProfileArn"/>,
    /// resource <c>*</c>) on that role, when <paramref name="rolesOf"/> (the authorization details) names exactly one
    /// role for the profile; otherwise null. <c>check --iam</c> and <c>unused</c> resolve the role alike.
    /// </summary>
    internal static RequiredPermission? WithProfileRole(RequiredPermission permission, Func<string, ImmutableArray<string>>? rolesOf)
    {
        if (permission.InstanceProfileArn is not { } profile || permission.Resource != "*" || rolesOf?.Invoke(profile) is not { Length: 1 } roles)
        {
            return null;
        }

        return permission with
        {
            Resource = roles[0], ResourceType = "role", Source = PermissionSource.RequestParameter,
            Note = $"role of instance profile {profile}, from the authorization details",
        };
    }

    /// <summary>
    /// The request the evaluator gets for one permission of a call: the event's context, the resource's tags the
    /// trail showed, <c>iam:PassedToService</c> for an implied PassRole, and every policy key the event cannot show
    /// as unknown. Internal: the evaluator benchmark replays exactly these requests.
    /// </summary>
    internal RequestContext BuildRequest(ReplayContext context, RequiredPermission permission, string eventSource,
        ResourceMatchMode resourceMatch = ResourceMatchMode.Every)
    {
        var values = new List<KeyValuePair<string, ContextValue>>(context.Values);
        (Dictionary<string, string> resourceTags, bool complete) = permission.Resource.Contains('*', StringComparison.Ordinal)
            ? (new Dictionary<string, string>(), false)
            : _ledger.TagsBefore(permission.Resource, context.Ticks);
        string service = permission.Action[..Math.Max(0, permission.Action.IndexOf(':', StringComparison.Ordinal))];
        foreach ((string key, string value) in resourceTags)
        {
            values.Add(new("aws:ResourceTag/" + key, value));
            values.Add(new(service + ":ResourceTag/" + key, value));
        }

        // What the resource was created with (an instance's profile), when the trail showed its creation.
        (Dictionary<string, string> attributes, HashSet<string> absent) = permission.Resource.Contains('*', StringComparison.Ordinal)
            ? (new Dictionary<string, string>(), new HashSet<string>())
            : _ledger.AttributesBefore(permission.Resource, context.Ticks);
        foreach ((string key, string value) in attributes)
        {
            values.Add(new(key, value));
        }

        if (PassedToService(permission, eventSource) is string passedTo)
        {
            values.Add(new("iam:PassedToService", passedTo));
        }

        if (permission.CreateAction is { } createAction)
        {
            // Tags given at creation: EC2 sets ec2:CreateAction to the creating call.
            values.Add(new("ec2:CreateAction", createAction));
        }

        var present = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (KeyValuePair<string, ContextValue> pair in values)
        {
            present.Add(pair.Key);
        }

        var unknown = new List<string>();
        foreach (string key in _policyKeys)
        {
            bool known = present.Contains(key) || context.IsKnown(key) || (complete && IsResourceTagKey(key)) || absent.Contains(key);
            if (!known)
            {
                unknown.Add(key);
            }
        }

        return _factory.Create(permission.Action, permission.Resource, context.Principal, values, unknown,
            principalAccount: context.PrincipalAccount, resourceMatch: resourceMatch);
    }

    private static bool IsResourceTagKey(string key)
    {
        int colon = key.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && key.AsSpan(colon + 1).StartsWith("ResourceTag/", StringComparison.OrdinalIgnoreCase);
    }

    private static IEnumerable<RequiredPermission> Concat(ImmutableArray<RequiredPermission> a, ImmutableArray<RequiredPermission> b)
    {
        foreach (RequiredPermission p in a)
        {
            yield return p;
        }

        foreach (RequiredPermission p in b)
        {
            yield return p;
        }
    }

    private static CallCheck Head(EventRecord record, ReplayContext context) => new()
    {
        EventId = EventContextReader.Text(record.Root.GetProperty("eventID"u8)) ?? string.Empty,
        EventTime = EventContextReader.Text(record.Root.GetProperty("eventTime"u8)) ?? string.Empty,
        Ticks = context.Ticks,
        EventSource = EventContextReader.Text(record.EventSource) ?? string.Empty,
        EventName = EventContextReader.Text(record.EventName) ?? string.Empty,
        Principal = context.Principal,
        ErrorCode = EventContextReader.Text(record.ErrorCode),
        Verdict = CallVerdict.Allowed,
        Decision = string.Empty,
        Reason = string.Empty,
    };

    private void Skip(string reason, long count = 1) =>
        _skipped[reason] = _skipped.TryGetValue(reason, out long n) ? n + count : count;
}
