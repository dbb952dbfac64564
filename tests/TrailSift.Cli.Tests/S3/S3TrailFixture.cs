using System.Text;
using TrailSift.Testing;
using TrailSift.Testing.S3;

namespace TrailSift.Cli.Tests.S3;

/// <summary>One s3rver with the generated organisation trail uploaded (digests with signature metadata), shared by a test class.</summary>
public sealed class S3TrailFixture : IDisposable
{
    public const string Bucket = "trail-bucket";

    public S3TrailFixture()
    {
        if (S3Server.MissingReason is not null)
        {
            return;
        }

        Trail = new OrgTrail();
        Server = S3Server.Start(Bucket);
        Server.UploadTree(Bucket, Trail.Root, OrgTrail.DigestMetadata);
    }

    public OrgTrail Trail { get; } = null!;

    public S3Server Server { get; } = null!;

    /// <summary>The local copy (the folder holding AWSLogs/).</summary>
    public string Local => Trail.Root;

    /// <summary>Runs the CLI in-process with the test server's keys in its environment.</summary>
    public static CliRunResult Run(params string[] args) => RunWith(new Dictionary<string, string>(), args);

    /// <summary>Runs the CLI in-process with the test server's keys and <paramref name="variables"/> in its environment.</summary>
    public static CliRunResult RunWith(Dictionary<string, string> variables, params string[] args)
    {
        var stdout = new MemoryStream();
        var stderr = new StringWriter();
        var env = new AppEnvironment(new MemoryStream(), stdout, stderr, true, false, false, true, 2, TimeProvider.System)
        {
            Variables = new Dictionary<string, string>(variables) { ["AWS_ACCESS_KEY_ID"] = S3Server.Key, ["AWS_SECRET_ACCESS_KEY"] = S3Server.Key },
        };
        int code = App.Run(args, env);
        return new CliRunResult(code, Encoding.UTF8.GetString(stdout.ToArray()), stderr.ToString());
    }

    public void Dispose()
    {
        Server?.Dispose();
        Trail?.Dispose();
    }
}

/// <summary>What one in-process run printed.</summary>
public sealed record CliRunResult(int ExitCode, string Stdout, string Stderr);
