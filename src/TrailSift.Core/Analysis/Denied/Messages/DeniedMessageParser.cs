namespace TrailSift.Core.Analysis.Denied.Messages;

/*! Analysis/Denied/Messages: reads what an access-denied errorMessage says (principal, action,
    resource, reason, format) without any policy or catalog knowledge; the denied explainer combines it
    with the event and the evaluator. Pure string handling: depends on the BCL only (the Analysis
    layer may also use Events, Iam and Common). Formats are described in
    reference/notes/denied-messages.md. */

/// <summary>
/// Parses CloudTrail access-denied <c>errorMessage</c> texts of every known shape into a
/// <see cref="DeniedMessage"/>. Hand-written scanning with ordinal, case-insensitive searches: linear in
/// the message length (messages are capped at 1 KB), no regular expressions.
/// </summary>
/// <remarks>Stateless; thread-safe.</remarks>
public static partial class DeniedMessageParser
{
    private const string Ec2Prefix = "You are not authorized to perform this operation";
    private const string EncodedMarker = "Encoded authorization failure message:";
    private const string NotAuthorizedToPerform = "is not authorized to perform";
    private const int TruncationLength = 1000;

    /// <summary>Parses one message.</summary>
    /// <param name="errorCode">The event's <c>errorCode</c> (used for <c>VpceAccessDenied</c>).</param>
    /// <param name="errorMessage">The event's <c>errorMessage</c>; null or blank gives <see cref="DeniedMessageFormat.None"/>.</param>
    /// <param name="eventSource">The event's <c>eventSource</c> (used to tell S3's and KMS's bare messages apart).</param>
    public static DeniedMessage Parse(string? errorCode, string? errorMessage, string? eventSource)
    {
        var d = new Draft();
        bool vpceCode = string.Equals(errorCode, "VpceAccessDenied", StringComparison.OrdinalIgnoreCase);
        string text = errorMessage is null ? string.Empty : errorMessage.Trim();
        if (text.Length == 0)
        {
            d.Format = DeniedMessageFormat.None;
            d.Note(DeniedMessageNotes.NoMessage);
            if (vpceCode)
            {
                d.SetVpcEndpoint(explicitDeny: false);
            }

            return d.ToMessage();
        }

        bool ec2Prefix = text.StartsWith(Ec2Prefix, StringComparison.OrdinalIgnoreCase);
        if (ec2Prefix)
        {
            text = text[Ec2Prefix.Length..].TrimStart('.', ' ');
        }

        int encoded = text.IndexOf(EncodedMarker, StringComparison.OrdinalIgnoreCase);
        if (encoded >= 0)
        {
            d.HasEncodedMessage = true;
            d.EncodedMessageTruncated = text.EndsWith("...", StringComparison.Ordinal) || errorMessage!.Length >= TruncationLength;
            text = text[..encoded];
        }

        text = TrimEnd(text);
        if (ParseUserSentence(text, d))
        {
            d.Format = ec2Prefix || d.HasEncodedMessage ? DeniedMessageFormat.Ec2Encoded
                : d.HasReasonClause ? DeniedMessageFormat.ReasonBearing
                : DeniedMessageFormat.Legacy;
        }
        else if (text.Length == 0 && (ec2Prefix || d.HasEncodedMessage))
        {
            d.Format = d.HasEncodedMessage ? DeniedMessageFormat.Ec2EncodedOnly : DeniedMessageFormat.Other;
            d.Note(d.HasEncodedMessage ? DeniedMessageNotes.Ec2EncodedOnly : DeniedMessageNotes.Ec2Bare);
            d.Note(DeniedMessageNotes.ActionFromEvent);
        }
        else
        {
            ParseOtherShapes(text, eventSource, d);
        }

        if (d.HasEncodedMessage)
        {
            d.Note(d.EncodedMessageTruncated ? DeniedMessageNotes.Ec2Truncated : DeniedMessageNotes.Ec2Decode);
        }

        if (vpceCode && d.Reason == DeniedReason.Unknown)
        {
            d.SetVpcEndpoint(d.ExplicitDeny);
        }

        return d.ToMessage();
    }

