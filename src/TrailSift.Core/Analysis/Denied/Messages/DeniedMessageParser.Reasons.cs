namespace TrailSift.Core.Analysis.Denied.Messages;

/// <content>The reason clause: <c>because no T allows the A action</c>, <c>with an explicit deny in a T</c>, and S3's own reasons.</content>
public static partial class DeniedMessageParser
{
    private const string BecauseNo = "because no ";
    private const string Because = "because ";
    private const string WithExplicitDeny = "with an explicit deny";
    private const string Transitively = " transitively through ";

    private static void ReadReasonClause(ReadOnlySpan<char> clause, Draft d)
    {
        clause = clause.Trim(' ');
        if (clause.Length == 0)
        {
            return;
        }

        d.HasReasonClause = true;
        if (clause.StartsWith(BecauseNo, StringComparison.OrdinalIgnoreCase))
        {
            ReadOnlySpan<char> type = clause[BecauseNo.Length..];
            int allows = type.IndexOf(" allows", StringComparison.OrdinalIgnoreCase);
            SetPolicyType(allows < 0 ? type : type[..allows], explicitDeny: false, d);
        }
        else if (clause.StartsWith(Because, StringComparison.OrdinalIgnoreCase))
        {
            ReadS3Reason(clause, d);
        }
        else if (clause.StartsWith(WithExplicitDeny, StringComparison.OrdinalIgnoreCase))
        {
            d.ExplicitDeny = true;
            ReadOnlySpan<char> type = clause[WithExplicitDeny.Length..].TrimStart(' ');
            if (!type.StartsWith("in ", StringComparison.OrdinalIgnoreCase))
            {
                d.Note(DeniedMessageNotes.ExplicitDenyUnknownType);
                return;
            }

            SetPolicyType(SkipArticle(type[3..]), explicitDeny: true, d);
        }
        else
        {
            d.HasReasonClause = false; // text after the resource that is no reason clause
            d.Note(DeniedMessageNotes.UnknownReasonClause);
        }
    }

    /// <summary>Maps a policy-type text (possibly with <c>transitively through a T2</c>) to a reason.</summary>
    private static void SetPolicyType(ReadOnlySpan<char> typeText, bool explicitDeny, Draft d)
    {
        typeText = typeText.Trim(' ');
        d.PolicyTypeText = typeText.ToString();
        ReadOnlySpan<char> via = [];
        int through = typeText.IndexOf(Transitively, StringComparison.OrdinalIgnoreCase);
        if (through >= 0)
        {
            via = SkipArticle(typeText[(through + Transitively.Length)..]);
            typeText = typeText[..through];
        }

        (DeniedReason implicitReason, DeniedReason explicitReason, string name) = Classify(typeText);
        d.ExplicitDeny = explicitDeny;
        d.Reason = explicitDeny ? explicitReason : implicitReason;
        d.PolicyType = name.Length == 0 ? null : name;
        if (d.Reason == DeniedReason.Unknown)
        {
            d.Note(explicitDeny && typeText.Length == 0 ? DeniedMessageNotes.ExplicitDenyUnknownType : DeniedMessageNotes.UnknownPolicyType);
            return;
        }

        if (via.Length > 0)
        {
            d.PolicyType = $"{name} (transitively through a {via.ToString()})";
            d.Note(DeniedMessageNotes.Transitive);
        }

        d.Note(DeniedMessageNotes.OneTypeNamed);
        switch (d.Reason)
        {
            case DeniedReason.ExplicitDenyScp:
                d.Note(DeniedMessageNotes.ScpMayBeImplicit);
                break;
            case DeniedReason.VpcEndpoint:
                d.Note(DeniedMessageNotes.VpcEndpoint);
                break;
            case DeniedReason.NoResourceAllow or DeniedReason.ExplicitDenyResource when name == RoleTrustPolicy:
                d.Note(DeniedMessageNotes.RoleTrust);
                break;
            case DeniedReason.NoResourceAllow or DeniedReason.ExplicitDenyResource when d.IsS3Resource:
                d.Note(DeniedMessageNotes.S3PublicAccessSurface);
                break;
        }
    }

    private const string RoleTrustPolicy = "role trust policy";

