using TrailSift.Core.Iam.Evaluation;

namespace TrailSift.Core.Analysis.Replay;

/// <summary>
/// What one CloudTrail event reveals about its request context: the caller, the context keys with values, and the
/// keys known to be absent (a request without tags has no <c>aws:RequestTag/…</c>; a call not through a VPC endpoint
/// has no <c>aws:SourceVpce</c>). Every other key is unknown: <see cref="IsKnown"/> says which is which.
/// </summary>
/// <remarks>Mutable while <see cref="EventContextReader"/> fills it; read-only afterwards. Not thread-safe.</remarks>
public sealed class ReplayContext
{
    private readonly HashSet<string> _absent = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _absentPrefixes = [];

    /// <summary>The caller's ARN (a role session's <c>assumed-role</c> ARN), or null when the event has none.</summary>
    public string? Principal { get; internal set; }

    /// <summary>The principal policies are written for: the role behind a session, or the caller's ARN.</summary>
    public string? PrincipalKey { get; internal set; }

    /// <summary>The caller's account.</summary>
    public string? PrincipalAccount { get; internal set; }

    /// <summary><c>userIdentity.type</c>.</summary>
    public string? IdentityType { get; internal set; }

    /// <summary>When the call was made (UTC ticks).</summary>
    public long Ticks { get; internal set; }

    /// <summary>
    /// When set, the only keys this context records (<see cref="ContextKeySelection"/>): values and absences of other
    /// keys are dropped, and the reader does not compute them. Null: every key.
    /// </summary>
    public ContextKeySelection? Selection { get; internal set; }

    /// <summary>Context keys with values (case-insensitive names).</summary>
    public Dictionary<string, ContextValue> Values { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The tags the request applies (empty when none, or when the request parameters were not logged).</summary>
    public List<KeyValuePair<string, string>> RequestTags { get; } = [];

    /// <summary>Ids of resources the call created (<c>RunInstances</c>' instance ids).</summary>
    public List<string> CreatedIds { get; } = [];

    /// <summary>Empties the context for the next call read into it (<see cref="EventContextReader"/>).</summary>
    internal void Reset(long ticks, ContextKeySelection? selection)
    {
        _absent.Clear();
        _absentPrefixes.Clear();
        Values.Clear();
        RequestTags.Clear();
        CreatedIds.Clear();
        Principal = PrincipalKey = PrincipalAccount = IdentityType = null;
        Ticks = ticks;
        Selection = selection;
    }

    /// <summary>Marks <paramref name="key"/> as known to be absent from the request.</summary>
    public void MarkAbsent(string key)
    {
        if (Wants(key))
        {
            _absent.Add(key);
        }
    }

    /// <summary>Marks every key starting with <paramref name="prefix"/> as absent unless it has a value.</summary>
    public void MarkAbsentPrefix(string prefix)
    {
        if (Selection is null || Selection.ContainsPrefix(prefix))
        {
            _absentPrefixes.Add(prefix);
        }
    }

    /// <summary>True when the context records <paramref name="key"/> (<see cref="Selection"/>).</summary>
    public bool Wants(string key) => Selection is null || Selection.Contains(key);

    /// <summary>True when the context records any of <paramref name="keys"/>.</summary>
    public bool WantsAny(params ReadOnlySpan<string> keys) => Selection is null || Selection.ContainsAny(keys);

    /// <summary>Sets a single value.</summary>
    public void Set(string key, string? value)
    {
        if (value is not null && Wants(key))
        {
            Values[key] = value;
        }
    }

    /// <summary>Sets a value (a list), when the context records the key.</summary>
    public void SetList(string key, ContextValue value)
    {
        if (Wants(key))
        {
            Values[key] = value;
        }
    }

    /// <summary>True when the key has a value or is known to be absent; false when its value cannot be known.</summary>
    public bool IsKnown(string key)
    {
        if (Values.ContainsKey(key) || _absent.Contains(key))
        {
            return true;
        }

        foreach (string prefix in _absentPrefixes)
        {
            if (Matches(key, prefix))
            {
                return true;
            }
        }

        return false;
    }

    // A prefix may start with "*:" for any service: "*:ResourceTag/" covers ec2:ResourceTag/x and aws:ResourceTag/x.
    internal static bool Matches(string key, string prefix)
    {
        if (prefix.StartsWith("*:", StringComparison.Ordinal))
        {
            int colon = key.IndexOf(':', StringComparison.Ordinal);
            return colon > 0 && key.AsSpan(colon + 1).StartsWith(prefix.AsSpan(2), StringComparison.OrdinalIgnoreCase);
        }

        return key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase);
    }
}
