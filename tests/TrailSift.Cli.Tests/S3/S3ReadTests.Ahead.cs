using System.Globalization;
using Amazon.S3;
using Amazon.S3.Model;
using TrailSift.Testing;
using TrailSift.Testing.S3;

namespace TrailSift.Cli.Tests.S3;

/// <summary>
/// An open-ended re-run scans the objects its kept listings name while the open folders are listed again, and prints
/// them only once the fresh listings confirm them (docs/s3.md, "Folder listings").
/// </summary>
public sealed partial class S3ReadTests
{
    [S3Fact]
    public void Should_HandCachedObjectsToTheScan_BeforeTheOpenFoldersAnswer_When_AnOpenEndedRunIsRepeated()
    {
        // Given a bucket with logs in closed day folders, scanned once with the cache and no --until (the folders above the years stay open)
        const string bucket = "ahead-early";
        using AmazonS3Client client = _s3.Server.Client();
        client.PutBucketAsync(new PutBucketRequest { BucketName = bucket }).GetAwaiter().GetResult();
        string region = $"AWSLogs/{Account}/CloudTrail/{Region}";
        foreach ((int day, string name) in new[] { (1, "first"), (2, "second"), (2, "third") })
        {
            PutLog(client, bucket, region, new DateTime(2024, 5, day, 10, name.Length, 0, DateTimeKind.Utc), name, name);
        }

        using var cache = new TempTree();
        using var proxy = new FaultProxy(_s3.Server.Endpoint);
        string[] args = ["query", "-f", "ndjson", $"s3://{bucket}/AWSLogs/", "--endpoint-url", proxy.Endpoint, "--cache", cache.Root];
        CliRunResult first = S3TrailFixture.Run(args);
        List<FileInfo> entries = CachedObjects(cache.Root, bucket);
        DateTime old = DateTime.UtcNow.AddDays(-2);
        entries.ForEach(f => f.LastWriteTimeUtc = old);

        // When it runs again while the answer for AWSLogs/ is held until a cached object is taken (a hit marks its entry), or 10 s
        bool takenBeforeTheAnswer = false;
        proxy.Hold = async r =>
        {
            if (r.ListPrefix == "AWSLogs/")
            {
                var waited = System.Diagnostics.Stopwatch.StartNew();
                while (!(takenBeforeTheAnswer = CachedObjects(cache.Root, bucket).Any(f => f.LastWriteTimeUtc > old.AddDays(1))) && waited.Elapsed < TimeSpan.FromSeconds(10))
                {
                    await Task.Delay(10);
                }
            }
        };
        CliRunResult second = S3TrailFixture.Run(args);
        proxy.Hold = null;

        // Then the cached objects went to the scan before the open folders' listing answered, and the output is the same
        Assert.True(first.ExitCode == 0, first.Stderr);
        Assert.Equal(3, entries.Count);
        Assert.True(takenBeforeTheAnswer, "no cached object was taken before the listing of AWSLogs/ answered");
        Assert.Equal(first.Stdout, second.Stdout);
        Assert.Contains(proxy.Log, r => r.ListPrefix == "AWSLogs/");
    }

