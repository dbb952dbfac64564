using System.Text.RegularExpressions;
using TrailSift.Core.Events;
using TrailSift.Core.Json;
using TrailSift.Core.Query;
using TrailSift.Core.Query.Evaluation;
using TrailSift.Core.Query.Jq;
using TrailSift.Core.Query.Running;
using TrailSift.Testing;
using Xunit.Abstractions;

namespace TrailSift.Core.Tests.Query;

/// <summary>
/// The in-place fast path (<see cref="FastCondition"/>) must decide every event as the jq engine does (jq 1.7.1, itself
/// checked against jq-wasm): every condition of the filter list and the case files that the fast path accepts is run both
/// ways on the corpus events and on the cases' own inputs.
/// </summary>
[Collection(Name)]
public sealed class FastConditionDifferentialTests(ITestOutputHelper output)
{
    /// <summary>Runs alone: it allocates heavily, and the jq engine's memory budget reads the whole process's memory.</summary>
    public const string Name = "fast-condition differential (alone)";

    [Fact]
    public void Should_Select_What_The_Jq_Engine_Selects_When_A_Condition_Runs_In_Place()
    {
        // Given: conditions (file prefixes removed) and events
        var conditions = DifferentialFilter.LoadAll().Select(f => AsCondition(f.Text))
            .Concat(QueryCaseTests.AllVerdictCases().Select(c => AsCondition(c.Filter)))
            .Distinct(StringComparer.Ordinal).ToList();
        var events = QueryCaseTests.AllVerdictCases().Select(c => c.Input!).ToList();
        if (RepoPaths.Shared is string shared)
        {
            events.AddRange(JqDifferentialTests.LoadCorpus(Path.Combine(shared, "corpus")));
        }

        var records = events.Select(e => EventRecord.Parse(e)).Where(r => r.Root.Kind == JsonKind.Object).ToList();

        // When
        var mismatches = new List<string>();
        int fast = 0, compared = 0;
        foreach (string condition in conditions)
        {
            QNode? node;
            JqProgram program;
            try
            {
                node = FastCondition.TryCompile(condition);
                program = JqProgram.Compile(condition);
            }
            catch (Exception e) when (e is TrailSift.Core.Query.Jq.Syntax.JqParseException)
            {
                continue; // not jq 1.7.1 (an error case of the old language)
            }

            if (node is null)
            {
                continue;
            }

            fast++;
            var inPlace = new ConditionPredicate(program, node, null);
            IEventPredicate engine = new ConditionPredicate(program, null, null).ForWorker();
            foreach (EventRecord r in records)
            {
                compared++;
                bool a = inPlace.Matches(r), b = engine.Matches(r);
                if (a != b && mismatches.Count < 20)
                {
                    mismatches.Add($"`{condition}` on {r.Utf8.Length} bytes {System.Text.Encoding.UTF8.GetString(r.Utf8)[..Math.Min(200, r.Utf8.Length)]}: in place {a}, jq engine {b}");
                }
            }
        }

        // Then
        output.WriteLine($"{fast} of {conditions.Count} conditions run in place; {compared} verdicts compared over {records.Count} events");
        Assert.True(fast > 100, $"only {fast} conditions took the fast path");
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    [Fact]
    public void Should_Find_A_Substring_After_A_Nul_Character_When_Contains_Runs_In_Place()
    {
        // Given: jq 1.7.1 compares whole strings (memmem); jq 1.6 stopped at the first NUL
        using EventRecord r = EventRecord.Parse("{\"s\":\"a\\u0000b\"}");
        QNode node = FastCondition.TryCompile(".s | contains(\"b\")")!;

        // When
        bool selected = new ConditionPredicate(JqProgram.Compile(".s | contains(\"b\")"), node, null).Matches(r);

        // Then
        Assert.True(selected);
    }

    private static string AsCondition(string filter) =>
        Regex.Replace(Regex.Replace(filter, @"^\s*(\.Records\[\]\??|\.\[\])\s*\|\s*", string.Empty), @"^\s*\.Records\[\](?=\.)", string.Empty);
}
