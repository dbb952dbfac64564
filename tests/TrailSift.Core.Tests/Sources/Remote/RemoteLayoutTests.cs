using TrailSift.Core.Sources;
using TrailSift.Core.Sources.Remote;

namespace TrailSift.Core.Tests.Sources.Remote;

public sealed class RemoteLayoutTests
{
    private static readonly PruneOptions Window = new()
    {
        Accounts = new HashSet<string> { "111122223333" },
        Regions = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "eu-west-1" },
        Since = new DateTimeOffset(2024, 5, 2, 10, 0, 0, TimeSpan.Zero),
        Until = new DateTimeOffset(2024, 5, 2, 12, 0, 0, TimeSpan.Zero),
    };

    [Theory]
    [InlineData("", LayoutLevel.Outside)]
    [InlineData("AWSLogs/", LayoutLevel.AwsLogs)]
    [InlineData("AWSLogs/o-abc123/", LayoutLevel.Organization)]
    [InlineData("AWSLogs/o-abc123/111122223333/", LayoutLevel.Account)]
    [InlineData("AWSLogs/111122223333/CloudTrail/eu-west-1/", LayoutLevel.Region)]
    [InlineData("prefix/AWSLogs/111122223333/CloudTrail/eu-west-1/2024/05/02/", LayoutLevel.Day)]
    public void Should_PlaceAPrefixInTheLayout_When_ItStopsAtAnyLevel(string prefix, LayoutLevel level)
    {
        Assert.Equal(level, RemoteLayout.OfPrefix(prefix, walkDigests: false).Position.Level);
    }

    [Fact]
    public void Should_PruneOtherAccountsRegionsAndDays_When_AWindowIsGiven()
    {
        RemoteLayout account = RemoteLayout.OfPrefix("AWSLogs/o-abc123/", false);
        Assert.NotNull(account.Child("444455556666").PruneReason(Window));
        RemoteLayout trail = account.Child("111122223333").Child("CloudTrail");
        Assert.NotNull(trail.Child("us-east-1").PruneReason(Window));
        RemoteLayout month = trail.Child("eu-west-1").Child("2024").Child("05");
        Assert.Null(month.PruneReason(Window));
        Assert.NotNull(month.Child("01").PruneReason(Window));
        Assert.Null(month.Child("02").PruneReason(Window));
        Assert.NotNull(month.Child("03").PruneReason(Window));
    }

    [Fact]
    public void Should_SkipDigestFolders_When_Scanning_AndWalkThemLikeLogs_When_Syncing()
    {
        Assert.Equal("digest", RemoteLayout.OfPrefix("AWSLogs/111122223333/", false).Child("CloudTrail-Digest").PruneReason(Window));
        RemoteLayout digests = RemoteLayout.OfPrefix("AWSLogs/111122223333/", true).Child("CloudTrail-Digest");
        Assert.Null(digests.PruneReason(Window));
        Assert.NotNull(digests.Child("us-east-1").PruneReason(Window));
        Assert.Equal(LayoutLevel.Day, digests.Child("eu-west-1").Child("2024").Child("05").Child("02").Position.Level);
    }

    [Fact]
    public void Should_StartTheDayListingAtTheWindowLessTheSkew_When_SinceFallsInsideTheDay()
    {
        const string day = "AWSLogs/111122223333/CloudTrail/eu-west-1/2024/05/02/";
        Assert.Equal(day + "111122223333_CloudTrail_eu-west-1_20240502T0945", RemoteLayout.OfPrefix(day, false).StartAfter(day, Window));
        const string after = "AWSLogs/111122223333/CloudTrail/eu-west-1/2024/05/03/";
        Assert.Null(RemoteLayout.OfPrefix(after, false).StartAfter(after, Window));
        const string insight = "AWSLogs/111122223333/CloudTrail-Insight/eu-west-1/2024/05/02/";
        Assert.Equal(insight + "111122223333_CloudTrail-Insight_eu-west-1_20240502T0945", RemoteLayout.OfPrefix(insight, false).StartAfter(insight, Window));
    }

    [Theory]
    [InlineData("a/CloudTrail/x", "a/CloudTrail-Insight/x", -1)]
    [InlineData("a/b", "a/b/c", -1)]
    [InlineData("a/b/c", "a/b/c", 0)]
    [InlineData("a/z", "a/b/c", 1)]
    public void Should_OrderKeysFolderByFolder_When_AFolderNameIsAPrefixOfItsSibling(string a, string b, int sign)
    {
        Assert.Equal(sign, Math.Sign(S3Lister.CompareByFolder(a, b)));
        Assert.Equal(-sign, Math.Sign(S3Lister.CompareByFolder(b, a)));
    }

    [Theory]
    [InlineData("<Error><Code>PermanentRedirect</Code><Endpoint>b.s3.eu-west-1.amazonaws.com</Endpoint></Error>", "eu-west-1")]
    [InlineData("<Error><Code>AuthorizationHeaderMalformed</Code><Region>ap-southeast-2</Region></Error>", "ap-southeast-2")]
    [InlineData("<Error><Code>PermanentRedirect</Code></Error>", null)]
    [InlineData(null, null)]
    public void Should_ReadTheBucketRegion_When_S3AnswersWithARedirectBody(string? body, string? region)
    {
        Assert.Equal(region, S3Connection.RegionInBody(body));
    }

    [Theory]
    [InlineData("x/111122223333_CloudTrail_eu-west-1_20240502T1100Z_abc.json.gz", false, RemoteKeyFilterVerdict.Read)]
    [InlineData("x/111122223333_CloudTrail_eu-west-1_20240502T1300Z_abc.json.gz", false, RemoteKeyFilterVerdict.Pruned)]
    [InlineData("x/444455556666_CloudTrail_eu-west-1_20240502T1100Z_abc.json.gz", false, RemoteKeyFilterVerdict.Pruned)]
    [InlineData("x/111122223333_CloudTrail-Digest_eu-west-1_t_eu-west-1_20240502T110000Z.json.gz", false, RemoteKeyFilterVerdict.Digest)]
    [InlineData("x/README.md", false, RemoteKeyFilterVerdict.NotLog)]
    [InlineData("x/README.md", true, RemoteKeyFilterVerdict.Read)]
    public void Should_JudgeKeysLikeALocalWalk_When_Listing(string key, bool explicitKey, RemoteKeyFilterVerdict verdict)
    {
        Assert.Equal((RemoteKeyFilter.Verdict)verdict, RemoteKeyFilter.Judge(key, Window, explicitKey, keepDigests: false));
    }

    [Theory]
    [InlineData("s3://bucket", "bucket", "")]
    [InlineData("s3://bucket/AWSLogs/", "bucket", "AWSLogs/")]
    [InlineData("S3://b/k", "b", "k")]
    public void Should_SplitBucketAndPrefix_When_ParsingAnS3Path(string text, string bucket, string prefix)
    {
        Assert.Equal(new S3Uri(bucket, prefix), S3Uri.TryParse(text));
    }

    public enum RemoteKeyFilterVerdict
    {
        Read,
        NotLog,
        Digest,
        Pruned,
    }
}
