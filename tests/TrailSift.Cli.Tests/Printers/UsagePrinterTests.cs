using System.Text;
using System.Text.Json;
using TrailSift.Core.Analysis.Usage;
using TrailSift.Core.Output.Usage;
using TrailSift.Testing;

namespace TrailSift.Cli.Tests.Printers;

/// <summary>Golden files for the <c>unused</c> printers (Expectations/Usage): the synthetic scenario and the EMR sample.</summary>
public sealed class UsagePrinterTests
{
    [Fact]
    public void Should_Print_Marked_List_And_Reduced_Policy_When_Text()
    {
        Golden.Verify("Usage", "scenario.text", UsageRun.Text(UsageScenario.Run()));
    }

    [Fact]
    public void Should_Print_Every_Field_When_Json()
    {
        string json = UsageRun.Json(UsageScenario.Run());
        using JsonDocument parsed = JsonDocument.Parse(json);   // valid JSON
        Golden.Verify("Usage", "scenario.json", json);
    }

    [Fact]
    public void Should_Print_One_Line_Per_Principal_When_Ndjson()
    {
        // Given
        UsageReport report = UsageScenario.Run();
        using var stream = new MemoryStream();

        // When
        UsageJsonPrinter.PrintNdjson(report, stream);

        // Then
        string[] lines = Encoding.UTF8.GetString(stream.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Equal([UsageScenario.AppArn, UsageScenario.ElsewhereArn],
            lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("principal").GetProperty("arn").GetString()));
    }

    [Fact]
    public void Should_Print_Emr_Role_Before_And_After_When_Text()
    {
        UsageReport report = UsageRun.Run(UsageRun.Details("emr-broad.json"), UsageRun.Emr, [UsageRun.EmrRoleArn, UsageRun.DeployerArn]);
        Golden.Verify("Usage", "emr.text", UsageRun.Text(report));
    }

    [Fact]
    public void Should_Replace_Control_Characters_When_Log_Values_Hold_Them()
    {
        // Given: an event name with an escape sequence, unmapped, so the text printer lists it
        string evil = new EventBuilder("ec2.amazonaws.com", "Describe\u001b[31mThings").AsRole("app").At("2025-03-01T10:00:00Z").Json();
        UsageReport report = UsageRun.Run(UsageScenario.Details(), [.. UsageScenario.Events(), evil], [UsageScenario.AppArn]);

        // When
        string text = UsageRun.Text(report);

        // Then
        Assert.Contains("unmapped: Describe [31mThings (1 call(s)): not judged", text, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', text);
    }
}
