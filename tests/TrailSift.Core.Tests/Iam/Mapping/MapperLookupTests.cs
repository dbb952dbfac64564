using System.Text;
using System.Text.Json;
using TrailSift.Core.Events;
using TrailSift.Core.Iam.Mapping;
using TrailSift.Core.Json;

namespace TrailSift.Core.Tests.Iam.Mapping;

/// <summary>
/// The mapper's lookups that stand in for plainer ones: the plan found by the pair's bytes (against the plan looked up
/// by text, as <see cref="EventPermissionMapper.Describe"/> does), and the one-walk case-folding property lookup
/// (against the exact lookup then a case-folding walk).
/// </summary>
public sealed class MapperLookupTests
{
    [Theory]
    [InlineData("""{"a":1,"A":2}""", "A")]
    [InlineData("""{"a":1,"A":2}""", "a")]
    [InlineData("""{"Key":1,"KEY":2,"key":3}""", "kEy")]
    [InlineData("""{"Key":1,"KEY":2,"key":3,"key":4}""", "key")]
    [InlineData("""{"x":1}""", "key")]
    [InlineData("""{"k\u0065y":1,"KEY":2}""", "key")]
    [InlineData("""{"k\u0065y":1,"KEY":2}""", "Key")]
    [InlineData("""{}""", "key")]
    [InlineData("""[1,2]""", "key")]
    [InlineData("""{"bucketName":"b","Host":"h","key":"k"}""", "BucketName")]
    public void Should_Find_The_Property_The_Two_Walks_Find_When_Case_Differs(string json, string name)
    {
        // Given
        using EventRecord record = EventRecord.Parse("""{"n":""" + json + "}");
        JsonNode node = record.Root.GetProperty("n"u8);
        byte[] utf8 = Encoding.UTF8.GetBytes(name);

        // When
        JsonNode found = node.GetPropertyIgnoreAsciiCase(utf8);

        // Then
        JsonNode expected = TwoWalks(node, utf8);
        Assert.Equal(expected.Kind, found.Kind);
        Assert.Equal(expected.TokenIndex, found.TokenIndex);
    }

    [Fact]
    public void Should_Map_As_The_Text_Lookup_Does_When_Pairs_Recur_And_Collide()
    {
        // Given: many pairs (more than the slots hold without collisions), each mapped twice
        var mapper = new EventPermissionMapper(EventPermissionMapper.Default.Catalog);
        string[] sources = ["s3.amazonaws.com", "ec2.amazonaws.com", "kms.amazonaws.com", "iam.amazonaws.com", "nope.example.com"];
        string[] names = ["GetObject", "PutObject", "DescribeInstances", "Decrypt", "GetRole", "CreateQueue", "RunInstances", "Get\u00e9", ""];
        for (int round = 0; round < 2; round++)
        {
            for (int i = 0; i < 3000; i++)
            {
                string source = sources[i % sources.Length];
                string name = names[i % names.Length] + (i < 2000 ? (i / 45).ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty);
                using EventRecord record = EventRecord.Parse("{\"eventSource\":\"" + source + "\",\"eventName\":\"" + name + "\",\"requestParameters\":{}}");

                // When
                EventPermissions mapped = mapper.Map(record);

                // Then
                EventPermissions described = mapper.Describe(source, name);
                Assert.Equal(described.ServicePrefix, mapped.ServicePrefix);
                Assert.Equal(described.OperationName, mapped.OperationName);
            }
        }
    }

    [Fact]
    public void Should_Map_Each_Pair_As_Its_Own_When_Escaped_Line_Feeds_Make_Their_Joined_Texts_Equal()
    {
        // Given: two pairs whose source and name joined by a line feed are the same text
        (string Source, string Name)[] pairs = [("ec2.amazonaws.com\ns3.amazonaws.com", "GetObject"), ("ec2.amazonaws.com", "s3.amazonaws.com\nGetObject")];
        EventPermissions[] described = [.. pairs.Select(static p => new EventPermissionMapper(EventPermissionMapper.Default.Catalog).Describe(p.Source, p.Name))];
        Assert.NotEqual((described[0].ServicePrefix, described[0].OperationName), (described[1].ServicePrefix, described[1].OperationName));
        var mapper = new EventPermissionMapper(EventPermissionMapper.Default.Catalog);

        for (int round = 0; round < 2; round++)
        {
            for (int i = 0; i < pairs.Length; i++)
            {
                // When: one mapper maps both, twice
                using EventRecord record = EventRecord.Parse(JsonSerializer.Serialize(new Dictionary<string, object>
                {
                    ["eventSource"] = pairs[i].Source, ["eventName"] = pairs[i].Name, ["requestParameters"] = new Dictionary<string, string>(),
                }));
                EventPermissions mapped = mapper.Map(record);

                // Then: as a fresh mapper describes that pair
                Assert.Equal((described[i].ServicePrefix, described[i].OperationName), (mapped.ServicePrefix, mapped.OperationName));
            }
        }
    }

    // The lookup the one-walk version replaced: the exact name (the last of a repeat), else the first unescaped name
    // equal ignoring ASCII case.
    private static JsonNode TwoWalks(JsonNode node, ReadOnlySpan<byte> name)
    {
        JsonNode exact = node.GetProperty(name);
        if (exact.Kind != JsonKind.Undefined || node.Kind != JsonKind.Object)
        {
            return exact;
        }

        foreach (JsonNode.PropertyEnumerator property in node.EnumerateProperties())
        {
            JsonNode key = property.Name;
            if (!key.HasEscapes && Ascii.EqualsIgnoreCase(key.RawStringContent, name))
            {
                return property.Value;
            }
        }

        return default;
    }
}
