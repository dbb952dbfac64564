using System.Text;
using System.Text.Json;
using TrailSift.Testing;

namespace TrailSift.Cli.Tests.Commands;

/// <summary>
/// The reader causes of issue #12 (and #10 item 4), each generated here, run through the CLI: exit code,
/// the stderr line, and the records that survive.
/// </summary>
public sealed class ReaderRegressionTests
{
    private static string Event(string name) => new EventBuilder("sqs.amazonaws.com", name).Json();

    private static string Doc(params string[] names) => EventBuilder.RecordsFile(names.Select(Event));

    [Fact]
    public void Should_Count_Every_Member_When_Gzip_Files_Are_Concatenated()
    {
        // Given: cat a.json.gz b.json.gz > ab.json.gz
        using var tree = new TempTree();
        string path = tree.WriteBytes("ab.json.gz", [.. Gz(Doc("A", "B")), .. Gz(Doc("C"))]);

        // When
        var r = CliRunner.Run(["count", path]);

        // Then
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("3\n", r.Stdout);
        Assert.Equal(string.Empty, r.Stderr);
    }

    [Fact]
    public void Should_Exit_2_And_Keep_First_Member_When_Second_Member_Is_Truncated()
    {
        // Given
        using var tree = new TempTree();
        byte[] second = Gz(Doc("C", "D"));
        string path = tree.WriteBytes("ab.json.gz", [.. Gz(Doc("A", "B")), .. second[..(second.Length - 4)]]);

        // When
        var r = CliRunner.Run(["count", path]);

        // Then: the CRC is intact but ISIZE is cut: both of the second member's events decode, the truncation is reported
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("4\n", r.Stdout);
        Assert.Equal($"trailsift: {path}: corrupt compressed data after byte {Doc("A", "B").Length + Doc("C", "D").Length}: gzip data ends early: truncated file (or bytes after the last gzip member)", r.Stderr.Split('\n')[0]);
    }

    [Fact]
    public void Should_Count_Every_Document_When_Stdin_Holds_Concatenated_Documents()
    {
        // When: zcat *.json.gz | trailsift count
        var r = CliRunner.Run(["count"], stdin: Doc("A", "B") + Doc("C") + "\n" + Doc("D") + "\n");

        // Then
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("4\n", r.Stdout);
    }

