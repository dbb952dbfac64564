using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using TrailSift.Core.Analysis.Usage;
using TrailSift.Core.Output.Usage;

namespace TrailSift.Core.Tests.Output.Usage;

/// <summary>Grants without calls write their tail as bytes written once; the oracle is the writer writing every property.</summary>
public sealed class UsageJsonPlainTailTests
{
    [Fact]
    public void Should_Write_The_Bytes_The_Writer_Writes_When_A_Grant_Has_No_Calls()
    {
        foreach (Visibility visibility in Enum.GetValues<Visibility>())
        {
            foreach (bool conditions in new[] { false, true })
            {
                GrantUsage grant = Grant(visibility, conditions);
                Assert.True(UsageJsonPrinter.HasPlainTail(grant));
                foreach (bool indented in new[] { true, false })
                {
                    foreach (int depth in new[] { 1, 3, 4, 7 })
                    {
                        Assert.Equal(UsageJsonPrinter.GrantText(grant, indented, depth, plain: false),
                            UsageJsonPrinter.GrantText(grant, indented, depth, plain: true));
                    }
                }
            }
        }
    }

    [Fact]
    public void Should_Write_Every_Property_When_A_Grant_Has_Calls_Or_Advice()
    {
        GrantUsage grant = Grant(Visibility.Management, conditions: false);
        Assert.False(UsageJsonPrinter.HasPlainTail(grant with { Calls = 2 }));
        Assert.False(UsageJsonPrinter.HasPlainTail(grant with { AccessAdvisor = "Access Advisor: no s3 access in its tracking period" }));
        Assert.False(UsageJsonPrinter.HasPlainTail(grant with { Resources = ["arn:aws:s3:::b"] }));
        Assert.False(UsageJsonPrinter.HasPlainTail(grant with { FirstTicks = 1 }));
        Assert.False(UsageJsonPrinter.HasPlainTail(grant with { Implied = true }));
    }

    [Theory]
    [InlineData("managed:arn:aws:iam::123456789012:policy/p\"q", "S\u00e91", "no call in the input (account 1; <2025> & 'x' + y)")]
    [InlineData("inline \\back\u0001\u007f", null, "tab\there\nline \u2028 \U0001F600 é")]
    [InlineData("", "", "")]
    public void Should_Write_The_Texts_The_Writer_Escapes_When_Policy_Sid_And_Reason_Are_Written_Once_Escaped(string policy, string? sid, string reason)
    {
        // Given: a grant whose repeated texts need escaping; the oracle: the writer writing each string itself
        GrantUsage grant = Grant(Visibility.Management, conditions: false) with { Policy = policy, Sid = sid, Reason = reason };
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer, new System.Text.Json.JsonWriterOptions
        {
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }))
        {
            writer.WriteStartObject();
            writer.WriteString("policy", policy);
            writer.WriteNumber("statement", grant.StatementIndex);
            writer.WriteString("sid", sid);
            writer.WriteString("action", grant.Action);
            writer.WriteString("verdict", "unused");
            writer.WriteString("reason", reason);
        }

        // When
        string text = UsageJsonPrinter.GrantText(grant, indented: false, depth: 1, plain: true);

        // Then
        Assert.StartsWith(System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan) + ",", text, StringComparison.Ordinal);
    }

    private static GrantUsage Grant(Visibility visibility, bool conditions) => new()
    {
        PolicyIndex = 1,
        Policy = "managed:arn:aws:iam::123456789012:policy/p\"q",
        StatementIndex = 2,
        Sid = "S\u00e91",
        Action = "s3:GetObject",
        Verdict = UsageVerdict.Unused,
        Reason = "no call in the input (account 123456789012; eu-west-1; <2025>)",
        Visibility = visibility,
        HasConditions = conditions,
    };

    [Fact]
    public void Should_Escape_Each_Text_As_The_Writer_Does_When_Consecutive_Grants_Repeat_Alternate_Or_Hold_Lone_Surrogates()
    {
        // Given: texts in the order grants repeat and alternate them, with escapes and a lone surrogate (the writer makes U+FFFD)
        string[] texts = ["A \"label\"", "A \"label\"", "B\u2028", "A \"label\"", "lone \ud800 surrogate", "pair \ud83d\ude00", "", "B\u2028"];
        var repeated = new UsageJsonPrinter.RepeatedTexts();
        foreach (bool indented in new[] { true, false })
        {
            var options = new JsonWriterOptions { Indented = indented, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
            foreach (string text in texts)
            {
                // When: the policy, Sid and reason slots each write the text after the one before
                string policy = Written(options, w => repeated.Policy(w, JsonEncodedText.Encode("p"), text));
                string sid = Written(options, w => repeated.Sid(w, JsonEncodedText.Encode("p"), text));
                string reason = Written(options, w => repeated.Reason(w, JsonEncodedText.Encode("p"), text));

                // Then: each writes what the writer writes for the string itself
                string expected = Written(options, w => w.WriteString("p", text));
                Assert.Equal([expected, expected, expected], [policy, sid, reason]);
            }
        }
    }

    private static string Written(JsonWriterOptions options, Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, options))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
