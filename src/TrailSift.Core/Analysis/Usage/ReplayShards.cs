using TrailSift.Core.Iam.Evaluation;
using TrailSift.Core.Iam.Policy;

namespace TrailSift.Core.Analysis.Usage;

/// <summary>
/// Replays requests against a reduced policy without matching each one against every resource it lists. A reduced
/// policy lists many resources: exact ARNs and patterns that differ deep in the resource part (a day's prefix of
/// objects, say). Each entry of an Allow statement's <c>Resource</c> gets a key: the exact ARN itself, or the text
/// before its first wildcard or variable, cut after its last <c>/</c> or <c>:</c>; entries whose key reaches no further
/// than the resource part's start (<c>*</c>, <c>arn:aws:s3:::*</c>, a wildcard region) are kept everywhere, the others
/// are spread over shards by key. A shard's document keeps, of each Allow statement, its entries in the shard and
/// those kept everywhere; every other statement (Deny, <c>NotResource</c>, …) whole. A request goes to the shard of the
/// longest key its resource starts with (its own exact entry first). A shard's Allow statements are the full document's
/// with fewer resources, so a request the shard allows decidably is allowed decidably by the full document (identity
/// Allows are OR-ed and fewer of them can apply; Deny statements, the boundary and every other input of the decision are
/// the same). Anything else is evaluated against the full document: the answer is the full evaluator's in every case,
/// the shards only make the common case cheap.
/// </summary>
/// <remarks>Not thread-safe: one per verification (shards are compiled on first use).</remarks>
internal sealed class ReplayShards
{
    /// <summary>About this many keys per shard.</summary>
    private const int PerShard = 8;

    private readonly PolicyDocument _document;
    private readonly PolicyDocument[]? _boundary;
    private readonly PolicySet _full;
    private readonly Dictionary<string, int> _shardOfKey = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _keys;
    private readonly PolicySet?[] _shards;

    // Per statement of the document: the shard of each Resource entry (-1: kept in every shard), null when the statement
    // is kept whole; computed once so that narrowing to a shard reads no key again.
    private readonly int[]?[] _entryShards;

    /// <summary>Prepares the replay of <paramref name="document"/> as the identity policy, within an optional boundary.</summary>
    public ReplayShards(PolicyDocument document, PolicyDocument? boundary)
    {
        _document = document;
        _boundary = boundary is null ? null : [boundary];
        _full = new PolicySet(identityPolicies: [document], permissionBoundaries: _boundary);
        _keys = _shardOfKey.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (Statement statement in document.Statements)
        {
            if (statement.Effect == Effect.Allow && statement.Resource is { } resources)
            {
                foreach (string resource in resources.Values)
                {
                    if (Key(resource) is { } key)
                    {
                        _shardOfKey.TryAdd(key, _shardOfKey.Count);
                    }
                }
            }
        }

        _shards = new PolicySet?[_shardOfKey.Count < 2 * PerShard ? 0 : _shardOfKey.Count / PerShard];
        foreach (string key in _shardOfKey.Keys)
        {
            _shardOfKey[key] = _shards.Length == 0 ? 0 : _shardOfKey[key] % _shards.Length;
        }

        _entryShards = new int[]?[document.Statements.Length];
        for (int i = 0; i < _entryShards.Length && _shards.Length > 0; i++)
        {
            if (document.Statements[i] is { Effect: Effect.Allow, Resource: { } resources })
            {
                _entryShards[i] = [.. resources.Values.Select(r => Key(r) is { } key ? _shardOfKey[key] : -1)];
            }
        }
    }

    /// <summary>How many shards the keyed resources are spread over (0: every request goes to the full document).</summary>
    public int ShardCount => _shards.Length;

    /// <summary>The full evaluator's result, or null when the request's shard allows it decidably (then so does the full document).</summary>
    public EvaluationResult? Evaluate(RequestContext request)
    {
        if (_shards.Length > 0)
        {
            int shard = ShardOf(request.Resource);
            PolicySet set = _shards[shard] ??= new PolicySet(identityPolicies: [Narrow(shard)], permissionBoundaries: _boundary);
            EvaluationResult quick = PolicyEvaluator.Evaluate(set, request, includeTrace: false);
            if (quick.IsDecidable && quick.Decision == Decision.Allowed)
            {
                return null;
            }
        }

        return PolicyEvaluator.Evaluate(_full, request, includeTrace: false);
    }

    /// <summary>The shard of the longest key the resource starts with (the resource itself, then up to each separator).</summary>
    private int ShardOf(string resource)
    {
        if (_keys.TryGetValue(resource, out int shard))
        {
            return shard;
        }

        ReadOnlySpan<char> text = resource;
        for (int end = text.Length - 1; end > 0; end--)
        {
            if (text[end - 1] is '/' or ':' && _keys.TryGetValue(text[..end], out shard))
            {
                return shard;
            }
        }

        return 0;
    }

    private PolicyDocument Narrow(int shard)
    {
        var statements = new List<Statement>(_document.Statements.Length);
        for (int i = 0; i < _document.Statements.Length; i++)
        {
            Statement statement = _document.Statements[i];
            if (_entryShards[i] is not { } entryShards || statement.Resource is not { } resources)
            {
                statements.Add(statement);
                continue;
            }

            string[] kept = [.. resources.Values.Where((_, j) => entryShards[j] < 0 || entryShards[j] == shard)];
            if (kept.Length == resources.Values.Length)
            {
                statements.Add(statement);
            }
            else if (kept.Length > 0)
            {
                statements.Add(statement with { Resource = kept.Length == 1 ? PolicyValueList.Single(kept[0]) : PolicyValueList.Array(kept) });
            }
        }

        return _document with { Statements = [.. statements] };
    }

    /// <summary>
    /// The entry's key: itself when exact (no wildcard, no variable), else its text before the first wildcard or variable
    /// cut after the last <c>/</c> or <c>:</c>; null (kept in every shard) when that reaches no further than the resource
    /// part's start.
    /// </summary>
    private static string? Key(string resource)
    {
        int wildcard = resource.AsSpan().IndexOfAny('*', '?', '$');
        if (wildcard < 0)
        {
            return resource;
        }

        ReadOnlySpan<char> prefix = resource.AsSpan(0, wildcard);
        int cut = prefix.LastIndexOfAny('/', ':') + 1;
        ReadOnlySpan<char> key = prefix[..cut];
        return key.Count(':') < 5 || (key.Count(':') == 5 && key.EndsWith(":")) ? null : key.ToString();
    }
}
