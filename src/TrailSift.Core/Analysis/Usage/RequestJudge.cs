using System.Collections.Immutable;
using System.Globalization;
using TrailSift.Core.Analysis.Replay;
using TrailSift.Core.Iam.Evaluation;
using TrailSift.Core.Iam.Evaluation.Internal;
using TrailSift.Core.Iam.Mapping;

namespace TrailSift.Core.Analysis.Usage;

/// <summary>
/// Decides the requests of one principal whose policies read no resource tags, evaluating once per class of requests
/// its policies treat alike. A request is built from the call's context and one permission (<see cref="Evaluate"/>:
/// the principal's policy keys only, as <see cref="CallChecker.BuildRequest"/> would fill them); two requests are of one
/// class when they agree on everything such a request holds — the action, the permission's fields that change the
/// context (implied, instance profile, creating action), the event source, the caller, its account and every policy
/// key's value, absence or unknownness — except the resource, which counts only through its account and its
/// <see cref="ResourceClassifier"/> class (which Resource and NotResource entries of the statements whose Action
/// matches it match). The evaluator reads nothing else of a request, so one evaluation decides the whole class; the
/// allowed request the replay keeps (<see cref="KeptRequest"/>) is the class's with the call's own resource.
/// </summary>
/// <remarks>
/// Not thread-safe: one per principal and scan worker. Memory is bounded: at most <see cref="OutcomeLimit"/> classes and
/// <see cref="ContextLimit"/> call contexts are kept before starting over. Exactness is tested against
/// <see cref="Evaluate"/> and the checker's full requests (RequestJudgeOracleTests).
/// </remarks>
internal sealed class RequestJudge
{
    /// <summary>
    /// Classes kept before the cache starts over. (Under the exact outcome cache this replaced, 512 cost no measurable CPU
    /// against 4,096 on the 1 GiB bench trail and about 100 MiB less.)
    /// </summary>
    internal const int OutcomeLimit = 512;

    /// <summary>Distinct call contexts kept before starting over (with the classes, which name them).</summary>
    internal const int ContextLimit = 4096;

    private readonly PolicySet _policies;
    private readonly ImmutableArray<string> _policyKeys;
    private readonly CatalogRequestFactory _factory;
    private readonly Dictionary<string, ActionFacts> _actions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _contexts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _accounts = new(StringComparer.Ordinal);
    private readonly Dictionary<RequestClass, Judged> _outcomes = [];
    private char[] _signature = new char[256];
    private int _length;
    private int _nextContext;
    private int _context = -1;
    private ReplayContext? _call;
    private string? _lastAction;
    private ActionFacts? _lastFacts;
    private string _eventSource = string.Empty;

    /// <summary>A judge for the principal whose policies are <paramref name="policies"/> and read <paramref name="policyKeys"/>.</summary>
    public RequestJudge(PolicySet policies, ImmutableArray<string> policyKeys, CatalogRequestFactory factory)
    {
        ArgumentNullException.ThrowIfNull(policies);
        ArgumentNullException.ThrowIfNull(factory);
        _policies = policies;
        _policyKeys = policyKeys;
        _factory = factory;
    }

    /// <summary>Evaluations made (classes decided), for tests and measurements.</summary>
    public long Evaluations { get; private set; }

    /// <summary>
    /// Starts a call: <paramref name="context"/> (read with the principal's policy keys as selection; valid until the next
    /// call) and its event source, which every <see cref="Judge"/> until the next call reads.
    /// </summary>
    public void BeginCall(ReplayContext context, string eventSource)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(eventSource);
        _call = context;
        _eventSource = eventSource;
        _length = 0;
        AppendText(eventSource);
        AppendText(context.Principal);
        AppendText(context.PrincipalAccount);
        foreach (string key in _policyKeys)
        {
            if (context.Values.TryGetValue(key, out ContextValue value))
            {
                Append('=');
                AppendCount(value.Count);
                Append('#');
                for (int i = 0; i < value.Count; i++)
                {
                    AppendText(value[i]);
                }
            }
            else
            {
                Append(context.IsKnown(key) ? '!' : '?');
            }
        }

