using TrailSift.Core.Common;

namespace TrailSift.Core.Events;

/// <summary>
/// The last path segment of a caller's ARN (a session's name, <see cref="PrincipalIdentity.Name"/> when the event shows no
/// user name), remembered per ARN instance (<see cref="InstanceMemo{TValue}"/>) so that a recurring ARN (one string per
/// value, from the thread's text cache) does not make a new string on every event.
/// </summary>
/// <remarks>One memo per thread ([ThreadStatic]); nothing is shared, so it is thread-safe.</remarks>
internal static class SegmentMemo
{
    [ThreadStatic]
    private static InstanceMemo<string?>? t_segments;

    /// <summary>The text after the ARN's last <c>/</c>, as <see cref="PrincipalIdentity.LastSegment"/> gives it.</summary>
    public static string? LastSegment(string? arn)
    {
        if (arn is null)
        {
            return null;
        }

        return (t_segments ??= new InstanceMemo<string?>(256)).GetOrAdd(arn, 0, static (text, _) => PrincipalIdentity.LastSegment(text));
    }
}
