using System.Globalization;
using System.Text;
using System.Text.Json;
using TrailSift.Core.Query.Jq.Support;
using TrailSift.Testing;

namespace TrailSift.Core.Tests.Query.Jq.Support;

/// <summary>
/// Every case of tests/data/jq/time.cases against the references recorded in time.expected.jsonl (jq 1.7.1, and the
/// glibc jq where the answer comes from the C library): the output of <c>try (FUNC) catch ("error: " + tostring)</c>.
/// </summary>
public sealed class JqTimeOracleTests
{
    public sealed record TimeCase(string Func, string Input, string? Arg, string Ref, bool Crashed, string? Expected)
    {
        public override string ToString() => Func + (Arg is null ? "" : "(" + Arg + ")") + " on " + Input;
    }

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public static IReadOnlyList<TimeCase> Cases { get; } = File.ReadAllLines(Path.Combine(RepoPaths.TestData, "jq", "time.expected.jsonl"))
        .Where(l => l.Length > 0)
        .Select(l => JsonSerializer.Deserialize<TimeCase>(l, Web)!)
        .ToList();

    [Fact]
    public void Should_MatchJq_When_RunningEveryDateCase()
    {
        // Given every case with the reference answer
        var failures = new List<string>();
        int refused = 0;
        // (jq itself aborts on a few ill-typed calls, such as strftime(1) on a number: nothing to compare with there)
        Assert.All(Cases.Where(c => !c.Crashed), c => Assert.False(string.IsNullOrEmpty(c.Expected), c + " has no reference answer"));
        foreach (TimeCase c in Cases.Where(c => !c.Crashed))
        {
            // When TrailSift evaluates it
            string actual;
            try
            {
                actual = Evaluate(c);
            }
            catch (NotSupportedException)
            {
                refused++;
                failures.Add(c + ": refused, jq gives " + c.Expected);
                continue;
            }

            // Then it prints what jq prints
            if (actual != c.Expected)
            {
                failures.Add(c + ": expected " + c.Expected + "\n      actual   " + actual);
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {Cases.Count} date cases differ:\n" + string.Join("\n", failures.Take(40)));
    }

    private static string Evaluate(TimeCase c)
    {
        using JsonDocument input = JsonDocument.Parse(c.Input);
        using JsonDocument? arg = c.Arg is null ? null : JsonDocument.Parse(c.Arg);
        JsonElement x = input.RootElement;
        try
        {
            return c.Func switch
            {
                "gmtime" => Array(JqTime.GmTime(Number(x, JqTime.GmTimeRequiresNumber)).ToArray()),
                "localtime" => Array(JqTime.LocalTime(Number(x, JqTime.LocalTimeRequiresNumber), TimeZoneInfo.Utc).ToArray()),
                "todate" => JqJsonText.String(StrFTime(x, JsonDocument.Parse("\"" + JqTime.Iso8601Format + "\"").RootElement)),
                "strftime" => JqJsonText.String(StrFTime(x, arg!.RootElement)),
                "mktime" => Num(JqTime.MkTime(BrokenDown(x, JqTime.MkTimeRequiresArray, JqTime.MkTimeRequiresParsed, minimum: 6))),
                "strptime" => StrPTime(x, arg!.RootElement),
                "fromdateiso8601" => Num(JqTime.FromDateIso8601(x.ValueKind == JsonValueKind.String ? x.GetString()! : throw new JqTimeException(JqTime.StrPTimeRequiresStrings))),
                _ => throw new InvalidOperationException("unknown function " + c.Func),
            };
        }
        catch (JqTimeException e)
        {
            return JqJsonText.String("error: " + e.Message);
        }
    }

    private static string StrFTime(JsonElement x, JsonElement format)
    {
        JqBrokenDownTime tm;
        if (x.ValueKind == JsonValueKind.Number)
        {
            tm = JqTime.GmTime(x.GetDouble());
        }
        else if (x.ValueKind != JsonValueKind.Array)
        {
            throw new JqTimeException(JqTime.StrFTimeRequiresParsed);
        }
        else if (format.ValueKind != JsonValueKind.String)
        {
            throw new JqTimeException(JqTime.StrFTimeRequiresString);
        }
        else
        {
            tm = BrokenDown(x, JqTime.StrFTimeRequiresParsed, JqTime.StrFTimeRequiresParsed, minimum: 0);
        }

        return JqTime.StrFTime(tm, format.ValueKind == JsonValueKind.String ? format.GetString()! : throw new JqTimeException(JqTime.StrFTimeRequiresString), TimeZoneInfo.Utc);
    }

    private static string StrPTime(JsonElement x, JsonElement format)
    {
        if (x.ValueKind != JsonValueKind.String || format.ValueKind != JsonValueKind.String)
        {
            throw new JqTimeException(JqTime.StrPTimeRequiresStrings);
        }

        JqParsedTime parsed = JqTime.StrPTime(x.GetString()!, format.GetString()!, TimeZoneInfo.Utc);
        string array = Array(parsed.Time.ToArray());
        return parsed.Rest is null ? array : array[..^1] + "," + JqJsonText.String(parsed.Rest) + "]";
    }

    private static JqBrokenDownTime BrokenDown(JsonElement x, string notArray, string notParsed, int minimum)
    {
        if (x.ValueKind != JsonValueKind.Array)
        {
            throw new JqTimeException(notArray);
        }

        var items = x.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.Number ? e.GetDouble() : (double?)null).ToList();
        if (items.Count < minimum)
        {
            throw new JqTimeException(notParsed);
        }

        return JqBrokenDownTime.FromArray(items) ?? throw new JqTimeException(notParsed);
    }

    private static double Number(JsonElement x, string message) =>
        x.ValueKind == JsonValueKind.Number ? x.GetDouble() : throw new JqTimeException(message);

    private static string Array(double[] values) => "[" + string.Join(",", values.Select(Num)) + "]";

    /// <summary>A number as jq 1.7.1 prints it (shortest round-trip form; integers in full up to 1e17).</summary>
    private static string Num(double v) =>
        Math.Floor(v) == v && Math.Abs(v) < 1e17 ? ((long)v).ToString(CultureInfo.InvariantCulture) : v.ToString("R", CultureInfo.InvariantCulture).ToLowerInvariant();
}
