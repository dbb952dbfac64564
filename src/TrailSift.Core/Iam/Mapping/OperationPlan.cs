using System.Collections.Immutable;
using TrailSift.Core.Iam.Catalog;

namespace TrailSift.Core.Iam.Mapping;

/// <summary>
/// Everything about one <c>(eventSource, eventName)</c> that does not depend on the event: the prefix, the
/// operation, the status, the actions with their resource types and where each template variable may be found.
/// Built once per pair and cached by <see cref="EventPermissionMapper"/>.
/// </summary>
/// <remarks>Immutable; thread-safe.</remarks>
internal sealed class OperationPlan
{
    public required string Prefix { get; init; }

    public required string Operation { get; init; }

    public required MappingStatus Status { get; init; }

    public ImmutableArray<string> Notes { get; init; } = [];

    public ImmutableArray<ActionPlan> Actions { get; init; } = [];

    /// <summary>A code handler name from the exception table (<c>s3copy</c>, <c>partiql</c>, …), or null.</summary>
    public string? Handler { get; init; }

    public ImmutableArray<ImpliedRule> Implied { get; init; } = [];

    /// <summary>For statuses other than <see cref="MappingStatus.Mapped"/>: the result every such event gets.</summary>
    public EventPermissions? FixedResult { get; init; }

    // Whether every event of the plan maps to one of two results (by an AWS service or not): 0 unknown, 1 yes, 2 no.
    private int _shareable;
    private EventPermissions? _shared, _sharedByService;

    /// <summary>Whether the result depends on the event only through its caller being an AWS service (decided once).</summary>
    public bool ResultIsShareable(Func<OperationPlan, bool> decide)
    {
        if (_shareable == 0)
        {
            _shareable = decide(this) ? 1 : 2;
        }

        return _shareable == 1;
    }

    /// <summary>The result kept by <see cref="ShareResult"/>, or null. Results are immutable, so any thread may reuse one.</summary>
    public EventPermissions? SharedResult(bool byService) => Volatile.Read(ref byService ? ref _sharedByService : ref _shared);

    /// <summary>Keeps the result of a shareable plan (a race stores one of two equal results).</summary>
    public void ShareResult(bool byService, EventPermissions result) => Volatile.Write(ref byService ? ref _sharedByService : ref _shared, result);

    // The plan's entries in the mapper's table of named creations, looked up once (NoEntry when it has none).
    private static readonly object NoEntry = new();
    private object? _namedCreations;

    /// <summary>
    /// <paramref name="find"/>'s answer for the plan: its entries in the mapper's table of named creations (one table: the
    /// answer is kept for the plan), asked once. A race asks twice and keeps one of two equal answers.
    /// </summary>
    public T? NamedCreations<T>(Func<OperationPlan, T?> find)
        where T : class
    {
        object? entry = Volatile.Read(ref _namedCreations);
        if (entry is null)
        {
            entry = find(this) ?? NoEntry;
            Volatile.Write(ref _namedCreations, entry);
        }

        return entry as T;
    }

    // Whether the generic iam:PassRole rule reads the plan's requests (by prefix and verb): 0 unknown, 1 yes, 2 no.
    private int _handsRoles;

    /// <summary>Whether <paramref name="decide"/> says the generic iam:PassRole rule applies to the plan (decided once).</summary>
    public bool HandsRoles(Func<OperationPlan, bool> decide)
    {
        if (_handsRoles == 0)
        {
            _handsRoles = decide(this) ? 1 : 2;
        }

        return _handsRoles == 1;
    }

    // Whether the operation starts with a verb of creation: 0 unknown, 1 yes, 2 no.
    private int _createVerb;

    /// <summary>Whether <paramref name="decide"/> says the operation's name is a creation's (decided once).</summary>
    public bool NamesCreation(Func<string, bool> decide)
    {
        if (_createVerb == 0)
        {
            _createVerb = decide(Operation) ? 1 : 2;
        }

        return _createVerb == 1;
    }
}

/// <summary>One action of a plan with its resource types.</summary>
/// <remarks>Immutable; thread-safe.</remarks>
internal sealed class ActionPlan
{
    public required ActionInfo Action { get; init; }

    /// <summary>The exception-table spec, or null for the default rule.</summary>
    public ActionSpec? Spec { get; init; }

    public ImmutableArray<TypePlan> Types { get; init; } = [];

    public bool FromException => Spec is not null;

    /// <summary>False when the spec overrides variables, so the <c>resources</c> field could name the wrong resource.</summary>
    public bool UseResourcesField => Spec is null || Spec.Overrides.IsEmpty;

    /// <summary>The rule's note on its permissions: the exception table's, or null.</summary>
    public string? RuleNote => FromException ? "action from the exception table" : null;

    private readonly RequiredPermission?[] _stars = new RequiredPermission?[3];

    /// <summary>The three ways an action ends on <c>*</c> whatever the event, each with its fixed source and note.</summary>
    public enum StarKind
    {
        /// <summary>The action has no resource types.</summary>
        NoTypes,

        /// <summary>Only optional types, none named by the event.</summary>
        OptionalUnnamed,

        /// <summary>Required types, none identified.</summary>
        Unidentified,
    }

    /// <summary>
    /// The <c>*</c> permission of <paramref name="kind"/>, made once by <paramref name="make"/> (with the rule note)
    /// and shared: it depends on the plan only, and records are immutable.
    /// </summary>
    public RequiredPermission Star(StarKind kind, Func<ActionPlan, string?, RequiredPermission> make) =>
        _stars[(int)kind] ??= make(this, RuleNote);
}

/// <summary>A resource type of an action and where its template variables come from.</summary>
/// <remarks>Immutable; thread-safe.</remarks>
internal sealed class TypePlan
{
    public required ActionResourceType Type { get; init; }

    public required ArnTemplate Template { get; init; }

    /// <summary>The variables other than Partition, Region and Account, with the paths to try.</summary>
    public ImmutableArray<(string Name, ImmutableArray<FieldPath> Paths)> Variables { get; init; } = [];
}
