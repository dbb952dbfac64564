using System.Text;
using TrailSift.Testing;

namespace TrailSift.Cli.Tests.Terminal;

/// <summary>
/// Log content never reaches the terminal as a control sequence: a trail whose fields carry every C0 and C1 control
/// and an OSC window-title sequence goes through each human-readable printer; what comes out has no control
/// character but the line feed, and shows the sequence escaped.
/// </summary>
public sealed class TerminalSafetyTests : IDisposable
{
    private const string Osc = "\u001b]0;pwned\u0007";
    private const string OscEscaped = "\\x1b]0;pwned\\x07";
    private readonly TempTree _tree = new();
    private readonly string _logs;
    private readonly string _policy;

    public TerminalSafetyTests()
    {
        _logs = _tree.Write("logs/trail.json", Trail());
        _policy = _tree.Write("allow.json", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:PutObject","Resource":"*"}]}""");
    }

    public void Dispose() => _tree.Dispose();

    // Every C0 control but the line feed, DEL, every C1 control, a bidi override, and the OSC title sequence.
    private static string Controls()
    {
        var sb = new StringBuilder();
        for (int c = 0; c < 0x20; c++)
        {
            if (c != '\n')
            {
                sb.Append((char)c);
            }
        }

        for (int c = 0x7f; c <= 0x9f; c++)
        {
            sb.Append((char)c);
        }

        return sb.Append('\u202e').Append(Osc).ToString();
    }

    private static string Json(string text)
    {
        var sb = new StringBuilder();
        foreach (char c in text)
        {
            sb.Append(c < 0x20 || c >= 0x7f ? $"\\u{(int)c:x4}" : c == '"' ? "\\\"" : c == '\\' ? "\\\\" : c.ToString());
        }

        return sb.ToString();
    }

    private static string Trail()
    {
        string x = Json(Controls());
        string role = "Role" + x;
        string Event(string id, string name, string? error) => """
            {"eventVersion":"1.08","userIdentity":{"type":"AssumedRole","principalId":"AROAEXAMPLE:s","arn":"arn:aws:sts::123456789012:assumed-role/%R/s","accountId":"123456789012",
             "sessionContext":{"sessionIssuer":{"type":"Role","principalId":"AROAEXAMPLE","arn":"arn:aws:iam::123456789012:role/%R","accountId":"123456789012","userName":"%R"}}},
             "eventTime":"2025-06-03T09:00:0%IZ","eventSource":"s3.amazonaws.com","eventName":"%N","awsRegion":"us-east-1","sourceIPAddress":"192.0.2.1",
             "userAgent":"agent%X",%E
             "requestParameters":{"bucketName":"bucket%X","key":"key%X"},"eventID":"e%I","readOnly":false,"eventType":"AwsApiCall","recipientAccountId":"123456789012"}
            """.Replace("%R", role, StringComparison.Ordinal).Replace("%I", id, StringComparison.Ordinal).Replace("%N", name, StringComparison.Ordinal)
            .Replace("%E", error is null ? string.Empty : "\"errorCode\":\"AccessDenied\",\"errorMessage\":\"" + error + "\",", StringComparison.Ordinal)
            .Replace("%X", x, StringComparison.Ordinal);
        string denial = $"User: arn:aws:sts::123456789012:assumed-role/{role}/s is not authorized to perform: s3:PutObject on resource: \\\"arn:aws:s3:::bucket{x}/key{x}\\\" because no identity-based policy allows the s3:PutObject action";
        return "{\"Records\":[" + Event("1", "PutObject", denial) + "," + Event("2", "PutObject", null) + "," + Event("3", "GetObject" + x, null) + "]}";
    }

    public static TheoryData<string, string[]> Printers => new()
    {
        { "query table", ["query", "--format", "table", "--fields", ".userAgent,.requestParameters.key,.userIdentity.arn"] },
        { "count table", ["count", "--by", ".userAgent", "--by", ".eventName"] },
        { "denied text", ["denied", "--format", "text"] },
        { "denied related", ["denied", "--format", "text", "--related"] },
        { "denied summary", ["denied", "--format", "text", "--summary", "--top", "5"] },
        { "policy explain", ["policy", "--explain", "--include-unverified", "--principal", "PRINCIPAL"] },
        { "check text", ["check", "--verbose", "--policy", "POLICY"] },
    };

    [Theory]
    [MemberData(nameof(Printers))]
    public void Should_Show_Controls_Escaped_When_Log_Fields_Carry_Them(string printer, string[] args)
    {
        // Given a trail whose fields carry every control character and an OSC title sequence
        string[] command = [.. args.Select(a => a switch { "POLICY" => _policy, "PRINCIPAL" => "arn:aws:iam::123456789012:role/Role" + Controls(), _ => a }), _logs];

        // When the printer writes for a terminal
        var r = CliRunner.Run(command, terminal: true);

        // Then nothing but line feeds is a control character, and the content is there, escaped
        Assert.True(r.ExitCode is 0 or 3, $"{printer}: exit {r.ExitCode}: {r.Stderr}");
        AssertNoControls(printer, r.Stdout);
        AssertNoControls(printer + " (stderr)", r.Stderr);
        foreach (string escaped in (string[])["\\x01", "\\x1b", "\\x7f", "\\u009b", "\\u202e"])
        {
            Assert.True(r.Stdout.Contains(escaped, StringComparison.Ordinal), $"{printer}: {escaped} not in:\n{r.Stdout}\n{r.Stderr}");
        }
    }

    [Fact]
    public void Should_Show_The_Osc_Sequence_Escaped_When_It_Is_In_A_Table_Cell()
    {
        var r = CliRunner.Run(["query", "--format", "table", "--fields", ".userAgent", _logs], terminal: true);

        Assert.Contains("agent\\x00\\x01", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("\\u202e" + OscEscaped, r.Stdout, StringComparison.Ordinal);
        AssertNoControls("query", r.Stdout);
    }

    [Fact]
    public void Should_Escape_The_Path_When_An_Error_Line_Names_A_File_With_Controls()
    {
        // Given a broken file whose name carries the OSC sequence
        _tree.Write("bad/x" + Osc + ".json", "{\"Records\":[{]}");

        // When
        var r = CliRunner.Run(["query", Path.Combine(_tree.Root, "bad")]);

        // Then the error line names it escaped
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("x" + OscEscaped + ".json", r.Stderr, StringComparison.Ordinal);
        AssertNoControls("stderr", r.Stderr);
    }

    [Fact]
    public void Should_Keep_Colour_When_Stdout_Is_A_Terminal_And_Colour_Is_On()
    {
        var r = CliRunner.Run(["denied", "--format", "text", _logs], terminal: true, noColor: false);

        Assert.Contains("\u001b[1m", r.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(Osc, r.Stdout, StringComparison.Ordinal);
        Assert.Contains(OscEscaped, r.Stdout, StringComparison.Ordinal);
    }

    private static void AssertNoControls(string what, string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            bool control = c < ' ' && c != '\n' || c is >= '\u007f' and <= '\u009f' || c is >= '\u202a' and <= '\u202e' || c is >= '\ufdd0' and <= '\ufdef';
            Assert.False(control, $"{what}: U+{(int)c:X4} at {i}: ...{text.Substring(Math.Max(0, i - 40), Math.Min(80, text.Length - Math.Max(0, i - 40)))}");
        }
    }
}
