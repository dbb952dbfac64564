using TrailSift.Testing;
using TrailSift.Core.Analysis.Denied.Messages;

namespace TrailSift.Core.Tests.Analysis.Denied.Messages;

/// <summary>Data-driven cases from tests/data/denied/messages.cases (one per format, service and quirk).</summary>
public sealed partial class DeniedMessageParserTests
{
    private static readonly Lazy<IReadOnlyList<CaseFile>> Cases = new(() => CaseFile.Load(Path.Combine(RepoPaths.TestData, "denied", "messages.cases")));

    public static TheoryData<string> CaseNames() => CaseFile.Names(Cases.Value);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Should_Parse_Message_As_The_Case_Expects(string name)
    {
        // Given
        CaseFile c = CaseFile.Find(Cases.Value, name);
        string? message = CaseFile.NullIfMarker(c.Require("message"));

        // When
        DeniedMessage m = DeniedMessageParser.Parse(c.Get("code"), message, c.Get("source"));

        // Then
        Assert.Equal(CaseFile.NullIfMarker(c.Require("principal")), m.Principal);
        Assert.Equal(CaseFile.NullIfMarker(c.Require("action")), m.Action);
        Assert.Equal(CaseFile.NullIfMarker(c.Require("resource")), m.Resource);
        Assert.Equal(c.Require("reason"), m.Reason.ToWireName());
        Assert.Equal(bool.Parse(c.Require("explicit")), m.ExplicitDeny);
        Assert.Equal(Enum.Parse<DeniedMessageFormat>(c.Require("format")), m.Format);
        AssertOptional(c, "policy-type", m.PolicyType);
        AssertOptional(c, "policy-type-text", m.PolicyTypeText);
        AssertOptionalBool(c, "encoded", m.HasEncodedMessage);
        AssertOptionalBool(c, "truncated", m.EncodedMessageTruncated);
        AssertOptionalBool(c, "inferred", m.ActionInferred);
        foreach (string note in c.All("note"))
        {
            Assert.True(m.Notes.Any(n => n.Contains(note, StringComparison.Ordinal)),
                $"no note contains '{note}'; notes: {string.Join(" | ", m.Notes)}");
        }
    }

    [Fact]
    public void Should_Hold_One_Case_For_Every_Format_And_Reason()
    {
        // Given
        var formats = new HashSet<string>();
        var reasons = new HashSet<string>();

        // When
        foreach (CaseFile c in Cases.Value)
        {
            formats.Add(c.Require("format"));
            reasons.Add(c.Require("reason"));
        }

        // Then
        foreach (DeniedMessageFormat f in Enum.GetValues<DeniedMessageFormat>())
        {
            Assert.Contains(f.ToString(), formats);
        }

        foreach (string r in DeniedReasonNames.All)
        {
            Assert.Contains(r, reasons);
        }
    }

    private static void AssertOptional(CaseFile c, string key, string? actual)
    {
        if (c.Get(key) is { } expected)
        {
            Assert.Equal(CaseFile.NullIfMarker(expected), actual);
        }
    }

    private static void AssertOptionalBool(CaseFile c, string key, bool actual)
    {
        if (c.Get(key) is { } expected)
        {
            Assert.Equal(bool.Parse(expected), actual);
        }
    }
}
