using System.Text.Json.Nodes;
using TrailSift.Core.Analysis.Replay;
using TrailSift.Testing;
using static TrailSift.Core.Tests.Analysis.Replay.EventContextReaderTests;
using static TrailSift.Core.Tests.Analysis.Replay.ReplayFixtures;

namespace TrailSift.Core.Tests.Analysis.Replay;

/// <summary>Service condition keys from request parameters: set when the parameter was logged, unknown otherwise.</summary>
public sealed class ServiceKeysTests
{
    private static ReplayContext Read(string source, string name, string parameters) =>
        Context(new EventBuilder(source, name).With("requestParameters", JsonNode.Parse(parameters)));

    [Theory]
    [InlineData("ec2.amazonaws.com", "RunInstances", """{"instanceType":"m5.xlarge"}""", "ec2:InstanceType", "m5.xlarge")]
    [InlineData("s3.amazonaws.com", "ListObjects", """{"bucketName":"b","prefix":"logs/","delimiter":"/"}""", "s3:prefix", "logs/")]
    [InlineData("s3.amazonaws.com", "ListObjects", """{"bucketName":"b","prefix":"logs/","delimiter":"/"}""", "s3:delimiter", "/")]
    [InlineData("s3.amazonaws.com", "ListObjects", """{"bucketName":"b","max-keys":1000}""", "s3:max-keys", "1000")]
    [InlineData("s3.amazonaws.com", "PutObject", """{"bucketName":"b","key":"k","x-amz-acl":"private"}""", "s3:x-amz-acl", "private")]
    [InlineData("s3.amazonaws.com", "PutObject", """{"bucketName":"b","key":"k","x-amz-server-side-encryption":"aws:kms"}""", "s3:x-amz-server-side-encryption", "aws:kms")]
    [InlineData("sts.amazonaws.com", "AssumeRole", """{"roleArn":"arn:aws:iam::123456789012:role/r","roleSessionName":"s1"}""", "sts:RoleSessionName", "s1")]
    [InlineData("sts.amazonaws.com", "AssumeRole", """{"roleArn":"arn:aws:iam::123456789012:role/r","externalId":"x-1"}""", "sts:ExternalId", "x-1")]
    [InlineData("sts.amazonaws.com", "AssumeRole", """{"roleArn":"arn:aws:iam::123456789012:role/r","sourceIdentity":"dana"}""", "sts:SourceIdentity", "dana")]
    [InlineData("iam.amazonaws.com", "AttachRolePolicy", """{"roleName":"r","policyArn":"arn:aws:iam::aws:policy/ReadOnlyAccess"}""", "iam:PolicyARN", "arn:aws:iam::aws:policy/ReadOnlyAccess")]
    [InlineData("iam.amazonaws.com", "CreateRole", """{"roleName":"r","permissionsBoundary":"arn:aws:iam::123456789012:policy/b"}""", "iam:PermissionsBoundary", "arn:aws:iam::123456789012:policy/b")]
    [InlineData("kms.amazonaws.com", "Decrypt", """{"encryptionContext":{"app":"etl"}}""", "kms:EncryptionContext:app", "etl")]
    [InlineData("kms.amazonaws.com", "Decrypt", """{"keyId":"k"}""", "kms:CallerAccount", Account)]
    [InlineData("ec2.amazonaws.com", "DescribeInstances", """{}""", "ec2:Region", "us-east-1")]
    public void Should_Set_The_Key_When_Its_Parameter_Was_Logged(string source, string name, string parameters, string key, string expected)
    {
        // Given / When
        ReplayContext c = Read(source, name, parameters);

        // Then
        Assert.Equal(expected, Value(c, key));
    }

    [Fact]
    public void Should_Leave_The_Key_Unknown_When_Its_Parameter_Was_Not_Logged()
    {
        // Given / When
        ReplayContext c = Read("s3.amazonaws.com", "ListObjects", """{"bucketName":"b"}""");

        // Then
        AssertUnknown(c, "s3:prefix");
        AssertUnknown(c, "s3:max-keys");
    }

    [Fact]
    public void Should_Leave_The_Key_Unknown_When_CloudTrail_Redacted_The_Value()
    {
        // Given / When
        ReplayContext c = Read("sts.amazonaws.com", "AssumeRole", """{"roleSessionName":"s1","externalId":"HIDDEN_DUE_TO_SECURITY_REASONS"}""");

        // Then
        AssertUnknown(c, "sts:ExternalId");
        Assert.Equal("s1", Value(c, "sts:RoleSessionName"));
    }

    [Fact]
    public void Should_Read_A_Parameter_Only_For_Its_Own_Service()
    {
        // Given: RDS logs an instance class, not an EC2 instance type
        ReplayContext c = Read("rds.amazonaws.com", "CreateDBInstance", """{"instanceType":"db.t3.micro","prefix":"x"}""");

        // Then
        AssertUnknown(c, "ec2:InstanceType");
        AssertUnknown(c, "s3:prefix");
        AssertUnknown(c, "ec2:Region");
    }
}
