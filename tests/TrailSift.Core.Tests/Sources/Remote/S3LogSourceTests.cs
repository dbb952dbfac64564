using TrailSift.Core.Sources;
using TrailSift.Core.Sources.Remote;
using TrailSift.Testing.S3;

namespace TrailSift.Core.Tests.Sources.Remote;

/// <summary>The S3 source behind the registry, on a real S3-compatible server (s3rver), against a local walk of the same tree.</summary>
public sealed class S3LogSourceTests
{
    private const string Bucket = "seam-bucket";

    private static readonly PruneOptions Window = new()
    {
        Accounts = new HashSet<string>(StringComparer.Ordinal) { OrgTrail.Accounts[0], OrgTrail.Accounts[2] },
        Since = new DateTimeOffset(2024, 5, 2, 6, 0, 0, TimeSpan.Zero),
        Until = new DateTimeOffset(2024, 5, 2, 14, 0, 0, TimeSpan.Zero),
    };

    private static async Task<(List<string> Paths, SourceCounts Counts, List<string> Problems)> ListAsync(SourceRegistry registry, string argument, PruneOptions prune)
    {
        var problems = new List<string>();
        var scope = new SourceScope(prune, (p, r) => problems.Add($"{p}: {r}"));
        var paths = new List<string>();
        await foreach (LogObject o in registry.ListAsync([argument], scope))
        {
            paths.Add(o.Path);
        }

        return (paths, scope.Counts, problems);
    }

    [S3Fact]
    public async Task Should_ListTheSameObjectsInTheSameOrderAsALocalWalk_When_AnS3PrefixIsPrunedByTheSameWindow()
    {
        // Given: the same trail on disk and in a bucket
        using var trail = new OrgTrail();
        using S3Server server = S3Server.Start(Bucket);
        server.UploadTree(Bucket, trail.Root, OrgTrail.DigestMetadata);
        using var s3 = new S3LogSource(new S3Settings { EndpointUrl = server.Endpoint, AccessKeyId = S3Server.Key, SecretAccessKey = S3Server.Key, Region = "us-east-1" });
        SourceRegistry registry = SourceRegistry.Default(new MemoryStream(), s3);

        // When
        var local = await ListAsync(registry, Path.Combine(trail.Root, "AWSLogs") + "/", Window);
        var remote = await ListAsync(registry, $"s3://{Bucket}/AWSLogs/", Window);

        // Then: same keys in the same order; the scope counts what the listing pruned (fewer names than a local
        // walk: the day listing starts after the window's start and stops past its end); nothing fetched yet
        Assert.Empty(remote.Problems);
        Assert.NotEmpty(remote.Paths);
        Assert.Equal(local.Paths.Select(p => Path.GetRelativePath(trail.Root, p).Replace('\\', '/')),
            remote.Paths.Select(p => p[$"s3://{Bucket}/".Length..]));
        Assert.Equal(remote.Paths.Count, remote.Counts.Listed);
        Assert.InRange(remote.Counts.PrunedFiles, 1, local.Counts.PrunedFiles);
        Assert.True(remote.Counts.PrunedDirectories > 0);
        Assert.True(remote.Counts.ListRequests > 0);
        Assert.InRange(remote.Counts.KeysListed, remote.Paths.Count + remote.Counts.PrunedFiles, long.MaxValue);
        Assert.Equal(0, local.Counts.ListRequests);
        Assert.Equal(0, remote.Counts.ObjectsFetched);
        Assert.Equal(0, remote.Counts.BytesFetched);
    }

    [S3Fact]
    public async Task Should_HandOnTheFirstKeys_When_ALaterFolderIsStillBeingListed()
    {
        // Given: a trail in a bucket behind a proxy that holds back the listing of one account's last region folder
        using var trail = new OrgTrail();
        using S3Server server = S3Server.Start(Bucket);
        server.UploadTree(Bucket, trail.Root, OrgTrail.DigestMetadata);
        using var proxy = new FaultProxy(server.Endpoint);
        using var s3 = new S3LogSource(new S3Settings { EndpointUrl = proxy.Endpoint, AccessKeyId = S3Server.Key, SecretAccessKey = S3Server.Key, Region = "us-east-1" });
        SourceRegistry registry = SourceRegistry.Default(new MemoryStream(), s3);
        var unheld = await ListAsync(registry, $"s3://{Bucket}/AWSLogs/", Window);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        string late = $"AWSLogs/{OrgTrail.Org}/{OrgTrail.Accounts[2]}/CloudTrail/us-east-1/";
        proxy.Hold = r =>
        {
            if (r.IsList && r.ListPrefix!.StartsWith(late, StringComparison.Ordinal))
            {
                held.TrySetResult();
                return release.Task;
            }

            return Task.CompletedTask;
        };
        var scope = new SourceScope(Window, (_, _) => { });

        // When the listing starts
        await using IAsyncEnumerator<LogObject> listing = registry.ListAsync([$"s3://{Bucket}/AWSLogs/"], scope).GetAsyncEnumerator();
        var paths = new List<string>();
        Assert.True(await listing.MoveNextAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(60)));
        paths.Add(listing.Current.Path);

        // Then the first key was handed on while the held folder's listing cannot have completed (before the release);
        // once released, every key follows, in the same order as without the hold
        Assert.False(release.Task.IsCompleted);
        await held.Task.WaitAsync(TimeSpan.FromSeconds(60));
        release.SetResult();
        while (await listing.MoveNextAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(60)))
        {
            paths.Add(listing.Current.Path);
        }

        Assert.Equal(unheld.Paths, paths);
        Assert.Contains(paths, p => p.Contains(late, StringComparison.Ordinal));
        Assert.DoesNotContain(paths[0], late, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_ClaimS3PathsAndReportABucketlessOne_When_RegisteredByDefault()
    {
        // Given
        SourceRegistry registry = SourceRegistry.Default(new MemoryStream());

        // When
        var listed = await ListAsync(registry, "s3://", PruneOptions.None);

        // Then: s3:// words are inputs, readable twice; one without a bucket is a per-input error, not a local path
        Assert.True(registry.IsInput("s3://bucket/AWSLogs/"));
        Assert.True(registry.IsInput("S3://bucket"));
        Assert.True(registry.CanReadTwice(["s3://bucket"]));
        Assert.Empty(listed.Paths);
        Assert.Equal(["s3://: not an S3 path: expected s3://bucket[/prefix]"], listed.Problems);
    }
}
