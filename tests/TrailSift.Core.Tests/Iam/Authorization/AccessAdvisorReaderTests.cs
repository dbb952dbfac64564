using System.Text;
using TrailSift.Core.Iam.Authorization;
using TrailSift.Testing;

namespace TrailSift.Core.Tests.Iam.Authorization;

public sealed class AccessAdvisorReaderTests
{
    private static string Fixture(string name) => Path.Combine(RepoPaths.TestData, "iam", "access-advisor", name);

    private static AccessAdvisorReport ReadFixture(string name)
    {
        string path = Fixture(name);
        AccessAdvisorReport? report = AccessAdvisorReader.Read(File.ReadAllBytes(path), path, out string? problem);
        Assert.True(report is not null, problem);
        return report;
    }

    [Fact]
    public void Should_Name_Principal_After_File_When_Report_Has_No_PrincipalArn()
    {
        // Given / When
        AccessAdvisorReport report = ReadFixture("EMR_DefaultRole_Restricted.json");

        // Then
        Assert.Equal("EMR_DefaultRole_Restricted", report.Principal);
        Assert.Equal(AccessAdvisorGranularity.ServiceLevel, report.Granularity);
        Assert.Equal(new DateTimeOffset(2025, 6, 6, 8, 0, 5, TimeSpan.Zero), report.Completed);
        Assert.Equal(["cloudwatch", "ec2", "s3", "sqs"], report.Services.Select(s => s.Namespace));
    }

    [Fact]
    public void Should_Tell_Accessed_From_Never_Accessed_When_Service_Level()
    {
        // Given / When
        AccessAdvisorReport report = ReadFixture("EMR_DefaultRole_Restricted.json");

        // Then
        Assert.True(report.TryGetService("cloudwatch", out ServiceLastAccess? cloudwatch));
        Assert.Equal(new DateTimeOffset(2025, 5, 20, 11, 2, 0, TimeSpan.Zero), cloudwatch.LastAuthenticated);
        Assert.Equal("us-east-1", cloudwatch.Region);
        Assert.True(report.TryGetService("S3", out ServiceLastAccess? s3));
        Assert.Null(s3.LastAuthenticated);
        Assert.False(s3.HasTrackedActions);
        Assert.False(report.TryGetService("lambda", out _));
    }

    [Fact]
    public void Should_Read_Tracked_Actions_When_Action_Level()
    {
        // Given / When
        AccessAdvisorReport report = ReadFixture("emr-action-level.json");

        // Then
        Assert.Equal("arn:aws:iam::123456789012:role/EMR_DefaultRole_Restricted", report.Principal);
        Assert.Equal(AccessAdvisorGranularity.ActionLevel, report.Granularity);
        Assert.True(report.TryGetTrackedAction("ec2:DetachVolume", out ActionLastAccess? snapshot));
        Assert.Equal(new DateTimeOffset(2025, 4, 2, 9, 0, 0, TimeSpan.Zero), snapshot.LastAccessed);
        Assert.True(report.TryGetTrackedAction("EC2:deletevolume", out ActionLastAccess? deleteVolume));
        Assert.Null(deleteVolume.LastAccessed);
        Assert.False(report.TryGetTrackedAction("ec2:RunInstances", out _));   // not tracked: says nothing
        Assert.True(report.TryGetService("s3", out ServiceLastAccess? s3));
        Assert.True(s3.HasTrackedActions);
    }

    [Theory]
    [InlineData("{\"JobStatus\":\"IN_PROGRESS\",\"ServicesLastAccessed\":[]}", "JobStatus is IN_PROGRESS, not COMPLETED")]
    [InlineData("{\"JobStatus\":\"COMPLETED\",\"ServicesLastAccessed\":[],\"IsTruncated\":true}", "IsTruncated is true")]
    [InlineData("{\"UserDetailList\":[]}", "no ServicesLastAccessed")]
    [InlineData("{", "not JSON")]
    [InlineData("{\"JobStatus\":\"COMPLETED\",\"ServicesLastAccessed\":[]} {\"JobStatus\":\"COMPLETED\",\"ServicesLastAccessed\":[]}", "not JSON")]
    [InlineData("{\"JobStatus\":\"COMPLETED\",\"ServicesLastAccessed\":[]} x", "not JSON")]
    public void Should_Refuse_File_When_It_Is_Not_A_Completed_Report(string text, string reason)
    {
        // When
        AccessAdvisorReport? report = AccessAdvisorReader.Read(Encoding.UTF8.GetBytes(text), "dir/r.json", out string? problem);

        // Then
        Assert.Null(report);
        Assert.StartsWith("dir/r.json: ", problem, StringComparison.Ordinal);
        Assert.Contains(reason, problem, StringComparison.Ordinal);
    }
}
