using System.Globalization;
using TrailSift.Core.Events;
using TrailSift.Core.Json;

namespace TrailSift.Core.Tests.Events;

/// <summary>The resolver's per-thread memo of recent identities, against resolving each identity from its fields.</summary>
public sealed class PrincipalMemoTests
{
    [Fact]
    public void Should_Resolve_As_The_Fields_Do_When_Identities_Recur_And_Collide()
    {
        // Given: more identities than the memo has slots, of every kind, each seen several times in a shuffled order
        string[] identities = [.. Enumerable.Range(0, 600).Select(Identity)];
        var random = new Random(7);
        for (int n = 0; n < 4000; n++)
        {
            string json = identities[random.Next(identities.Length)];
            using EventRecord record = EventRecord.Parse("""{"userIdentity":""" + json + "}");

            // When
            ResolvedPrincipal resolved = PrincipalResolver.Resolve(record);

            // Then
            Assert.Equal(PrincipalResolver.ResolveFields(record.UserIdentity), resolved);
        }
    }

    [Fact]
    public void Should_Resolve_As_The_Fields_Do_When_The_Identity_Is_Long_Or_Not_An_Object()
    {
        // Given
        string padding = new('x', 3000);
        string[] identities =
        [
            "{\"type\":\"IAMUser\",\"arn\":\"arn:aws:iam::1:user/a\",\"accountId\":\"1\",\"userName\":\"a\",\"note\":\"" + padding + "\"}",
            "null", "\"AWSService\"", "[1]",
        ];

        foreach (string json in identities)
        {
            for (int n = 0; n < 2; n++)
            {
                using EventRecord record = EventRecord.Parse("""{"userIdentity":""" + json + "}");

                // When
                ResolvedPrincipal resolved = PrincipalResolver.Resolve(record);

                // Then
                Assert.Equal(PrincipalResolver.ResolveFields(record.UserIdentity), resolved);
            }
        }
    }

    // An identity of one of several kinds, numbered so that identities differ by a few bytes only.
    private static string Identity(int i)
    {
        string k = i.ToString(CultureInfo.InvariantCulture);
        return (i % 6) switch
        {
            0 => $$$"""{"type":"AssumedRole","principalId":"AROA:s{{{k}}}","arn":"arn:aws:sts::123456789012:assumed-role/r{{{i % 7}}}/s{{{k}}}","accountId":"123456789012","sessionContext":{"sessionIssuer":{"type":"Role","arn":"arn:aws:iam::123456789012:role/p/r{{{i % 7}}}","userName":"r{{{i % 7}}}""" + "\"}}}",
            1 => $$$"""{"type":"AssumedRole","arn":"arn:aws:sts::123456789012:assumed-role/r{{{k}}}/s","accountId":"123456789012"}""",
            2 => $$$"""{"type":"IAMUser","arn":"arn:aws:iam::123456789012:user/u{{{k}}}","accountId":"123456789012","userName":"u{{{k}}}"}""",
            3 => $$$"""{"type":"Root","accountId":"1234567{{{k}}}"}""",
            4 => $$$"""{"type":"AWSService","invokedBy":"s{{{k}}}.amazonaws.com"}""",
            _ => $$$"""{"type":"AWSAccount","accountId":"{{{k}}}","principalId":"p\u0041{{{k}}}"}""",
        };
    }
}
