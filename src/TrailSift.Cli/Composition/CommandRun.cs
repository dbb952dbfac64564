using System.Text;
using TrailSift.Cli.Reporting;
using TrailSift.Core.Common;
using TrailSift.Core.Events;
using TrailSift.Core.Scan;

namespace TrailSift.Cli.Composition;

/// <summary>
/// The run skeleton every command shares: the reporter, merging the workers' results, text output with one
/// flushing rule, and the closing "input problems → exit 2" rule. Write errors are not handled here: they
/// propagate to <see cref="App.Run"/>, which ends a closed pipe quietly and reports any other failure.
/// </summary>
public sealed class CommandRun
{
    /// <summary>Starts a run.</summary>
    public CommandRun(AppEnvironment env)
    {
        Env = env;
        Reporter = new ConsoleReporter(env.Stderr);
    }

    /// <summary>The process environment.</summary>
    public AppEnvironment Env { get; }

    /// <summary>Per-input problems and messages.</summary>
    public ConsoleReporter Reporter { get; }

    /// <summary>True when output may be coloured.</summary>
    public bool Color => (Env.StdoutIsTerminal || Env.ForceColor) && !Env.NoColor;

    /// <summary>Merges the workers' sinks into the first with <paramref name="merge"/>.</summary>
    public static TSink Merge<TSink>(ScanResult<TSink> result, Action<TSink, TSink> merge)
    {
        TSink total = result.Sinks[0];
        for (int i = 1; i < result.Sinks.Count; i++)
        {
            merge(total, result.Sinks[i]);
        }

        return total;
    }

    /// <summary>Writes text to stdout through <paramref name="write"/> (UTF-8, <c>\n</c>) and flushes.</summary>
    public void WriteText(Action<TextWriter> write, int bufferBytes = 64 * 1024)
    {
        using var writer = new StreamWriter(Env.Stdout, new UTF8Encoding(false), bufferBytes, leaveOpen: true) { NewLine = "\n" };
        write(writer);
        writer.Flush();
    }

    /// <summary>Writes bytes to stdout and flushes.</summary>
    public void WriteBytes(ReadOnlySpan<byte> bytes)
    {
        Env.Stdout.Write(bytes);
        Env.Stdout.Flush();
    }

    /// <summary>Flushes ordered output; rethrows the write failure it recorded (a closed pipe included, which ends quietly).</summary>
    public static void Flush(OrderedOutput output)
    {
        output.Flush();
        if (output.Failure is { } failure and not OutputLimitReachedException)
        {
            throw failure;
        }
    }

    /// <summary>The exit code: 2 after input problems (with one summary line naming what is <paramref name="incomplete"/>), else <paramref name="code"/>.</summary>
    public int Finish(int code, string incomplete = "results may be incomplete")
    {
        if (Reporter.Problems > 0)
        {
            Reporter.Message($"{Reporter.Problems} input problem(s); {incomplete}");
            return ExitCodes.Error;
        }

        return code;
    }

    /// <summary>0 when something was found, 1 otherwise (after <see cref="Finish"/>'s input-problem rule).</summary>
    public int FinishFound(bool found, string incomplete = "results may be incomplete") =>
        Finish(found ? ExitCodes.Results : ExitCodes.NoResults, incomplete);
}