    /// <summary>
    /// The main sentence: <c>[User: P | User] is not authorized to perform[:] A [on resource: R | on the
    /// specified resource] [reason]</c>. Returns false when the text has no such sentence.
    /// </summary>
    private static bool ParseUserSentence(string text, Draft d)
    {
        int verb = text.IndexOf(NotAuthorizedToPerform, StringComparison.OrdinalIgnoreCase);
        if (verb < 0)
        {
            return false;
        }

        ReadOnlySpan<char> rest = text.AsSpan(verb + NotAuthorizedToPerform.Length);
        if (rest.Length > 0 && rest[0] == ':')
        {
            rest = rest[1..];
        }
        else if (rest.Length > 0 && rest[0] != ' ')
        {
            return false; // "…to performance" or similar: not the sentence
        }

        rest = rest.TrimStart(' ');
        if (rest.StartsWith("this operation", StringComparison.OrdinalIgnoreCase))
        {
            return false; // EC2's fixed sentence repeated inside a longer text
        }

        d.Principal = ReadPrincipal(text.AsSpan(0, verb));
        if (d.Principal is null)
        {
            d.Note(DeniedMessageNotes.NoPrincipal);
        }

        int actionEnd = rest.IndexOf(' ');
        ReadOnlySpan<char> action = actionEnd < 0 ? rest : rest[..actionEnd];
        rest = actionEnd < 0 ? [] : rest[(actionEnd + 1)..].TrimStart(' ');
        if (LooksLikeAction(action))
        {
            d.Action = action.ToString();
        }
        else
        {
            d.Note(DeniedMessageNotes.ActionNotRecognised);
        }

        rest = ReadResource(rest, d);
        ReadReasonClause(rest, d);
        if (!d.HasReasonClause)
        {
            d.Note(DeniedMessageNotes.Legacy);
        }

        if (d.Resource is { } r && r.EndsWith("/*", StringComparison.Ordinal) && r.Contains(":ec2:", StringComparison.Ordinal))
        {
            d.Note(DeniedMessageNotes.Ec2TypeWildcard);
        }

        return true;
    }

    /// <summary>The principal in the text before the verb: <c>User: P</c> → P; a bare <c>User</c> → null.</summary>
    private static string? ReadPrincipal(ReadOnlySpan<char> beforeVerb)
    {
        int user = beforeVerb.LastIndexOf("User:", StringComparison.OrdinalIgnoreCase);
        if (user < 0)
        {
            return null;
        }

        ReadOnlySpan<char> principal = beforeVerb[(user + "User:".Length)..].Trim(' ');
        return principal.Length == 0 ? null : principal.ToString();
    }

    /// <summary>Reads <c>on resource: R</c> (R possibly double-quoted, possibly with spaces) and returns the text after it.</summary>
    private static ReadOnlySpan<char> ReadResource(ReadOnlySpan<char> rest, Draft d)
    {
        if (rest.StartsWith("on the specified resource", StringComparison.OrdinalIgnoreCase))
        {
            d.Note(DeniedMessageNotes.NoResourceNamed);
            return rest["on the specified resource".Length..].TrimStart(' ');
        }

        if (!rest.StartsWith("on resource", StringComparison.OrdinalIgnoreCase))
        {
            return rest;
        }

        rest = rest["on resource".Length..];
        if (rest.Length > 0 && rest[0] == ':')
        {
            rest = rest[1..];
        }

        rest = rest.TrimStart(' ');
        ReadOnlySpan<char> resource;
        if (rest.Length > 0 && rest[0] == '"')
        {
            int close = rest[1..].IndexOf('"');
            resource = close < 0 ? rest[1..] : rest.Slice(1, close);
            rest = close < 0 ? [] : rest[(close + 2)..].TrimStart(' ');
        }
        else
        {
            int end = ReasonClauseStart(rest);
            resource = (end < 0 ? rest : rest[..end]).TrimEnd(' ');
            rest = end < 0 ? [] : rest[(end + 1)..];
        }

        if (resource.Length > 0)
        {
            d.Resource = resource.ToString();
            if (resource.StartsWith("role ", StringComparison.OrdinalIgnoreCase)
                || resource.StartsWith("access key ", StringComparison.OrdinalIgnoreCase))
            {
                d.Note(DeniedMessageNotes.IamResourceForm);
            }
        }

        return rest;
    }

    /// <summary>Index of the space before a reason clause (<c> because </c>, <c> with an explicit deny</c>), or -1.</summary>
    private static int ReasonClauseStart(ReadOnlySpan<char> text)
    {
        int because = text.IndexOf(" because ", StringComparison.OrdinalIgnoreCase);
        int deny = text.IndexOf(" with an explicit deny", StringComparison.OrdinalIgnoreCase);
        return because < 0 ? deny : deny < 0 ? because : Math.Min(because, deny);
    }

    /// <summary>True for <c>prefix:Name</c>: a service prefix of letters, digits and '-' and an action name (which may hold '*').</summary>
    internal static bool LooksLikeAction(ReadOnlySpan<char> text)
    {
        int colon = text.IndexOf(':');
        if (colon <= 0 || colon == text.Length - 1)
        {
            return false;
        }

        foreach (char c in text[..colon])
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '-')
            {
                return false;
            }
        }

        foreach (char c in text[(colon + 1)..])
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '*' && c != '-' && c != '_' && c != '.')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Trims whitespace and trailing periods (<c>.</c> and <c>...</c>).</summary>
    private static string TrimEnd(string text) => text.TrimEnd().TrimEnd('.').TrimEnd();
}
