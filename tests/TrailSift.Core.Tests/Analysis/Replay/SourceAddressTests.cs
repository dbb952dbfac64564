using System.Net;
using TrailSift.Core.Analysis.Replay;

namespace TrailSift.Core.Tests.Analysis.Replay;

/// <summary>The reader keeps whether a recurring source text is an address: as parsing it each time answers.</summary>
public class SourceAddressTests
{
    [Fact]
    public void Should_Answer_As_Parsing_When_Texts_Recur_And_Share_Slots()
    {
        // Given: more texts than slots, each asked several times, some equal in content but other instances
        var texts = new List<string>();
        for (int i = 0; i < 300; i++)
        {
            texts.Add(i % 3 == 0 ? $"198.51.100.{i}" : i % 3 == 1 ? $"service{i}.amazonaws.com" : $"2001:db8::{i:x}");
        }

        texts.AddRange(["", "AWS Internal", "1.2.3", "::1", "256.1.1.1", "10.0.0.1%eth0", "fe80::1%eth0", "fe80::1%7",
            "fe80::1%nosuchinterface", "[::1]", "[::1]:443", "::ffff:192.0.2.1", "0x7f.1", "017.0.0.1", "10", "1.2.3.4.", " 1.2.3.4", "1::2::3",
            "::1]"]);
        for (int round = 0; round < 3; round++)
        {
            foreach (string text in texts)
            {
                string other = round == 2 ? new string(text.AsSpan()) : text;

                // When / Then
                Assert.True(EventContextReader.IsAddress(other) == IPAddress.TryParse(other, out _), other);
            }
        }
    }
}
