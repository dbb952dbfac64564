namespace TrailSift.Core.Analysis.Denied.Messages;

/// <summary>The wire names of <see cref="DeniedReason"/> values (<c>no-identity-allow</c>, …) used in JSON output and test data.</summary>
/// <remarks>Stateless; thread-safe.</remarks>
public static class DeniedReasonNames
{
    private static readonly string[] Names =
    [
        "unknown",
        "no-identity-allow", "explicit-deny-identity",
        "no-boundary-allow", "explicit-deny-boundary",
        "no-session-allow", "explicit-deny-session",
        "no-scp-allow", "explicit-deny-scp",
        "no-rcp-allow", "explicit-deny-rcp",
        "no-resource-allow", "explicit-deny-resource",
        "vpc-endpoint",
    ];

    /// <summary>Every value in declaration order, paired with its wire name.</summary>
    public static IReadOnlyList<string> All => Names;

    /// <summary>The wire name of <paramref name="reason"/>.</summary>
    public static string ToWireName(this DeniedReason reason) =>
        (uint)reason < (uint)Names.Length ? Names[(int)reason] : throw new ArgumentOutOfRangeException(nameof(reason));

    /// <summary>Looks a wire name up (ordinal, case-insensitive).</summary>
    public static bool TryParse(string? name, out DeniedReason reason)
    {
        for (int i = 0; i < Names.Length; i++)
        {
            if (string.Equals(Names[i], name, StringComparison.OrdinalIgnoreCase))
            {
                reason = (DeniedReason)i;
                return true;
            }
        }

        reason = DeniedReason.Unknown;
        return false;
    }
}
