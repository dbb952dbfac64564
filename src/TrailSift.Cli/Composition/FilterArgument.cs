using TrailSift.Core.Query;
using TrailSift.Core.Sources;

namespace TrailSift.Cli.Composition;

/// <summary>Is the first positional argument a path or the filter? Paths are paths: <c>trailsift count .</c>, <c>trailsift query logs/</c>.</summary>
public static class FilterArgument
{
    /// <summary>
    /// True when <paramref name="argument"/> names an input: an existing file or directory, <c>-</c>, <c>.</c> or <c>..</c>,
    /// an <c>s3://</c> URL (any argument a source claims), or text with a <c>/</c> that is not a valid jq filter
    /// (<c>logs/2024</c>, <c>./trail</c>). A filter such as <c>.arn | endswith("/admin")</c> stays a filter.
    /// </summary>
    public static bool IsPath(SourceRegistry registry, string argument)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(argument);
        if (argument is "." or ".." || registry.IsInput(argument) || argument.StartsWith("s3://", StringComparison.Ordinal))
        {
            return true;
        }

        return argument.Contains('/', StringComparison.Ordinal) && !EventFilter.Parse(argument, program: true).Success;
    }
}
