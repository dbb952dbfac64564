using TrailSift.Core.Common;
using TrailSift.Core.Iam.Generalization;
using TrailSift.Core.Tests.Analysis.Denied;

namespace TrailSift.Core.Tests.Iam.Generalization;

/// <summary>Data-driven cases from tests/data/generalize/resources.cases.</summary>
public sealed partial class ResourceGeneralizerTests
{
    private static readonly Lazy<IReadOnlyList<CaseFile>> Cases = new(() => CaseFile.Load(TestPaths.Data("generalize", "resources.cases")));

    public static TheoryData<string> CaseNames() => CaseFile.Names(Cases.Value);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Should_Produce_The_Expected_Patterns(string name)
    {
        // Given
        CaseFile c = CaseFile.Find(Cases.Value, name);
        GeneralizationMode mode = Enum.Parse<GeneralizationMode>(c.Require("mode"), ignoreCase: true);
        string? type = c.Require("type") switch
        {
            "<null>" => null,
            "<none>" => ResourceGeneralizer.NoResourceType,
            string t => t,
        };
        string[] inputs = c.All("in").ToArray();

        // When
        IReadOnlyList<GeneralizedResource> result = ResourceGeneralizer.Generalize(inputs, type, mode);

        // Then
        Assert.Equal(c.All("out").ToArray(), result.Select(r => r.Pattern).ToArray());
        AssertPartitionsAndMatches(inputs, result);
    }

    /// <summary>Every input is covered by exactly one result, and every result matches all that it covers.</summary>
    internal static void AssertPartitionsAndMatches(IReadOnlyList<string> inputs, IReadOnlyList<GeneralizedResource> result)
    {
        var covered = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (GeneralizedResource r in result)
        {
            Assert.NotEmpty(r.Covers);
            Assert.Equal(r.Covers.OrderBy(x => x, StringComparer.Ordinal).Distinct(), r.Covers);
            foreach (string value in r.Covers)
            {
                Assert.True(AwsWildcard.IsMatch(r.Pattern, value), $"{r.Pattern} does not match {value}");
                Assert.True(covered.TryAdd(value, r.Pattern), $"{value} is covered twice");
            }
        }

        Assert.Equal(inputs.Distinct().OrderBy(x => x, StringComparer.Ordinal), covered.Keys.OrderBy(x => x, StringComparer.Ordinal));
    }
}
