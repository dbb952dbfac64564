using TrailSift.Core.Events;
using TrailSift.Core.Query;
using TrailSift.Core.Query.Syntax;

namespace TrailSift.Core.Tests.Query;

/// <summary>
/// A seeded, time-boxed fuzz of the whole pipeline: random token soups must parse into a result
/// (never an exception); whatever parses must print and re-parse to the same tree, and must
/// compile and evaluate on sample events without throwing.
/// </summary>
public sealed class ParserFuzzTests
{
    private static readonly string[] Pieces =
    [
        ".", ".a", ".b", ".[]", "[]", "[0]", "[", "]", "(", ")", "{", "}", "|", ",", "?", "==", "!=", "<", ">=", "and", "or",
        "not", "select(", "contains(", "test(", "has(", "length", "type", "ascii_downcase", "\"x\"", "\"\\u0041\"", "1", "-1",
        "1.5e3", "null", "true", "false", "//", ":", ";", "a", "k:", ".\"q\"", "$x", "..", "+", "=", "\"", "#c\n", " ", "empty",
        "ltrimstr(", "any", "[.a[]]", "{a: 1}", "(.a)?",
    ];

    private static readonly string[] Events =
    [
        "{\"a\":[1,\"x\",{\"b\":2}],\"b\":\"x\",\"q\":{\"k\":1}}",
        "{\"a\":\"str\",\"b\":null}",
        "{}",
    ];

    [Fact]
    public void Should_Never_Throw_And_Should_Round_Trip_When_Given_Random_Token_Soup()
    {
        // Given
        var random = new Random(20240601);
        EventRecord[] records = Array.ConvertAll(Events, EventRecord.Parse);
        var deadline = DateTime.UtcNow.AddSeconds(5);
        int parsed = 0, total = 0;

        // When / Then
        while (total < 20000 && DateTime.UtcNow < deadline)
        {
            total++;
            int n = random.Next(1, 12);
            var sb = new System.Text.StringBuilder();
            for (int i = 0; i < n; i++)
            {
                sb.Append(Pieces[random.Next(Pieces.Length)]);
            }

            string filter = sb.ToString();
            QueryParseResult result = EventQuery.Parse(filter);
            if (!result.Success)
            {
                Assert.NotNull(result.Error);
                Assert.InRange(result.Error!.Position, 0, filter.Length);
                _ = result.Error.Render();
                continue;
            }

            parsed++;
            Expr expr = result.Query!.Expression;
            Expr? again = Parser.Parse(expr.ToString(), out QueryError? error);
            Assert.True(expr.Equals(again), $"`{filter}` printed as `{expr}` re-parsed as `{again}` ({error?.Message})");
            IEventPredicate predicate = EventQuery.Compile(result.Query);
            foreach (EventRecord record in records)
            {
                _ = predicate.Matches(record);
            }
        }

        Assert.True(parsed > 100, $"only {parsed} of {total} random filters parsed");
    }
}
