using System.Runtime.InteropServices;

namespace TrailSift.Core.Analysis.Usage;

// The drafts of the reduced statements: (current statement, action) → resources and why kept, hashed as they are made and
// ordered once when laid out (not a sorted tree kept in order through every insert: a principal with thousands of kept
// grants makes thousands of drafts).
public static partial class ReducedPolicyBuilder
{
    /// <summary>The drafts of one reduced policy, by (current statement, action).</summary>
    /// <remarks>Not thread-safe: one per policy built.</remarks>
    internal sealed class DraftTable
    {
        // Per current statement, its drafts by action: string keys hash without randomization, and a statement's kept
        // grants come in action order (no sort needed then).
        private readonly Dictionary<StatementRef, Dictionary<string, Draft>> _drafts = [];

        /// <summary>How many drafts.</summary>
        public int Count { get; private set; }

        /// <summary>The draft of <paramref name="action"/> under <paramref name="reference"/>, made with <paramref name="kind"/> when new.</summary>
        public Draft For(StatementRef reference, string action, ReducedStatementKind kind)
        {
            ref Dictionary<string, Draft>? byAction = ref CollectionsMarshal.GetValueRefOrAddDefault(_drafts, reference, out _);
            byAction ??= new(StringComparer.Ordinal);
            ref Draft? draft = ref CollectionsMarshal.GetValueRefOrAddDefault(byAction, action, out bool exists);
            Count += exists ? 0 : 1;
            return draft ??= new Draft(kind);
        }

        /// <summary>
        /// The statements to write: per current statement (by position), its drafts of one kind, keep flag and resources
        /// (joined by line feeds) together, actions in ordinal order; the groups by kind, then by first action.
        /// </summary>
        public List<DraftGroup> Groups()
        {
            StatementRef[] references = [.. _drafts.Keys];
            Array.Sort(references, static (x, y) => x.Policy != y.Policy ? x.Policy.CompareTo(y.Policy) : x.Statement.CompareTo(y.Statement));

            var result = new List<DraftGroup>();
            var byContent = new Dictionary<(ReducedStatementKind Kind, bool Keep, string Resources), DraftGroup>();
            foreach (StatementRef reference in references)
            {
                Dictionary<string, Draft> byAction = _drafts[reference];
                string[] actions = [.. byAction.Keys];
                Draft[] drafts = [.. byAction.Values];
                if (!Ascending(actions))
                {
                    Array.Sort(actions, drafts, StringComparer.Ordinal);
                }

                int first = result.Count;
                byContent.Clear();
                for (int i = 0; i < actions.Length; i++)
                {
                    Draft draft = drafts[i];
                    ref DraftGroup? group = ref CollectionsMarshal.GetValueRefOrAddDefault(byContent, (draft.Kind, draft.KeepResources, draft.Joined()), out _);
                    if (group is null)
                    {
                        group = new DraftGroup(reference, draft);
                        result.Add(group);
                    }

                    group.Actions.Add(actions[i]);
                }

                // Each action is in one group: first actions differ, so the order is total.
                result.Sort(first, result.Count - first, Comparer<DraftGroup>.Create(static (x, y) =>
                    x.Kind != y.Kind ? x.Kind.CompareTo(y.Kind) : string.CompareOrdinal(x.Actions[0], y.Actions[0])));
            }

            return result;
        }

        private static bool Ascending(string[] actions)
        {
            for (int i = 1; i < actions.Length; i++)
            {
                if (string.CompareOrdinal(actions[i - 1], actions[i]) >= 0)
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>One reduced grant in the making: why it is kept, and its resources unless it keeps the current statement's.</summary>
    internal sealed class Draft(ReducedStatementKind kind)
    {
        // Made on the first resource: kept grants (most drafts of a principal with little data) have none.
        private SortedSet<string>? _resources;

        /// <summary>Why the grant is kept.</summary>
        public ReducedStatementKind Kind { get; } = kind;

        /// <summary>The resources, ordinal order (made when first asked).</summary>
        public SortedSet<string> Resources => _resources ??= new(StringComparer.Ordinal);

        /// <summary>The current statement's resources are kept.</summary>
        public bool KeepResources { get; set; }

        /// <summary>The resources as an array, ordinal order.</summary>
        public string[] ResourceArray() => _resources is null ? [] : [.. _resources];

        /// <summary>The resources joined by line feeds (empty when none).</summary>
        public string Joined() => _resources is null || _resources.Count == 0 ? string.Empty : string.Join('\n', _resources);
    }

    /// <summary>Drafts of one current statement that become one reduced statement.</summary>
    internal sealed class DraftGroup(StatementRef reference, Draft first)
    {
        /// <summary>The current statement.</summary>
        public StatementRef Ref { get; } = reference;

        /// <summary>Why the drafts are kept.</summary>
        public ReducedStatementKind Kind { get; } = first.Kind;

        /// <summary>The current statement's resources are kept.</summary>
        public bool KeepResources { get; } = first.KeepResources;

        /// <summary>The first draft, whose resources the statement names.</summary>
        public Draft First { get; } = first;

        /// <summary>The drafts' actions, ordinal order.</summary>
        public List<string> Actions { get; } = [];
    }
}
