namespace TrailSift.Core.Iam.Evaluation.Internal;

/// <summary>
/// One <c>Resource</c>/<c>NotResource</c> entry: <c>*</c>, an ARN pattern matched per segment (partition, service,
/// region and account case-insensitive, the resource part case-sensitive with <c>*</c> spanning <c>/</c> and
/// <c>:</c>), any other text matched as a whole, or a variable template resolved per request. Immutable; thread-safe.
/// </summary>
internal sealed class ResourcePattern
{
    private readonly string _text;
    private readonly ArnSegments _segments;
    private readonly VariableTemplate? _template;
    private readonly bool _shortArn;

    public ResourcePattern(string text, bool variables)
    {
        _text = text;
        _segments = ArnSegments.Split(text);

        // "arn:aws:s3" and the like: AWS's validator reports "Missing ARN field"; how IAM matches such an entry is not
        // documented, so it is undecidable rather than silently matching nothing (docs/simulate-request.md).
        _shortArn = !_segments.IsValid && text.StartsWith("arn:", StringComparison.OrdinalIgnoreCase);
        if (variables && _segments.IsValid)
        {
            // Variables are only allowed in the resource part, after the fifth colon.
            string resourcePart = _segments.Segment(text, 5).ToString();
            if (!text.AsSpan(0, text.Length - resourcePart.Length).Contains("${", StringComparison.Ordinal))
            {
                _template = VariableTemplate.TryCompile(text);
            }
        }
    }

    /// <summary>The text of the entry.</summary>
    public string Text => _text;

    /// <summary>True when the entry holds policy variables: what it matches depends on the request's context.</summary>
    public bool IsTemplate => _template is not null;

    /// <summary>
    /// As <see cref="Matches(EvaluationState, bool)"/> for a resource without wildcards (<paramref name="resourceSegments"/>
    /// its split), for an entry that is not a template: what the evaluator decides, without a request.
    /// </summary>
    public Tri MatchesResource(string resource, ArnSegments resourceSegments) =>
        _shortArn ? Tri.Unknown : TriLogic.Of(Matches(_text, _segments, resource, resourceSegments, resourceIsPattern: false));

    /// <summary>
    /// Whether the entry covers the request resource (every resource a request pattern stands for), or with
    /// <paramref name="intersect"/> whether it shares at least one resource with it.
    /// </summary>
    public Tri Matches(EvaluationState state, bool intersect = false)
    {
        RequestContext context = state.Context;
        if (_shortArn)
        {
            state.NoteUnknown($"Resource \"{_text}\" (fewer than six ARN fields)");
            return Tri.Unknown;
        }

        string pattern = _text;
        ArnSegments segments = _segments;
        if (_template is not null)
        {
            Tri resolved = _template.Resolve(context, forPattern: true, out string? text, state);
            if (resolved != Tri.True)
            {
                // An unresolvable variable makes the entry match nothing.
                return resolved;
            }

            pattern = text!;
            segments = ArnSegments.Split(pattern);
        }

        return TriLogic.Of(intersect && context.ResourceIsPattern
            ? Intersects(pattern, segments, context.Resource)
            : Matches(pattern, segments, context.Resource, context.ResourceIsPattern));
    }

    /// <summary>True when the policy pattern and the request pattern share at least one resource.</summary>
    internal static bool Intersects(string pattern, ArnSegments patternSegments, string resource)
    {
        if (pattern == "*" || resource == "*")
        {
            return true;
        }

        ArnSegments resourceSegments = ArnSegments.Split(resource);
        if (!patternSegments.IsValid || !resourceSegments.IsValid)
        {
            return WildcardMatch.Intersects(pattern, resource, ignoreCase: false);
        }

        for (int i = 0; i < 5; i++)
        {
            if (!WildcardMatch.Intersects(patternSegments.Segment(pattern, i), resourceSegments.Segment(resource, i), ignoreCase: true))
            {
                return false;
            }
        }

        return WildcardMatch.Intersects(patternSegments.Segment(pattern, 5), resourceSegments.Segment(resource, 5), ignoreCase: false);
    }

    internal static bool Matches(string pattern, ArnSegments patternSegments, string resource, bool resourceIsPattern) =>
        pattern == "*" || Matches(pattern, patternSegments, resource, ArnSegments.Split(resource), resourceIsPattern);

    private static bool Matches(string pattern, ArnSegments patternSegments, string resource, ArnSegments resourceSegments, bool resourceIsPattern)
    {
        if (pattern == "*")
        {
            return true;
        }

        if (patternSegments.IsValid && resourceSegments.IsValid)
        {
            return ArnSegments.MatchBySegment(pattern, patternSegments, resource, resourceSegments, ignoreCaseInPrefix: true, resourceIsPattern);
        }

        return WildcardMatch.IsMatch(pattern, resource, ignoreCase: false, resourceIsPattern);
    }
}
