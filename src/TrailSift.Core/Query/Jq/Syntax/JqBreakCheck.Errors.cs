using TrailSift.Core.Query.Jq.Values;

namespace TrailSift.Core.Query.Jq.Syntax;

/// <summary>
/// The <c>error</c> calls that could raise a label's own value. In jq 1.7.1 a label ends, as its break would, when an
/// error whose value equals the label's internal value (<c>{"__jq": N}</c>, N from jq's runtime label counter) reaches
/// it: <c>label $f | error({"__jq":0})</c> outputs nothing. TrailSift does not keep that counter, so inside a label's
/// scope it refuses an <c>error</c> whose value is not known to be something else: <c>error</c> (of its input),
/// <c>error(.)</c>, <c>error($x)</c>, <c>error({"__jq": …})</c>. A string, number, boolean, null, array, string
/// interpolation, format, comparison, or an object built with another key (or with several keys) is known not to be
/// such a value, so <c>error("…")</c>, <c>error("bad \(.)")</c> and <c>error({code: 1})</c> are accepted everywhere.
/// </summary>
internal static partial class JqBreakCheck
{
    private static readonly HashSet<string> NotObjectBuiltins =
    [
        "tostring/0", "tojson/0", "type/0", "length/0", "utf8bytelength/0", "keys/0", "keys_unsorted/0", "ascii_downcase/0",
        "ascii_upcase/0", "ltrimstr/1", "rtrimstr/1", "join/1", "not/0", "test/1", "test/2", "startswith/1", "endswith/1",
        "tonumber/0", "implode/0", "explode/0", "input_line_number/0",
    ];

    private static JqParseException UnsafeError(int pos, string where) => new(
        $"an error whose value is not a string, number or constructed object is not supported inside {where}: jq 1.7.1 "
        + "ends a label when an error's value equals the label's internal value ({\"__jq\": N}), which TrailSift does not "
        + "reproduce (error(\"message\") or error({code: …}) is accepted)", pos);

    // The error calls (of the builtin, not a program-defined error) whose value could be a label's.
    private static HashSet<JqAst> UnsafeErrors(List<JqAst> all, HashSet<string> defined)
    {
        var result = new HashSet<JqAst>(ReferenceEqualityComparer.Instance);
        if (defined.Contains("error"))
        {
            return result;
        }

        var piped = new HashSet<JqAst>(ReferenceEqualityComparer.Instance);
        foreach (JqAst a in all)
        {
            if (a is PipeAst { Right: CallAst { Name: "error", Args.Count: 0 } e } p && NotLabelValue(p.Left))
            {
                piped.Add(e);
            }
        }

        foreach (JqAst a in all)
        {
            if (a is CallAst { Name: "error" } c
                && (c.Args.Count == 0 ? !piped.Contains(c) : c.Args.Count == 1 && !NotLabelValue(c.Args[0])))
            {
                result.Add(c);
            }
        }

        return result;
    }

    // Whether every value of a is known, from its form alone, not to be an object whose only key is "__jq".
    private static bool NotLabelValue(JqAst a) => a switch
    {
        LiteralAst { Value: JqObject o } => !(o.Count == 1 && o.TryGetValue("__jq", out _)),
        LiteralAst or StringAst or FormatAst or ArrayAst or LocAst => true,
        ObjectAst o => o.Entries.Count != 1 || o.Entries[0].Key is LiteralAst { Value: JqString k } && k.Value != "__jq",
        ParenAst p => NotLabelValue(p.Body),
        PipeAst p => NotLabelValue(p.Right),
        CommaAst c => NotLabelValue(c.Left) && NotLabelValue(c.Right),
        IfAst i => NotLabelValue(i.Then) && i.Else is not null && NotLabelValue(i.Else),
        NegAst => true,
        BinaryAst b when b.Op is "==" or "!=" or "<" or "<=" or ">" or ">=" or "and" or "or" => true,
        BinaryAst b when b.Op is "+" or "-" or "*" or "/" or "%" => NotLabelValue(b.Left) && NotLabelValue(b.Right),
        CallAst c => NotObjectBuiltins.Contains(c.Name + "/" + c.Args.Count),
        _ => false,
    };
}
