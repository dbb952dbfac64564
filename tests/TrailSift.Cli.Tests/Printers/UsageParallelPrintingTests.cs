using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using TrailSift.Core.Analysis.Usage;
using TrailSift.Core.Output.Usage;
using TrailSift.Testing;

namespace TrailSift.Cli.Tests.Printers;

/// <summary>
/// The <c>unused</c> printers render principals several at once and write them in order: the output is the same bytes
/// whatever the parallelism, streamed or not, and the JSON document is the one a single writer makes of it.
/// </summary>
public sealed class UsageParallelPrintingTests
{
    private static readonly string[] Principals = [UsageRun.EmrRoleArn, UsageRun.DeployerArn];

    public static TheoryData<string> Formats => ["text", "json", "ndjson", "html"];

    [Theory]
    [MemberData(nameof(Formats))]
    public void Should_Print_The_Same_Bytes_When_Principals_Are_Rendered_In_Parallel(string format)
    {
        // Given
        UsageReport report = UsageRun.Run(UsageRun.Details("emr-broad.json"), UsageRun.Emr, Principals);
        UsageReport scenario = UsageScenario.Run();

        // When
        string one = Print(report, format);
        string three = Print(report with { Parallelism = 3 }, format);
        string streamed = Print(UsageRun.Stream(UsageRun.Details("emr-broad.json"), UsageRun.Emr, Principals, parallelism: 3), format);

        // Then
        Assert.Contains(UsageRun.DeployerArn, one, StringComparison.Ordinal);
        Assert.Equal(one, three);
        Assert.Equal(one, streamed);
        Assert.Equal(Print(scenario, format), Print(scenario with { Parallelism = 2 }, format));
        Assert.Equal(Print(report with { Principals = [] }, format), Print(report with { Principals = [], Parallelism = 2 }, format));
    }

    [Fact]
    public void Should_Print_The_Same_And_Refuse_A_Second_Pass_When_Scan_State_Is_Dropped_As_Principals_Are_Analysed()
    {
        // Given
        UsageReport kept = UsageRun.Stream(UsageRun.Details("emr-broad.json"), UsageRun.Emr, Principals, parallelism: 2);
        UsageReport once = UsageRun.Stream(UsageRun.Details("emr-broad.json"), UsageRun.Emr, Principals, parallelism: 2, once: true);

        // When
        string json = Print(once, "json");

        // Then: the same report; analysing a principal again would judge it without its calls, so it throws
        Assert.Equal(Print(kept, "json"), json);
        Assert.Equal(Print(kept, "json"), Print(kept, "json"));
        Assert.Throws<InvalidOperationException>(() => Print(once, "json"));
        Assert.Throws<InvalidOperationException>(() => once.Principals[0]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void Should_Write_What_One_Writer_Writes_When_The_Document_Is_Put_Together_From_Principals(int principals)
    {
        // Given: the document rewritten by one Utf8JsonWriter with the printer's options is the oracle
        UsageReport full = UsageRun.Run(UsageRun.Details("emr-broad.json"), UsageRun.Emr, Principals);
        UsageReport report = full with { Principals = [.. full.Principals.Take(principals)], Parallelism = 2 };

        // When
        string json = Print(report, "json");

        // Then
        using JsonDocument parsed = JsonDocument.Parse(json);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            parsed.WriteTo(writer);
        }

        Assert.Equal(principals, parsed.RootElement.GetProperty("principals").GetArrayLength());
        Assert.Equal(Encoding.UTF8.GetString(stream.ToArray()) + "\n", json);
    }

    private static string Print(UsageReport report, string format)
    {
        if (format is "json" or "ndjson")
        {
            using var stream = new MemoryStream();
            if (format == "json")
            {
                UsageJsonPrinter.PrintJson(report, stream);
            }
            else
            {
                UsageJsonPrinter.PrintNdjson(report, stream);
            }

            return Encoding.UTF8.GetString(stream.ToArray());
        }

        return format == "html" ? UsageRun.Html(report) : UsageRun.Text(report);
    }
}
