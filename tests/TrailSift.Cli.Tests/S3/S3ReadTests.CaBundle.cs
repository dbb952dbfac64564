using TrailSift.Testing;
using TrailSift.Testing.S3;

namespace TrailSift.Cli.Tests.S3;

/// <summary><c>AWS_CA_BUNDLE</c>: an endpoint whose certificate only the bundle's authority vouches for.</summary>
public sealed partial class S3ReadTests
{
    [S3Fact]
    public void Should_TrustTheBundlesAuthority_And_ReadTheSameEvents_When_AwsCaBundleNamesIt()
    {
        // Given the server behind HTTPS with a certificate from an authority no system store knows, and that authority
        // in a PEM file
        using var tls = new TlsRelay(_s3.Server.Endpoint);
        using var dir = new TempTree();
        string bundle = Path.Combine(dir.Root, "ca.pem");
        File.WriteAllText(bundle, tls.CaPem);
        string day = $"s3://{S3TrailFixture.Bucket}/AWSLogs/{OrgTrail.Org}/{Account}/CloudTrail/{Region}/2024/05/02/";

        // When the same day is counted over HTTPS with AWS_CA_BUNDLE, and over plain HTTP
        CliRunResult secure = S3TrailFixture.RunWith(new() { ["AWS_CA_BUNDLE"] = bundle }, ["count", day, "--endpoint-url", tls.Endpoint, "--no-cache"]);
        CliRunResult plain = S3TrailFixture.Run(["count", day, "--endpoint-url", _s3.Server.Endpoint, "--no-cache"]);

        // Then the connection was made through TLS and the events are the same
        Assert.True(secure.ExitCode == 0, secure.Stderr);
        Assert.True(tls.Handshakes > 0);
        Assert.Equal(plain.Stdout, secure.Stdout);
        Assert.NotEqual(string.Empty, secure.Stdout);
    }

    [S3Fact]
    public void Should_RefuseTheServer_When_ItsCertificateIsFromAnAuthorityOutsideTheBundle()
    {
        // Given the server behind HTTPS, and a bundle holding another authority
        using var tls = new TlsRelay(_s3.Server.Endpoint);
        using var other = new TlsRelay(_s3.Server.Endpoint);
        using var dir = new TempTree();
        string bundle = Path.Combine(dir.Root, "other.pem");
        File.WriteAllText(bundle, other.CaPem);
        string day = $"s3://{S3TrailFixture.Bucket}/AWSLogs/{OrgTrail.Org}/{Account}/CloudTrail/{Region}/2024/05/02/";

        // When a run uses that bundle, and another names no bundle (the system's roots do not know the authority either)
        CliRunResult wrong = S3TrailFixture.RunWith(new() { ["AWS_CA_BUNDLE"] = bundle }, ["count", day, "--endpoint-url", tls.Endpoint, "--no-cache"]);
        CliRunResult none = S3TrailFixture.Run(["count", day, "--endpoint-url", tls.Endpoint, "--no-cache"]);

        // Then neither reads anything: the input is reported as an error, on one line that names the remedy
        foreach (CliRunResult run in new[] { wrong, none })
        {
            Assert.True(run.ExitCode == 2, $"exit {run.ExitCode}: {run.Stderr}");
            Assert.StartsWith("trailsift: ", run.Stderr, StringComparison.Ordinal);
            Assert.Contains("TLS certificate was not accepted", run.Stderr, StringComparison.Ordinal);
            Assert.Contains("AWS_CA_BUNDLE", run.Stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
        }
    }

    [S3Fact]
    public void Should_TryEachRequestOnce_When_TheEndpointsCertificateIsRefused()
    {
        // Given the server behind HTTPS with an authority no bundle or system store knows, and a closed window whose
        // listings are in the cache but whose objects are not (so the run makes GETs only)
        using var tls = new TlsRelay(_s3.Server.Endpoint);
        using var cache = new TempTree();
        string[] window = ["count", $"s3://{S3TrailFixture.Bucket}/AWSLogs/", .. Window, "--cache", cache.Root];
        Assert.Equal(0, S3TrailFixture.Run([.. window, "--endpoint-url", _s3.Server.Endpoint]).ExitCode);
        FileInfo[] objects = [.. new DirectoryInfo(Path.Combine(cache.Root, "s3", S3TrailFixture.Bucket)).EnumerateFiles("*", SearchOption.AllDirectories).Where(f => f.Directory!.Name != "list")];
        Array.ForEach(objects, f => f.Delete());
        string day = $"s3://{S3TrailFixture.Bucket}/AWSLogs/{OrgTrail.Org}/{Account}/CloudTrail/{Region}/2024/05/02/";

        // When the window's objects are read through the relay, and a listing is asked of it
        CliRunResult gets = S3TrailFixture.Run([.. window, "--endpoint-url", tls.Endpoint]);
        int getConnections = tls.Connections;
        CliRunResult list = S3TrailFixture.Run(["count", day, "--endpoint-url", tls.Endpoint, "--no-cache"]);

        // Then each object is reported, after at most one connection each (the GETs run concurrently; once the certificate
        // was refused, no request connects again), and the listing connected once: a refused certificate is not retried
        Assert.True(gets.ExitCode == 2, gets.Stderr);
        Assert.True(objects.Length >= 2, $"{objects.Length} objects in the window");
        Assert.Equal(objects.Length, gets.Stderr.Split('\n').Count(l => l.Contains("TLS certificate was not accepted", StringComparison.Ordinal)));
        Assert.InRange(getConnections, 1, objects.Length);
        Assert.True(list.ExitCode == 2, list.Stderr);
        Assert.Equal(1, tls.Connections - getConnections);
    }

    [S3Fact]
    public void Should_SayTheBundleCannotBeRead_When_AwsCaBundleHoldsNoCertificate()
    {
        // Given a bundle file with no certificate in it
        using var dir = new TempTree();
        string bundle = Path.Combine(dir.Root, "empty.pem");
        File.WriteAllText(bundle, "not a certificate\n");
        string day = $"s3://{S3TrailFixture.Bucket}/AWSLogs/{OrgTrail.Org}/{Account}/CloudTrail/{Region}/2024/05/02/";

        // When a run names it
        CliRunResult run = S3TrailFixture.RunWith(new() { ["AWS_CA_BUNDLE"] = bundle }, ["count", day, "--endpoint-url", _s3.Server.Endpoint, "--no-cache"]);

        // Then it says which file and why, instead of trusting the system's roots silently
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains($"AWS_CA_BUNDLE '{bundle}' holds no certificate", run.Stderr, StringComparison.Ordinal);
    }
}
