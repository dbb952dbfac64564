using System.Text.RegularExpressions;
using TrailSift.Core.Events;
using TrailSift.Core.Json;

namespace TrailSift.Core.Query.Evaluation;

/// <summary><c>contains("literal")</c>: a byte search in the record's string, no decoding unless escaped.</summary>
/// <remarks>Immutable; thread-safe.</remarks>
internal sealed class ContainsLiteralNode(byte[] needle) : SingleNode
{
    public override Value Eval(in Value input)
    {
        if (input.Kind != JsonKind.String)
        {
            return Value.Error($"{input.TypeName} and string cannot have their containment checked");
        }

        using Utf8Text s = Utf8Text.Of(input);
        return Value.Bool(ValueOps.Substring(s.Span, needle));
    }
}

/// <summary><c>startswith("literal")</c> / <c>endswith("literal")</c>.</summary>
/// <remarks>Immutable; thread-safe.</remarks>
internal sealed class AffixLiteralNode(byte[] affix, bool end) : SingleNode
{
    public override Value Eval(in Value input)
    {
        if (input.Kind != JsonKind.String)
        {
            return Value.Error(end ? "endswith() requires string inputs" : "startswith() requires string inputs");
        }

        using Utf8Text s = Utf8Text.Of(input);
        return Value.Bool(end ? s.Span.EndsWith(affix) : s.Span.StartsWith(affix));
    }
}

/// <summary><c>test("literal"; "flags")</c>, compiled once.</summary>
/// <remarks>Immutable; thread-safe (a .NET <see cref="Regex"/> may be shared across threads).</remarks>
internal sealed class TestLiteralNode(Regex regex, bool nonEmpty) : SingleNode
{
    public override Value Eval(in Value input) => ValueOps.Test(input, regex, nonEmpty);
}
