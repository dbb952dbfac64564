using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using TrailSift.Testing;
using TrailSift.Testing.S3;

namespace TrailSift.Cli.Tests.S3;

/// <summary><c>trailsift sync</c> against s3rver: layout, digest signatures, resume, idempotence.</summary>
public sealed class S3SyncTests : IClassFixture<S3TrailFixture>
{
    private const string Account = "222222222222";
    private readonly S3TrailFixture _s3;

    public S3SyncTests(S3TrailFixture s3)
    {
        _s3 = s3;
    }

    private static string Prefix => $"AWSLogs/{OrgTrail.Org}/{Account}/";

    [S3Fact]
    public void Should_CopyTheLayoutWithDigestSignatures_AndGiveTheLocalResults_When_SyncingAnAccount()
    {
        using var dir = new TempTree();
        CliRunResult sync = S3TrailFixture.Run(["sync", $"s3://{S3TrailFixture.Bucket}/{Prefix}", dir.Root, "--endpoint-url", _s3.Server.Endpoint]);
        Assert.True(sync.ExitCode == 0, sync.Stderr);

        var expected = _s3.Trail.LogKeys.Concat(_s3.Trail.DigestKeys).Where(k => k.StartsWith(Prefix, StringComparison.Ordinal)).ToList();
        foreach (string key in expected)
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(_s3.Local, key)), File.ReadAllBytes(Path.Combine(dir.Root, key)));
        }

        var written = Directory.GetFiles(dir.Root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(dir.Root, f).Replace('\\', '/')).ToList();
        var digests = expected.Where(k => k.Contains("CloudTrail-Digest", StringComparison.Ordinal)).ToList();
        Assert.Equal(expected.Concat(digests.Select(d => d + ".signature")).Order(StringComparer.Ordinal), written.Order(StringComparer.Ordinal));
        foreach (string d in digests)
        {
            using JsonDocument sig = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir.Root, d + ".signature")));
            Dictionary<string, string> meta = OrgTrail.DigestMetadata(d)!;
            Assert.Equal(meta["signature"], sig.RootElement.GetProperty("x-amz-meta-signature").GetString());
            Assert.Equal("SHA256withRSA", sig.RootElement.GetProperty("x-amz-meta-signature-algorithm").GetString());
        }

        CliRunResult fromSync = S3TrailFixture.Run(["denied", "--format", "json", dir.Root]);
        CliRunResult fromLocal = S3TrailFixture.Run(["denied", "--format", "json", Path.Combine(_s3.Local, Prefix)]);
        Assert.Equal(0, fromSync.ExitCode);
        Assert.Equal(fromLocal.Stdout.Replace(_s3.Local + "/", string.Empty, StringComparison.Ordinal), fromSync.Stdout.Replace(dir.Root + "/", string.Empty, StringComparison.Ordinal));
    }

    [S3Fact]
    public void Should_GiveEveryScanningCommandTheLocalResults_When_ReadingTheSyncedTree()
    {
        // Given an account synced into a folder (digests and their .signature files included)
        using var dir = new TempTree();
        CliRunResult sync = S3TrailFixture.Run(["sync", $"s3://{S3TrailFixture.Bucket}/{Prefix}", dir.Root, "--endpoint-url", _s3.Server.Endpoint, "--quiet"]);
        Assert.True(sync.ExitCode == 0, sync.Stderr);
        string policyFile = Path.Combine(dir.Root, "..", Path.GetFileName(dir.Root) + "-policy.json");
        File.WriteAllText(policyFile, """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:Get*","Resource":"*"}]}""");
        try
        {
            // When every scanning command reads the synced folder and the generator's own tree of the same prefix
            string[][] commands =
            [
                ["query", "-f", "ndjson"], ["count", "--by", ".eventName,.errorCode"], ["denied", "--format", "json"], ["actions"],
                ["policy", "--principal", $"arn:aws:iam::{Account}:role/app"], ["check", "--policy", policyFile],
            ];
            foreach (string[] command in commands)
            {
                CliRunResult fromSync = S3TrailFixture.Run([.. command, dir.Root]);
                CliRunResult fromLocal = S3TrailFixture.Run([.. command, Path.Combine(_s3.Local, Prefix)]);

                // Then each gives the same exit code, messages and output (paths aside), with no input problem
                string name = string.Join(' ', command);
                Assert.True(fromSync.ExitCode is 0 or 1 or 3, $"{name}: {fromSync.Stderr}");
                Assert.Equal(fromLocal.ExitCode, fromSync.ExitCode);
                Assert.Equal(fromLocal.Stderr.Replace(Path.Combine(_s3.Local, Prefix), "TREE", StringComparison.Ordinal), fromSync.Stderr.Replace(dir.Root, "TREE", StringComparison.Ordinal));
                Assert.NotEmpty(fromSync.Stdout);
                Assert.Equal(fromLocal.Stdout.Replace(_s3.Local + "/", string.Empty, StringComparison.Ordinal), fromSync.Stdout.Replace(dir.Root + "/", string.Empty, StringComparison.Ordinal));
            }
        }
        finally
        {
            File.Delete(policyFile);
        }
    }

    [S3Fact]
    public void Should_KeepThePartialFile_AndFinishItWithARangeGet_When_AnObjectFailedMidway()
    {
        using var dir = new TempTree();
        string[] window = ["--region", "ap-south-1", "--since", "2024-05-02T09:00Z", "--until", "2024-05-02T11:00Z"];
        string key = _s3.Trail.LogKeys.Single(k => k.StartsWith(Prefix + "CloudTrail/ap-south-1/2024/05/02/", StringComparison.Ordinal) && k.Contains("T1010Z", StringComparison.Ordinal));
        byte[] whole = File.ReadAllBytes(Path.Combine(_s3.Local, key));
        string target = Path.Combine(dir.Root, key);

        using (var failing = new FaultProxy(_s3.Server.Endpoint, (r, _) => r.IsGetObject && r.Key == key ? Fault.DropMidBody : Fault.None))
        {
            CliRunResult broken = S3TrailFixture.Run(["sync", $"s3://{S3TrailFixture.Bucket}/{Prefix}", dir.Root, .. window, "--endpoint-url", failing.Endpoint]);
            Assert.Equal(2, broken.ExitCode);
            Assert.Contains($"trailsift: s3://{S3TrailFixture.Bucket}/{key}: ", broken.Stderr, StringComparison.Ordinal);
        }

        Assert.False(File.Exists(target));
        string part = Assert.Single(Directory.GetFiles(Path.GetDirectoryName(target)!, "*.part"));
        long kept = new FileInfo(part).Length;
        Assert.InRange(kept, 1, whole.Length - 1);

        using var proxy = new FaultProxy(_s3.Server.Endpoint);
        CliRunResult resumed = S3TrailFixture.Run(["sync", $"s3://{S3TrailFixture.Bucket}/{Prefix}", dir.Root, .. window, "--endpoint-url", proxy.Endpoint]);
        Assert.True(resumed.ExitCode == 0, resumed.Stderr);
        Assert.Equal(whole, File.ReadAllBytes(target));
        Assert.Equal([$"bytes={kept}-{whole.Length - 1}"], proxy.Log.Where(r => r.IsGetObject && r.Key == key).Select(r => r.Range));
        Assert.False(File.Exists(part));
    }

    [S3Fact]
    public void Should_ResumeFromThePartialFile_AndFetchNothingOnARerun_When_ASyncWasInterrupted()
    {
        using var dir = new TempTree();
        string[] window = ["--region", "us-east-1", "--since", "2024-05-03T00:00Z"];
        string key = _s3.Trail.LogKeys.Last(k => k.StartsWith(Prefix + "CloudTrail/us-east-1/2024/05/03/", StringComparison.Ordinal));
        byte[] whole = File.ReadAllBytes(Path.Combine(_s3.Local, key));
        string etag = "\"" + Convert.ToHexStringLower(MD5.HashData(whole)) + "\"";
        string tag = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(etag)))[..12];
        string target = Path.Combine(dir.Root, key);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.WriteAllBytes(Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.{tag}.part"), whole[..(whole.Length / 2)]);

        using var proxy = new FaultProxy(_s3.Server.Endpoint);
        CliRunResult first = S3TrailFixture.Run(["sync", $"s3://{S3TrailFixture.Bucket}/{Prefix}", dir.Root, .. window, "--endpoint-url", proxy.Endpoint]);
        Assert.True(first.ExitCode == 0, first.Stderr);
        Assert.Equal(whole, File.ReadAllBytes(target));
        Assert.Contains(proxy.Log, r => r.IsGetObject && r.Key == key && r.Range == $"bytes={whole.Length / 2}-{whole.Length - 1}");
        Assert.DoesNotContain(Directory.GetFiles(dir.Root, "*", SearchOption.AllDirectories), f => f.EndsWith(".part", StringComparison.Ordinal));
        int fetched = proxy.Log.Count(r => r.IsGetObject);
        Assert.True(fetched > 1);

        proxy.ClearLog();
        CliRunResult again = S3TrailFixture.Run(["sync", $"s3://{S3TrailFixture.Bucket}/{Prefix}", dir.Root, .. window, "--endpoint-url", proxy.Endpoint]);
        Assert.True(again.ExitCode == 0, again.Stderr);
        Assert.DoesNotContain(proxy.Log, r => r.IsGetObject);
        Assert.Contains($": 0 fetched (0 bytes), {fetched} already there, 0 failed", again.Stderr, StringComparison.Ordinal);
    }

    [S3Fact]
    public void Should_ListNothing_AndFetchNothing_When_ASyncOfClosedDaysRunsAgainWithTheListingCache()
    {
        // Given an account's closed days (digests too) synced once with a listing cache
        using var dir = new TempTree();
        using var cache = new TempTree();
        using var proxy = new FaultProxy(_s3.Server.Endpoint);
        string[] args = ["sync", $"s3://{S3TrailFixture.Bucket}/{Prefix}", dir.Root, "--since", "2024-05-01", "--until", "2024-05-03",
            "--endpoint-url", proxy.Endpoint, "--cache", cache.Root, "--stats", "--quiet"];
        CliRunResult first = S3TrailFixture.Run(args);
        int firstLists = proxy.Log.Count(r => r.IsList);
        string[] files = Directory.GetFiles(dir.Root, "*", SearchOption.AllDirectories);
        proxy.ClearLog();

        // When it runs again, and once more without the cache
        CliRunResult second = S3TrailFixture.Run(args);
        List<ProxiedRequest> secondRequests = [.. proxy.Log];
        proxy.ClearLog();
        CliRunResult uncached = S3TrailFixture.Run([.. args.Where(a => a != cache.Root && a != "--cache"), "--no-cache"]);

        // Then the re-run asks nothing of the server (every listing is final for the window, every file is there), while
        // the run without the cache lists every folder again
        Assert.True(first.ExitCode == 0, first.Stderr);
        Assert.True(files.Length > 0 && firstLists > 1, $"{files.Length} files, {firstLists} listings");
        Assert.True(second.ExitCode == 0, second.Stderr);
        Assert.Empty(secondRequests);
        Assert.Equal(firstLists, proxy.Log.Count(r => r.IsList));
        Assert.Equal(0, uncached.ExitCode);
        Assert.Equal(files.Order(StringComparer.Ordinal), Directory.GetFiles(dir.Root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal));
    }
}