    [S3Fact]
    public void Should_PrintWhatTheFreshListingHolds_InKeyOrder_When_CachedObjectsInAnOpenFolderWereDeletedOrReplaced()
    {
        // Given a closed day folder and today's (open) folder of three logs, scanned once with the cache
        const string bucket = "ahead-stale";
        using AmazonS3Client client = _s3.Server.Client();
        client.PutBucketAsync(new PutBucketRequest { BucketName = bucket }).GetAwaiter().GetResult();
        string trail = $"AWSLogs/{Account}/CloudTrail/";
        DateTime today = DateTime.UtcNow.Date;
        PutLog(client, bucket, trail + Region, new DateTime(2024, 5, 2, 10, 0, 0, DateTimeKind.Utc), "closed", "closed");
        string a = PutLog(client, bucket, trail + Region, today.AddMinutes(1), "a", "kept-a");
        string b = PutLog(client, bucket, trail + Region, today.AddMinutes(2), "b", "deleted-b");
        string c = PutLog(client, bucket, trail + Region, today.AddMinutes(3), "c", "old-c");
        using var cache = new TempTree();
        string[] args = ["query", "-f", "ndjson", $"s3://{bucket}/AWSLogs/", "--endpoint-url", _s3.Server.Endpoint, "--cache", cache.Root];
        CliRunResult first = S3TrailFixture.Run(args);
        Assert.Contains("\"old-c\"", first.Stdout, StringComparison.Ordinal);

        // When, before the next run, one is deleted, one rewritten (a new ETag), and a log arrives in a new region after them
        client.DeleteObjectAsync(bucket, b).GetAwaiter().GetResult();
        Assert.Equal(c, PutLog(client, bucket, trail + Region, today.AddMinutes(3), "c", "new-c"));
        PutLog(client, bucket, trail + "us-west-2", new DateTime(2024, 5, 2, 11, 0, 0, DateTimeKind.Utc), "west", "west");
        CliRunResult second = S3TrailFixture.Run([.. args, "--stats"]);
        CliRunResult uncached = S3TrailFixture.Run([.. args[..^2], "--no-cache"]);

        // Then the re-run prints exactly what an uncached run prints: the kept logs, the rewritten one's new content, the new
        // region, in key order; nothing of the deleted or the stale copy
        Assert.True(second.ExitCode == 0, second.Stderr);
        Assert.Equal(uncached.Stdout, second.Stdout);
        Assert.DoesNotContain("\"deleted-b\"", second.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("\"old-c\"", second.Stdout, StringComparison.Ordinal);
        int[] at = [.. new[] { "closed", "kept-a", "new-c", "west" }.Select(n => second.Stdout.IndexOf($"\"{n}\"", StringComparison.Ordinal))];
        Assert.True(at.All(i => i >= 0) && at.SequenceEqual(at.Order()), second.Stdout);
        Assert.Contains("files: seen 4,", second.Stderr, StringComparison.Ordinal);
        Assert.Contains("fetched 2, bytes fetched", second.Stderr, StringComparison.Ordinal);
        Assert.NotNull(a);
    }

    // A one-event log under regionFolder/YYYY/MM/DD/, its name from the delivery time and a tag; returns its key.
    private static string PutLog(AmazonS3Client client, string bucket, string regionFolder, DateTime delivery, string tag, string eventName)
    {
        string region = regionFolder[(regionFolder.LastIndexOf('/') + 1)..];
        string key = string.Create(CultureInfo.InvariantCulture,
            $"{regionFolder}/{delivery:yyyy'/'MM'/'dd}/{Account}_CloudTrail_{region}_{delivery:yyyyMMdd'T'HHmm'Z'}_{tag}.json.gz");
        string json = string.Create(CultureInfo.InvariantCulture,
            $$"""{"Records":[{"eventVersion":"1.08","eventTime":"{{delivery:yyyy-MM-dd'T'HH:mm:ss'Z'}}","eventSource":"ec2.amazonaws.com","eventName":"{{eventName}}","awsRegion":"{{region}}","recipientAccountId":"{{Account}}"}]}""");
        var put = new PutObjectRequest { BucketName = bucket, Key = key, InputStream = new MemoryStream(TempTree.Gzip(System.Text.Encoding.UTF8.GetBytes(json))), UseChunkEncoding = false };
        client.PutObjectAsync(put).GetAwaiter().GetResult();
        return key;
    }

    // The object entries of the cache for a bucket (not its kept listings).
    private static List<FileInfo> CachedObjects(string root, string bucket) =>
        [.. new DirectoryInfo(Path.Combine(root, "s3", bucket)).EnumerateFiles("*", SearchOption.AllDirectories).Where(f => f.Directory!.Name != "list" && !f.Name.StartsWith('.'))];
}
