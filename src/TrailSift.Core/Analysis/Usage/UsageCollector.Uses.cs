using System.Collections.Immutable;
using System.Runtime.InteropServices;
using TrailSift.Core.Iam.Evaluation;

namespace TrailSift.Core.Analysis.Usage;

// Per (action, resource) use of one principal, compact: most of a bench trail's kept state is S3 object ARNs.
public sealed partial class UsageCollector
{
    /// <summary>
    /// A principal's uses by (action, resource), each becoming a <see cref="PermissionUse"/>: per use only its counts, its
    /// resource's number in a <see cref="Utf8TextSet"/> and a shared <see cref="UseShape"/> (action, resource type, decision,
    /// statements, event names and regions, which thousands of uses of one action usually share) — no object per use.
    /// </summary>
    /// <remarks>Not thread-safe: one per principal and scan worker.</remarks>
    internal sealed class UseTable
    {
        private readonly Utf8TextSet _resources = new();
        private readonly Dictionary<UseShape, UseShape> _shapes = new(UseShape.ByContent);
        private readonly Dictionary<UseShape, UseShape>.AlternateLookup<UseShape.Content> _shapesByContent;
        private readonly BlockList<Entry> _entries = new();
        // Open addressing, at most 3/4 full: entry index + 1 and a tag of the hash (SlotTags), 0 for an empty slot.
        private uint[] _slots = new uint[8];

        // Calls denied at the time, by entry index, for the entries that have any (few do): not a count in every entry.
        private Dictionary<int, long>? _denied;

        // The shape interned last: uses of new resources usually get it again (no lookup).
        private UseShape? _last;

        // The action hashed last (by reference) and its ordinal hash.
        private string? _hashedAction;
        private int _actionHash;

        /// <summary>Creates an empty table.</summary>
        public UseTable() => _shapesByContent = _shapes.GetAlternateLookup<UseShape.Content>();

        /// <summary>The resources' texts, which the principal's allowed requests number too.</summary>
        public Utf8TextSet Resources => _resources;

        /// <summary>How many distinct (action, resource) pairs.</summary>
        public int Count => _entries.Count;

        /// <summary>Counts one call's use of a permission with the outcome its request had.</summary>
        /// <param name="action">The permission's action.</param>
        /// <param name="resource">The permission's resource.</param>
        /// <param name="resourceType">The resource type (the first one given is kept).</param>
        /// <param name="decision">The decision (an undecidable one counting as implicitly denied).</param>
        /// <param name="undecidable">Unknown keys could change the decision.</param>
        /// <param name="matched">Identity Allow statements that matched, sorted by position.</param>
        /// <param name="maybe">Those that only may have, sorted by position.</param>
        /// <param name="implied">The permission is implied, not stated by the call.</param>
        /// <param name="deniedThen">The call was denied at the time.</param>
        /// <param name="ticks">The call's time.</param>
        /// <param name="eventName">The call's event name, as a single-element list.</param>
        /// <param name="region">The call's region as a single-element list (the empty string: not recorded).</param>
        public void Add(string action, string resource, string? resourceType, Decision decision, bool undecidable, StatementRef[] matched,
            StatementRef[] maybe, bool implied, bool deniedThen, long ticks, string[] eventName, string[] region)
        {
            ref Entry entry = ref Find(action, _resources.Add(resource), out bool found, out int index);
            if (!found)
            {
                entry.Shape = Shape(action, resourceType, decision, undecidable, matched, maybe, eventName, region[0].Length > 0 ? region : []);
                entry.AllImplied = true;
                entry.First = long.MaxValue;
                entry.Last = long.MinValue;
            }
            else
            {
                entry.Shape = Combined(entry.Shape!, decision, undecidable, matched, maybe, eventName, region[0].Length > 0 ? region : []);
            }

            entry.Calls++;
            AddDenied(index, deniedThen ? 1 : 0);
            entry.AllImplied &= implied;
            entry.First = Math.Min(entry.First, ticks);
            entry.Last = Math.Max(entry.Last, ticks);
        }

        /// <summary>Adds another worker's uses of the same principal.</summary>
        public void Merge(UseTable other)
        {
            for (int i = 0; i < other.Count; i++)
            {
                ref Entry theirs = ref other._entries[i];
                UseShape their = theirs.Shape!;
                ref Entry entry = ref Find(their.Action, _resources.Add(other._resources, theirs.Resource), out bool found, out int index);
                AddDenied(index, other.DeniedOf(i));
                if (!found)
                {
                    entry.Shape = Intern(their);
                    (entry.Calls, entry.AllImplied, entry.First, entry.Last) = (theirs.Calls, theirs.AllImplied, theirs.First, theirs.Last);
                    continue;
                }

                entry.Shape = Combined(entry.Shape!, their.Decision, their.Undecidable, their.Matched, their.Maybe, their.Events, their.Regions);
                entry.Calls += theirs.Calls;
                entry.AllImplied &= theirs.AllImplied;
                entry.First = Math.Min(entry.First, theirs.First);
                entry.Last = Math.Max(entry.Last, theirs.Last);
            }
        }

