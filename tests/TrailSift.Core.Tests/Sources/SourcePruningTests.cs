using TrailSift.Core.Sources;
using TrailSift.Testing;

namespace TrailSift.Core.Tests.Sources;

public sealed class SourcePruningTests
{
    private static TempTree SevenDays()
    {
        var tree = new TempTree();
        foreach (string region in new[] { "us-east-1", "eu-west-1" })
        {
            for (int day = 1; day <= 7; day++)
            {
                for (int hour = 0; hour < 24; hour += 6)
                {
                    string name = $"123456789012_CloudTrail_{region}_202405{day:D2}T{hour:D2}05Z_abc{hour}.json.gz";
                    tree.WriteGzip($"AWSLogs/123456789012/CloudTrail/{region}/2024/05/{day:D2}/{name}", "{\"Records\":[]}");
                }
            }
        }

        tree.WriteGzip("AWSLogs/123456789012/CloudTrail-Digest/us-east-1/2024/05/01/123456789012_CloudTrail-Digest_us-east-1_trail_us-east-1_20240501T010000Z.json.gz", "{}");
        tree.WriteGzip("AWSLogs/o-abc123def4/210987654321/CloudTrail/us-east-1/2024/05/03/210987654321_CloudTrail_us-east-1_20240503T0005Z_x.json.gz", "{\"Records\":[]}");
        return tree;
    }

    [Fact]
    public void Should_Open_Only_That_Day_When_Window_Is_One_Day()
    {
        // Given
        using TempTree tree = SevenDays();
        var options = new PruneOptions
        {
            Since = new DateTimeOffset(2024, 5, 3, 0, 0, 0, TimeSpan.Zero),
            Until = new DateTimeOffset(2024, 5, 4, 0, 0, 0, TimeSpan.Zero),
            DeliveryDelay = TimeSpan.FromMinutes(30),
        };

        // When
        SourceSet set = new LocalSourceFinder(options, (_, _) => { }).Find([tree.Root]);

        // Then: the 4 files of 2024-05-03 in each region and the org trail's file, plus the files
        // delivered within the 30-minute delivery margin after midnight (they may hold late events).
        Assert.All(set.Objects, o => Assert.True(o.Path.Contains("20240503T", StringComparison.Ordinal)
            || o.Path.Contains("20240504T0005Z", StringComparison.Ordinal), o.Path));
        Assert.Equal(11, set.Objects.Count);
        Assert.True(set.PrunedDirectories >= 5);
    }

    [Fact]
    public void Should_Prune_Other_Regions_And_Accounts_Before_Listing()
    {
        using TempTree tree = SevenDays();
        var options = new PruneOptions
        {
            Regions = new HashSet<string>(["eu-west-1"], StringComparer.OrdinalIgnoreCase),
            Accounts = new HashSet<string>(["123456789012"]),
        };

        SourceSet set = new LocalSourceFinder(options, (_, _) => { }).Find([tree.Root]);

        Assert.Equal(28, set.Objects.Count);
        Assert.All(set.Objects, o => Assert.Contains("eu-west-1", o.Path, StringComparison.Ordinal));
    }

    [Fact]
    public void Should_Skip_Digest_Folders_And_List_In_Path_Order()
    {
        using TempTree tree = SevenDays();
        SourceSet set = new LocalSourceFinder(PruneOptions.None, (_, _) => { }).Find([tree.Root]);

        Assert.Equal(57, set.Objects.Count);
        Assert.DoesNotContain(set.Objects, o => o.Path.Contains("Digest", StringComparison.Ordinal));
        var paths = set.Objects.Select(o => o.Path).ToList();
        Assert.Equal(paths.OrderBy(p => p, StringComparer.Ordinal), paths);
    }

    [Fact]
    public void Should_Skip_Non_Log_Names_When_Walking_But_Read_Named_Files()
    {
        // Given
        using var tree = new TempTree();
        string readme = tree.Write("logs/README.md", "# not a log");
        tree.Write("logs/.DS_Store", "x");
        tree.Write("logs/events.ndjson", "{}");
        tree.Write("logs/noext", "{}");

        // When
        SourceSet walked = new LocalSourceFinder(PruneOptions.None, (_, _) => { }).Find([tree.Root]);
        SourceSet named = new LocalSourceFinder(PruneOptions.None, (_, _) => { }).Find([readme]);

        // Then
        Assert.Equal(["events.ndjson", "noext"], walked.Objects.Select(o => Path.GetFileName(o.Path)));
        Assert.Equal(2, walked.SkippedByName);
        Assert.Single(named.Objects);
    }

    [Theory]
    [InlineData("123456789012_CloudTrail_us-east-1_20240503T0005Z_abcDEF123.json.gz", "123456789012", "us-east-1", "2024-05-03T00:05:00Z", false)]
    [InlineData("123456789012_CloudTrail-Digest_us-east-1_trail_us-east-1_20240501T010203Z.json.gz", "123456789012", "us-east-1", "2024-05-01T01:02:03Z", true)]
    public void Should_Read_Account_Region_And_Time_From_File_Name(string name, string account, string region, string time, bool digest)
    {
        CloudTrailObjectName? parsed = CloudTrailObjectName.TryParse("/x/" + name);

        Assert.NotNull(parsed);
        Assert.Equal(account, parsed.Account);
        Assert.Equal(region, parsed.Region);
        Assert.Equal(DateTimeOffset.Parse(time, System.Globalization.CultureInfo.InvariantCulture), parsed.DeliveryTime);
        Assert.Equal(digest, parsed.IsDigest);
    }

    [Fact]
    public void Should_Not_Parse_Other_File_Names()
    {
        Assert.Null(CloudTrailObjectName.TryParse("events.json"));
        Assert.Null(CloudTrailObjectName.TryParse("123_CloudTrail_us-east-1.json"));
    }
}
