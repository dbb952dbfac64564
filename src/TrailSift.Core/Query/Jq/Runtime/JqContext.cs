using TrailSift.Core.Query.Jq.Values;

namespace TrailSift.Core.Query.Jq.Runtime;

/// <summary>Per-run state of a program: budget counters, inputs, named arguments, stderr, the break in flight.</summary>
public sealed class JqContext
{
    private const long MemoryCheckInterval = 1 << 14;
    private const long SmallAllocation = 1 << 20;

    [ThreadStatic]
    private static JqContext? t_running;
    private long _nextMemoryCheck;
    private JqObject? _env;

    /// <summary>A context with the given budget.</summary>
    public JqContext(JqBudget? budget = null)
    {
        Budget = budget ?? JqBudget.Default;
        ResetSteps();
    }

    /// <summary>The limits.</summary>
    public JqBudget Budget { get; }

    /// <summary>Steps used so far.</summary>
    public long Steps { get; private set; }

    /// <summary>Where <c>input</c>/<c>inputs</c> read from.</summary>
    public IJqInputs? Inputs { get; set; }

    /// <summary>Named arguments (<c>--arg</c>, <c>--argjson</c>, ...) as variables.</summary>
    public Dictionary<string, JqValue> Variables { get; } = new(StringComparer.Ordinal);

    /// <summary>Receives <c>debug</c> and <c>stderr</c> output (already formatted).</summary>
    public Action<string>? Stderr { get; set; }

    /// <summary>The environment as <c>$ENV</c>.</summary>
    public JqObject Environment => _env ??= ReadEnvironment();

    internal object? PendingBreak { get; set; }

    /// <summary>Resets the step counter (the budget is per program run on one input).</summary>
    public void ResetSteps()
    {
        Steps = 0;
        _nextMemoryCheck = NextCheck(0);
    }

    internal void Step()
    {
        long s = ++Steps;
        if (s >= _nextMemoryCheck)
        {
            CheckBudget(s);
        }
    }

    /// <summary>The context whose program runs on this thread (set by <see cref="JqProgram.Run"/>), or null.</summary>
    internal static JqContext? Running
    {
        get => t_running;
        set => t_running = value;
    }

    /// <summary>
    /// Ends the running evaluation with a budget error before one value of <paramref name="bytes"/> is allocated,
    /// when it would take the managed heap over the memory budget. The step-driven check alone comes too late for
    /// one operation that builds a huge value at once (<c>.[400000000] = 1</c> pads an array, <c>"ab" * 1e8</c>).
    /// </summary>
    internal static void Reserve(long bytes)
    {
        JqContext? cx = t_running;
        if (bytes < SmallAllocation || cx is null || cx.Budget.MaxMemoryBytes <= 0)
        {
            return;
        }

        cx.CheckMemory(bytes);
    }

    // Ends the evaluation when the managed heap plus `extra` bytes exceeds the budget; a collection decides a close call.
    private void CheckMemory(long extra)
    {
        long limit = Budget.MaxMemoryBytes;
        if (limit > 0 && (extra > limit || (GC.GetTotalMemory(false) + extra > limit && GC.GetTotalMemory(true) + extra > limit)))
        {
            throw new JqBudgetExceededException($"evaluation budget exceeded: more than {limit / (1 << 20)} MiB of memory");
        }
    }

    private void CheckBudget(long s)
    {
        _nextMemoryCheck = NextCheck(s);
        if (Budget.MaxSteps > 0 && s > Budget.MaxSteps)
        {
            throw new JqBudgetExceededException($"evaluation budget exceeded: more than {Budget.MaxSteps} steps");
        }

        CheckMemory(0);
    }

    private long NextCheck(long s) => Budget.MaxSteps > 0 ? Math.Min(s + MemoryCheckInterval, Budget.MaxSteps + 1) : s + MemoryCheckInterval;

    private static JqObject ReadEnvironment()
    {
        var b = new JqObjectBuilder();
        foreach (System.Collections.DictionaryEntry e in System.Environment.GetEnvironmentVariables())
        {
            b.Set((string)e.Key, new JqString((string?)e.Value ?? string.Empty));
        }

        return b.ToObject();
    }
}