        /// <summary>
        /// The uses, sorted by action then resource (ordinal; each pair is one entry). Uses of one shape share its facts
        /// (action, resource type, decision, the allowing statements, event names, regions): built once per shape, not per use. The resources' strings are
        /// made once per <paramref name="texts"/> (<see cref="Utf8TextSet.Text(int, string?[])"/>) when given.
        /// </summary>
        public PermissionUse[] Build(string?[]? texts = null)
        {
            var uses = new PermissionUse[Count];
            var facts = new Dictionary<UseShape, PermissionUse.SharedFacts>(ReferenceEqualityComparer.Instance);
            for (int i = 0; i < uses.Length; i++)
            {
                ref Entry entry = ref _entries[i];
                UseShape shape = entry.Shape!;
                ref PermissionUse.SharedFacts? shared = ref CollectionsMarshal.GetValueRefOrAddDefault(facts, shape, out bool exists);
                if (!exists)
                {
                    shared = new PermissionUse.SharedFacts(shape.Action, shape.ResourceType, shape.Decision, shape.Undecidable,
                        [.. shape.Matched, .. shape.Maybe.Except(shape.Matched)], [.. shape.Events], [.. shape.Regions]);
                }

                uses[i] = new PermissionUse(shared!, _resources.Text(entry.Resource, texts))
                {
                    Calls = entry.Calls,
                    DeniedAtTheTime = DeniedOf(i),
                    Implied = entry.AllImplied,
                    FirstTicks = entry.First,
                    LastTicks = entry.Last,
                };
            }

            Array.Sort(uses, static (x, y) =>
            {
                int c = string.CompareOrdinal(x.Action, y.Action);
                return c != 0 ? c : string.CompareOrdinal(x.Resource, y.Resource);
            });
            return uses;
        }

        /// <summary>
        /// <paramref name="shape"/> with more calls' outcomes: one permission under one policy set decides the same way
        /// except for per-call keys, so the weakest decision wins (a denial is reported over an allow), and the lists are
        /// united. When nothing new was seen the lists are the same ones and the shape itself is returned, with no allocation.
        /// </summary>
        private UseShape Combined(UseShape shape, Decision decision, bool undecidable, StatementRef[] matched, StatementRef[] maybe,
            string[] events, string[] regions)
        {
            Decision weaker = Weaker(shape.Decision, decision);
            StatementRef[] allMatched = Union(shape.Matched, matched, ByPosition);
            StatementRef[] allMaybe = Union(shape.Maybe, maybe, ByPosition);
            string[] allEvents = Union(shape.Events, events, StringComparer.Ordinal);
            string[] allRegions = Union(shape.Regions, regions, StringComparer.Ordinal);
            return weaker == shape.Decision && (shape.Undecidable || !undecidable) && ReferenceEquals(allMatched, shape.Matched)
                && ReferenceEquals(allMaybe, shape.Maybe) && ReferenceEquals(allEvents, shape.Events) && ReferenceEquals(allRegions, shape.Regions)
                ? shape
                : Intern(new UseShape.Content(shape.Action, shape.ResourceType, weaker, shape.Undecidable || undecidable, allMatched, allMaybe, allEvents,
                    allRegions));
        }

        private static Decision Weaker(Decision a, Decision b) =>
            a == Decision.ExplicitlyDenied || b == Decision.ExplicitlyDenied ? Decision.ExplicitlyDenied
            : a == Decision.ImplicitlyDenied || b == Decision.ImplicitlyDenied ? Decision.ImplicitlyDenied
            : Decision.Allowed;

        private UseShape Shape(string action, string? resourceType, Decision decision, bool undecidable, StatementRef[] matched, StatementRef[] maybe,
            string[] events, string[] regions) =>
            Intern(new UseShape.Content(action, resourceType, decision, undecidable, matched, maybe, events, regions));

        // The shape with this content, made when new: no shape is allocated to look one up.
        private UseShape Intern(UseShape.Content content)
        {
            if (_last is { } last && content.Describes(last))
            {
                return last;
            }

            if (!_shapesByContent.TryGetValue(content, out UseShape? known))
            {
                known = content.Shape();
                _shapes.Add(known, known);
            }

            return _last = known;
        }

        private UseShape Intern(UseShape shape)
        {
            ref UseShape? known = ref CollectionsMarshal.GetValueRefOrAddDefault(_shapes, shape, out bool exists);
            if (!exists)
            {
                known = shape;
            }

            return _last = known!;
        }

        private long DeniedOf(int index) => _denied?.GetValueOrDefault(index) ?? 0;

        private void AddDenied(int index, long denied)
        {
            if (denied > 0)
            {
                CollectionsMarshal.GetValueRefOrAddDefault(_denied ??= [], index, out _) += denied;
            }
        }

        private int Hash(string action, int resource)
        {
            // A call's uses, and consecutive calls, usually name the same action string: its hash is made once for them.
            if (!ReferenceEquals(action, _hashedAction))
            {
                (_hashedAction, _actionHash) = (action, StringComparer.Ordinal.GetHashCode(action));
            }

            return HashCode.Combine(_actionHash, resource);
        }

