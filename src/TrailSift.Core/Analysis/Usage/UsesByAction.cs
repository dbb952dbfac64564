using System.Collections.Immutable;
using System.Runtime.InteropServices;
using TrailSift.Core.Iam.Evaluation;

namespace TrailSift.Core.Analysis.Usage;

/// <summary>
/// A principal's uses by action (ignoring case), as the runs of the uses array that share one action (ordinal): the uses
/// of an action are read in place, in array order, not copied into a lookup's groups (a heavy principal has tens of
/// thousands of uses, sorted by action, so one run or a few per action).
/// </summary>
/// <remarks>Not thread-safe to build; read-only afterwards.</remarks>
internal sealed class UsesByAction
{
    private readonly ImmutableArray<PermissionUse> _uses;

    // Per action (ignoring case): the runs [Start, End) of uses with one spelling of it, in array order.
    private readonly Dictionary<string, List<(int Start, int End)>> _runs = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Indexes <paramref name="uses"/>.</summary>
    public UsesByAction(ImmutableArray<PermissionUse> uses)
    {
        _uses = uses;
        for (int start = 0, end; start < uses.Length; start = end)
        {
            string action = uses[start].Action;
            for (end = start + 1; end < uses.Length && string.Equals(uses[end].Action, action, StringComparison.Ordinal); end++)
            {
            }

            ref List<(int Start, int End)>? runs = ref CollectionsMarshal.GetValueRefOrAddDefault(_runs, action, out _);
            (runs ??= new(1)).Add((start, end));
        }
    }

    /// <summary>
    /// The uses of <paramref name="action"/> (ignoring case) the current policies allowed (or could allow) that
    /// <paramref name="reference"/> allowed (or could allow), in array order; a shared empty array when none.
    /// </summary>
    public PermissionUse[] AllowedBy(string action, StatementRef reference)
    {
        List<PermissionUse>? found = null;
        if (_runs.TryGetValue(action, out List<(int Start, int End)>? runs))
        {
            foreach ((int start, int end) in runs)
            {
                for (int i = start; i < end; i++)
                {
                    PermissionUse use = _uses[i];
                    if ((use.Decision == Decision.Allowed || use.Undecidable) && use.AllowedBy.Contains(reference))
                    {
                        (found ??= []).Add(use);
                    }
                }
            }
        }

        return found is null ? [] : [.. found];
    }

    /// <summary>The calls of the uses of <paramref name="action"/> (ignoring case) the current policies refuse that <paramref name="reference"/> matched.</summary>
    public long RefusedCallsOf(string action, StatementRef reference)
    {
        long calls = 0;
        if (_runs.TryGetValue(action, out List<(int Start, int End)>? runs))
        {
            foreach ((int start, int end) in runs)
            {
                for (int i = start; i < end; i++)
                {
                    PermissionUse use = _uses[i];
                    calls += use.Decision != Decision.Allowed && !use.Undecidable && use.AllowedBy.Contains(reference) ? use.Calls : 0;
                }
            }
        }

        return calls;
    }
}
