using TrailSift.Core.Output;
using TrailSift.Testing;

namespace TrailSift.Cli.Tests.Terminal;

/// <summary>Tables pad by terminal columns (East Asian wide characters take two), not by UTF-16 length.</summary>
public sealed class DisplayWidthTests : IDisposable
{
    private readonly TempTree _tree = new();
    private readonly string _logs;

    public DisplayWidthTests()
    {
        string Event(string id, string agent, string source, string? error) =>
            $$"""{"eventVersion":"1.08","userIdentity":{"type":"IAMUser","arn":"arn:aws:iam::123456789012:user/u","accountId":"123456789012","userName":"u"},"eventTime":"2025-06-03T09:00:0{{id}}Z","eventSource":"{{source}}","eventName":"ListThings","awsRegion":"us-east-1","userAgent":"{{agent}}",{{(error is null ? "" : "\"errorCode\":\"AccessDenied\",\"errorMessage\":\"" + error + "\",")}}"eventID":"e{{id}}","eventType":"AwsApiCall","recipientAccountId":"123456789012"}""";
        _logs = _tree.Write("logs/trail.json", "{\"Records\":["
            + Event("1", "日本語のエージェント", "日本.amazonaws.com", "User: arn:aws:iam::123456789012:user/u is not authorized to perform: 日本:ListThings")
            + "," + Event("2", "ab", "sqs.amazonaws.com", "User: arn:aws:iam::123456789012:user/u is not authorized to perform: sqs:ListThings")
            + "]}");
    }

    public void Dispose() => _tree.Dispose();

    [Theory]
    [InlineData("query", new[] { "query", "--format", "table", "--fields", ".userAgent,.eventName" }, "ListThings")]
    [InlineData("count", new[] { "count", "--by", ".userAgent", "--by", ".eventName" }, "ListThings")]
    [InlineData("denied summary", new[] { "denied", "--summary" }, "unknown  ")]
    public void Should_Line_Up_The_Next_Column_When_A_Cell_Has_Wide_Characters(string printer, string[] args, string nextColumn)
    {
        // When a table has a cell of wide characters and a narrow one above or below it (count prints a table on a terminal)
        var r = CliRunner.Run([.. args, _logs], terminal: true);

        // Then the next column starts at the same terminal column on both rows
        var columns = r.Stdout.Split('\n').Where(l => l.Contains(nextColumn, StringComparison.Ordinal))
            .Select(l => TerminalText.DisplayWidth(l[..l.IndexOf(nextColumn, StringComparison.Ordinal)])).ToList();
        Assert.True(columns.Count == 2, $"{printer}: {r.Stdout}{r.Stderr}");
        Assert.Equal(columns[0], columns[1]);
    }
}
