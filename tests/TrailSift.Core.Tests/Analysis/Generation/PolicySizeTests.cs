using TrailSift.Core.Analysis.Generation;
using TrailSift.Core.Iam.Policy;

namespace TrailSift.Core.Tests.Analysis.Generation;

/// <summary>
/// <see cref="PolicySize.Of(PolicyDocument)"/> counts as the document is written; the oracle is the count over the whole
/// compact text, which it replaces.
/// </summary>
public sealed class PolicySizeTests
{
    public static TheoryData<string> Values => new()
    {
        "arn:aws:s3:::bucket/key",
        "with spaces\tand\ttabs and\nline feeds",
        "non-breaking\u00a0space, ideographic\u3000space, em\u2003space",
        "accents é ü ñ, CJK 日本語, emoji 😀🎉",
        new string('x', 5000) + " é " + string.Concat(Enumerable.Repeat("😀", 3000)) + " \u3000 " + new string('y', 4093),
        "quotes \" and backslashes \\ and controls \u0001\u001f",
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void Should_Count_As_The_Whole_Text_Counts_When_Values_Hold_Whitespace_And_Non_Ascii(string value)
    {
        // Given: a document whose values cross the counter's buffer with multi-byte characters at every offset
        var statements = new List<Statement>();
        for (int i = 0; i < 7; i++)
        {
            statements.Add(new Statement
            {
                Sid = i % 2 == 0 ? null : "S" + i,
                Effect = Effect.Allow,
                Action = PolicyValueList.Single("s3:GetObject"),
                Resource = PolicyValueList.Array([.. Enumerable.Range(0, i + 1).Select(n => new string('a', n * 613) + value + n)]),
            });
        }

        var document = new PolicyDocument { Version = PolicyDocument.Version2012, Statements = [.. statements] };

        // When
        int size = PolicySize.Of(document);

        // Then
        Assert.Equal(PolicySize.CountNonWhitespace(PolicyWriter.WriteToString(document, indented: false)), size);
    }
}
