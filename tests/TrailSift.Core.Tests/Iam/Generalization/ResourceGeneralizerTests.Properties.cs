using TrailSift.Core.Iam.Generalization;

namespace TrailSift.Core.Tests.Iam.Generalization;

/// <summary>Properties over many generated inputs (seeded, so failures reproduce).</summary>
public sealed partial class ResourceGeneralizerTests
{
    private const int Iterations = 400;

    [Theory]
    [InlineData(GeneralizationMode.None)]
    [InlineData(GeneralizationMode.Safe)]
    [InlineData(GeneralizationMode.Aggressive)]
    public void Should_Cover_Every_Input_Once_With_A_Matching_Pattern_When_Inputs_Are_Random(GeneralizationMode mode)
    {
        var random = new Random(20240101 + (int)mode);
        for (int i = 0; i < Iterations; i++)
        {
            // Given
            List<string> inputs = RandomArns(random);

            // When
            IReadOnlyList<GeneralizedResource> result = ResourceGeneralizer.Generalize(inputs, null, mode);

            // Then
            AssertPartitionsAndMatches(inputs, result);
        }
    }

    [Theory]
    [InlineData(GeneralizationMode.Safe)]
    [InlineData(GeneralizationMode.Aggressive)]
    public void Should_Give_The_Same_Result_When_Input_Order_Changes(GeneralizationMode mode)
    {
        var random = new Random(7);
        for (int i = 0; i < Iterations; i++)
        {
            // Given
            List<string> inputs = RandomArns(random);
            List<string> shuffled = [.. inputs.OrderBy(_ => random.Next())];

            // When
            IReadOnlyList<GeneralizedResource> a = ResourceGeneralizer.Generalize(inputs, null, mode);
            IReadOnlyList<GeneralizedResource> b = ResourceGeneralizer.Generalize(shuffled, null, mode);

            // Then
            Assert.Equal(a.Select(Describe), b.Select(Describe));
        }
    }

    [Fact]
    public void Should_Never_Cross_Groups_Or_Reach_The_Type_Level_When_Mode_Is_Safe()
    {
        var random = new Random(42);
        int wildcards = 0;
        for (int i = 0; i < Iterations; i++)
        {
            // Given
            List<string> inputs = RandomArns(random, withWildcards: false);

            // When
            IReadOnlyList<GeneralizedResource> result = ResourceGeneralizer.Generalize(inputs, null, GeneralizationMode.Safe);

            // Then
            foreach (GeneralizedResource r in result)
            {
                Assert.True(ArnShape.TryRead(r.Covers[0], null, out ArnShape first));
                foreach (string value in r.Covers)
                {
                    Assert.True(ArnShape.TryRead(value, null, out ArnShape shape));
                    Assert.Equal(first.GroupKey, shape.GroupKey);
                }

                if (r.IsWildcard)
                {
                    wildcards++;
                    Assert.True(r.Covers.Count >= 2, $"{r.Pattern} covers a single value");
                    Assert.True(r.Pattern.Length - 1 > first.TypePartLength, $"{r.Pattern} is at the resource-type level");
                    Assert.True(IsBoundary(r.Pattern[^2]), $"{r.Pattern} does not end at a name boundary");
                }
            }
        }

        Assert.True(wildcards > Iterations / 4, $"only {wildcards} wildcards produced: the generator does not exercise generalisation");
    }

    [Fact]
    public void Should_Never_Give_More_Entries_Than_Safe_When_Mode_Is_Aggressive()
    {
        var random = new Random(99);
        for (int i = 0; i < Iterations; i++)
        {
            // Given
            List<string> inputs = RandomArns(random);

            // When
            int safe = ResourceGeneralizer.Generalize(inputs, null, GeneralizationMode.Safe).Count;
            int aggressive = ResourceGeneralizer.Generalize(inputs, null, GeneralizationMode.Aggressive).Count;
            int none = ResourceGeneralizer.Generalize(inputs, null, GeneralizationMode.None).Count;

            // Then
            Assert.True(aggressive <= safe && safe <= none, $"aggressive {aggressive}, safe {safe}, none {none}");
            Assert.Equal(inputs.Distinct().Count(), none);
        }
    }

