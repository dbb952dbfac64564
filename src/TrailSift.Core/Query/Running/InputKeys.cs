using System.Text;
using TrailSift.Core.Query.Jq.Syntax;

namespace TrailSift.Core.Query.Running;

/// <summary>The top-level members of an event a jq program can read (<see cref="FilterShape.InputKeys"/>), as names and UTF-8.</summary>
/// <remarks>Immutable; thread-safe.</remarks>
internal sealed class InputKeys
{
    private InputKeys(string[] names)
    {
        Names = names;
        Utf8 = Array.ConvertAll(names, Encoding.UTF8.GetBytes);
    }

    /// <summary>The member names.</summary>
    public string[] Names { get; }

    /// <summary>The names in UTF-8, in the same order.</summary>
    public byte[][] Utf8 { get; }

    /// <summary>The keys <paramref name="program"/> reads from its input; null when it may read the whole input.</summary>
    public static InputKeys? Of(JqAst program) => FilterShape.InputKeys(program) is { } keys ? new InputKeys([.. keys.Order(StringComparer.Ordinal)]) : null;
}
