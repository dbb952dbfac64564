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

    public ResourcePattern(string text, bool variables)
    {
        _text = text;
        _segments = ArnSegments.Split(text);
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

    public Tri Matches(EvaluationState state)
    {
        RequestContext context = state.Context;
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

        return TriLogic.Of(Matches(pattern, segments, context.Resource, context.ResourceIsPattern));
    }

    internal static bool Matches(string pattern, ArnSegments patternSegments, string resource, bool resourceIsPattern)
    {
        if (pattern == "*")
        {
            return true;
        }

        ArnSegments resourceSegments = ArnSegments.Split(resource);
        if (patternSegments.IsValid && resourceSegments.IsValid)
        {
            return ArnSegments.MatchBySegment(pattern, patternSegments, resource, resourceSegments, ignoreCaseInPrefix: true, resourceIsPattern);
        }

        return WildcardMatch.IsMatch(pattern, resource, ignoreCase: false, resourceIsPattern);
    }
}
