using TrailSift.Testing;
using TrailSift.Core.Tests.Query;

namespace TrailSift.Core.Tests.Query;

/// <summary>The data-driven language cases in tests/data/query/*.cases and the examples of docs/query-language.md.</summary>
public sealed class QueryCaseTests
{
    private static readonly Lazy<Dictionary<string, QueryCase>> FileCases = new(() => Load(ReadCaseFiles()));
    private static readonly Lazy<Dictionary<string, QueryCase>> DocCases = new(() => Load(ReadDocExamples()));

    public static TheoryData<string> CaseIds() => Ids(FileCases.Value);

    /// <summary>Every (filter, input, verdict) case of the case files and the doc, for the jq cross-check.</summary>
    public static List<QueryCase> AllVerdictCases()
    {
        var all = new List<QueryCase>();
        foreach (QueryCase c in FileCases.Value.Values)
        {
            if (c.Input is not null)
            {
                all.Add(c);
            }
        }

        foreach (QueryCase c in DocCases.Value.Values)
        {
            if (c.Input is not null)
            {
                all.Add(c);
            }
        }

        return all;
    }

    public static TheoryData<string> DocCaseIds() => Ids(DocCases.Value);

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void Should_Give_Expected_Verdict_When_Running_Case_File(string id)
    {
        // Given / When / Then
        QueryCaseRunner.Run(FileCases.Value[id]);
    }

    [Theory]
    [MemberData(nameof(DocCaseIds))]
    public void Should_Give_Documented_Verdict_When_Running_Doc_Example(string id)
    {
        // Given: the doc's examples are conditions as count, denied and query's condition mode read them (jq 1.7.1)
        QueryCase c = DocCases.Value[id];
        TrailSift.Core.Query.EventFilterParseResult parsed = TrailSift.Core.Query.EventFilter.ParseCondition(c.Filter);
        if (c.Input is null)
        {
            Assert.False(parsed.Success, c.Filter);
            return;
        }

        // When
        Assert.True(parsed.Success, parsed.Error);
        using TrailSift.Core.Events.EventRecord record = TrailSift.Core.Events.EventRecord.Parse(c.Input);
        bool selected = parsed.Filter!.Predicate.ForWorker().Matches(record);

        // Then
        Assert.True(selected == c.Expected, $"{c.Id}: `{c.Filter}` on {c.Input}: expected {c.Expected}");
    }

    [Fact]
    public void Should_Render_Documented_Error_When_Doc_Shows_A_Malformed_Filter()
    {
        // Given: ```trailsift-error blocks hold a filter, then the message trailsift prints for it
        string[] lines = File.ReadAllLines(Path.Combine(RepoPaths.Root, "docs", "query-language.md"));
        int blocks = 0;
        for (int i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim() != "```trailsift-error")
            {
                continue;
            }

            blocks++;
            string filter = lines[i + 1];
            var expected = new List<string>();
            int j = i + 2;
            for (; lines[j].Trim() != "```"; j++)
            {
                expected.Add(lines[j]);
            }

            // When
            TrailSift.Core.Query.EventFilterParseResult result = TrailSift.Core.Query.EventFilter.Parse(filter);

            // Then: the block is the message after "trailsift: "
            Assert.False(result.Success, filter);
            Assert.Equal(string.Join("\n", expected), result.Error);
            i = j;
        }

        Assert.True(blocks >= 2, $"only {blocks} error examples");
    }

    [Fact]
    public void Should_Hold_At_Least_150_Cases_When_Case_Files_Are_Read()
    {
        // Given
        int count = FileCases.Value.Count;

        // Then
        Assert.True(count >= 150, $"only {count} cases");
    }

    [Fact]
    public void Should_Find_Examples_When_Reading_The_Language_Doc()
    {
        Assert.True(DocCases.Value.Count >= 10, $"only {DocCases.Value.Count} doc examples");
    }

    private static TheoryData<string> Ids(Dictionary<string, QueryCase> cases)
    {
        var data = new TheoryData<string>();
        foreach (string id in cases.Keys)
        {
            data.Add(id);
        }

        return data;
    }

    private static Dictionary<string, QueryCase> Load(List<QueryCase> cases)
    {
        var map = new Dictionary<string, QueryCase>();
        foreach (QueryCase c in cases)
        {
            map.Add(c.Id, c);
        }

        return map;
    }

    private static List<QueryCase> ReadCaseFiles()
    {
        var all = new List<QueryCase>();
        string dir = Path.Combine(RepoPaths.Root, "tests", "data", "query");
        foreach (string file in Directory.GetFiles(dir, "*.cases").Order(StringComparer.Ordinal))
        {
            all.AddRange(QueryCaseFile.Read(Path.GetFileName(file), File.ReadAllLines(file)));
        }

        return all;
    }

    // Fenced blocks marked ```trailsift-query hold cases in the same format.
    private static List<QueryCase> ReadDocExamples()
    {
        string path = Path.Combine(RepoPaths.Root, "docs", "query-language.md");
        string[] lines = File.ReadAllLines(path);
        var all = new List<QueryCase>();
        for (int i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim() != "```trailsift-query")
            {
                continue;
            }

            int start = i + 1;
            var block = new List<string>();
            while (++i < lines.Length && lines[i].Trim() != "```")
            {
                block.Add(lines[i]);
            }

            all.AddRange(QueryCaseFile.Read($"query-language.md:{start}", block));
        }

        return all;
    }
}