    private static bool IsBoundary(char c) => c is '-' or '_' or '/' or ':' or '.';

    private static string Describe(GeneralizedResource r) => r.Pattern + " <- " + string.Join(",", r.Covers);

    private static readonly string[] Accounts = ["111122223333", "444455556666"];
    private static readonly string[] Regions = ["us-east-1", "eu-west-1"];
    private static readonly string[] Partitions = ["aws", "aws", "aws", "aws-cn"];
    private static readonly string[] Stems = ["AWS-ElasticMapReduce-", "orders-", "orders-prod-", "team_alpha.", "app-01-", "x", "job-2024-01-"];
    private static readonly string[] Folders = ["logs", "2024", "01", "02", "a", "b", "reports", "tmp-1"];

    private static List<string> RandomArns(Random random, bool withWildcards = true)
    {
        int count = random.Next(1, 14);
        var list = new List<string>(count);
        // Most values share one home partition, account and region, so that groups have several members.
        (string Partition, string Account, string Region) home = (Pick(random, Partitions), Pick(random, Accounts), Pick(random, Regions));
        for (int i = 0; i < count; i++)
        {
            bool atHome = random.Next(5) != 0;
            string partition = atHome ? home.Partition : Pick(random, Partitions);
            string account = atHome ? home.Account : Pick(random, Accounts);
            string region = atHome ? home.Region : Pick(random, Regions);
            list.Add(random.Next(8) switch
            {
                0 or 1 => $"arn:{partition}:sqs:{region}:{account}:{Pick(random, Stems)}{RandomId(random)}",
                2 => $"arn:{partition}:ec2:{region}:{account}:instance/i-{Hex(random, 17)}",
                3 => $"arn:{partition}:s3:::bucket-{random.Next(2)}/{RandomPath(random)}",
                4 => $"arn:{partition}:iam::{account}:role/{RandomPath(random)}",
                5 => $"arn:{partition}:lambda:{region}:{account}:function:{Pick(random, Stems)}{RandomId(random)}",
                6 when withWildcards => random.Next(3) == 0 ? "*" : $"arn:{partition}:ec2:{region}:{account}:instance/*",
                _ => $"arn:{partition}:sqs:{region}:{account}:{Pick(random, Stems)}{Pick(random, Folders)}",
            });
        }

        return list;
    }

    private static string RandomId(Random random) => random.Next(5) switch
    {
        0 => "j-" + Opaque(random, 13),
        1 => Hex(random, 8),
        2 => random.Next(100000).ToString(System.Globalization.CultureInfo.InvariantCulture),
        3 => $"{Hex(random, 8)}-{Hex(random, 4)}-{Hex(random, 4)}-{Hex(random, 4)}-{Hex(random, 12)}",
        _ => Pick(random, Folders),
    };

    private static string RandomPath(Random random)
    {
        int depth = random.Next(1, 4);
        var parts = new string[depth];
        for (int i = 0; i < depth; i++)
        {
            parts[i] = Pick(random, Folders) + (i == depth - 1 && random.Next(2) == 0 ? "." + Pick(random, ["gz", "csv"]) : "");
        }

        return string.Join('/', parts);
    }

    private static string Hex(Random random, int length) => Chars(random, length, "0123456789abcdef");

    private static string Opaque(Random random, int length) => Chars(random, length, "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ");

    private static string Chars(Random random, int length, string alphabet)
    {
        var chars = new char[length];
        for (int i = 0; i < length; i++)
        {
            chars[i] = alphabet[random.Next(alphabet.Length)];
        }

        return new string(chars);
    }

    private static T Pick<T>(Random random, T[] items) => items[random.Next(items.Length)];
}
