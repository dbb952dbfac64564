namespace TrailSift.Core.Sources.Remote.CloudTrail;

/// <summary>Which single attribute LookupEvents filters on, given what the command selects (the most selective first).</summary>
public static class LookupAttributes
{
    /// <summary>
    /// The attribute: the access key of a recorded session; else the event name when exactly one is selected; else the
    /// user name when the principal is an IAM user's ARN (LookupEvents' Username of a role session is the session
    /// name, which a role ARN does not give); else none (the window alone). Everything else is filtered locally.
    /// </summary>
    public static LookupAttribute? Choose(string? accessKeyId, IReadOnlyList<string> eventNames, string? principal)
    {
        if (accessKeyId is { Length: > 0 })
        {
            return new LookupAttribute("AccessKeyId", accessKeyId);
        }

        if (eventNames.Count == 1 && !eventNames[0].Contains(',', StringComparison.Ordinal) && eventNames[0].Length > 0)
        {
            return new LookupAttribute("EventName", eventNames[0]);
        }

        if (principal is not null && UserName(principal) is { } user)
        {
            return new LookupAttribute("Username", user);
        }

        return null;
    }

    // arn:aws:iam::123456789012:user/path/name → name
    private static string? UserName(string principal)
    {
        string[] parts = principal.Split(':', 6);
        if (parts.Length == 6 && parts[0] == "arn" && parts[2] == "iam" && parts[5].StartsWith("user/", StringComparison.Ordinal))
        {
            string name = parts[5][(parts[5].LastIndexOf('/') + 1)..];
            return name.Length > 0 ? name : null;
        }

        return null;
    }
}
