namespace TrailSift.Core.Analysis.Denied.Messages;

/// <content>
/// Shapes other than the user sentence: the access-undenied pattern list, S3's and other services' bare
/// <c>Access Denied</c>, KMS's ciphertext message, VPC endpoint notices and invalid-request messages.
/// </content>
public static partial class DeniedMessageParser
{
    private static void ParseOtherShapes(string text, string? eventSource, Draft d)
    {
        d.Format = DeniedMessageFormat.Other;
        if (text.Contains("explicit deny", StringComparison.OrdinalIgnoreCase))
        {
            d.ExplicitDeny = true;
        }

        if (text.Equals("Access Denied", StringComparison.OrdinalIgnoreCase)
            || text.Equals("AccessDenied", StringComparison.OrdinalIgnoreCase))
        {
            if (IsService(eventSource, "s3"))
            {
                d.Format = DeniedMessageFormat.S3Generic;
                d.Note(DeniedMessageNotes.S3Generic);
                d.Note(DeniedMessageNotes.S3GenericCauses);
            }
            else
            {
                d.Note(DeniedMessageNotes.GenericAccessDenied);
            }

            d.Note(DeniedMessageNotes.ActionFromEvent);
            return;
        }

        if (text.Contains("ciphertext refers to a customer master key", StringComparison.OrdinalIgnoreCase)
            || text.Contains("ciphertext refers to a KMS key", StringComparison.OrdinalIgnoreCase))
        {
            d.Format = DeniedMessageFormat.KmsCiphertext;
            d.Action = "kms:Decrypt";
            d.ActionInferred = true;
            d.Note(DeniedMessageNotes.KmsCiphertext);
            return;
        }

        if (TryBracketed(text, d) || TryAccessThisResource(text, d) || TryNamedResource(text, d))
        {
            return;
        }

        if (text.Contains("denied due to a VPC endpoint policy", StringComparison.OrdinalIgnoreCase)
            || text.Contains("VPC endpoint policy", StringComparison.OrdinalIgnoreCase))
        {
            d.SetVpcEndpoint(d.ExplicitDeny);
            d.Note(DeniedMessageNotes.ActionFromEvent);
            return;
        }

        string? note =
            text.StartsWith("No access to any requested resource", StringComparison.OrdinalIgnoreCase) ? DeniedMessageNotes.NoResourceNamed
            : text.StartsWith("Not whitelisted for accessing ActionType", StringComparison.OrdinalIgnoreCase) ? DeniedMessageNotes.CodePipelineAllowList
            : text.StartsWith("An unknown error occurred", StringComparison.OrdinalIgnoreCase) ? DeniedMessageNotes.UnknownError
            : IsInvalidRequest(text) ? DeniedMessageNotes.InvalidRequest
            : null;
        d.Note(note ?? DeniedMessageNotes.NotRecognised);
        d.Note(DeniedMessageNotes.ActionFromEvent);
    }

    /// <summary><c>Principal [P] is not allowed to execute [A] on the resource</c>.</summary>
    private static bool TryBracketed(string text, Draft d)
    {
        const string execute = "is not allowed to execute";
        int verb = text.IndexOf(execute, StringComparison.OrdinalIgnoreCase);
        if (verb < 0)
        {
            return false;
        }

        ReadOnlySpan<char> before = text.AsSpan(0, verb).Trim(' ');
        if (before.StartsWith("Principal", StringComparison.OrdinalIgnoreCase))
        {
            before = before["Principal".Length..].Trim(' ');
        }

        d.Principal = Unbracket(before);
        ReadOnlySpan<char> after = text.AsSpan(verb + execute.Length).TrimStart(' ');
        int end = after.StartsWith('[') ? after.IndexOf(']') + 1 : after.IndexOf(' ');
        ReadOnlySpan<char> action = Unbracket(end <= 0 ? after : after[..end]) is { } a ? a.AsSpan() : [];
        if (LooksLikeAction(action))
        {
            d.Action = action.ToString();
        }
        else
        {
            d.Note(DeniedMessageNotes.ActionNotRecognised);
        }

        d.Note(DeniedMessageNotes.NoResourceNamed);
        return true;
    }

    /// <summary><c>User: P is not authorized to access this resource</c>.</summary>
    private static bool TryAccessThisResource(string text, Draft d)
    {
        const string verb = "is not authorized to access this resource";
        int at = text.IndexOf(verb, StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            return false;
        }

        d.Principal = ReadPrincipal(text.AsSpan(0, at));
        d.Note(DeniedMessageNotes.NoResourceNamed);
        d.Note(DeniedMessageNotes.ActionFromEvent);
        return true;
    }

    /// <summary><c>Access to the resource R is denied</c> and <c>Not authorized to access resource R</c>.</summary>
    private static bool TryNamedResource(string text, Draft d)
    {
        ReadOnlySpan<char> resource;
        if (text.StartsWith("Access to the resource ", StringComparison.OrdinalIgnoreCase)
            && text.EndsWith(" is denied", StringComparison.OrdinalIgnoreCase))
        {
            resource = text.AsSpan("Access to the resource ".Length, text.Length - "Access to the resource ".Length - " is denied".Length);
        }
        else if (text.StartsWith("Not authorized to access resource", StringComparison.OrdinalIgnoreCase))
        {
            resource = text.AsSpan("Not authorized to access resource".Length).TrimStart(':').TrimStart(' ');
        }
        else
        {
            return false;
        }

        resource = resource.Trim(' ').Trim('"');
        d.Resource = resource.Length == 0 ? null : resource.ToString();
        d.Note(DeniedMessageNotes.ActionFromEvent);
        return true;
    }

    private static bool IsInvalidRequest(string text) =>
        text.Contains("Cross-account pass role is not allowed", StringComparison.OrdinalIgnoreCase)
        || text.Contains("invalid arn", StringComparison.OrdinalIgnoreCase)
        || text.Contains("arn is invalid", StringComparison.OrdinalIgnoreCase)
        || text.Contains("is not a valid AWS service name", StringComparison.OrdinalIgnoreCase);

    /// <summary>True when <paramref name="eventSource"/> is <c>{service}.amazonaws.com</c> (or a variant such as <c>s3-external-1.amazonaws.com</c>).</summary>
    private static bool IsService(string? eventSource, string service) =>
        eventSource is not null
        && eventSource.StartsWith(service, StringComparison.OrdinalIgnoreCase)
        && eventSource.Length > service.Length
        && eventSource[service.Length] is '.' or '-';

    private static string? Unbracket(ReadOnlySpan<char> text)
    {
        text = text.Trim(' ');
        if (text.StartsWith('[') && text.EndsWith(']'))
        {
            text = text[1..^1].Trim(' ');
        }

        return text.Length == 0 ? null : text.ToString();
    }
}
