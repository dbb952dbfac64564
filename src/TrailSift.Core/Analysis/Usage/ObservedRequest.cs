using System.Runtime.InteropServices;
using TrailSift.Core.Iam.Evaluation;

namespace TrailSift.Core.Analysis.Usage;

/// <summary>
/// One distinct request that recorded calls made and the current policies allow, kept to replay against the reduced
/// policy. Calls whose requests agree on the action, the resource, the accounts and every context key the principal's
/// policies read are one request with a <see cref="Count"/>: no policy built from those policies can tell them apart.
/// Holds the principal's shared request shape and the resource, not the evaluator's request: <see cref="Request()"/> builds
/// that on demand, so a principal's requests cost no dictionary each while it is analysed.
/// </summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed class ObservedRequest
{
    private readonly KeptRequest _shape;
    private readonly CompactEventId _eventId;

    /// <summary>A request: <paramref name="shape"/> (shared by the principal's requests alike but for the resource) on <paramref name="resource"/>.</summary>
    internal ObservedRequest(KeptRequest shape, string resource, string eventName, CompactEventId eventId, long count)
    {
        _shape = shape;
        _eventId = eventId;
        Resource = resource;
        EventName = eventName;
        Count = count;
    }

    /// <summary>The action.</summary>
    public string Action => _shape.Action;

    /// <summary>The resource as kept (the evaluator's request has <c>*</c> for an action without resource types).</summary>
    public string Resource { get; }

    /// <summary>The <c>eventName</c> of the first call (by event id) that made it.</summary>
    public string EventName { get; }

    /// <summary>That call's <c>eventID</c> (made on each read).</summary>
    public string EventId => _eventId.ToString();

    /// <summary>How many calls made this request.</summary>
    public long Count { get; }

    /// <summary>That call's event id, compared as its text is.</summary>
    internal CompactEventId Id => _eventId;

    /// <summary>
    /// The request as the replay evaluates it (values the event shows, other policy keys unknown), built anew on each
    /// call: the replay builds it when it evaluates it, and drops it.
    /// </summary>
    public RequestContext Request() => _shape.Request(Resource);

    /// <summary>
    /// <see cref="Request()"/>, built from the request of its shape kept in <paramref name="shapes"/> (made there on first
    /// use) when only the resource differs: the requests of one shape share one context instead of building one each.
    /// </summary>
    internal RequestContext Request(Dictionary<KeptRequest, RequestContext> shapes)
    {
        ref RequestContext? shared = ref CollectionsMarshal.GetValueRefOrAddDefault(shapes, _shape, out _);
        shared ??= _shape.Request();
        return shared.WithResource(Resource) ?? Request();
    }
}
