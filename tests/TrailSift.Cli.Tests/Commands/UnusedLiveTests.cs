using System.Text;
using System.Text.Json;
using TrailSift.Testing;
using TrailSift.Testing.Aws;

namespace TrailSift.Cli.Tests.Commands;

/// <summary>
/// <c>unused --iam live</c> and <c>--access-advisor live</c> against IAM on the loopback endpoint (signatures checked,
/// query protocol, XML answers, paging, a job that is IN_PROGRESS before it completes): the same report as from the
/// files the AWS CLI would have written.
/// </summary>
public sealed class UnusedLiveTests : IDisposable
{
    private static readonly string Emr = Path.Combine(RepoPaths.Samples, "emr-launch");
    private static readonly string Broad = Path.Combine(RepoPaths.TestData, "iam", "authorization", "emr-broad.json");
    private static readonly string ActionLevel = Path.Combine(RepoPaths.TestData, "iam", "access-advisor", "emr-action-level.json");

    private readonly AwsLoopback _loopback = new();
    private readonly LoopbackIam _iam;
    private readonly TempTree _temp = new();
    private readonly Dictionary<string, string> _variables;

    public UnusedLiveTests()
    {
        _iam = new LoopbackIam(_loopback, File.ReadAllText(Broad)) { PageSize = 1 };
        LoopbackIdentity auditor = _loopback.Add(LoopbackIdentity.User("auditor", "AKIALOOPBACKAUDITOR", "auditor-secret"));
        _variables = _loopback.Environment(auditor, _temp.Root);
    }

    public void Dispose()
    {
        _loopback.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public void Should_Report_As_From_The_File_When_Iam_Is_Live_And_Answers_In_Pages()
    {
        // Given
        string saved = Path.Combine(_temp.Root, "saved.json");

        // When
        Result live = Run(["unused", "--iam", "live", "--save-iam", saved, "--principal", "EMR_DefaultRole_Restricted", Emr]);

        // Then: one signed call per page (one entity per page here), following the markers; the report of the file
        Assert.Equal((0, ""), (live.ExitCode, live.Stderr));
        Assert.Empty(_loopback.Refused);
        LoopbackCall[] calls = [.. _loopback.Calls.Where(c => c.Operation == "GetAccountAuthorizationDetails")];
        Assert.Equal(_iam.Entities, calls.Length);
        Assert.Equal([null, "m1", "m2", "m3"], calls.Select(c => c.Parameter("Marker")));
        Assert.All(calls, c => Assert.Equal(("iam", "us-east-1"), (c.Service, c.Region)));
        string fromFile = Run(["unused", "--iam", Broad, "--principal", "EMR_DefaultRole_Restricted", Emr]).Stdout;
        Assert.Equal(fromFile, live.Stdout);

        // And: the saved pages read back as --iam FILE give the same report
        using (JsonDocument pages = JsonDocument.Parse(File.ReadAllText(saved)))
        {
            Assert.Equal(_iam.Entities, pages.RootElement.GetArrayLength());
        }

        Assert.Equal(fromFile, Run(["unused", "--iam", saved, "--principal", "EMR_DefaultRole_Restricted", Emr]).Stdout);
    }

    [Fact]
    public void Should_Poll_The_Job_Until_Completed_When_Access_Advisor_Is_Live()
    {
        // Given: the role's report, served two services a page after two IN_PROGRESS answers
        _iam.Report(UsageRun.EmrRoleArn, File.ReadAllText(ActionLevel));
        _iam.InProgressPolls = 2;
        _iam.PageSize = 1;

        // When
        Result live = Run(["unused", "--iam", Broad, "--principal", "EMR_DefaultRole_Restricted", "--access-advisor", "live", "--format", "json", Emr]);

        // Then: one ACTION_LEVEL job, polled until COMPLETED, every page read; verdicts as from the file
        Assert.Equal((0, ""), (live.ExitCode, live.Stderr));
        LoopbackCall generate = Assert.Single(_loopback.Calls, c => c.Operation == "GenerateServiceLastAccessedDetails");
        Assert.Equal((UsageRun.EmrRoleArn, "ACTION_LEVEL"), (generate.Parameter("Arn"), generate.Parameter("Granularity")));
        LoopbackCall[] polls = [.. _loopback.Calls.Where(c => c.Operation == "GetServiceLastAccessedDetails")];
        Assert.Equal(2 + 2, polls.Length);
        Assert.Equal([null, null, null, "m1"], polls.Select(c => c.Parameter("Marker")));
        Result fromFile = Run(["unused", "--iam", Broad, "--principal", "EMR_DefaultRole_Restricted", "--access-advisor", ActionLevel, "--format", "json", Emr]);
        Assert.Equal(Grants(fromFile.Stdout), Grants(live.Stdout));
        Assert.Contains(Grants(live.Stdout), g => g.Contains("Access Advisor", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_Exit_2_With_Iam_Error_When_Iam_Refuses()
    {
        // Given
        _iam.RefuseWith = "AccessDenied";

        // When
        Result result = Run(["unused", "--iam", "live", Emr]);

        // Then
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.StartsWith("trailsift: iam: GetAccountAuthorizationDetails: AccessDenied: User: arn:aws:iam::123456789012:user/auditor is not authorized", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Exit_2_When_Save_Iam_Is_Given_Without_Live()
    {
        Result result = Run(["unused", "--iam", Broad, "--save-iam", Path.Combine(_temp.Root, "x.json"), Emr]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--save-iam FILE needs --iam live", result.Stderr, StringComparison.Ordinal);
    }

    // Each grant's action, verdict and reason (the Access Advisor source differs: a file or the live job).
    private static string[] Grants(string json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        return [.. document.RootElement.GetProperty("principals")[0].GetProperty("grants").EnumerateArray()
            .Select(g => $"{g.GetProperty("action").GetString()} {g.GetProperty("verdict").GetString()} {g.GetProperty("reason").GetString()} {(g.TryGetProperty("accessAdvisor", out JsonElement a) ? a.ToString() : "")}")];
    }

    private Result Run(string[] args)
    {
        var stdout = new MemoryStream();
        var stderr = new StringWriter();
        var env = new AppEnvironment(new MemoryStream(), stdout, stderr, StdinIsTerminal: true, StdoutIsTerminal: false, StderrIsTerminal: false,
            NoColor: true, ProcessorCount: 2, Time: TimeProvider.System) { Variables = _variables };
        int code = App.Run(args, env);
        return new Result(code, Encoding.UTF8.GetString(stdout.ToArray()), stderr.ToString());
    }

    private sealed record Result(int ExitCode, string Stdout, string Stderr);
}