    [Fact]
    public void Should_Report_Broken_Document_With_Offset_And_Count_The_Rest_When_Stdin_Holds_Documents()
    {
        // Given: the middle document is cut inside its second event
        string broken = Doc("C", "D");
        broken = broken[..(broken.Length - 40)];
        string input = Doc("A", "B") + broken + Doc("E");

        // When
        var r = CliRunner.Run(["count"], stdin: input);

        // Then
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("4\n", r.Stdout);
        Assert.StartsWith("trailsift: <stdin>: line 1: invalid JSON near byte ", r.Stderr, StringComparison.Ordinal);
        Assert.EndsWith($"; resumed at byte {Doc("A", "B").Length + broken.Length}", r.Stderr.Split('\n')[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Report_Each_Bad_Ndjson_Line_And_Count_The_Good_Ones()
    {
        // Given: a scalar, a truncated line, a NUL line, a per-line BOM, a too-deep record
        string deep = "{\"eventName\":\"deep\",\"x\":" + new string('[', 300) + new string(']', 300) + "}";
        string input = string.Join("\n", Event("A"), "42", Event("B"), "{\"eventName\":\"cut", Event("C"), "\0", "\uFEFF" + Event("D"), deep, Event("E")) + "\n";

        // When
        var r = CliRunner.Run(["count"], stdin: input);

        // Then
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("4\n", r.Stdout);
        string[] lines = r.Stderr.TrimEnd('\n').Split('\n');
        Assert.Equal(6, lines.Length); // and the closing "input problem(s)" line
        Assert.StartsWith("trailsift: <stdin>: line 2: value at byte ", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("trailsift: <stdin>: line 4: invalid JSON near byte ", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("trailsift: <stdin>: line 6: invalid JSON near byte ", lines[2], StringComparison.Ordinal);
        Assert.StartsWith("trailsift: <stdin>: line 7: invalid JSON near byte ", lines[3], StringComparison.Ordinal);
        Assert.StartsWith("trailsift: <stdin>: line 8: record at byte ", lines[4], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("key before Records")]
    [InlineData("lookup-events, NextToken first")]
    [InlineData("ndjson header line")]
    public void Should_Read_Valid_Shapes_When_First_Key_Or_Object_Is_Not_The_Events(string shape)
    {
        // Given
        string input = shape switch
        {
            "key before Records" => "{\"foo\":1,\"Records\":[" + Event("A") + "," + Event("B") + "]}",
            "lookup-events, NextToken first" => "{\"NextToken\":\"abc\",\"Events\":[{\"EventId\":\"1\",\"CloudTrailEvent\":" + JsonSerializer.Serialize(Event("A")) + "},{\"CloudTrailEvent\":" + JsonSerializer.Serialize(Event("B")) + "}]}",
            _ => "{\"exported\":\"2024-05-01\",\"count\":2}\n" + Event("A") + "\n" + Event("B") + "\n",
        };

        // When
        var r = CliRunner.Run(["count"], stdin: input);

        // Then
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("2\n", r.Stdout);
        Assert.Equal(string.Empty, r.Stderr);
    }

    [Fact]
    public void Should_Read_Event_After_Megabytes_Of_Blank_Lines_On_Stdin()
    {
        // Given
        string input = new string('\n', 8 << 20) + Event("A");

        // When
        var r = CliRunner.Run(["count"], stdin: input);

        // Then
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("1\n", r.Stdout);
        Assert.Equal(string.Empty, r.Stderr);
    }

    [Fact]
    public void Should_Say_Empty_Input_When_Stdin_Is_Only_Blank_Lines()
    {
        var r = CliRunner.Run(["count"], stdin: new string('\n', 1 << 20));

        Assert.Equal(2, r.ExitCode);
        Assert.Equal("trailsift: <stdin>: empty input: no JSON found", r.Stderr.Split('\n')[0]);
    }

    [Fact]
    public void Should_Write_Valid_Utf8_With_Replacement_Character_When_Log_Strings_Hold_Invalid_Utf8()
    {
        // Given: a log whose userAgent holds a lone continuation byte and a truncated two-byte sequence
        using var tree = new TempTree();
        byte[] good = Encoding.UTF8.GetBytes(EventBuilder.RecordsFile([new EventBuilder().With("userAgent", "A#B#C").Json()]));
        int at = Array.IndexOf(good, (byte)'#');
        good[at] = 0x80;
        good[Array.IndexOf(good, (byte)'#', at + 1)] = 0xC3;
        string path = tree.WriteBytes("bad-utf8.json", good);

        // When
        var r = CliRunner.Run(["query", path, "--stats"]);

        // Then: the output is valid UTF-8 and holds U+FFFD where jq writes it; --stats counts the replacements
        Assert.Equal(0, r.ExitCode);
        Assert.True(System.Text.Unicode.Utf8.IsValid(r.StdoutBytes), "stdout is not valid UTF-8");
        using var doc = JsonDocument.Parse(r.StdoutBytes);
        Assert.Equal("A\uFFFDB\uFFFDC", doc.RootElement.GetProperty("userAgent").GetString());
        Assert.Contains("invalid UTF-8: 2 sequences replaced with U+FFFD", r.Stderr, StringComparison.Ordinal);
        if (Jq.Executable is not null)
        {
            Assert.Equal("A\uFFFDB\uFFFDC", Jq.Run(["-r", ".Records[0].userAgent", path]).LinesOrFail("invalid UTF-8")[0]);
        }
    }

    private static byte[] Gz(string text) => TempTree.Gzip(Encoding.UTF8.GetBytes(text));
}
