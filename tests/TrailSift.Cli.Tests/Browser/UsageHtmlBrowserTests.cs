using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using TrailSift.Testing;

namespace TrailSift.Cli.Tests.Browser;

/// <summary>
/// The <c>unused</c> HTML report opened in headless chromium: it renders offline (no request leaves the file), holds
/// every principal with its chart, grants, replay and diff, and shows hostile names as text. Screenshots are kept in
/// .work/screenshots for a look.
/// </summary>
public sealed class UsageHtmlBrowserTests
{
    private static readonly string Emr = Path.Combine(RepoPaths.Samples, "emr-launch");
    private static readonly string Broad = Path.Combine(RepoPaths.TestData, "iam", "authorization", "emr-broad.json");

    [BrowserFact]
    public void Should_Render_Every_Principal_With_Chart_When_Report_Opened_In_Chromium()
    {
        // Given: the report of the EMR sample for the role and the deployer
        using var temp = new TempTree();
        CliRunner.Result result = CliRunner.Run(["unused", "--iam", Broad, "--principal", "EMR_DefaultRole_Restricted",
            "--principal", "ci-emr-deployer", "--format", "html", Emr]);
        Assert.Equal(0, result.ExitCode);
        string report = temp.Write("report.html", result.Stdout);

        // When
        string screenshot = Screenshot("unused-emr.png");
        using JsonDocument page = HtmlReportBrowser.Open(report, screenshot);

        // Then: nothing was fetched, no script ran, both principals are there with what they hold
        JsonElement root = page.RootElement;
        Assert.Empty(root.GetProperty("requests").EnumerateArray());
        Assert.Empty(root.GetProperty("errors").EnumerateArray());
        Assert.Equal(0, root.GetProperty("scripts").GetInt32());
        JsonElement[] principals = [.. root.GetProperty("principals").EnumerateArray()];
        Assert.Equal([UsageRun.EmrRoleArn, UsageRun.DeployerArn], principals.Select(p => p.GetProperty("arn").GetString()));
        Assert.All(principals, p =>
        {
            Assert.Equal(p.GetProperty("arn").GetString(), p.GetProperty("heading").GetString());
            Assert.True(p.GetProperty("bars").GetInt32() > 0, "the chart draws bars");
            Assert.True(p.GetProperty("chart").GetProperty("width").GetInt32() > 300 && p.GetProperty("chart").GetProperty("height").GetInt32() > 20);
            Assert.True(p.GetProperty("grants").GetInt32() > 0);
            Assert.StartsWith("replay: all ", p.GetProperty("replay").GetString(), StringComparison.Ordinal);
        });
        JsonElement role = principals[0];
        Assert.Superset(new HashSet<string> { "ec2", "iam", "s3", "sqs" }, role.GetProperty("services").EnumerateArray().Select(s => s.GetString()!).ToHashSet());
        Assert.Contains("replay: all 134 allowed requests are still allowed", role.GetProperty("replay").GetString(), StringComparison.Ordinal);
        Assert.True(role.GetProperty("diffRemoved").GetInt32() > 0 && role.GetProperty("diffAdded").GetInt32() > 0);
        AssertRendered(screenshot, root.GetProperty("bodyHeight").GetInt32());
    }

    [BrowserFact]
    public void Should_Show_Hostile_Names_As_Text_When_Authorization_Details_Hold_Markup()
    {
        // Given: a role whose name is markup that would run a script if it were not escaped
        using var temp = new TempTree();
        const string Name = "h\"><script>document.title='owned'</script><img src=http://127.0.0.1:9/x onerror=alert(1)>";
        string arn = "arn:aws:iam::123456789012:role/" + Name;
        string details = temp.Write("authz.json", $$$"""
            {"RoleDetailList":[{"RoleName":{{{JsonSerializer.Serialize(Name)}}},"Arn":{{{JsonSerializer.Serialize(arn)}}},"RolePolicyList":[
              {"PolicyName":"p","PolicyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ec2:DescribeInstances","Resource":"*"}]}}]}]}
            """);
        string events = "{\"Records\":[" + new EventBuilder("ec2.amazonaws.com", "DescribeInstances").AsRole(Name).At("2025-03-01T10:00:00Z").Json() + "]}";
        CliRunner.Result result = CliRunner.Run(["unused", "--iam", details, "--format", "html"], events);
        Assert.Equal(0, result.ExitCode);
        string report = temp.Write("hostile.html", result.Stdout);

        // When
        using JsonDocument page = HtmlReportBrowser.Open(report, Screenshot("unused-hostile.png"));

        // Then: the browser reads the name back as the text it is; no script, no image request
        JsonElement root = page.RootElement;
        Assert.Equal("trailsift unused", root.GetProperty("title").GetString());
        Assert.Equal(0, root.GetProperty("scripts").GetInt32());
        Assert.Empty(root.GetProperty("requests").EnumerateArray());
        JsonElement principal = Assert.Single(root.GetProperty("principals").EnumerateArray());
        Assert.Equal((arn, arn), (principal.GetProperty("arn").GetString(), principal.GetProperty("heading").GetString()));
    }

    private static string Screenshot(string name)
    {
        string dir = Path.Combine(RepoPaths.Root, ".work", "screenshots");
        Directory.CreateDirectory(dir);
        string path = Path.Combine(dir, name);
        File.Delete(path);
        return path;
    }

    // A PNG as wide as the viewport, as tall as the page, and not blank (a white page compresses to a few hundred bytes).
    private static void AssertRendered(string screenshot, int bodyHeight)
    {
        byte[] png = File.ReadAllBytes(screenshot);
        Assert.Equal("\u0089PNG\r\n\u001a\n", Encoding.Latin1.GetString(png, 0, 8));
        Assert.Equal("IHDR", Encoding.ASCII.GetString(png, 12, 4));
        Assert.Equal(1200, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)));
        Assert.True(BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)) >= Math.Min(bodyHeight, 900));
        Assert.True(png.Length > 50_000, $"screenshot of {png.Length} bytes looks blank");
    }
}
