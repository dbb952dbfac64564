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
