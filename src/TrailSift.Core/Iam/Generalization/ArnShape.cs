namespace TrailSift.Core.Iam.Generalization;

/// <summary>
/// The fixed part of an ARN for generalisation: <c>arn:partition:service:region:account:</c> plus the
/// resource-type token (<c>instance/</c>, <c>function:</c>, <c>role/</c>), whose length is
/// <see cref="TypePartLength"/>. A wildcard may only start after it, and values are only ever generalised
/// together when their type parts are equal (<see cref="GroupKey"/>).
/// </summary>
/// <remarks>Immutable value; thread-safe.</remarks>
internal readonly record struct ArnShape(string GroupKey, int TypePartLength)
{
    /// <summary>
    /// Reads the shape of <paramref name="arn"/>, or returns false for text that is not an ARN
    /// (fewer than six colon-separated fields). <paramref name="resourceTypeKey"/> (the catalog key such as
    /// <c>instance</c>) marks the type token when the resource starts with it; otherwise the first token
    /// ending at <c>/</c> or <c>:</c> is taken as the type, except for S3 bucket and object ARNs
    /// (no region and account), whose resource part starts with the bucket name.
    /// </summary>
    public static bool TryRead(string arn, string? resourceTypeKey, out ArnShape shape)
    {
        shape = default;
        if (!arn.StartsWith("arn:", StringComparison.Ordinal))
        {
            return false;
        }

        int colon = 3; // "arn" then ':' at index 3
        Span<int> fields = stackalloc int[5];
        fields[0] = colon;
        for (int i = 1; i < 5; i++)
        {
            colon = arn.IndexOf(':', colon + 1);
            if (colon < 0)
            {
                return false;
            }

            fields[i] = colon;
        }

        int resourceStart = fields[4] + 1;
        if (resourceStart >= arn.Length)
        {
            return false;
        }

        ReadOnlySpan<char> service = arn.AsSpan(fields[1] + 1, fields[2] - fields[1] - 1);
        bool noRegionOrAccount = fields[3] == fields[2] + 1 && fields[4] == fields[3] + 1;
        ReadOnlySpan<char> resource = arn.AsSpan(resourceStart);
        int typeEnd = resourceStart;
        if (!string.IsNullOrEmpty(resourceTypeKey)
            && resource.Length > resourceTypeKey.Length
            && resource.StartsWith(resourceTypeKey, StringComparison.OrdinalIgnoreCase)
            && resource[resourceTypeKey.Length] is '/' or ':')
        {
            typeEnd = resourceStart + resourceTypeKey.Length + 1;
        }
        else if (!(service.SequenceEqual("s3") && noRegionOrAccount))
        {
            int sep = resource.IndexOfAny('/', ':');
            if (sep > 0 && IsTypeToken(resource[..sep]))
            {
                typeEnd = resourceStart + sep + 1;
            }
        }

        shape = new ArnShape(arn[..typeEnd], typeEnd);
        return true;
    }

    /// <summary>Resource-type tokens are short words: letters, digits and '-' (<c>log-group</c>, <c>db</c>, <c>instance</c>).</summary>
    private static bool IsTypeToken(ReadOnlySpan<char> token)
    {
        foreach (char c in token)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '-')
            {
                return false;
            }
        }

        return true;
    }
}
