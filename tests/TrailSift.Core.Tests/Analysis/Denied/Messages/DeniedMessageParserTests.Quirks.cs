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
