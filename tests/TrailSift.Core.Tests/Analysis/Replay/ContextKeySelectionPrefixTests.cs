using TrailSift.Core.Analysis.Replay;

namespace TrailSift.Core.Tests.Analysis.Replay;

/// <summary>The prefixes the reader asks about every call are answered once per selection: as the scan over its keys.</summary>
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
}