        ReadOnlySpan<char> signature = _signature.AsSpan(0, _length);
        Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> bySpan = _contexts.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!bySpan.TryGetValue(signature, out _context))
        {
            if (_contexts.Count >= ContextLimit)
            {
                _contexts.Clear();
                _outcomes.Clear();
            }

            _context = _nextContext++;
            _contexts.Add(signature.ToString(), _context);
        }
    }

    /// <summary>
    /// The outcome of the current call's request for <paramref name="permission"/> (its instance profile already resolved),
    /// and for an allowed one the request the replay keeps.
    /// </summary>
    public (CallOutcome Outcome, KeptRequest? Kept) Judge(RequiredPermission permission)
    {
        (CallOutcome outcome, KeptRequest? kept, string resource) = JudgeClass(permission);
        return (outcome, kept?.WithResource(resource));
    }

    /// <summary>
    /// <see cref="Judge"/> without making the kept request: the outcome and, for an allowed one, a request of the class
    /// (the call's but for its resource) and the call's resource — <see cref="Judge"/>'s request is
    /// <c>Kept.WithResource(Resource)</c>. No request is made per call.
    /// </summary>
    public (CallOutcome Outcome, KeptRequest? Kept, string Resource) JudgeClass(RequiredPermission permission)
    {
        ArgumentNullException.ThrowIfNull(permission);
        ReplayContext context = _call ?? throw new InvalidOperationException("BeginCall first");
        ActionFacts facts = Facts(permission.Action);
        // The request's resource: "*" for an action without resource types (RequestContext does the same).
        string resource = facts.WildcardOnly ? "*" : permission.Resource;
        bool exact = facts.Classifier.IsExact || (resource != "*" && WildcardMatch.HasWildcard(resource));
        var key = new RequestClass(_context, permission.Action, facts.ActionHash, permission.CreateAction, permission.Implied,
            permission.InstanceProfileArn is not null, exact ? null : Account(permission.Resource), exact ? permission.Resource : null,
            exact ? 0 : facts.Classifier.Classify(resource));
        if (_outcomes.TryGetValue(key, out Judged judged))
        {
            return (judged.Outcome, judged.Kept, resource);
        }

        Evaluations++;
        (CallOutcome outcome, KeptRequest? kept) = Evaluate(_policies, _policyKeys, _factory, context, permission, _eventSource);
        if (_outcomes.Count >= OutcomeLimit)
        {
            _outcomes.Clear();
        }

        _outcomes.Add(key, new Judged(outcome, kept));
        return (outcome, kept, kept?.Resource ?? resource);
    }

    /// <summary>
    /// Evaluates the request for <paramref name="permission"/> in <paramref name="context"/> (<see cref="PolicyKeyRequest"/>):
    /// what <see cref="Judge"/> returns for every request of its class.
    /// </summary>
    public static (CallOutcome Outcome, KeptRequest? Kept) Evaluate(PolicySet policies, ImmutableArray<string> policyKeys,
        CatalogRequestFactory factory, ReplayContext context, RequiredPermission permission, string eventSource)
        => Decide(policies, PolicyKeyRequest(factory, policyKeys, context, permission, eventSource), policyKeys);

    /// <summary>Evaluates <paramref name="request"/> with a trace: its outcome and, when allowed, what the replay keeps of it.</summary>
    internal static (CallOutcome Outcome, KeptRequest? Kept) Decide(PolicySet policies, RequestContext request, ImmutableArray<string> policyKeys)
    {
        EvaluationResult result = PolicyEvaluator.Evaluate(policies, request, includeTrace: true);
        var outcome = new CallOutcome(result);
        return (outcome, outcome.IsAllowed ? KeptRequest.Of(request, policyKeys) : null);
    }

    /// <summary>
    /// The request <see cref="CallChecker.BuildRequest"/> builds, restricted to what the principal's policies read: the
    /// same action, resource, caller and accounts, and per policy key the same value (the event's, or
    /// <c>iam:PassedToService</c> for an implied PassRole and <c>ec2:CreateAction</c> for tags given at creation, which
    /// override it) or the same unknownness; no other context value. The evaluator reads no other key, so it decides this
    /// request as it decides the full one, and the replay keeps the same <see cref="KeptRequest"/> — without copying and
    /// normalising every value the event shows. Only for principals whose policies read no resource tags (the tagging
    /// facts add values only for those keys).
    /// </summary>
    public static RequestContext PolicyKeyRequest(CatalogRequestFactory factory, IReadOnlyList<string> policyKeys, ReplayContext context,
        RequiredPermission permission, string eventSource)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(policyKeys);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(permission);
        string? passedTo = CallChecker.PassedToService(permission, eventSource);
        var values = new List<KeyValuePair<string, ContextValue>>(policyKeys.Count);
        List<string>? unknown = null;
        foreach (string key in policyKeys)
        {
            if (passedTo is not null && key.Equals("iam:PassedToService", StringComparison.OrdinalIgnoreCase))
            {
                values.Add(new(key, passedTo));
            }
            else if (permission.CreateAction is { } createAction && key.Equals("ec2:CreateAction", StringComparison.OrdinalIgnoreCase))
            {
                values.Add(new(key, createAction));
            }
            else if (context.Values.TryGetValue(key, out ContextValue value))
            {
                values.Add(new(key, value));
            }
            else if (!context.IsKnown(key))
            {
                (unknown ??= []).Add(key);
            }
        }

        return factory.Create(permission.Action, permission.Resource, context.Principal, values, unknown,
            principalAccount: context.PrincipalAccount);
    }

    private ActionFacts Facts(string action)
    {
        // A call's permissions usually share their action, and the mapper's actions are the catalog's strings.
        if (ReferenceEquals(action, _lastAction))
        {
            return _lastFacts!;
        }

        if (!_actions.TryGetValue(action, out ActionFacts? facts))
        {
            facts = new ActionFacts(ResourceClassifier.For(_policies, action), _factory.IsWildcardOnly(action),
                StringComparer.Ordinal.GetHashCode(action));
            // Actions are the catalog's (a few hundred at most); bounded anyway against hostile input.
            if (_actions.Count >= ContextLimit)
            {
                _actions.Clear();
            }

            _actions.Add(action, facts);
        }

        (_lastAction, _lastFacts) = (action, facts);
        return facts;
    }

    // The account the resource ARN names (the request's resource account unless it names none: then the caller's, which
    // the context signature holds), one string per account.
    private string? Account(string resource)
    {
        ReadOnlySpan<char> account = RequestContext.AccountSpanOf(resource);
        if (account.IsEmpty)
        {
            return null;
        }

        Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> bySpan = _accounts.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!bySpan.TryGetValue(account, out string? text))
        {
            text = account.ToString();
            if (_accounts.Count < ContextLimit)
            {
                _accounts.Add(text, text);
            }
        }

        return text;
    }

    // Text, length-prefixed so that no value can run into the next; null apart from the empty string.
    private void AppendText(string? text)
    {
        if (text is null)
        {
            Append('-');
            return;
        }

        AppendCount(text.Length);
        Append(':');
        Reserve(text.Length);
        text.CopyTo(_signature.AsSpan(_length));
        _length += text.Length;
    }

    private void AppendCount(int count)
    {
        Reserve(11);
        count.TryFormat(_signature.AsSpan(_length), out int written, provider: CultureInfo.InvariantCulture);
        _length += written;
    }

    private void Append(char c)
    {
        Reserve(1);
        _signature[_length++] = c;
    }

    private void Reserve(int more)
    {
        if (_length + more > _signature.Length)
        {
            Array.Resize(ref _signature, Math.Max(_signature.Length * 2, _length + more));
        }
    }

    /// <summary>
    /// What the judge knows of an action: its resource classes, whether it has resource types, and its ordinal hash (for
    /// <see cref="RequestClass"/>, made once per action rather than per request).
    /// </summary>
    private sealed record ActionFacts(ResourceClassifier Classifier, bool WildcardOnly, int ActionHash);

    /// <summary>
    /// A class of requests: the call context (<see cref="BeginCall"/>'s id), the permission's fields, and the resource as
    /// its account and class, or as text (<see cref="ResourceClassifier.IsExact"/>, or a resource with wildcards).
    /// <paramref name="ActionHash"/> is the action's ordinal hash (<see cref="ActionFacts"/>), given so it is not made again.
    /// </summary>
    private readonly record struct RequestClass(int Context, string Action, int ActionHash, string? CreateAction, bool Implied, bool Profile,
        string? Account, string? Resource, ulong Classes)
    {
        // Equality is every field's (ordinal; the action's hash follows from the action); the hash leaves out the texts that
        // rarely tell two classes of a principal apart (the resource's account, the creating action: their presence only).
        public bool Equals(RequestClass other) =>
            Context == other.Context && Classes == other.Classes && Implied == other.Implied && Profile == other.Profile
            && string.Equals(Action, other.Action, StringComparison.Ordinal) && string.Equals(Resource, other.Resource, StringComparison.Ordinal)
            && string.Equals(Account, other.Account, StringComparison.Ordinal) && string.Equals(CreateAction, other.CreateAction, StringComparison.Ordinal);

        public override int GetHashCode() => HashCode.Combine(Context, Classes, ActionHash,
            Resource is null ? 0 : StringComparer.Ordinal.GetHashCode(Resource), Account is null, CreateAction is null, Implied, Profile);
    }

    /// <summary>A class's outcome and, when allowed, the request the replay keeps (with the first call's resource).</summary>
    private readonly record struct Judged(CallOutcome Outcome, KeptRequest? Kept);
}
