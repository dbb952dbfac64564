using System.Text.Json;
using TrailSift.Testing;
using TrailSift.Testing.Aws;

namespace TrailSift.Cli.Tests.CloudTrail;

/// <summary>
/// A loopback AWS (STS, CloudTrail, a minimal S3) with a caller, and the record tests' child program
/// (tools/TrailSift.RecordChild, real SDK calls to AWS_ENDPOINT_URL).
/// </summary>
internal sealed class RecordFixture : IDisposable
{
    public const string Role = "arn:aws:iam::123456789012:role/app";

    public RecordFixture()
    {
        Sts = new LoopbackSts(Loopback);
        Trail = new LoopbackTrail(Loopback) { Delay = TimeSpan.FromSeconds(1) };
        Loopback.Add(Caller);
        Loopback.OnAny("s3", call => call.Operation == "GET /"
            ? LoopbackReply.Xml("<ListAllMyBucketsResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Owner><ID>1</ID></Owner><Buckets></Buckets></ListAllMyBucketsResult>")
            : LoopbackReply.Xml(string.Empty));
    }

    public AwsLoopback Loopback { get; } = new();

    public LoopbackSts Sts { get; }

    public LoopbackTrail Trail { get; }

    public TempTree Home { get; } = new();

    public LoopbackIdentity Caller { get; } = LoopbackIdentity.User("admin", "AKIALOOPBACKADMIN001", "admin-secret");

    public string Recording => Path.Combine(Home.Root, "rec.ndjson");

    /// <summary>The child's command line: the running dotnet host and the child's assembly, then the steps.</summary>
    public static string[] Child(params string[] steps) =>
        ["--", Environment.ProcessPath!, Path.Combine(AppContext.BaseDirectory, "TrailSift.RecordChild.dll"), .. steps];

    public CliRunner.Result Record(params string[] args)
    {
        var extra = new Dictionary<string, string> { ["PATH"] = Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin" };
        if (Environment.GetEnvironmentVariable("DOTNET_ROOT") is { } root)
        {
            extra["DOTNET_ROOT"] = root;
        }

        return AwsCliRunner.Run(Loopback, Caller, Home.Root, ["record", .. args], extra);
    }

    public CliRunner.Result Run(params string[] args) => AwsCliRunner.Run(Loopback, Caller, Home.Root, args);

    /// <summary>The event ids in a recording, in file order.</summary>
    public static List<string> Ids(string path) =>
        [.. File.ReadAllLines(path).Where(l => l.Length > 0).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("eventID").GetString()!)];

    /// <summary>The events the loopback's trail made of the calls signed with <paramref name="accessKeyId"/>, except the sentinels.</summary>
    public List<LoopbackEvent> CallsOf(string accessKeyId) =>
        [.. Trail.All().Where(e => e.Identity.AccessKeyId == accessKeyId && e.EventName != "DescribeTrails" && e.Management)];

    /// <summary>The text of one summary section of record's output (from its header to the next).</summary>
    public static string Section(string stdout, string title)
    {
        int start = stdout.IndexOf("# " + title, StringComparison.Ordinal);
        Assert.True(start >= 0, $"no section '{title}' in:\n{stdout}");
        int body = stdout.IndexOf('\n', start) + 1;
        int next = stdout.IndexOf("\n# ", body, StringComparison.Ordinal);
        return next < 0 ? stdout[body..] : stdout[body..(next + 1)];
    }

    public void Dispose()
    {
        Loopback.Dispose();
        Home.Dispose();
    }
}
