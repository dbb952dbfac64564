using System.Text;
using System.Text.Json.Nodes;
using TrailSift.Core.Analysis.Usage;
using TrailSift.Core.Iam.Authorization;

namespace TrailSift.Testing;

/// <summary>
/// A small synthetic case with every verdict: role <c>app</c> (a boundary, a Deny, a grant in a region the input does
/// not cover, never-logged and data-event grants) and role <c>elsewhere</c> in an account the input does not cover.
/// </summary>
public static class UsageScenario
{
    public const string AppArn = "arn:aws:iam::123456789012:role/app";
    public const string ElsewhereArn = "arn:aws:iam::210987654321:role/elsewhere";

    public const string AuthorizationDetails = """
        {"RoleDetailList":[
          {"RoleName":"app","Arn":"arn:aws:iam::123456789012:role/app","Path":"/",
           "RolePolicyList":[{"PolicyName":"app","PolicyDocument":{"Version":"2012-10-17","Statement":[
             {"Sid":"Reads","Effect":"Allow","Action":["s3:ListAllMyBuckets","s3:GetObject","dynamodb:DescribeTable"],"Resource":"*"},
             {"Sid":"Queue","Effect":"Allow","Action":["sqs:SendMessage","sqs:GetQueueUrl"],"Resource":"arn:aws:sqs:us-east-1:123456789012:jobs"},
             {"Sid":"Tokyo","Effect":"Allow","Action":"sqs:Get*","Resource":"arn:aws:sqs:ap-northeast-1:123456789012:*"},
             {"Sid":"Pass","Effect":"Allow","Action":"iam:PassRole","Resource":"arn:aws:iam::123456789012:role/worker"},
             {"Sid":"KeepBuckets","Effect":"Deny","Action":"s3:DeleteBucket","Resource":"*"}]}}],
           "PermissionsBoundary":{"PermissionsBoundaryType":"Policy","PermissionsBoundaryArn":"arn:aws:iam::123456789012:policy/app-boundary"}},
          {"RoleName":"elsewhere","Arn":"arn:aws:iam::210987654321:role/elsewhere","Path":"/",
           "RolePolicyList":[{"PolicyName":"ec2","PolicyDocument":{"Version":"2012-10-17","Statement":[
             {"Effect":"Allow","Action":"ec2:DescribeInstances","Resource":"*"}]}}]}],
         "Policies":[{"PolicyName":"app-boundary","Arn":"arn:aws:iam::123456789012:policy/app-boundary","DefaultVersionId":"v1",
           "PolicyVersionList":[{"VersionId":"v1","IsDefaultVersion":true,"Document":{"Version":"2012-10-17","Statement":[
             {"Effect":"Allow","Action":["s3:*","sqs:*","iam:PassRole"],"Resource":"*"}]}}]}]}
        """;

    /// <summary>The events: two ListBuckets, one GetQueueUrl, one DescribeTable the boundary denies, one call by someone else.</summary>
    public static IReadOnlyList<string> Events() =>
    [
        new EventBuilder("s3.amazonaws.com", "ListBuckets").AsRole("app").At("2025-03-01T10:00:00Z").Json(),
        new EventBuilder("s3.amazonaws.com", "ListBuckets").AsRole("app").At("2025-03-02T10:00:00Z").Json(),
        new EventBuilder("sqs.amazonaws.com", "GetQueueUrl").AsRole("app").At("2025-03-01T11:00:00Z")
            .With("requestParameters", new JsonObject { ["queueName"] = "jobs" }).Json(),
        new EventBuilder("dynamodb.amazonaws.com", "DescribeTable").AsRole("app").At("2025-03-01T12:00:00Z")
            .With("requestParameters", new JsonObject { ["tableName"] = "orders" }).Json(),
        new EventBuilder("ec2.amazonaws.com", "DescribeInstances").At("2025-03-01T09:00:00Z").With("awsRegion", "eu-west-1").Json(),
    ];

    /// <summary>The authorization details of the scenario.</summary>
    public static AuthorizationDetails Details()
    {
        var reader = new AuthorizationDetailsReader();
        reader.Add(Encoding.UTF8.GetBytes(AuthorizationDetails), "scenario.json");
        return reader.Build();
    }

    /// <summary>Runs the scenario for both roles.</summary>
    public static UsageReport Run(params AccessAdvisorReport[] advisor) =>
        UsageRun.Run(Details(), Events(), [AppArn, ElsewhereArn], advisor);
}
