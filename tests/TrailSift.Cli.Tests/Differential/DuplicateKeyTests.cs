using TrailSift.Testing;

namespace TrailSift.Cli.Tests.Differential;

/// <summary>
/// An event that repeats a key (a log someone tampered with): jq keeps the last occurrence, so every filter, shortcut and
/// grouping must read the last one too, or a repeated <c>eventName</c> hides the event from a filter that jq would match.
/// </summary>
public sealed class DuplicateKeyTests
{
    private const string Trail = """{"Records":[{"eventName":"A","eventSource":"ec2.amazonaws.com","eventName":"B","x":1},{"eventName":"C","x":2}]}""";

    [JqReferenceFact]
    public void Should_Select_What_Jq_Selects_When_An_Event_Repeats_A_Key()
    {
        // Given
        using var tree = new TempTree();
        string trail = tree.Write("dup.json", Trail);
        using JqReference reference = JqReference.Start();
        string[] programs =
        [
            ".Records[] | select(.eventName == \"B\")",
            ".Records[] | select(.eventName == \"A\")",
            ".Records[] | select(.eventName | startswith(\"B\"))",
            ".Records[] | .eventName",
        ];

        foreach (string program in programs)
        {
            // When
            JqReference.Output jq = reference.Run(new JqReference.Request(["-c", program], Trail));
            CliRunner.Result ours = CliRunner.Run(["query", "--jq", program, "-c", trail]);

            // Then
            Assert.True(jq.Stdout == ours.Stdout, $"{program}: jq printed {jq.Stdout}, trailsift {ours.Stdout} {ours.Stderr}");
        }
    }

    [Fact]
    public void Should_Read_The_Last_Occurrence_When_A_Condition_A_Shortcut_Or_A_Grouping_Reads_A_Repeated_Key()
    {
        // Given
        using var tree = new TempTree();
        string trail = tree.Write("dup.json", Trail);

        // When
        var conditionB = CliRunner.Run(["query", ".eventName == \"B\"", "-f", "ndjson", trail]);
        var conditionA = CliRunner.Run(["query", ".eventName == \"A\"", "-f", "ndjson", trail]);
        var shortcut = CliRunner.Run(["query", "--event", "B", "-f", "ndjson", trail]);
        var count = CliRunner.Run(["count", "--by", ".eventName", trail]);

        // Then
        Assert.Equal(0, conditionB.ExitCode);
        Assert.Contains("\"x\":1", conditionB.Stdout, StringComparison.Ordinal);
        Assert.Equal(1, conditionA.ExitCode);
        Assert.Equal(0, shortcut.ExitCode);
        Assert.Contains("\"x\":1", shortcut.Stdout, StringComparison.Ordinal);
        Assert.Contains("B", count.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("A", count.Stdout.Replace("\t", " ", StringComparison.Ordinal).Split('\n').Select(static l => l.Trim().Split(' ').Last()), StringComparer.Ordinal);
    }
}
