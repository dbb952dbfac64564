using System.Globalization;

namespace TrailSift.Testing;

/// <summary>
/// A seeded generator of jq programs over the whole language: paths, generators, reduce/foreach, def, try/catch,
/// <c>?//</c>, string interpolation, formats, builtins with right and wrong argument types, assignment operators,
/// label/break, <c>..</c>. Programs are both well-typed and ill-typed (errors are part of what is compared). The same
/// seed gives the same programs; <see cref="Case"/> prints a case so that it can be re-run by hand.
/// </summary>
public sealed class JqProgramGenerator(int seed)
{
    private readonly Random _random = new(seed);

    /// <summary>One generated case: jq's arguments (flags, then the program) and its input text.</summary>
    public sealed record Case(IReadOnlyList<string> Flags, string Program, string Input)
    {
        /// <summary>The arguments to pass to jq: flags then the program.</summary>
        public IReadOnlyList<string> Args => [.. Flags, Program];

        /// <summary>A shell line that reproduces the case.</summary>
        public override string ToString() =>
            "printf '%s' " + Quote(Input) + " | jq " + string.Join(' ', Flags) + (Flags.Count > 0 ? " " : "") + Quote(Program);

        private static string Quote(string s) => "'" + s.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
    }

    private static readonly string[] Inputs =
    [
        "null", "1", "-2.5", "\"abc\"", "\"a,b, c\"", "[1,2,3]", "[3,1,2,1]", "[]", "{}", "true",
        "{\"a\":1,\"b\":[1,2],\"c\":{\"d\":\"x\"}}", "[{\"a\":1,\"b\":2},{\"a\":3}]", "[\"b\",\"a\",\"c\"]",
        "{\"Records\":[{\"eventName\":\"GetObject\",\"errorCode\":\"AccessDenied\"},{\"eventName\":\"PutObject\"}]}",
        "[[1,2],[3,[4]]]", "\"2015-03-05T23:51:47Z\"", "1425599507", "{\"a\":null,\"b\":false}", "\"héllo wörld\"",
    ];

    private static readonly string[] Flags = ["-c", "-c", "-c", "-r", "-S", "--tab", "-j", "-a"];

    private static readonly string[] Atoms =
    [
        ".", ".a", ".b", ".[0]", ".[]", ".[]?", ".a.b", ".[1:]", ".[:2]", ".[-1]", "..", "null", "true", "false",
        "1", "0", "-1", "2.5", "\"x\"", "\"a,b\"", "[]", "{}", "$__loc__", "empty", "input_line_number",
        "@base64", "@csv", "@tsv", "@html", "@uri", "@sh", "@json", "@text", "@base64d", "\"\\(.)\"", "\"a\\(1+2)b\"",
    ];

    private static readonly string[] Builtins0 =
    [
        "length", "keys", "keys_unsorted", "values", "type", "not", "add", "any", "all", "flatten", "reverse", "sort",
        "unique", "min", "max", "tostring", "tonumber", "tojson", "fromjson", "ascii_downcase", "ascii_upcase",
        "explode", "implode", "to_entries", "from_entries", "paths", "leaf_paths", "floor", "sqrt", "abs", "toarray",
        "ltrimstr(\"a\")", "utf8bytelength", "isnan", "infinite", "nan", "isinfinite", "isnormal", "first", "last",
        "arrays", "objects", "iterables", "booleans", "numbers", "strings", "nulls", "scalars", "tostream", "splits(\", \")",
        "ascii", "todate", "fromdateiso8601", "gmtime", "mktime", "halt_error", "error", "env|type", "builtins|length > 10",
        "getpath([\"a\"])", "input_filename", "ltrimstr(1)", "@json", "tojson|fromjson", "combinations", "transpose",
        "min_by(.a)", "group_by(.a)", "unique_by(length)", "significand", "logb", "trunc", "round", "ceil", "fabs",
    ];

    private static readonly string[] Builtins1 =
    [
        "map", "select", "has", "contains", "inside", "split", "join", "test", "match", "capture", "scan", "sub(\"a\"; \"b\")",
        "startswith", "endswith", "ltrimstr", "rtrimstr", "index", "rindex", "indices", "sort_by", "group_by", "unique_by",
        "min_by", "max_by", "with_entries", "map_values", "path", "del", "to_entries|map", "any", "all",
        "limit(2; .[]?) |", "first", "last", "splits", "ascii", "IN", "INDEX", "getpath",
        "paths", "tostream|", "error", "walk", "env.TRAILSIFT_UNSET_VARIABLE|", "strftime", "strptime", "flatten", "@base32d|", "pick",
    ];

    /// <summary>The next case.</summary>
    public Case Next()
    {
        var flags = new List<string>();
        if (_random.Next(3) > 0)
        {
            flags.Add(Flags[_random.Next(Flags.Length)]);
        }

        return new Case(flags, Expr(3), Inputs[_random.Next(Inputs.Length)]);
    }

    private string Expr(int depth)
    {
        if (depth <= 0)
        {
            return Leaf();
        }

        string a = Expr(depth - 1), b = Expr(depth - 1);
        return _random.Next(26) switch
        {
            0 => a + " | " + b,
            1 => a + ", " + b,
            2 => "[" + a + "]",
            3 => "{a: " + a + "}",
            4 => "(" + a + ") + (" + b + ")",
            5 => "(" + a + ") - (" + b + ")",
            6 => "(" + a + ") * (" + b + ")",
            7 => "(" + a + ") / (" + b + ")",
            8 => "(" + a + ") % (" + b + ")",
            9 => "(" + a + ") == (" + b + ")",
            10 => "(" + a + ") < (" + b + ")",
            11 => "(" + a + ") and (" + b + ")",
            12 => "(" + a + ") // (" + b + ")",
            13 => "if " + a + " then " + b + " else " + Leaf() + " end",
            14 => "try (" + a + ") catch .",
            15 => "(" + a + ")?",
            16 => "reduce (" + a + ") as $x (0; . + ($x|length))",
            17 => "[foreach (" + a + ") as $x (0; . + 1; [$x, .])]",
            18 => "def f(g): [g, " + a + "]; f(" + b + ")",
            19 => "(" + a + ") as $v | [$v, " + b + "]",
            20 => "[label $out | " + a + " | ., break $out]",
            21 => "(" + a + ") " + new[] { "|=", "+=", "-=", "*=", "//=", "=" }[_random.Next(6)] + " (" + b + ")",
            22 => Builtins1[_random.Next(Builtins1.Length)] is var f && f.EndsWith('|') ? f + " " + a : f + "(" + a + ")",
            23 => "\"s\\(" + a + ")e\"",
            24 => "(" + a + ") as [$p, $q] ?// $p | [$p, $q]",
            _ => "[paths(" + a + ")]",
        };
    }

    private string Leaf() => _random.Next(2) == 0
        ? Atoms[_random.Next(Atoms.Length)]
        : Builtins0[_random.Next(Builtins0.Length)];

    /// <summary>Formats a count with invariant culture.</summary>
    public static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);
}
