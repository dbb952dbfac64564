using System.Text;
using System.Text.Json;
using TrailSift.Core.Analysis.Usage;
using TrailSift.Core.Iam.Authorization;
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

    [Fact]
    public void Should_State_What_Access_Advisor_Cannot_Say_When_A_Report_Is_Used()
    {
        // Given the EMR role with its action-level Access Advisor report
        UsageReport report = UsageRun.Run(UsageRun.Details("emr-broad.json"), UsageRun.Emr, [UsageRun.EmrRoleArn], UsageRun.Advisor("emr-action-level.json"));

        // When the text and HTML reports are written
        string text = UsageRun.Text(report);
        string html = UsageRun.Html(report);

        // Then both name the report with its limits: attempts (denied too), hours of lag, non-use only for tracked actions
        const string Limits = "(it counts attempts, denied ones too, and lags by hours; it is evidence of non-use only for the actions it tracks)";
        Assert.Contains("emr-action-level.json " + Limits, text, StringComparison.Ordinal);
        Assert.Contains("emr-action-level.json " + Limits, html, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Print_Chart_Grants_And_Diff_When_Html()
    {
        UsageReport report = UsageRun.Run(UsageRun.Details("emr-broad.json"), UsageRun.Emr, [UsageRun.EmrRoleArn, UsageRun.DeployerArn]);
        Golden.Verify("Usage", "emr.html", UsageRun.Html(report));
    }

    [Fact]
    public void Should_Escape_Markup_When_Logs_And_Authorization_Details_Hold_It()
    {
        // Given: a role, a policy and a Sid named with markup, and an unmapped event whose name is markup
        const string Hostile = "x\"><script>alert(1)</script><img src=y onerror=alert(2)>&'";
        string name = "h" + Hostile;
        string details = $$$"""
            {"RoleDetailList":[{"RoleName":{{{Quote(name)}}},"Arn":{{{Quote("arn:aws:iam::123456789012:role/" + name)}}},"RolePolicyList":[
              {"PolicyName":{{{Quote(Hostile)}}},"PolicyDocument":{"Version":"2012-10-17","Statement":[
                {"Sid":"S","Effect":"Allow","Action":"ec2:Describe*","Resource":"*"}]}}]}]}
            """;
        var reader = new AuthorizationDetailsReader();
        reader.Add(Encoding.UTF8.GetBytes(details), Hostile + ".json");
        string evil = new EventBuilder("ec2.amazonaws.com", "Describe" + Hostile + "\u001b[31m").AsRole(name).At("2025-03-01T10:00:00Z").Json();
        UsageReport report = UsageRun.Run(reader.Build(), [evil], ["arn:aws:iam::123456789012:role/" + name]);

        // When
        string html = UsageRun.Html(report);

        // Then: nothing opens a tag or leaves an attribute; the text is there, escaped
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.DoesNotContain("x\"><", html, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', html);
        Assert.Contains("data-principal=\"arn:aws:iam::123456789012:role/hx&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("unmapped: Describex&quot;&gt;&lt;script&gt;", html, StringComparison.Ordinal);
    }

    private static string Quote(string text) => JsonSerializer.Serialize(text);
}
