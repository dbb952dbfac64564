using System.Text;
using System.Text.RegularExpressions;
using TrailSift.Testing;

namespace TrailSift.Smoke.Tests;

/// <summary>
/// Every README example runs as written from the repository root: each command of a fenced <c>sh</c> block that starts
/// with <c>./trailsift</c> (continued over lines ending in <c>\</c>) is run by bash with the built binary, and must end
/// with a result code (0, 1, or 3 for a predicted denial), never a usage or input error. Examples on <c>s3://</c>
/// paths need a bucket and are left out here (the S3 tests run the same options against s3rver).
/// </summary>
public sealed partial class ReadmeExampleTests
{
    public static TheoryData<string> Examples()
    {
        var data = new TheoryData<string>();
        foreach (string example in Extract(File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"))))
        {
            if (!example.Contains("s3://", StringComparison.Ordinal))
            {
                data.Add(example);
            }
        }

        return data;
    }

    [Fact]
    public void Should_Find_The_Examples_When_Reading_The_Readme()
    {
        // Examples added later (record, unused, ...) are picked up the same way.
        Assert.True(Examples().Count >= 15, $"only {Examples().Count} examples found");
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Should_Run_As_Written_When_Taken_From_The_Readme(string example)
    {
        // Given the example with ./trailsift standing for the built binary
        string line = Launcher().Replace(example, "$1$TS");

        // When
        BinaryRunner.Result r = BinaryRunner.Shell(line, RepoPaths.Root);

        // Then
        Assert.True(r.ExitCode is 0 or 1 or 3, $"exit {r.ExitCode}: {example}\n{r.Stderr}");
        Assert.DoesNotContain("usage:", r.Stderr, StringComparison.Ordinal);
    }

    // The commands of ```sh blocks that start with ./trailsift, continuation lines joined.
    internal static IEnumerable<string> Extract(string markdown)
    {
        bool inBlock = false;
        var current = new StringBuilder();
        foreach (string raw in markdown.Split('\n'))
        {
            string line = raw.TrimEnd('\r');
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                inBlock = !inBlock && line.Trim() is "```sh" or "```bash" or "```shell";
                continue;
            }

            if (!inBlock)
            {
                continue;
            }

            if (current.Length > 0 || line.StartsWith("./trailsift ", StringComparison.Ordinal))
            {
                bool continued = line.EndsWith('\\');
                current.Append(continued ? line[..^1] : line).Append(continued ? " " : string.Empty);
                if (!continued)
                {
                    yield return current.ToString();
                    current.Clear();
                }
            }
        }
    }

    [GeneratedRegex(@"(^|[|;&(]\s*)\./trailsift\b")]
    private static partial Regex Launcher();
}
