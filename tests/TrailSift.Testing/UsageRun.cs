using System.IO.Compression;
using System.Text;
using System.Text.Json;
using TrailSift.Core.Analysis.Generation;
using TrailSift.Core.Analysis.Usage;
using TrailSift.Core.Iam.Authorization;
using TrailSift.Core.Output.Usage;
using Xunit;
using EventRecord = TrailSift.Core.Events.EventRecord;

namespace TrailSift.Testing;

/// <summary>Runs the usage analysis over events in memory: one or two collectors (as scan workers), completed together.</summary>
public static class UsageRun
{
    public const string EmrRoleArn = "arn:aws:iam::123456789012:role/EMR_DefaultRole_Restricted";
    public const string DeployerArn = "arn:aws:iam::123456789012:user/ci/ci-emr-deployer";

    private static readonly Lazy<string[]> EmrEvents = new(LoadEmrEvents);

    /// <summary>The 284 events of samples/emr-launch, as JSON text, in file then record order.</summary>
    public static IReadOnlyList<string> Emr => EmrEvents.Value;

    public static AuthorizationDetails Details(string file)
    {
        var reader = new AuthorizationDetailsReader();
        Assert.True(reader.Add(File.ReadAllBytes(Path.Combine(RepoPaths.TestData, "iam", "authorization", file)), file));
        AuthorizationDetails details = reader.Build();
        Assert.Empty(details.Diagnostics);
        return details;
    }

    /// <summary>Authorization details written inline by a test.</summary>
    public static AuthorizationDetails Parse(string json, string name = "inline.json")
    {
        var reader = new AuthorizationDetailsReader();
        Assert.True(reader.Add(System.Text.Encoding.UTF8.GetBytes(json), name));
        return reader.Build();
    }

    public static AccessAdvisorReport Advisor(string file)
    {
        string path = Path.Combine(RepoPaths.TestData, "iam", "access-advisor", file);
        AccessAdvisorReport? report = AccessAdvisorReader.Read(File.ReadAllBytes(path), path, out string? problem);
        Assert.True(report is not null, problem);
        return report;
    }

    /// <summary>Runs the analysis for <paramref name="principals"/> over <paramref name="events"/>.</summary>
    public static UsageReport Run(AuthorizationDetails details, IReadOnlyList<string> events, string[] principals,
        params AccessAdvisorReport[] advisor) => Run(details, events, principals, workers: 2, advisor);

    /// <summary>Runs the analysis with one or two collectors (two are merged, as scan workers are).</summary>
    public static UsageReport Run(AuthorizationDetails details, IReadOnlyList<string> events, string[] principals, int workers,
        params AccessAdvisorReport[] advisor) => Analyse(details, events, principals, workers, advisor, parallelism: 0);

    /// <summary>
    /// The report as <c>unused</c> builds it: principals analysed as they are enumerated or rendered, on
    /// <paramref name="parallelism"/> threads.
    /// </summary>
    public static UsageReport Stream(AuthorizationDetails details, IReadOnlyList<string> events, string[] principals, int parallelism,
        bool once = false) => Analyse(details, events, principals, workers: 2, [], parallelism, once);

    // parallelism 0: the materialised report of UsageAnalysis.Report.
    private static UsageReport Analyse(AuthorizationDetails details, IReadOnlyList<string> events, string[] principals, int workers,
        AccessAdvisorReport[] advisor, int parallelism, bool once = false)
    {
        var resolved = principals.Select(p =>
        {
            Assert.True(details.TryFindPrincipal(p, out IamEntity? entity), p);
            return details.Resolve(entity);
        });
        var scope = new UsageScope(details, resolved);
        UsageCollector[] collectors = [.. Enumerable.Range(0, workers).Select(_ => new UsageCollector(scope))];
        int n = 0;
        ForEach(events, record => collectors[n++ % workers].Accept(record));
        UsageCollector first = UsageCollector.Complete(collectors);
        return parallelism == 0
            ? UsageAnalysis.Report(scope, first, advisor, new PolicyGenerationOptions())
            : UsageAnalysis.Stream(scope, first, advisor, new PolicyGenerationOptions(), parallelism: parallelism, once: once);
    }

    public static string Text(UsageReport report)
    {
        using var writer = new StringWriter { NewLine = "\n" };
        UsageTextPrinter.Print(report, writer);
        return writer.ToString();
    }

    public static string Html(UsageReport report)
    {
        using var writer = new StringWriter { NewLine = "\n" };
        UsageHtmlPrinter.Print(report, writer);
        return writer.ToString();
    }

    public static string Json(UsageReport report)
    {
        using var stream = new MemoryStream();
        UsageJsonPrinter.PrintJson(report, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void ForEach(IReadOnlyList<string> events, Action<EventRecord> accept)
    {
        foreach (string json in events)
        {
            using EventRecord record = EventRecord.Parse(json);
            accept(record);
        }
    }

    private static string[] LoadEmrEvents()
    {
        string root = Path.Combine(RepoPaths.Samples, "emr-launch", "AWSLogs", "123456789012", "CloudTrail");
        var events = new List<string>();
        foreach (string file in Directory.EnumerateFiles(root, "*.json.gz", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            using var gzip = new GZipStream(File.OpenRead(file), CompressionMode.Decompress);
            using JsonDocument document = JsonDocument.Parse(gzip);
            events.AddRange(document.RootElement.GetProperty("Records").EnumerateArray().Select(static e => e.GetRawText()));
        }

        return [.. events];
    }
}
