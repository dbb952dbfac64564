namespace TrailSift.Core.Iam.Generalization;

/// <summary>
/// The part of a workload-created resource's ARN that stays the same on the next run: everything before the first
/// run-specific token of the resource part. <c>…:AWS-ElasticMapReduce-j-2ABCDEFGHIJKL</c> → <c>…:AWS-ElasticMapReduce-*</c>;
/// <c>…:instance/i-0abc123def4567890</c> → <c>…:instance/*</c>; <c>…:log-stream:2026/12/06/[$LATEST]9f…</c> →
/// <c>…:log-stream:*</c>. A token is run-specific when it is an AWS-style id (a short lower-case prefix such as
/// <c>i</c>, <c>j</c>, <c>vol</c>, <c>snap</c> followed by a token with digits), at least six characters with a
/// digit, or four or more digits (a date or a counter).
/// </summary>
/// <remarks>Static and stateless; thread-safe.</remarks>
public static class WorkloadNames
{
    private const string Separators = "-_/:.[]$@+=,";

    /// <summary>
    /// The pattern for <paramref name="arn"/> that later runs of the same workload also match, or the ARN itself when
    /// no part of its name looks run-specific.
    /// </summary>
    public static string StablePattern(string arn)
    {
        ArgumentNullException.ThrowIfNull(arn);
        int resourceStart = ResourceStart(arn);
        if (resourceStart < 0)
        {
            return arn;
        }

        int previousStart = -1, previousEnd = -1;
        int i = resourceStart;
        while (i < arn.Length)
        {
            if (Separators.Contains(arn[i], StringComparison.Ordinal))
            {
                i++;
                continue;
            }

            int start = i;
            while (i < arn.Length && !Separators.Contains(arn[i], StringComparison.Ordinal))
            {
                i++;
            }

            ReadOnlySpan<char> token = arn.AsSpan(start, i - start);
            if (token.SequenceEqual("*"))
            {
                return arn;
            }

            if (IsRunSpecific(token))
            {
                // An id prefix just before it (j-…, i-…, vol-…) goes with it.
                int cut = previousStart >= 0 && previousEnd == start - 1 && arn[previousEnd] == '-' && IsIdPrefix(arn.AsSpan(previousStart, previousEnd - previousStart))
                    ? previousStart
                    : start;
                return arn[..cut] + "*";
            }

            previousStart = start;
            previousEnd = i;
        }

        return arn;
    }

    private static int ResourceStart(string arn)
    {
        int colons = 0;
        for (int i = 0; i < arn.Length; i++)
        {
            if (arn[i] == ':' && ++colons == 5)
            {
                return i + 1;
            }
        }

        return -1;
    }

    private static bool IsRunSpecific(ReadOnlySpan<char> token)
    {
        int digits = 0;
        foreach (char c in token)
        {
            digits += char.IsAsciiDigit(c) ? 1 : 0;
        }

        return (token.Length >= 6 && digits > 0) || (digits >= 4 && digits == token.Length);
    }

    // The prefixes of AWS-assigned ids (i-…, j-…, vol-…): the prefix goes with the id.
    private static readonly string[] IdPrefixes =
        ["i", "j", "s", "r", "vol", "snap", "ami", "eni", "sg", "subnet", "vpc", "igw", "rtb", "eipalloc", "nat", "lt", "fs", "sir", "acl", "pcx", "tgw", "vpce"];

    private static bool IsIdPrefix(ReadOnlySpan<char> token)
    {
        foreach (string prefix in IdPrefixes)
        {
            if (token.SequenceEqual(prefix))
            {
                return true;
            }
        }

        return false;
    }
}
