using System.Diagnostics;
using System.Text;
using TrailSift.Testing;

namespace TrailSift.Core.Tests.Scan;

/// <summary>
/// Seeded random damage over fixtures (bit flips, truncations, insertions, deletions): no exception escapes,
/// no case hangs, and every record that ends before the damage survives, in order. A deterministic stand-in
/// for the instrumented fuzzer (tools/TrailSift.Fuzz), run with every test.
/// </summary>
public sealed class MutationTests
{
    private const int CasesPerFixture = 1500;

    private static readonly string[] Events =
    [
        new EventBuilder("sqs.amazonaws.com", "CreateQueue").Json(),
        new EventBuilder("ec2.amazonaws.com", "RunInstances").Error("Client.UnauthorizedOperation", "You are not \"authorized\"").Json(),
        new EventBuilder("s3.amazonaws.com", "GetObject").With("requestParameters", System.Text.Json.Nodes.JsonNode.Parse("{\"bucketName\":\"b\",\"key\":\"a/\\u00e9\",\"n\":[1,2.5,-3e2,true,null]}")).Json(),
        new EventBuilder("iam.amazonaws.com", "GetRole").Json(),
    ];

    public static TheoryData<string> Fixtures => new() { "records", "ndjson", "concatenated", "array" };

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Should_Keep_Records_Before_The_Damage_When_Plain_Input_Is_Damaged_At_Random(string fixture)
    {
        // Given
        var (data, recordEnds) = Build(fixture);
        var random = new Random(fixture.GetHashCode(StringComparison.Ordinal) & 0x7fff ^ 12);
        var slowest = TimeSpan.Zero;

        for (int i = 0; i < CasesPerFixture; i++)
        {
            var (damaged, at, what) = Damage(data, random);

            // When
            var clock = Stopwatch.StartNew();
            var (records, _, _) = RecordReaderRecoveryTests.Read(damaged, 1 + random.Next(64), 16 + random.Next(256), defer: (i & 1) == 0, maxRecordBytes: 4096);
            slowest = clock.Elapsed > slowest ? clock.Elapsed : slowest;

            // Then: the records wholly before the damage come out first, unchanged
            int intact = recordEnds.Count(end => end <= at);
            Assert.True(records.Count >= intact, $"{fixture} case {i} ({what} at {at}): {records.Count} records, {intact} before the damage");
            for (int r = 0; r < intact; r++)
            {
                Assert.True(records[r] == Events[r % Events.Length], $"{fixture} case {i} ({what} at {at}): record {r} differs");
            }
        }

        Assert.True(slowest < TimeSpan.FromSeconds(2), $"slowest case took {slowest}");
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Should_Report_Or_Read_Without_Escaping_Exception_When_Gzip_Input_Is_Damaged_At_Random(string fixture)
    {
        // Given: the fixture as two gzip members
        var (data, _) = Build(fixture);
        int half = data.Length / 2;
        byte[] gz = [.. TempTree.Gzip(data[..half]), .. TempTree.Gzip(data[half..])];
        var random = new Random(fixture.Length * 7919);

        for (int i = 0; i < CasesPerFixture / 3; i++)
        {
            var (damaged, at, what) = Damage(gz, random);

            // When: ObjectScanner lets only unexpected exception types escape
            var clock = Stopwatch.StartNew();
            var (events, problems) = ScanHelpers.ScanBytes(damaged, "x.json.gz");

            // Then: damage to the compressed bytes is noticed (or, for a cut at a member boundary, half the data is read)
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"{fixture} case {i} ({what} at {at}) took {clock.Elapsed}");
            Assert.True(problems.Count > 0 || events.Count > 0, $"{fixture} case {i} ({what} at {at}): nothing read, nothing reported");
        }
    }

    internal static (byte[] Data, List<int> RecordEnds) Build(string fixture)
    {
        var text = new StringBuilder();
        var ends = new List<int>();
        void Add(string s) => text.Append(s);
        void Record(int i)
        {
            text.Append(Events[i % Events.Length]);
            ends.Add(Encoding.UTF8.GetByteCount(text.ToString()));
        }

        const int Count = 12;
        switch (fixture)
        {
            case "records":
                Add("{\"Records\":[");
                for (int i = 0; i < Count; i++)
                {
                    Add(i > 0 ? "," : string.Empty);
                    Record(i);
                }

                Add("]}");
                break;
            case "ndjson":
                for (int i = 0; i < Count; i++)
                {
                    Record(i);
                    Add("\n");
                }

                break;
            case "concatenated":
                for (int i = 0; i < Count; i += 3)
                {
                    Add("{\"Records\":[");
                    for (int j = i; j < i + 3; j++)
                    {
                        Add(j > i ? "," : string.Empty);
                        Record(j);
                    }

                    Add("]}");
                }

                break;
            default:
                Add("[");
                for (int i = 0; i < Count; i++)
                {
                    Add(i > 0 ? ",\n " : string.Empty);
                    Record(i);
                }

                Add("]");
                break;
        }

        return (Encoding.UTF8.GetBytes(text.ToString()), ends);
    }

    // One random damage; returns the first damaged offset.
    internal static (byte[] Data, int At, string What) Damage(byte[] data, Random random)
    {
        int at = random.Next(data.Length);
        byte[] structural = "{}[]\",:\\\n\0"u8.ToArray();
        switch (random.Next(5))
        {
            case 0:
                {
                    byte[] copy = (byte[])data.Clone();
                    copy[at] ^= (byte)(1 << random.Next(8));
                    return (copy, at, "bit flip");
                }

            case 1:
                return (data[..at], at, "truncation");
            case 2:
                {
                    byte[] insert = new byte[1 + random.Next(8)];
                    for (int i = 0; i < insert.Length; i++)
                    {
                        insert[i] = random.Next(2) == 0 ? structural[random.Next(structural.Length)] : (byte)random.Next(256);
                    }

                    return ([.. data[..at], .. insert, .. data[at..]], at, "insertion");
                }

            case 3:
                {
                    int n = Math.Min(1 + random.Next(16), data.Length - at);
                    return ([.. data[..at], .. data[(at + n)..]], at, "deletion");
                }

            default:
                {
                    byte[] copy = (byte[])data.Clone();
                    copy[at] = structural[random.Next(structural.Length)];
                    return (copy, copy[at] == data[at] ? data.Length : at, "structural byte");
                }
        }
    }
}
