using TrailSift.Core.Analysis.Denied.Messages;

namespace TrailSift.Core.Tests.Analysis.Denied.Messages;

/// <summary>Quirks that are awkward to write as data: long messages, wire names, immutability.</summary>
public sealed partial class DeniedMessageParserTests
{
    private const string Ec2Head = "You are not authorized to perform this operation. User: arn:aws:sts::111122223333:assumed-role/R/s is not authorized to perform: ec2:RunInstances on resource: arn:aws:ec2:us-east-1:111122223333:instance/* because no identity-based policy allows the ec2:RunInstances action. Encoded authorization failure message: ";

    [Theory]
    [InlineData(999, false)]
    [InlineData(1000, true)]
    [InlineData(1026, true)]
    public void Should_Flag_Encoded_Message_As_Truncated_When_It_Reaches_1000_Characters(int length, bool truncated)
    {
        // Given
        string message = Ec2Head + new string('A', length - Ec2Head.Length);

        // When
        DeniedMessage m = DeniedMessageParser.Parse("Client.UnauthorizedOperation", message, "ec2.amazonaws.com");

        // Then
        Assert.Equal(length, message.Length);
        Assert.Equal(truncated, m.EncodedMessageTruncated);
        Assert.Equal("ec2:RunInstances", m.Action);
        Assert.Equal(DeniedReason.NoIdentityAllow, m.Reason);
    }

    [Fact]
    public void Should_Round_Trip_Every_Reason_Through_Its_Wire_Name()
    {
        foreach (DeniedReason reason in Enum.GetValues<DeniedReason>())
        {
            // Given
            string wire = reason.ToWireName();

            // When
            bool found = DeniedReasonNames.TryParse(wire, out DeniedReason parsed);

            // Then
            Assert.True(found, wire);
            Assert.Equal(reason, parsed);
        }

        Assert.Equal(Enum.GetValues<DeniedReason>().Length, DeniedReasonNames.All.Count);
        Assert.False(DeniedReasonNames.TryParse("no-such-reason", out _));
    }

    [Fact]
    public void Should_Ignore_Case_Of_Fixed_Phrases_When_Message_Is_Upper_Cased()
    {
        // Given
        const string message = "USER: arn:aws:iam::111122223333:user/u IS NOT AUTHORIZED TO PERFORM: iam:GetUser ON RESOURCE: arn:aws:iam::111122223333:user/u WITH AN EXPLICIT DENY IN AN IDENTITY-BASED POLICY";

        // When
        DeniedMessage m = DeniedMessageParser.Parse("AccessDenied", message, "iam.amazonaws.com");

        // Then
        Assert.Equal("arn:aws:iam::111122223333:user/u", m.Principal);
        Assert.Equal("iam:GetUser", m.Action);
        Assert.Equal("arn:aws:iam::111122223333:user/u", m.Resource);
        Assert.Equal(DeniedReason.ExplicitDenyIdentity, m.Reason);
    }

    [Fact]
    public void Should_Read_Sentence_After_A_Service_Prefix_When_Message_Is_Wrapped()
    {
        // Given: some SDKs and services prepend their own text to the IAM sentence
        const string message = "An error occurred (AccessDenied): User: arn:aws:iam::111122223333:user/u is not authorized to perform: ssm:GetParameter on resource: arn:aws:ssm:us-east-1:111122223333:parameter/db because no identity-based policy allows the ssm:GetParameter action";

        // When
        DeniedMessage m = DeniedMessageParser.Parse("AccessDeniedException", message, "ssm.amazonaws.com");

        // Then
        Assert.Equal("arn:aws:iam::111122223333:user/u", m.Principal);
        Assert.Equal("ssm:GetParameter", m.Action);
        Assert.Equal("arn:aws:ssm:us-east-1:111122223333:parameter/db", m.Resource);
        Assert.Equal(DeniedReason.NoIdentityAllow, m.Reason);
    }

    [Fact]
    public void Should_Not_Share_Notes_Between_Results_When_Parsing_Twice()
    {
        // Given
        DeniedMessage first = DeniedMessageParser.Parse("AccessDenied", "Access Denied", "s3.amazonaws.com");

        // When
        DeniedMessage second = DeniedMessageParser.Parse("AccessDenied", "Access Denied", "s3.amazonaws.com");

        // Then
        Assert.NotSame(first.Notes, second.Notes);
        Assert.Equal(first.Notes, second.Notes);
        Assert.IsNotType<List<string>>(first.Notes);
    }

    [Fact]
    public void Should_Stay_Linear_When_Message_Is_Adversarial()
    {
        // Given: many near-miss phrases; hand scanning must not blow up
        string message = string.Concat(Enumerable.Repeat("User: is not authorized to perform: x because ", 200));

        // When
        DeniedMessage m = DeniedMessageParser.Parse("AccessDenied", message, null);

        // Then
        Assert.Null(m.Action);
        Assert.Equal(DeniedReason.Unknown, m.Reason);
        Assert.Contains(DeniedMessageNotes.UnknownReasonClause, m.Notes);
    }
}
