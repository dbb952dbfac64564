using System.Runtime.InteropServices;

namespace TrailSift.Core.Analysis.Usage;

// A principal's distinct allowed requests, compact: most of them differ from others only by their resource.
public sealed partial class UsageCollector
{
    /// <summary>
    /// A principal's distinct allowed requests (<see cref="KeptRequest"/>'s equality), each counted and named by its first
    /// call by event id, as <see cref="ObservedRequest"/>s once built. Per request only its resource's number in the
    /// principal's <see cref="Utf8TextSet"/>, the naming call's event name and id (<see cref="CompactEventId"/>) and the
    /// count: the rest of a request
    /// (action, caller, accounts, policy keys' values) is kept once per principal for all the requests that share it.
    /// </summary>
    /// <remarks>Not thread-safe: one per principal and scan worker.</remarks>
    internal sealed class AllowedTable(Utf8TextSet resources)
    {
        // Requests without their resource (caller included), one object each; an entry's key holds the first one seen of
        // its kind, its value the one of the call that names it (the caller may differ).
        private readonly Dictionary<KeptRequest, KeptRequest> _shapes = new(KeptRequest.ButResource);
        private readonly Dictionary<Key, Named> _requests = new(Key.Alike);
        private TextInterner? _strings;

        /// <summary>How many distinct requests.</summary>
        public int Count => _requests.Count;

        /// <summary>Counts one call's allowed request.</summary>
        public void Add(KeptRequest request, string eventName, CompactEventId eventId) => Add(request, request.Resource, eventName, eventId);

        /// <summary>Counts one call's allowed request: <paramref name="request"/> with <paramref name="resource"/> as its resource.</summary>
        public void Add(KeptRequest request, string resource, string eventName, CompactEventId eventId) =>
            Add(Shape(request, fromOtherTable: false), resources.Add(resource), eventName, eventId, 1);

        /// <summary>Adds another worker's requests of the same principal.</summary>
        public void Merge(AllowedTable other)
        {
            foreach ((Key key, Named named) in other._requests)
            {
                Add(Shape(named.Request, fromOtherTable: true), resources.Add(other.Resources, key.Resource), named.EventName, named.EventId,
                    named.Count);
            }
        }

        /// <summary>
        /// The requests, in no particular order; their resources' strings made once per <paramref name="texts"/>
        /// (<see cref="Utf8TextSet.Text(int, string?[])"/>) when given.
        /// </summary>
        public IEnumerable<ObservedRequest> Build(string?[]? texts = null)
        {
            foreach ((Key key, Named named) in _requests)
            {
                yield return new ObservedRequest(named.Request, resources.Text(key.Resource, texts), named.EventName, named.EventId, named.Count);
            }
        }

        private Utf8TextSet Resources => resources;

        /// <summary>The scan is over: only the requests are kept (what finds a kind again is made anew if asked for).</summary>
        public void EndScan()
        {
            _shapes.Clear();
            _shapes.TrimExcess();
            _strings = null;
        }

        private void Add(KeptRequest shape, int resource, string eventName, CompactEventId eventId, long count)
        {
            ref Named named = ref CollectionsMarshal.GetValueRefOrAddDefault(_requests, new Key(shape, resource), out bool exists);
            if (!exists)
            {
                named = new Named(shape, eventName, eventId, count);
                return;
            }

            // The first call by event id names the request, so the result does not depend on the workers' order.
            if (eventId.CompareTo(named.EventId) < 0)
            {
                (named.Request, named.EventName, named.EventId) = (shape, eventName, eventId);
            }

            named.Count += count;
        }

        // The request without its resource, one object per kind; a new kind is kept with one copy of each text the
        // principal's requests repeat (another table's are kept as they are: that table made them so).
        private KeptRequest Shape(KeptRequest request, bool fromOtherTable)
        {
            if (_shapes.TryGetValue(request, out KeptRequest? shape))
            {
                return shape;
            }

            shape = fromOtherTable ? request : request.WithResource(string.Empty).Shared(_strings ??= new());
            _shapes.Add(shape, shape);
            return shape;
        }

        /// <summary>A request: its shape (without resource) and its resource's number; alike as the requests are.</summary>
        private readonly record struct Key(KeptRequest Shape, int Resource)
        {
            public static IEqualityComparer<Key> Alike { get; } = new AlikeComparer();

            private sealed class AlikeComparer : IEqualityComparer<Key>
            {
                public bool Equals(Key x, Key y) => x.Resource == y.Resource && x.Shape.AlikeButResource(y.Shape);

                public int GetHashCode(Key obj) => HashCode.Combine(obj.Shape.HashButResource(), obj.Resource);
            }
        }

        /// <summary>What names a request (the shape of its first call by event id), and its calls.</summary>
        private record struct Named(KeptRequest Request, string EventName, CompactEventId EventId, long Count);
    }
}
