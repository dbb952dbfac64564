using TrailSift.Core.Events;
using TrailSift.Core.Query.Evaluation;
using TrailSift.Core.Query.Jq;
using TrailSift.Core.Query.Jq.Runtime;

namespace TrailSift.Core.Query.Running;

/// <summary>
/// A per-event condition <c>C</c>, TrailSift's shorthand for <c>.Records[] | select(try ([C] | any) catch false)</c>:
/// an event is selected, once, when <c>C</c> has a truthy output and raises no jq error on it. Evaluated in place
/// when <see cref="FastCondition"/> covers <c>C</c>, else by the jq engine on the event's value.
/// </summary>
/// <remarks>Immutable; thread-safe through <see cref="ForWorker"/> (each worker gets its own jq context).</remarks>
internal sealed class ConditionPredicate : IEventPredicate
{
    private readonly JqProgram _program;
    private readonly QNode? _fast;
    private readonly Prefilter? _prefilter;
    private readonly JqContext? _context;

    public ConditionPredicate(JqProgram program, QNode? fast, Prefilter? prefilter)
        : this(program, fast, prefilter, null)
    {
    }

    private ConditionPredicate(JqProgram program, QNode? fast, Prefilter? prefilter, JqContext? context)
    {
        _program = program;
        _fast = fast;
        _prefilter = prefilter;
        _context = context;
    }

    /// <summary>The event members the condition reads (null: all); only these are built as jq values.</summary>
    public InputKeys? Keys { get; init; }

    /// <summary>True when the in-place evaluator decides (no value is built per event).</summary>
    public bool InPlace => _fast is not null;

    public bool HasPrefilter => _prefilter is not null;

    public bool MayMatch(ReadOnlySpan<byte> utf8) => _prefilter is null || _prefilter.MayMatch(utf8);

    /// <summary>Where an event that goes over its budget (a regex timeout among them) is reported.</summary>
    public EventProblems Problems { get; private init; } = new();

    public IEventPredicate ForWorker() => _fast is not null ? this : new ConditionPredicate(_program, null, _prefilter, new JqContext()) { Keys = Keys, Problems = Problems };

    public bool Matches(EventRecord record)
    {
        try
        {
            return _fast is null ? MatchesOnEngine(record) : MatchesInPlace(record);
        }
        catch (InvalidDataException e) when (Problems.Reported(record, e))
        {
            return false;
        }
    }

    private bool MatchesInPlace(EventRecord record)
    {
        try
        {
            return _fast!.Test(Value.FromNode(record.Root)) == Truth.True;
        }
        catch (JqBudgetExceededException e)
        {
            // A regex that timed out: an error on this event, never taken as "not selected" silently.
            throw EventValues.Problem(record, e);
        }
    }

    // Separate from Matches: its closure would otherwise be allocated on the in-place path too.
    private bool MatchesOnEngine(EventRecord record)
    {
        JqContext cx = _context ?? new JqContext();
        bool truthy = false;
        EventValues.Guard(record, () =>
        {
            cx.ResetSteps();
            try
            {
                _program.Run(cx, EventValues.Of(record, Keys), v => truthy |= v.IsTruthy);
            }
            catch (JqRuntimeException e) when (!e.IsHalt)
            {
                truthy = false;
            }
        });
        return truthy;
    }
}
