using TrailSift.Testing.S3;

namespace TrailSift.Cli.Tests.S3;

/// <summary>Scanning s3:// paths against a real S3-compatible server (s3rver) behind a logging proxy.</summary>
public sealed partial class S3ReadTests : IClassFixture<S3TrailFixture>
{
    private const string Account = "222222222222";
    private const string Region = "eu-west-1";
    private readonly S3TrailFixture _s3;

    public S3ReadTests(S3TrailFixture s3)
    {
        _s3 = s3;
    }

    private static string[] Window => ["--account", Account, "--region", Region, "--since", "2024-05-02T09:00Z", "--until", "2024-05-02T14:00Z"];

    [S3Fact]
    public void Should_ListOnlyTheWindowsPrefixes_AndOpenOnlyItsKeys_When_DeniedRunsOnAnOrgTrail()
    {
        using var proxy = new FaultProxy(_s3.Server.Endpoint);
        CliRunResult remote = S3TrailFixture.Run(["denied", $"s3://{S3TrailFixture.Bucket}/AWSLogs/", .. Window, "--endpoint-url", proxy.Endpoint, "--no-cache", "--format", "json"]);
        CliRunResult local = S3TrailFixture.Run(["denied", Path.Combine(_s3.Local, "AWSLogs"), .. Window, "--format", "json"]);

        Assert.Equal(local.ExitCode, remote.ExitCode);
        Assert.Equal(local.Stderr, remote.Stderr);
        Assert.Contains("AccessDenied", local.Stdout, StringComparison.Ordinal);
        Assert.Equal(local.Stdout.Replace(_s3.Local + "/", string.Empty, StringComparison.Ordinal), remote.Stdout.Replace($"s3://{S3TrailFixture.Bucket}/", string.Empty, StringComparison.Ordinal));

        string org = $"AWSLogs/{OrgTrail.Org}/";
        // Level by level down to the account (the organisation id is not known beforehand); then the --region folder
        // and the window's day folder are named outright: CloudTrail/, the region and its year and month are not listed.
        string[] expectedLists = ["AWSLogs/", org, $"{org}{Account}/", $"{org}{Account}/CloudTrail/{Region}/2024/05/02/"];
        Assert.Equal(expectedLists.Order(StringComparer.Ordinal), proxy.Log.Where(r => r.IsList).Select(r => r.ListPrefix!).Order(StringComparer.Ordinal));

        // Delivered in [since - 15m skew, until + 15m delay): the independent oracle is the generator's key list.
        var expectedKeys = _s3.Trail.LogKeys.Where(k => k.Contains($"/{Account}/CloudTrail/{Region}/2024/05/02/", StringComparison.Ordinal)
            && string.CompareOrdinal(Stamp(k), "20240502T0845Z") >= 0 && string.CompareOrdinal(Stamp(k), "20240502T1415Z") < 0).ToList();
        Assert.NotEmpty(expectedKeys);
        Assert.Equal(expectedKeys.Order(StringComparer.Ordinal), proxy.Log.Where(r => r.IsGetObject).Select(r => r.Key).Order(StringComparer.Ordinal));
    }

    [S3Fact]
    public void Should_ListTheWindowsDayFoldersDirectly_AndGiveTheLocalResults_When_RegionsAndAMultiDayWindowAreGiven()
    {
        // Given two regions of every account and a window over three day folders (with the margins: May 1 to 3)
        string[] window = ["--region", "us-east-1", "--region", "ap-south-1", "--since", "2024-05-01T23:50Z", "--until", "2024-05-03T00:10Z"];
        using var proxy = new FaultProxy(_s3.Server.Endpoint);

        // When
        CliRunResult remote = S3TrailFixture.Run(["query", "-f", "ndjson", $"s3://{S3TrailFixture.Bucket}/AWSLogs/", .. window, "--endpoint-url", proxy.Endpoint, "--no-cache"]);
        CliRunResult local = S3TrailFixture.Run(["query", "-f", "ndjson", Path.Combine(_s3.Local, "AWSLogs"), .. window]);

        // Then the same events, and below each trail folder only day folders were listed: 3 accounts x 2 regions x 3 days
        Assert.Equal(0, remote.ExitCode);
        Assert.Equal(local.Stderr, remote.Stderr);
        Assert.Equal(local.Stdout, remote.Stdout);
        Assert.NotEmpty(local.Stdout);
        List<string> lists = [.. proxy.Log.Where(r => r.IsList).Select(r => r.ListPrefix!)];
        List<string> belowTrail = [.. lists.Where(l => l.Contains("/CloudTrail/", StringComparison.Ordinal))];
        Assert.All(belowTrail, l => Assert.Matches(@"/CloudTrail/(us-east-1|ap-south-1)/2024/05/0[123]/$", l));
        Assert.Equal(OrgTrail.Accounts.Length * 2 * 3, belowTrail.Count);
    }

