using Amazon.S3;
using Amazon.S3.Model;
using TrailSift.Testing;
using TrailSift.Testing.S3;

namespace TrailSift.Cli.Tests.S3;

/// <summary>Folder listings kept in the cache: reused without a request only when final for the window (docs/s3.md).</summary>
public sealed partial class S3ReadTests
{
    [S3Fact]
    public void Should_SendNoRequestAtAll_AndPrintTheSame_When_AClosedWindowRunsAgainWithTheCache()
    {
        // Given a first run of the command over a window that ended long ago, with the cache
        using var cache = new TempTree();
        using var proxy = new FaultProxy(_s3.Server.Endpoint);
        string[] args = ["denied", $"s3://{S3TrailFixture.Bucket}/AWSLogs/", .. Window, "--endpoint-url", proxy.Endpoint, "--cache", cache.Root, "--format", "json", "--stats"];
        CliRunResult first = S3TrailFixture.Run(args);
        int firstLists = proxy.Log.Count(r => r.IsList);
        proxy.ClearLog();

        // When it runs again
        CliRunResult second = S3TrailFixture.Run(args);

        // Then nothing is asked of the server (every listing is final for the window, every object cached) and the output is the same
        Assert.True(first.ExitCode == 0, first.Stderr);
        Assert.Equal(4, firstLists);
        Assert.Empty(proxy.Log);
        Assert.Equal(first.Stdout, second.Stdout);
        Assert.Contains("s3: list requests 0, listings from the cache 4,", second.Stderr, StringComparison.Ordinal);
    }

    [S3Fact]
    public void Should_SeeObjectsAddedToOpenFolders_AndListThemAtOnce_When_AnOpenEndedRunIsRepeatedWithTheCache()
    {
        // Given a bucket with one old log, scanned once with the cache and no --until (the folders above the years stay open)
        const string bucket = "listing-cache";
        using AmazonS3Client client = _s3.Server.Client();
        client.PutBucketAsync(new PutBucketRequest { BucketName = bucket }).GetAwaiter().GetResult();
        string trail = $"AWSLogs/{Account}/CloudTrail/";
        Put(client, bucket, trail + Region, new DateTime(2024, 5, 2, 10, 0, 0, DateTimeKind.Utc), "old");
        using var cache = new TempTree();
        using var proxy = new FaultProxy(_s3.Server.Endpoint);
        string[] args = ["query", "-f", "ndjson", $"s3://{bucket}/AWSLogs/", "--endpoint-url", proxy.Endpoint, "--cache", cache.Root];
        CliRunResult first = S3TrailFixture.Run(args);
        Assert.Contains("\"old\"", first.Stdout, StringComparison.Ordinal);

        // When logs arrive in open folders (a new region; today's day folder) and, against CloudTrail's delivery, a
        // log two years late in a closed day folder, and the run is repeated
        DateTime today = DateTime.UtcNow.Date;
        Put(client, bucket, trail + "us-west-2", new DateTime(2024, 5, 2, 11, 0, 0, DateTimeKind.Utc), "new-region");
        Put(client, bucket, trail + Region, today, "today");
        Put(client, bucket, trail + Region, new DateTime(2024, 5, 2, 12, 0, 0, DateTimeKind.Utc), "late");
        proxy.ClearLog();
        var regionAsked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        bool regionBeforeRoot = false;
        proxy.Hold = async r =>
        {
            if (r.ListPrefix == $"{trail}{Region}/")
            {
                regionAsked.TrySetResult();
            }
            else if (r.ListPrefix == "AWSLogs/")
            {
                // The root's answer is held until the region folder is asked for (or 10 s): only an early request can come first.
                regionBeforeRoot = await Task.WhenAny(regionAsked.Task, Task.Delay(10_000)) == regionAsked.Task;
            }
        };
        CliRunResult second = S3TrailFixture.Run(args);
        proxy.Hold = null;
        List<string> lists = [.. proxy.Log.Where(r => r.IsList).Select(r => r.ListPrefix!)];
        CliRunResult uncached = S3TrailFixture.Run([.. args[..^2], "--no-cache"]);

        // Then the logs in open folders are read; the closed folders were not listed again (so the late log is not seen,
        // as docs/s3.md says: a listing taken after a folder's time ended is final), while an uncached run sees all four
        Assert.True(second.ExitCode == 0, second.Stderr);
        Assert.Contains("\"new-region\"", second.Stdout, StringComparison.Ordinal);
        Assert.Contains("\"today\"", second.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("\"late\"", second.Stdout, StringComparison.Ordinal);
        Assert.Contains("\"late\"", uncached.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain($"{trail}{Region}/2024/", lists);
        Assert.DoesNotContain($"{trail}{Region}/2024/05/02/", lists);
        Assert.Contains($"{trail}{Region}/", lists);
        Assert.Contains($"{trail}us-west-2/2024/05/02/", lists);
        Assert.Contains($"{trail}{Region}/{today:yyyy'/'MM'/'dd}/", lists);

        // And the open folders known from the first run were listed together, not one round after another: the
        // request for the region folder went out before the answer for AWSLogs/ could name its account.
        Assert.True(regionBeforeRoot);
    }

    private static void Put(AmazonS3Client client, string bucket, string regionFolder, DateTime delivery, string eventName) =>
        PutLog(client, bucket, regionFolder, delivery, eventName, eventName);
}
