using TrailSift.Core.Query.Jq;
using TrailSift.Core.Query.Jq.Syntax;
using TrailSift.Core.Query.Jq.Values;

namespace TrailSift.Core.Tests.Query.JqEngine;

/// <summary>The jq cases of tests/data/jq/jqcore*.test, whose expected outputs come from jq 1.7.1 itself.</summary>
public sealed class JqCaseTests
{
    /// <summary>The regex and date cases run only when those builtins are compiled in (Core/Query/Jq/Support present).</summary>
    private static readonly string[] Files = TrailSift.Core.Query.Jq.Builtins.JqNatives.Find("_match_impl", 3) is null
        ? ["jqcore.test"]
        : ["jqcore.test", "jqcore-regex.test", "jqcore-time.test"];
    private static readonly Lazy<Dictionary<string, JqCase>> Cases = new(() => Files.SelectMany(JqCaseFile.Load).ToDictionary(c => c.Id));

    public static TheoryData<string> CaseIds()
    {
        var data = new TheoryData<string>();
        foreach (string id in Cases.Value.Keys)
        {
            data.Add(id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void Should_print_what_jq_prints_When_running_a_case(string id)
    {
        // Given
        JqCase c = Cases.Value[id];

        // When
        List<string> actual = JqLargeStack.Run(() => Run(c));

        // Then
        if (c.MustFail)
        {
            Assert.Equal(["<compile error>"], actual);
        }
        else
        {
            Assert.Equal(c.Expected, actual);
        }
    }

    private static List<string> Run(JqCase c)
    {
        JqProgram program;
        try
        {
            program = JqProgram.Compile(c.Program);
        }
        catch (JqParseException e)
        {
            return c.MustFail ? ["<compile error>"] : ["<compile error> " + e.Message];
        }

        JqValue input = JqJsonReader.ParseOne(c.Input ?? "null");
        return program.RunAll(input).Select(JqJsonWriter.ToJson).ToList();
    }
}
