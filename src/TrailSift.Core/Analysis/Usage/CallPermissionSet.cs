namespace TrailSift.Core.Analysis.Usage;

/// <summary>
/// The distinct (action, resource) pairs of one call's permissions, for handling each pair once: a call usually needs one
/// to a few, compared in a short list (no hashing of the resource's text); past <see cref="ListLimit"/> a hash set takes
/// over, so a call with thousands of resources stays linear.
/// </summary>
/// <remarks>Not thread-safe: one per scan worker, cleared per call.</remarks>
internal sealed class CallPermissionSet
{
    /// <summary>The most pairs compared one by one.</summary>
    internal const int ListLimit = 8;

    private readonly (string Action, string Resource)[] _list = new (string, string)[ListLimit];
    private readonly HashSet<(string, string)> _set = [];
    private int _count;

    /// <summary>Empties the set for the next call.</summary>
    public void Clear()
    {
        if (_count > ListLimit)
        {
            _set.Clear();
        }

        Array.Clear(_list, 0, Math.Min(_count, ListLimit));
        _count = 0;
    }

    /// <summary>Adds the pair; false when the call already had it (ordinal).</summary>
    public bool Add(string action, string resource)
    {
        if (_count > ListLimit)
        {
            return _set.Add((action, resource));
        }

        for (int i = 0; i < _count; i++)
        {
            if (string.Equals(_list[i].Resource, resource, StringComparison.Ordinal) && string.Equals(_list[i].Action, action, StringComparison.Ordinal))
            {
                return false;
            }
        }

        if (_count < ListLimit)
        {
            _list[_count++] = (action, resource);
            return true;
        }

        // The list is full: from now on the set holds every pair.
        foreach ((string Action, string Resource) pair in _list)
        {
            _set.Add(pair);
        }

        _set.Add((action, resource));
        _count++;
        return true;
    }
}
