using TrailSift.Core.Events;
using TrailSift.Core.Query.Evaluation;
using TrailSift.Core.Query.Jq.Runtime;

namespace TrailSift.Core.Query.Running;

/// <summary>
/// Decides, in place and without building values, which events can make <c>F</c> of <c>.Records[] | F</c> produce an
/// output or an error: <c>F</c>'s leading <c>select(C)</c>s are tested in order while the in-place evaluator covers
/// them; an event on which one is plainly false (no truthy output, no error) cannot reach the rest of <c>F</c>. The
/// events that pass are run through <c>F</c> by the jq engine, which gives the exact outputs and errors.
/// </summary>
/// <remarks>Immutable; thread-safe.</remarks>
internal sealed class CandidatePredicate(QNode[] selects, Prefilter? prefilter) : IEventPredicate
{
    public bool HasPrefilter => prefilter is not null;

    /// <summary>Where an event whose selects go over their budget (a regex timeout) is reported.</summary>
    public EventProblems Problems { get; } = new();

    public bool MayMatch(ReadOnlySpan<byte> utf8) => prefilter is null || prefilter.MayMatch(utf8);

    public bool Matches(EventRecord record)
    {
        if (selects.Length == 0)
        {
            return true;
        }

        Value root = Value.FromNode(record.Root);
        try
        {
            foreach (QNode c in selects)
            {
                switch (c.Test(root))
                {
                    case Truth.False:
                        return false;
                    case Truth.Error:
                        return true; // the jq engine raises it, with jq's message
                }
            }
        }
        catch (JqBudgetExceededException e)
        {
            InvalidDataException problem = EventValues.Problem(record, e);
            if (Problems.Reported(record, problem))
            {
                return false;
            }

            throw problem;
        }

        return true;
    }
}
