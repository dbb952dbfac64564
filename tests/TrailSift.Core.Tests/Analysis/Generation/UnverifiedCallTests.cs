using TrailSift.Core.Analysis.Generation;
using TrailSift.Core.Events;
using TrailSift.Core.Iam.Mapping;

namespace TrailSift.Core.Tests.Analysis.Generation;

/// <summary>Calls that failed validation say nothing about authorisation: left out of `policy` by default, included flagged on request.</summary>
public sealed class UnverifiedCallTests
{
    private const string Role = "arn:aws:iam::123456789012:role/incident";

    [Theory]
    [InlineData("ValidationException", true)]
    [InlineData("InvalidParameterValueException", true)]
    [InlineData("Client.InvalidParameterValue", true)]
    [InlineData("Client.MissingParameter", true)]
    [InlineData("InvalidParameterCombination", true)]
    [InlineData("ResourceNotFoundException", false)]
    [InlineData("NoSuchEntity", false)]
    [InlineData("Client.InvalidInstanceID.NotFound", false)]
    [InlineData("AccessDenied", false)]
    [InlineData(null, false)]
    public void Should_Tell_Validation_Failures_From_Other_Errors_When_Classifying_Codes(string? code, bool expected) =>
        Assert.Equal(expected, ErrorClassifier.IsValidationFailure(code));

    [Fact]
    public void Should_Leave_Out_Calls_That_Failed_Validation_And_Name_Them_When_Unverified_Are_Not_Included()
    {
        // Given: a stack of OpsWorks calls that all failed validation, one successful call
        var collector = new PolicyEvidenceCollector(new MappedPermissionReader(EventPermissionMapper.Default));

        // When
        Feed(collector);

        // Then
        PrincipalEvidence evidence = Assert.Single(collector.Principals());
        Assert.Equal(["sts:GetAccessKeyInfo"], evidence.Permissions.Select(p => p.Action).Distinct().ToArray());
        Assert.Equal(["opsworks.amazonaws.com CreateStack 2", "opsworks.amazonaws.com DescribeStacks 1"],
            evidence.Unverified.Select(u => $"{u.EventSource} {u.EventName} {u.Calls}").ToArray());
        GeneratedPolicy policy = PolicyGenerator.Generate(evidence, collector.Facts, new PolicyGenerationOptions());
        Assert.Contains(policy.Notes, n => n.StartsWith("3 calls (2 distinct events) failed validation", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_Include_And_Flag_Calls_That_Failed_Validation_When_Unverified_Are_Included()
    {
        // Given
        var collector = new PolicyEvidenceCollector(new MappedPermissionReader(EventPermissionMapper.Default), includeUnverified: true);

        // When
        Feed(collector);

        // Then
        PrincipalEvidence evidence = Assert.Single(collector.Principals());
        Assert.Empty(evidence.Unverified);
        PermissionEvidence create = Assert.Single(evidence.Permissions, p => p.Action == "opsworks:CreateStack");
        Assert.True(create.Unverified);
        Assert.Equal(2, create.UnverifiedCalls);
        Assert.False(Assert.Single(evidence.Permissions, p => p.Action == "sts:GetAccessKeyInfo").Unverified);
        GeneratedPolicy policy = PolicyGenerator.Generate(evidence, collector.Facts, new PolicyGenerationOptions());
        Assert.Contains(policy.Notes, n => n.Contains("flagged UNVERIFIED", StringComparison.Ordinal));
    }

    private static void Feed(PolicyEvidenceCollector collector)
    {
        Accept(collector, "opsworks.amazonaws.com", "CreateStack", "ValidationException");
        Accept(collector, "opsworks.amazonaws.com", "CreateStack", "ValidationException");
        Accept(collector, "opsworks.amazonaws.com", "DescribeStacks", "InvalidParameterValueException");
        Accept(collector, "sts.amazonaws.com", "GetAccessKeyInfo", null);
    }

    private static void Accept(PolicyEvidenceCollector collector, string source, string name, string? errorCode)
    {
        string error = errorCode is null ? string.Empty : $", \"errorCode\": \"{errorCode}\", \"errorMessage\": \"1 validation error detected\"";
        using EventRecord record = EventRecord.Parse($$$"""
            {"eventVersion": "1.08", "eventTime": "2024-05-01T10:00:00Z", "eventSource": "{{{source}}}", "eventName": "{{{name}}}",
             "awsRegion": "us-east-1", "eventType": "AwsApiCall", "recipientAccountId": "123456789012", "requestParameters": {"name": "x"}{{{error}}},
             "userIdentity": {"type": "AssumedRole", "arn": "arn:aws:sts::123456789012:assumed-role/incident/s", "accountId": "123456789012",
               "sessionContext": {"sessionIssuer": {"type": "Role", "arn": "{{{Role}}}", "accountId": "123456789012", "userName": "incident"} } } }
            """);
        collector.Accept(record);
    }
}
