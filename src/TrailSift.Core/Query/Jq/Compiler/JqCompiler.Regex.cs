using TrailSift.Core.Query.Jq.Support;
using TrailSift.Core.Query.Jq.Syntax;
using TrailSift.Core.Query.Jq.Values;

namespace TrailSift.Core.Query.Jq.Compiler;

/// <summary>Refuses, when the program is compiled, a constant regex TrailSift cannot reproduce exactly.</summary>
internal sealed partial class JqCompiler
{
    private static readonly HashSet<string> RegexBuiltins = ["test", "match", "capture", "scan", "split", "splits", "sub", "gsub"];

    partial void CheckCall(CallAst c)
    {
        if (!RegexBuiltins.Contains(c.Name) || c.Args.Count == 0 || (c.Name == "split" && c.Args.Count == 1))
        {
            return;
        }

        if (c.Args[0] is not LiteralAst { Value: JqString pattern } lit)
        {
            return;
        }

        int flagsIndex = c.Name is "sub" or "gsub" ? 2 : 1;
        string? flags = null;
        if (c.Args.Count > flagsIndex)
        {
            if (c.Args[flagsIndex] is LiteralAst { Value: JqString f })
            {
                flags = f.Value;
            }
            else if (c.Args[flagsIndex] is not LiteralAst { Value.Kind: JqKind.Null })
            {
                return;
            }
        }

        OnigurumaRegexResult r = OnigurumaRegex.Compile(pattern.Value, flags);
        if (r.Status == OnigurumaRegexStatus.Unsupported)
        {
            throw new JqParseException("unsupported regex: " + r.Error, lit.Pos + 1 + Math.Max(0, r.ErrorOffset));
        }
    }
}
