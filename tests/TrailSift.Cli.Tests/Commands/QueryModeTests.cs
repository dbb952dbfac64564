using System.Text;
using TrailSift.Testing;

namespace TrailSift.Cli.Tests.Commands;

/// <summary>The two modes of <c>query</c> (#10): projections refused, jq expressions in --by, paths as paths, --limit.</summary>
public sealed class QueryModeTests
{
    private static readonly string Sample = Path.Combine(RepoPaths.Samples, "emr-launch");

    [Theory]
    [InlineData("query", ".eventName")]
    [InlineData("query", "{eventTime, eventName}")]
    [InlineData("query", ".resources[]?.ARN")]
    [InlineData("count", ".eventName")]
    [InlineData("denied", ".userIdentity.arn")]
    public void Should_Refuse_Naming_Both_Spellings_When_A_Bare_Filter_Is_A_Projection(string command, string filter)
    {
        // When
        CliRunner.Result r = CliRunner.Run([command, filter, Sample]);

        // Then
        Assert.Equal(2, r.ExitCode);
        Assert.Equal(string.Empty, r.Stdout);
        Assert.Contains($"'.Records[] | {filter}'", r.Stderr, StringComparison.Ordinal);
        Assert.Contains($"'select({filter})'", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Print_The_First_N_Outputs_In_Order_When_Limit_Is_Given()
    {
        // Given
        string[] all = CliRunner.Run(["query", "-c", ".Records[] | .eventName", Sample]).Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        // When
        CliRunner.Result r = CliRunner.Run(["query", "-m", "3", ".Records[] | .eventName", Sample]);
        CliRunner.Result events = CliRunner.Run(["query", "--limit", "2", "--format", "ndjson", ".errorCode != null", Sample]);

        // Then
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(string.Concat(all.Take(3).Select(l => l + "\n")), r.Stdout);
        Assert.Equal(2, events.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void Should_Stop_Reading_A_Large_File_When_The_Limit_Is_Reached()
    {
        // Given: one file of 20,000 events
        string dir = Directory.CreateTempSubdirectory("trailsift-limit").FullName;
        try
        {
            string file = Path.Combine(dir, "big.json");
            var sb = new StringBuilder("{\"Records\":[");
            for (int i = 0; i < 20000; i++)
            {
                sb.Append(i == 0 ? string.Empty : ",").Append("{\"eventName\":\"E").Append(i).Append("\",\"pad\":\"").Append('x', 100).Append("\"}");
            }

            File.WriteAllText(file, sb.Append("]}").ToString());

            // When
            CliRunner.Result r = CliRunner.Run(["query", "-m", "1", file, "--stats"]);

            // Then: one event printed, and the scan stopped long before the end of the file
            Assert.Equal(0, r.ExitCode);
            Assert.StartsWith("{\"eventName\":\"E0\"", r.Stdout, StringComparison.Ordinal);
            Assert.Single(r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            string events = r.Stderr.Split('\n').Single(l => l.StartsWith("events: ", StringComparison.Ordinal));
            long read = long.Parse(events["events: ".Length..events.IndexOf(',', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(read < 20000, events);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void Should_Count_Like_The_Jq_Reduce_Idiom_When_By_Is_A_Slice()
    {
        // Given: jq's hourly buckets over the same files
        Assert.True(Jq.Executable is not null, Jq.Missing);
        string[] files = Directory.GetFiles(Sample, "*.json.gz", SearchOption.AllDirectories)
            .Where(f => !f.Contains("CloudTrail-Digest", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray();
        IReadOnlyList<string> jq = Jq.Run(["-r", "-n", "reduce (inputs.Records[].eventTime[0:13]) as $h ({}; .[$h] += 1) | to_entries[] | \"\\(.value)\\t\\(.key)\""],
            input =>
            {
                foreach (string f in files)
                {
                    using var gz = new System.IO.Compression.GZipStream(File.OpenRead(f), System.IO.Compression.CompressionMode.Decompress);
                    gz.CopyTo(input);
                }
            }).LinesOrFail("the sample");

        // When
        CliRunner.Result r = CliRunner.Run(["count", "--by", ".eventTime[0:13]", "--format", "tsv", .. files]);

        // Then
        Assert.Equal(0, r.ExitCode);
        string[] ours = r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(jq.Order(StringComparer.Ordinal).ToArray(), ours);
        Assert.True(ours.Length > 10);
    }

    [Theory]
    [InlineData("no-such-dir/")]
    [InlineData("./no-such-file.json")]
    [InlineData("s3://")]
    public void Should_Read_The_First_Argument_As_A_Path_When_It_Looks_Like_One(string argument)
    {
        // When
        CliRunner.Result r = CliRunner.Run(["count", argument]);

        // Then: an input problem with that path, never "invalid filter"
        Assert.Equal(2, r.ExitCode);
        Assert.DoesNotContain("invalid filter", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Keep_A_Filter_With_A_Slash_When_It_Is_Valid_Jq()
    {
        // When
        CliRunner.Result r = CliRunner.Run(["count", ".userIdentity.arn | tostring | endswith(\"/admin\")", Sample]);

        // Then
        Assert.True(r.ExitCode is 0 or 1, r.Stderr);
        Assert.Equal(string.Empty, r.Stderr);
    }
}
