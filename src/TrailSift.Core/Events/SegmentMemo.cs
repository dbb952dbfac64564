using System.Runtime.CompilerServices;

namespace TrailSift.Core.Events;

/// <summary>
/// The last path segment of a caller's ARN (a session's name, <see cref="PrincipalIdentity.Name"/> when the event shows no
/// user name), remembered per ARN instance so that a recurring ARN (one string per value, from the thread's text cache)
/// does not make a new string on every event. Direct-mapped by the instance: a slot holds the last ARN that mapped to it,
/// so memory stays bounded whatever the input.
/// </summary>
/// <remarks>One table per thread ([ThreadStatic]); nothing is shared, so it is thread-safe.</remarks>
internal static class SegmentMemo
{
    private const int Slots = 256;

    [ThreadStatic]
    private static (string Arn, string? Segment)[]? t_slots;

    /// <summary>The text after the ARN's last <c>/</c>, as <see cref="PrincipalIdentity.LastSegment"/> gives it.</summary>
    public static string? LastSegment(string? arn)
    {
        if (arn is null)
        {
            return null;
        }

        (string Arn, string? Segment)[] slots = t_slots ??= new (string, string?)[Slots];
        ref (string Arn, string? Segment) slot = ref slots[RuntimeHelpers.GetHashCode(arn) & (Slots - 1)];
        if (!ReferenceEquals(slot.Arn, arn))
        {
            slot = (arn, PrincipalIdentity.LastSegment(arn));
        }

        return slot.Segment;
    }
}