    [S3Fact]
    public void Should_GiveTheLocalTreesResults_When_QueryAndCountReadTheWholeBucket()
    {
        string endpoint = _s3.Server.Endpoint;
        foreach (string[] command in new[] { new[] { "query", "-f", "ndjson" }, ["count", "--by", ".recipientAccountId,.awsRegion,.eventName,.errorCode"], ["denied", "--format", "json"] })
        {
            CliRunResult remote = S3TrailFixture.Run([.. command, $"s3://{S3TrailFixture.Bucket}", "--endpoint-url", endpoint, "--no-cache"]);
            CliRunResult local = S3TrailFixture.Run([.. command, _s3.Local]);
            Assert.Equal(local.ExitCode, remote.ExitCode);
            Assert.Equal(local.Stderr, remote.Stderr);
            Assert.Equal(Normalize(local.Stdout, _s3.Local + "/"), Normalize(remote.Stdout, $"s3://{S3TrailFixture.Bucket}/"));
        }
    }

    [S3Fact]
    public void Should_SurviveDroppedConnectionsSlowDownAndTruncatedBodies_When_FaultsHitEveryObjectOnce()
    {
        string[] args = ["query", "-f", "ndjson", $"s3://{S3TrailFixture.Bucket}/AWSLogs/{OrgTrail.Org}/{Account}/", "--since", "2024-05-02T00:00Z", "--until", "2024-05-03T00:00Z", "--no-cache"];
        CliRunResult clean = S3TrailFixture.Run([.. args, "--endpoint-url", _s3.Server.Endpoint]);
        Assert.Equal(0, clean.ExitCode);

        foreach (Fault fault in new[] { Fault.DropMidBody, Fault.SlowDown, Fault.TruncateBody })
        {
            using var proxy = new FaultProxy(_s3.Server.Endpoint, (r, earlier) => r.IsGetObject && r.Range is null && earlier == 0 ? fault : Fault.None);
            CliRunResult faulty = S3TrailFixture.Run([.. args, "--endpoint-url", proxy.Endpoint, "--stats"]);
            Assert.True(faulty.ExitCode == 0, $"{fault}: {faulty.Stderr}");
            Assert.Equal(clean.Stdout, faulty.Stdout);
            Assert.DoesNotContain("trailsift:", faulty.Stderr, StringComparison.Ordinal);
            if (fault != Fault.SlowDown)
            {
                // The retry resumed each object from the byte where the first answer stopped.
                Assert.Contains(proxy.Log, r => r.IsGetObject && r.Range is { } range && !range.StartsWith("bytes=0-", StringComparison.Ordinal));
            }
        }
    }