    /// <summary>
    /// Policy-type text → (implicit reason, explicit reason, readable name), by the first phrase the text
    /// contains. Order matters: "resource control" before "resource", "trust" before everything else but VPC.
    /// </summary>
    private static readonly (string Phrase, DeniedReason Implicit, DeniedReason Explicit, string Name)[] PolicyTypes =
    [
        ("vpc endpoint", DeniedReason.VpcEndpoint, DeniedReason.VpcEndpoint, "VPC endpoint policy"),
        ("trust", DeniedReason.NoResourceAllow, DeniedReason.ExplicitDenyResource, RoleTrustPolicy),
        ("identity", DeniedReason.NoIdentityAllow, DeniedReason.ExplicitDenyIdentity, "identity-based policy"),
        ("boundar", DeniedReason.NoBoundaryAllow, DeniedReason.ExplicitDenyBoundary, "permissions boundary"),
        ("session", DeniedReason.NoSessionAllow, DeniedReason.ExplicitDenySession, "session policy"),
        ("service control", DeniedReason.NoScpAllow, DeniedReason.ExplicitDenyScp, "service control policy"),
        ("resource control", DeniedReason.NoRcpAllow, DeniedReason.ExplicitDenyRcp, "resource control policy"),
        ("resource", DeniedReason.NoResourceAllow, DeniedReason.ExplicitDenyResource, "resource-based policy"),
    ];

    private static (DeniedReason Implicit, DeniedReason Explicit, string Name) Classify(ReadOnlySpan<char> text)
    {
        foreach ((string phrase, DeniedReason implicitReason, DeniedReason explicitReason, string name) in PolicyTypes)
        {
            if (text.Contains(phrase, StringComparison.OrdinalIgnoreCase))
            {
                return (implicitReason, explicitReason, name);
            }
        }

        return (DeniedReason.Unknown, DeniedReason.Unknown, string.Empty);
    }

    /// <summary>S3's reasons that are not policy types: Block Public Access settings and SSE-C blocking.</summary>
    private static void ReadS3Reason(ReadOnlySpan<char> clause, Draft d)
    {
        d.PolicyTypeText = clause[Because.Length..].ToString();
        string? setting = clause.Contains("BlockPublicAcls", StringComparison.OrdinalIgnoreCase) ? "BlockPublicAcls"
            : clause.Contains("BlockPublicPolicy", StringComparison.OrdinalIgnoreCase) ? "BlockPublicPolicy"
            : clause.Contains("IgnorePublicAcls", StringComparison.OrdinalIgnoreCase) ? "IgnorePublicAcls"
            : clause.Contains("RestrictPublicBuckets", StringComparison.OrdinalIgnoreCase) ? "RestrictPublicBuckets"
            : null;
        if (setting is not null || clause.Contains("Block Public Access", StringComparison.OrdinalIgnoreCase))
        {
            d.Reason = DeniedReason.ExplicitDenyResource;
            d.ExplicitDeny = true;
            d.PolicyType = setting is null ? "S3 Block Public Access" : $"S3 Block Public Access ({setting})";
            d.Note(DeniedMessageNotes.S3BlockPublicAccess);
        }
        else if (clause.Contains("SSE-C", StringComparison.OrdinalIgnoreCase)
            || clause.Contains("Customer provided keys", StringComparison.OrdinalIgnoreCase))
        {
            d.Reason = DeniedReason.ExplicitDenyResource;
            d.ExplicitDeny = true;
            d.PolicyType = "S3 bucket setting blocking SSE-C uploads";
            d.Note(DeniedMessageNotes.S3SseCBlocked);
        }
        else
        {
            d.Note(DeniedMessageNotes.UnknownReasonClause);
        }
    }

    /// <summary>Drops a leading article (<c>a</c>, <c>an</c>, <c>the</c>).</summary>
    private static ReadOnlySpan<char> SkipArticle(ReadOnlySpan<char> text)
    {
        text = text.TrimStart(' ');
        foreach (string article in (ReadOnlySpan<string>)["a ", "an ", "the "])
        {
            if (text.StartsWith(article, StringComparison.OrdinalIgnoreCase))
            {
                return text[article.Length..].TrimStart(' ');
            }
        }

        return text;
    }
}
