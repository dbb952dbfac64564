using System.Text;
using TrailSift.Core.Events;
using TrailSift.Core.Query;
using TrailSift.Core.Query.Syntax;

namespace TrailSift.Core.Tests.Query;

/// <summary>Runs one <see cref="QueryCase"/> and explains any difference.</summary>
public static class QueryCaseRunner
{
    public static void Run(QueryCase c)
    {
        QueryParseResult parsed = EventQuery.Parse(c.Filter);
        if (c.ErrorMessage is not null)
        {
            Assert.False(parsed.Success, $"{c.Id}: expected an error for `{c.Filter}`, but it parsed as `{parsed.Query?.Expression}`");
            QueryError error = parsed.Error!;
            Assert.Equal(c.ErrorMessage, error.Message);
            if (c.CaretLine is not null)
            {
                Assert.Equal(c.CaretLine, error.CaretLine());
            }

            Assert.Equal($"{c.Filter}\n{error.CaretLine()} {error.Message}", error.Render());
            return;
        }

        Assert.True(parsed.Success, $"{c.Id}: `{c.Filter}` failed to parse:\n{parsed.Error?.Render()}");
        EventQuery query = parsed.Query!;

        // Every filter also round-trips through the printer.
        string printed = query.Expression.ToString();
        Expr? reparsed = Parser.Parse(printed, out QueryError? reparseError);
        Assert.True(reparsed is not null, $"{c.Id}: printed form `{printed}` does not parse: {reparseError?.Render()}");
        Assert.Equal(query.Expression, reparsed);
        Assert.Equal(printed, reparsed!.ToString());

        IEventPredicate predicate = EventQuery.Compile(query);
        byte[] utf8 = Encoding.UTF8.GetBytes(c.Input!);
        using EventRecord record = EventRecord.Parse(utf8);
        bool actual = predicate.Matches(record);
        Assert.True(c.Expected == actual, $"{c.Id}: `{c.Filter}` on {c.Input} gave {actual.ToString().ToLowerInvariant()}, expected {c.Expected.ToString().ToLowerInvariant()}");
        if (actual)
        {
            Assert.True(predicate.MayMatch(utf8), $"{c.Id}: MayMatch rejected a matching record (unsound prefilter)");
        }
    }
}
