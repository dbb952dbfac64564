using TrailSift.Core.Analysis.Usage;
using TrailSift.Testing;

namespace TrailSift.Core.Tests.Analysis.Usage;

/// <summary>Access Advisor on the EMR sample: evidence of use beyond the trail, of non-use only for what it tracks.</summary>
public sealed class AccessAdvisorEvidenceTests
{
    private static PrincipalUsage Run(string advisorFile) =>
        UsageRun.Run(UsageRun.Details("emr-broad.json"), UsageRun.Emr, [UsageRun.EmrRoleArn], UsageRun.Advisor(advisorFile)).Principals[0];

    private static GrantUsage Grant(PrincipalUsage role, string action) => role.Grants.Single(g => g.PolicyIndex == 1 && g.Action == action);

    [Fact]
    public void Should_Use_Tracked_Action_As_Evidence_Of_Use_When_Attempted_Outside_The_Trail()
    {
        // Given: the action-level report saw ec2:DetachVolume attempted on 2025-04-02, before the trail starts
        PrincipalUsage role = Run("emr-action-level.json");

        // When
        GrantUsage detach = Grant(role, "ec2:DetachVolume");

        // Then: used per Access Advisor, and kept (flagged) in the reduced policy
        Assert.Equal(UsageVerdict.Used, detach.Verdict);
        Assert.True(detach.UsedPerAccessAdvisor);
        Assert.Equal(0, detach.Calls);
        Assert.Contains("attempted 2025-04-02 09:00Z in us-east-1", detach.Reason, StringComparison.Ordinal);
        Assert.Contains(role.Reduced.Statements, s => s.Kind == ReducedStatementKind.AccessAdvisor && s.Statement.Action!.Values.Contains("ec2:DetachVolume"));
        Assert.True(role.Reduced.Verification.Passed);
    }

    [Fact]
    public void Should_Note_Tracked_Action_Never_Attempted_When_Unused()
    {
        GrantUsage deleteVolume = Grant(Run("emr-action-level.json"), "ec2:DeleteVolume");
        Assert.Equal(UsageVerdict.Unused, deleteVolume.Verdict);
        Assert.Equal("Access Advisor tracks it: not attempted in its tracking period", deleteVolume.AccessAdvisor);
    }

    [Fact]
    public void Should_Say_Nothing_About_Untracked_Action_When_Service_Was_Accessed()
    {
        // Given: the service-level report (principal named by the file name) says cloudwatch was last used on 2025-05-20
        PrincipalUsage role = Run("EMR_DefaultRole_Restricted.json");

        // When
        GrantUsage alarm = Grant(role, "cloudwatch:PutMetricAlarm");

        // Then: still unused in the trail; the service access is reported, not turned into use of this action
        Assert.Equal(UsageVerdict.Unused, alarm.Verdict);
        Assert.Equal("Access Advisor: cloudwatch last accessed 2025-05-20 11:02Z in us-east-1; the action is not tracked", alarm.AccessAdvisor);
        Assert.EndsWith("EMR_DefaultRole_Restricted.json", role.AccessAdvisorSource, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Turn_Not_Visible_Into_Unused_When_Service_Was_Never_Accessed()
    {
        // Given: without Access Advisor s3:GetObject is not visible (no data events by the role)
        Assert.Equal(UsageVerdict.NotVisible, Grant(UsageRun.Run(UsageRun.Details("emr-broad.json"), UsageRun.Emr, [UsageRun.EmrRoleArn]).Principals[0], "s3:GetObject").Verdict);

        // When: Access Advisor says the role never touched s3 in its tracking period
        PrincipalUsage role = Run("EMR_DefaultRole_Restricted.json");

        // Then
        GrantUsage get = Grant(role, "s3:GetObject");
        Assert.Equal(UsageVerdict.Unused, get.Verdict);
        Assert.Contains("no s3 access in its tracking period", get.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(role.Reduced.Document.Statements, s => s.Action!.Values.Contains("s3:GetObject"));
        Assert.True(role.Reduced.Verification.Passed);
    }

    [Theory]
    [InlineData("arn:aws:iam::123456789012:role/EMR_DefaultRole_Restricted", true)]
    [InlineData("EMR_DefaultRole_Restricted", true)]
    [InlineData("arn:aws:iam::123456789012:role/other/EMR_DefaultRole_Restricted", true)]
    [InlineData("arn:aws:iam::999999999999:role/EMR_DefaultRole_Restricted", false)]
    [InlineData("arn:aws:iam::123456789012:user/EMR_DefaultRole_Restricted", false)]
    [InlineData("EMR_DefaultRole", false)]
    public void Should_Match_Report_To_Principal_When_Named_By_Arn_Or_Name(string reportPrincipal, bool matches)
    {
        var details = UsageRun.Details("emr-broad.json");
        Assert.True(details.TryFindPrincipal(UsageRun.EmrRoleArn, out var role));
        Assert.Equal(matches, UsageAnalysis.Names(reportPrincipal, role));
    }
}
