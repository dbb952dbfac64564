using System.Diagnostics;
using TrailSift.Core.Query.Jq;
using TrailSift.Core.Query.Jq.Runtime;
using TrailSift.Core.Query.Jq.Syntax;
using TrailSift.Core.Query.Jq.Values;

namespace TrailSift.Core.Tests.Query.JqEngine;

/// <summary>Hostile programs: long chains, deep nesting, huge literals, runaway evaluations (issue #12 items for the filter language).</summary>
public sealed class JqRobustnessTests
{
    [Theory]
    [InlineData(30_000, "1,", "1", "[{0}] | length", "30001")]
    [InlineData(40_000, "1,", "1", "[{0}] | length", "40001")]
    [InlineData(40_000, ".[]?", "", "[{0}] | length", "0")]
    [InlineData(40_000, "?", "", ".a{0} | 1", "1")]
    [InlineData(20_000, " | .", "", ".{0}", "{\"k\":1}")]
    public void Should_evaluate_without_overflowing_When_a_chain_is_long(int count, string piece, string tail, string shape, string expected)
    {
        // Given
        string chain = string.Concat(Enumerable.Repeat(piece, count)) + tail;
        string program = string.Format(System.Globalization.CultureInfo.InvariantCulture, shape, chain);

        // When
        List<JqValue> result = JqLargeStack.Run(() => JqProgram.Compile(program).RunAll(JqJsonReader.ParseOne("{\"k\":1}")));

        // Then
        Assert.Equal(expected, JqJsonWriter.ToJson(Assert.Single(result)));
    }

    [Theory]
    [InlineData("{a:", "1", "}")]
    [InlineData("[", "1", "]")]
    [InlineData("(", "1", ")")]
    [InlineData("if true then ", "1", " end")]
    public void Should_refuse_with_a_caret_When_nesting_is_too_deep(string open, string middle, string close)
    {
        // Given
        const int depth = 30_000;
        string program = string.Concat(Enumerable.Repeat(open, depth)) + middle + string.Concat(Enumerable.Repeat(close, depth));

        // When
        var e = Assert.Throws<JqParseException>(() => JqLargeStack.Run(() => JqProgram.Compile(program)));

        // Then
        Assert.Contains("nested too deeply", e.Reason, StringComparison.Ordinal);
        Assert.InRange(e.Offset, 1, program.Length / 2);
    }

    [Fact]
    public void Should_compile_in_linear_time_When_an_object_literal_has_ten_thousand_keys()
    {
        // Given
        string program = "{" + string.Join(", ", Enumerable.Range(0, 10_000).Select(i => $"k{i}: {i}")) + "} | length";
        var clock = Stopwatch.StartNew();

        // When
        List<JqValue> result = JqLargeStack.Run(() => JqProgram.Compile(program).RunAll(JqValue.Null));

        // Then
        Assert.Equal("10000", JqJsonWriter.ToJson(Assert.Single(result)));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    [Fact]
    public void Should_stop_with_an_error_When_an_evaluation_exceeds_its_step_budget()
    {
        // Given
        JqProgram program = JqProgram.Compile("[{x: .[], y: .[]}] | length");
        JqValue input = new JqArray(Enumerable.Range(0, 10_000).Select(i => (JqValue)JqNumber.Of(i)).ToArray());
        var context = new JqContext(new JqBudget { MaxSteps = 1_000_000 });

        // When
        var e = Assert.Throws<JqBudgetExceededException>(() => program.Run(context, input, _ => { }));

        // Then
        Assert.Contains("1000000 steps", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(".[400000000] = 1")]
    [InlineData(".a.b[82222222] = [5]")]
    [InlineData("setpath([300000000]; 1)")]
    [InlineData("\"ab\" * 1e8")]
    [InlineData("\"x\" * 22222232 | length")]
    public void Should_stop_before_allocating_When_one_operation_builds_a_value_over_the_memory_budget(string filter)
    {
        // Given: found by the jq fuzz target, which runs with 64 MiB; these took 0.7-3.5 GB and up to 38 s
        JqProgram program = JqProgram.Compile(filter);
        var context = new JqContext(new JqBudget { MaxSteps = 20_000, MaxMemoryBytes = 64L << 20 });
        long before = GC.GetAllocatedBytesForCurrentThread();

        // When
        var e = Assert.Throws<JqBudgetExceededException>(() => program.Run(context, JqValue.Null, _ => { }));

        // Then
        Assert.Contains("64 MiB of memory", e.Message, StringComparison.Ordinal);
        Assert.InRange(GC.GetAllocatedBytesForCurrentThread() - before, 0, 16L << 20);
    }

    [Theory]
    [InlineData("\"\" * 1e9", "\"\"")]
    [InlineData("[.[3] = 1 | length, (\"ab\" * 3)]", "[4,\"ababab\"]")]
    public void Should_give_jqs_result_at_once_When_a_repeat_or_padding_is_small_or_empty(string filter, string expected)
    {
        // Given
        JqProgram program = JqProgram.Compile(filter);
        var context = new JqContext(new JqBudget { MaxSteps = 20_000, MaxMemoryBytes = 64L << 20 });

        // When
        List<JqValue> result = program.RunAll(JqValue.Null, context);

        // Then
        Assert.Equal(expected, JqJsonWriter.ToJson(Assert.Single(result)));
    }

    [Fact]
    public void Should_stop_with_an_error_When_an_evaluation_exceeds_its_memory_budget()
    {
        // Given: a Cartesian product of a 4,000-element array (16 million objects), steps unlimited, 256 MiB of memory
        JqProgram program = JqProgram.Compile("[{x: .[], y: .[]}] | length");
        JqValue input = new JqArray(Enumerable.Range(0, 4_000).Select(i => (JqValue)JqNumber.Of(i)).ToArray());
        var context = new JqContext(new JqBudget { MaxSteps = long.MaxValue, MaxMemoryBytes = 256L << 20 });

        // When
        var e = Assert.Throws<JqBudgetExceededException>(() => program.Run(context, input, _ => { }));

        // Then
        Assert.Contains("more than 256 MiB of memory", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_not_be_caught_by_try_When_the_budget_is_exceeded()
    {
        // Given
        JqProgram program = JqProgram.Compile("try last(range(1e12)) catch \"caught\"");
        var context = new JqContext(new JqBudget { MaxSteps = 100_000 });

        // When / Then
        Assert.Throws<JqBudgetExceededException>(() => program.Run(context, JqValue.Null, _ => { }));
    }

    [Fact]
    public void Should_report_an_error_When_recursion_never_ends()
    {
        // Given
        JqProgram program = JqProgram.Compile("def f: 1 + f; f");

        Exception? error = null;
        var thread = new Thread(() =>
        {
            try
            {
                program.RunAll(JqValue.Null);
            }
            catch (Exception e)
            {
                error = e;
            }
        }, 16 * 1024 * 1024);

        // When
        thread.Start();
        thread.Join();

        // Then
        Assert.IsType<InsufficientExecutionStackException>(error);
    }
}
