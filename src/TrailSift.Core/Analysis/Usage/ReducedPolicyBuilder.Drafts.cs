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
        private readonly Dictionary<(StatementRef Ref, string Action), Draft> _drafts = [];

        /// <summary>How many drafts.</summary>
        public int Count => _drafts.Count;

        /// <summary>The draft of <paramref name="action"/> under <paramref name="reference"/>, made with <paramref name="kind"/> when new.</summary>
        public Draft For(StatementRef reference, string action, ReducedStatementKind kind)
        {
            ref Draft? draft = ref CollectionsMarshal.GetValueRefOrAddDefault(_drafts, (reference, action), out _);
            return draft ??= new Draft(kind);
        }

        /// <summary>
        /// The statements to write: per current statement (by position), its drafts of one kind, keep flag and resources
        /// (joined by line feeds) together, actions in ordinal order; the groups by kind, then by first action.
        /// </summary>
        public List<DraftGroup> Groups()
        {
            var ordered = new KeyValuePair<(StatementRef Ref, string Action), Draft>[_drafts.Count];
            ((ICollection<KeyValuePair<(StatementRef Ref, string Action), Draft>>)_drafts).CopyTo(ordered, 0);
            Array.Sort(ordered, static (x, y) => Compare(x.Key, y.Key));

            var result = new List<DraftGroup>();
            var byContent = new Dictionary<(ReducedStatementKind Kind, bool Keep, string Resources), DraftGroup>();
            for (int start = 0, end; start < ordered.Length; start = end)
            {
                StatementRef reference = ordered[start].Key.Ref;
                int first = result.Count;
                byContent.Clear();
                for (end = start; end < ordered.Length && ordered[end].Key.Ref == reference; end++)
                {
                    Draft draft = ordered[end].Value;
                    ref DraftGroup? group = ref CollectionsMarshal.GetValueRefOrAddDefault(byContent, (draft.Kind, draft.KeepResources, draft.Joined()), out _);
                    if (group is null)
                    {
                        group = new DraftGroup(reference, draft);
                        result.Add(group);
                    }

                    group.Actions.Add(ordered[end].Key.Action);
                }

                // Each action is in one group: first actions differ, so the order is total.
                result.Sort(first, result.Count - first, Comparer<DraftGroup>.Create(static (x, y) =>
                    x.Kind != y.Kind ? x.Kind.CompareTo(y.Kind) : string.CompareOrdinal(x.Actions[0], y.Actions[0])));
            }

            return result;
        }

        private static int Compare((StatementRef Ref, string Action) x, (StatementRef Ref, string Action) y)
        {
            int c = x.Ref.Policy.CompareTo(y.Ref.Policy);
            c = c != 0 ? c : x.Ref.Statement.CompareTo(y.Ref.Statement);
            return c != 0 ? c : string.CompareOrdinal(x.Action, y.Action);
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