        // The entry for (action, resource) and its index, added (zeroed, Shape null) when absent.
        private ref Entry Find(string action, int resource, out bool found, out int index)
        {
            int hash = Hash(action, resource);
            int mask = _slots.Length - 1;
            uint indexMask = SlotTags.IndexMask(_slots.Length);
            int slot = hash & mask;
            for (; _slots[slot] != 0; slot = (slot + 1) & mask)
            {
                uint full = _slots[slot];
                if (!SlotTags.MayHold(full, hash, indexMask))
                {
                    continue;
                }

                index = SlotTags.Index(full, indexMask);
                ref Entry entry = ref _entries[index];
                if (entry.Resource == resource && string.Equals(entry.Shape!.Action, action, StringComparison.Ordinal))
                {
                    found = true;
                    return ref entry;
                }
            }

            found = false;
            if ((Count + 1) * 4 > _slots.Length * 3)
            {
                // Grown before the entry is added (every entry then has its shape, whose action the hash needs).
                Rehash();
                (mask, indexMask) = (_slots.Length - 1, SlotTags.IndexMask(_slots.Length));
                slot = FreeSlot(hash, mask);
            }

            index = _entries.Add();
            _slots[slot] = SlotTags.Slot(index, hash, indexMask);
            ref Entry added = ref _entries[index];
            added.Resource = resource;
            return ref added;
        }

        private void Rehash()
        {
            _slots = new uint[_slots.Length * 2];
            int mask = _slots.Length - 1;
            uint indexMask = SlotTags.IndexMask(_slots.Length);
            for (int i = 0; i < Count; i++)
            {
                int hash = Hash(_entries[i].Shape!.Action, _entries[i].Resource);
                _slots[FreeSlot(hash, mask)] = SlotTags.Slot(i, hash, indexMask);
            }
        }

        private int FreeSlot(int hash, int mask)
        {
            int slot = hash & mask;
            while (_slots[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            return slot;
        }

        // 40 bytes: the counts a use prints but for the calls denied at the time (_denied), whether every call's permission
        // was implied instead of how many were, and no hash (the action's and the resource number's, made again to grow).
        private struct Entry
        {
            public UseShape? Shape;
            public int Resource;
            public bool AllImplied;
            public long Calls;
            public long First;
            public long Last;
        }
    }

    /// <summary>What the uses of one action share: compared by content, kept once per <see cref="UseTable"/>.</summary>
    internal sealed record UseShape(string Action, string? ResourceType, Decision Decision, bool Undecidable, StatementRef[] Matched,
        StatementRef[] Maybe, string[] Events, string[] Regions)
    {
        /// <summary>Compares shapes by content (lists element by element); shapes are looked up by <see cref="Content"/> too.</summary>
        public static IEqualityComparer<UseShape> ByContent { get; } = new ContentComparer();

        /// <summary>What a shape holds, before there is one: looked up without allocating.</summary>
        internal readonly record struct Content(string Action, string? ResourceType, Decision Decision, bool Undecidable, StatementRef[] Matched,
            StatementRef[] Maybe, string[] Events, string[] Regions)
        {
            public static Content Of(UseShape shape) => new(shape.Action, shape.ResourceType, shape.Decision, shape.Undecidable, shape.Matched,
                shape.Maybe, shape.Events, shape.Regions);

            /// <summary>The shape holds this content.</summary>
            public bool Describes(UseShape shape) =>
                string.Equals(Action, shape.Action, StringComparison.Ordinal) && string.Equals(ResourceType, shape.ResourceType, StringComparison.Ordinal)
                && Decision == shape.Decision && Undecidable == shape.Undecidable
                && Matched.AsSpan().SequenceEqual(shape.Matched) && Maybe.AsSpan().SequenceEqual(shape.Maybe)
                && Events.AsSpan().SequenceEqual(shape.Events) && Regions.AsSpan().SequenceEqual(shape.Regions);

            public UseShape Shape() => new(Action, ResourceType, Decision, Undecidable, Matched, Maybe, Events, Regions);

            public int Hash() =>
                HashCode.Combine(StringComparer.Ordinal.GetHashCode(Action), Decision, Undecidable, Matched.Length, Maybe.Length, Events.Length,
                    Events.Length > 0 ? StringComparer.Ordinal.GetHashCode(Events[0]) : 0, Regions.Length);
        }

        private sealed class ContentComparer : IEqualityComparer<UseShape>, IAlternateEqualityComparer<Content, UseShape>
        {
            public bool Equals(UseShape? x, UseShape? y) => ReferenceEquals(x, y) || (x is not null && y is not null && Content.Of(x).Describes(y));

            public int GetHashCode(UseShape obj) => Content.Of(obj).Hash();

            public bool Equals(Content alternate, UseShape other) => alternate.Describes(other);

            public int GetHashCode(Content alternate) => alternate.Hash();

            public UseShape Create(Content alternate) => alternate.Shape();
        }
    }
}
