using TrailSift.Core.Events;
using TrailSift.Core.Sources;

namespace TrailSift.Core.Scan;

/// <summary>
/// One worker's objects scanned ahead of their confirmation (<see cref="LogObject.Confirmation"/>), in sequence order,
/// each a <see cref="HeldObject"/> waiting to be replayed into the worker's sink (or dropped). The worker settles them in
/// that order — the ones whose confirmation came between objects, all of them before it scans an object directly — so it
/// never waits for the output's turn of a later object while holding an earlier one.
/// </summary>
/// <remarks>Not thread-safe; owned by one worker.</remarks>
internal sealed class HeldObjects : IDisposable
{
    private readonly Queue<(ObjectFeed.PendingObject Item, HeldObject Held)> _parked = new();
    private readonly long _limit;
    private long _bytes;

    /// <param name="limit">The most bytes of held events at a time.</param>
    public HeldObjects(long limit)
    {
        _limit = limit;
    }

    /// <summary>The record replays go through (reused).</summary>
    public EventRecord Record { get; } = new();

    /// <summary>True while another object may be scanned ahead.</summary>
    public bool HasRoom => _bytes < _limit;

    /// <summary>Scans <paramref name="item"/> into a held object, kept until its confirmation.</summary>
    public void Scan(ObjectFeed.PendingObject item, ObjectScanner scanner, IEventPredicate predicate, IEventPredicate? context, CancellationToken cancel)
    {
        var held = new HeldObject(_limit - _bytes);
        try
        {
            scanner.Scan(item.Object, item.Open, predicate, context, held, held, held.Stats, cancel);
        }
        catch (HeldObject.OverflowException)
        {
            held.Overflowed = true;
            held.Dispose();
        }

        _parked.Enqueue((item, held));
        _bytes += held.HeldBytes;
    }

    /// <summary>
    /// Takes the first held object when its confirmation came (or waiting for it, with <paramref name="wait"/>): true when it
    /// is confirmed, false when dropped; null when there is none to take.
    /// </summary>
    public bool? TakeSettled(bool wait, CancellationToken cancel, out ObjectFeed.PendingObject? item, out HeldObject? held)
    {
        if (_parked.Count == 0 || (!wait && !_parked.Peek().Item.Object.Confirmation!.IsCompleted))
        {
            item = null;
            held = null;
            return null;
        }

        (item, held) = _parked.Dequeue();
        _bytes -= held.HeldBytes;
        return Confirmed(item.Object.Confirmation!, cancel);
    }

    /// <summary>Waits for <paramref name="confirmation"/>: true when the object is confirmed (a failed confirmation drops it).</summary>
    public static bool Confirmed(Task<bool> confirmation, CancellationToken cancel)
    {
        try
        {
            confirmation.Wait(cancel);
        }
        catch (AggregateException)
        {
            return false;
        }

        return confirmation.Result;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        while (_parked.TryDequeue(out (ObjectFeed.PendingObject Item, HeldObject Held) left))
        {
            left.Held.Dispose();
        }

        Record.Dispose();
    }
}