    [S3Fact]
    public void Should_ReportTheObject_AndReadTheRest_When_AnObjectKeepsFailing()
    {
        string[] args = ["count", $"s3://{S3TrailFixture.Bucket}/AWSLogs/{OrgTrail.Org}/{Account}/CloudTrail/{Region}/2024/05/02/"];
        string victim = _s3.Trail.LogKeys.First(k => k.Contains($"/{Account}/CloudTrail/{Region}/2024/05/02/", StringComparison.Ordinal));
        using var proxy = new FaultProxy(_s3.Server.Endpoint, (r, _) => r.IsGetObject && r.Key == victim ? Fault.DropMidBody : Fault.None);
        using var cache = new TrailSift.Testing.TempTree();
        CliRunResult run = S3TrailFixture.Run([.. args, "--endpoint-url", proxy.Endpoint, "--cache", cache.Root]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"trailsift: s3://{S3TrailFixture.Bucket}/{victim}: ", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("attempts", run.Stderr, StringComparison.Ordinal);

        // The interrupted object left nothing in the cache; the others are there, whole.
        string[] cached = [.. Directory.GetFiles(cache.Root, "*", SearchOption.AllDirectories).Where(f => !f.Contains("/list/", StringComparison.Ordinal))];
        Assert.DoesNotContain(cached, f => f.EndsWith(".part", StringComparison.Ordinal));
        Assert.DoesNotContain(cached, f => f.EndsWith(Path.GetFileName(victim), StringComparison.Ordinal));
        Assert.True(cached.Length == 7, run.Stderr + string.Join("\n", cached));
    }

    [S3Fact]
    public void Should_FetchNothing_When_TheSameWindowRunsAgainWithTheCache()
    {
        using var cache = new TrailSift.Testing.TempTree();
        using var proxy = new FaultProxy(_s3.Server.Endpoint);
        string[] args = ["query", "-f", "ndjson", $"s3://{S3TrailFixture.Bucket}/AWSLogs/", .. Window, "--endpoint-url", proxy.Endpoint, "--cache", cache.Root, "--stats"];
        CliRunResult first = S3TrailFixture.Run(args);
        int firstGets = proxy.Log.Count(r => r.IsGetObject);
        proxy.ClearLog();
        CliRunResult second = S3TrailFixture.Run(args);

        Assert.True(firstGets > 0);
        Assert.DoesNotContain(proxy.Log, r => r.IsGetObject);
        Assert.Equal(first.Stdout, second.Stdout);
        Assert.Contains($"cache hits {firstGets}", second.Stderr, StringComparison.Ordinal);
    }

    [S3Fact]
    public void Should_SayWhichPermissionIsMissing_When_TheBucketDoesNotExistOrAccessIsDenied()
    {
        CliRunResult missing = S3TrailFixture.Run(["count", "s3://no-such-bucket/AWSLogs/", "--endpoint-url", _s3.Server.Endpoint, "--no-cache"]);
        Assert.Equal(2, missing.ExitCode);
        Assert.Equal("trailsift: s3://no-such-bucket/AWSLogs/: no such bucket 'no-such-bucket'\n", missing.Stderr.Split("trailsift: 1 input")[0]);

        CliRunResult nothing = S3TrailFixture.Run(["count", $"s3://{S3TrailFixture.Bucket}/AWSLog", "--endpoint-url", _s3.Server.Endpoint, "--no-cache"]);
        Assert.Contains($"trailsift: s3://{S3TrailFixture.Bucket}/AWSLog: no such key or prefix", nothing.Stderr, StringComparison.Ordinal);
    }

    [S3Fact]
    public void Should_NameTheBucketPrefixAndIamAction_When_ListingOrReadingIsDenied()
    {
        string day = $"AWSLogs/{OrgTrail.Org}/{Account}/CloudTrail/{Region}/2024/05/02/";
        using var listDenied = new FaultProxy(_s3.Server.Endpoint, (r, _) => r.IsList ? Fault.AccessDenied : Fault.None);
        CliRunResult list = S3TrailFixture.Run(["count", $"s3://{S3TrailFixture.Bucket}/{day}", "--endpoint-url", listDenied.Endpoint, "--no-cache"]);
        Assert.Equal(2, list.ExitCode);
        Assert.StartsWith($"trailsift: s3://{S3TrailFixture.Bucket}/{day}: access denied: listing needs s3:ListBucket on arn:aws:s3:::{S3TrailFixture.Bucket} (prefix '{day}')\n", list.Stderr, StringComparison.Ordinal);

        string victim = _s3.Trail.LogKeys.First(k => k.StartsWith(day, StringComparison.Ordinal));
        using var getDenied = new FaultProxy(_s3.Server.Endpoint, (r, _) => r.IsGetObject && r.Key == victim ? Fault.AccessDenied : Fault.None);
        CliRunResult get = S3TrailFixture.Run(["count", $"s3://{S3TrailFixture.Bucket}/{day}", "--endpoint-url", getDenied.Endpoint, "--no-cache"]);
        Assert.Equal(2, get.ExitCode);
        Assert.Contains($"trailsift: s3://{S3TrailFixture.Bucket}/{victim}: access denied: reading needs s3:GetObject on arn:aws:s3:::{S3TrailFixture.Bucket}/{victim}\n", get.Stderr, StringComparison.Ordinal);
        Assert.Single(get.Stderr.Split('\n'), l => l.Contains("access denied", StringComparison.Ordinal));

        using var expired = new FaultProxy(_s3.Server.Endpoint, (_, _) => Fault.ExpiredToken);
        CliRunResult old = S3TrailFixture.Run(["count", $"s3://{S3TrailFixture.Bucket}/{day}", "--endpoint-url", expired.Endpoint, "--no-cache"]);
        Assert.StartsWith($"trailsift: s3://{S3TrailFixture.Bucket}/{day}: the AWS credentials have expired (ExpiredToken): refresh them", old.Stderr, StringComparison.Ordinal);
    }

    [S3Fact]
    public void Should_DiscoverTheBucketsRegion_When_TheBucketAnswersPermanentRedirect()
    {
        string day = $"AWSLogs/{OrgTrail.Org}/{Account}/CloudTrail/{Region}/2024/05/02/";
        using var proxy = new FaultProxy(_s3.Server.Endpoint, (_, _) => Fault.BucketInEuWest1);
        CliRunResult redirected = S3TrailFixture.Run(["count", $"s3://{S3TrailFixture.Bucket}/{day}", "--endpoint-url", proxy.Endpoint, "--s3-region", "us-east-1", "--no-cache"]);
        CliRunResult direct = S3TrailFixture.Run(["count", $"s3://{S3TrailFixture.Bucket}/{day}", "--endpoint-url", _s3.Server.Endpoint, "--no-cache"]);
        Assert.True(redirected.ExitCode == 0, redirected.Stderr);
        Assert.Equal(direct.Stdout, redirected.Stdout);
    }

    [S3Fact]
    public void Should_UseTheEndpointAndCacheFromTheEnvironment_When_NoOptionNamesThem()
    {
        using var home = new TrailSift.Testing.TempTree();
        using var proxy = new FaultProxy(_s3.Server.Endpoint);
        string day = $"s3://{S3TrailFixture.Bucket}/AWSLogs/{OrgTrail.Org}/{Account}/CloudTrail/{Region}/2024/05/02/";
        CliRunResult s3Variable = S3TrailFixture.RunWith(new() { ["AWS_ENDPOINT_URL_S3"] = proxy.Endpoint, ["AWS_ENDPOINT_URL"] = "http://127.0.0.1:9", ["HOME"] = home.Root }, ["count", day]);
        CliRunResult general = S3TrailFixture.RunWith(new() { ["AWS_ENDPOINT_URL"] = proxy.Endpoint, ["XDG_CACHE_HOME"] = Path.Combine(home.Root, "xdg") }, ["count", day]);

        Assert.True(s3Variable.ExitCode == 0, s3Variable.Stderr);
        Assert.Equal(s3Variable.Stdout, general.Stdout);
        Assert.Equal(8, Directory.GetFiles(Path.Combine(home.Root, ".cache", "trailsift"), "*.json.gz", SearchOption.AllDirectories).Length);
        Assert.Equal(8, Directory.GetFiles(Path.Combine(home.Root, "xdg", "trailsift"), "*.json.gz", SearchOption.AllDirectories).Length);
    }

    private static string Stamp(string key) => Path.GetFileName(key).Split('_')[3];

    private static string Normalize(string text, string root) => text.Replace(root, string.Empty, StringComparison.Ordinal);
}
