using TrailSift.Core.Analysis.Replay;
using TrailSift.Core.Iam.Evaluation;
using TrailSift.Core.Iam.Mapping;

namespace TrailSift.Core.Analysis.Usage;

// What the evaluator said about one request: through the principal's RequestJudge (one evaluation per class of requests)
// or, for a principal whose policies read resource tags, through its checker's full request.
public sealed partial class UsageCollector
{
    private static readonly Comparer<StatementRef> ByPosition = CallOutcome.ByPosition;

    // The judge of principal index in this worker, made on its first call.
    private RequestJudge Judge(int index) =>
        _judges[index] ??= new RequestJudge(_scope.PolicySets[index], _scope.PolicyKeySets[index], _scope.Factory);

    /// <summary>A call of a principal whose policies read resource tags: its checker's full request (tagging facts included), evaluated.</summary>
    private (CallOutcome Outcome, KeptRequest? Kept) EvaluateFull(CallChecker checker, ReplayContext context, RequiredPermission permission,
        string eventSource, int index)
        => RequestJudge.Decide(_scope.PolicySets[index], checker.BuildRequest(context, permission, eventSource), _scope.PolicyKeySets[index]);

    // A fully evaluated outcome as the judge's are given: its kept request is the call's own (no other resource).
    private static (CallOutcome Outcome, KeptRequest? Kept, string? Resource) Unshared((CallOutcome Outcome, KeptRequest? Kept) judged) =>
        (judged.Outcome, judged.Kept, null);

    /// <summary>
    /// The sorted union of two sorted, distinct lists: either list itself when it holds the other (the usual case: no
    /// allocation), else a new one.
    /// </summary>
    private static T[] Union<T>(T[] mine, T[] other, IComparer<T> order)
    {
        if (ReferenceEquals(mine, other) || other.Length == 0)
        {
            return mine;
        }

        if (mine.Length == 0)
        {
            return other;
        }

        bool holds = true;
        foreach (T item in other)
        {
            holds &= Array.BinarySearch(mine, item, order) >= 0;
        }

        if (holds)
        {
            return mine;
        }

        var union = new SortedSet<T>(mine, order);
        union.UnionWith(other);
        return union.Count == other.Length ? other : [.. union];
    }
}
