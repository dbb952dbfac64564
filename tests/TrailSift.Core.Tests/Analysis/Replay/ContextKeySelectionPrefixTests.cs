using TrailSift.Core.Analysis.Replay;

namespace TrailSift.Core.Tests.Analysis.Replay;

/// <summary>
/// The prefixes the reader asks about every call are answered once per selection, as the scan over its keys; keys
/// pass a length and a shape filter before the set: as the set alone (case-insensitive) answers.
/// </summary>
public class ContextKeySelectionPrefixTests
{
    private static readonly string[][] Selections =
    [
        [], ["aws:RequestTag/Env"], ["AWS:REQUESTTAG/env", "aws:SourceIp"], ["aws:RequestTag"], ["aws:TagKeys"],
        ["kms:EncryptionContext:team"], ["KMS:encryptioncontext:x", "aws:RequestTag/"], ["s3:prefix", "aws:ResourceTag/a"],
    ];

    private static readonly string[] Prefixes =
        ["aws:RequestTag/", "kms:EncryptionContext:", "AWS:requesttag/", "*:RequestTag/", "aws:ResourceTag/", "s3:"];

    [Fact]
    public void Should_Answer_As_Scanning_Keys_When_Asked_About_A_Prefix()
    {
        foreach (string[] keys in Selections)
        {
            // Given
            var selection = new ContextKeySelection(keys);
            foreach (string literal in Prefixes)
            {
                string prefix = new(literal.AsSpan()); // another instance than the reader's literal

                // When
                bool answer = selection.ContainsPrefix(prefix);

                // Then
                bool scanned = keys.Any(key => ReplayContext.Matches(key, prefix));
                Assert.True(answer == scanned, $"[{string.Join(',', keys)}] {prefix}");
            }
        }
    }

    [Fact]
    public void Should_Answer_As_The_Case_Insensitive_Set_When_Asked_About_A_Key()
    {
        string[] asked =
        [
            "aws:SourceIp", "AWS:SOURCEIP", "aws:sourceip", "aws:SourceIq", "aws:SourceVpc", "aws:username", "aws:RequestTag/Env",
            "aws:requesttag/ENV", "aws:TagKeys", "x", "X", "", "@", "`", "aws:key\u212A", "aws:keyk", "aws:keyK", "aws:ÀÉ", "aws:àé",
            "aws:a\u0100", "aws:a\u0101", "s3:prefix", "S3:Prefix", "aws:PrincipalTag/team",
        ];
        foreach (string[] keys in Selections.Concat([asked, ["aws:a\u0100", "aws:keyK"], ["`", "aws:àé"]]))
        {
            // Given
            var selection = new ContextKeySelection(keys);
            var set = new HashSet<string>(keys, StringComparer.OrdinalIgnoreCase);
            foreach (string key in asked)
            {
                // When / Then
                Assert.True(selection.Contains(key) == set.Contains(key), $"[{string.Join(',', keys)}] {key}");
            }
        }
    }
}
