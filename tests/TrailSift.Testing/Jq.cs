using System.Diagnostics;
using System.Text;

namespace TrailSift.Testing;

/// <summary>Runs the jq executable, the reference implementation of the query language (jq 1.6).</summary>
public static class Jq
{
    /// <summary>The jq found on the PATH, or null when it is not installed.</summary>
    public static string? Executable { get; } = Locate();

    /// <summary>Why a test that needs jq cannot run here.</summary>
    public const string Missing = "jq is not on the PATH: the differential tests compare TrailSift with jq 1.6 (install it: apt-get install jq)";

    /// <summary>Runs jq with <paramref name="arguments"/>, writing <paramref name="writeInput"/> to its standard input.</summary>
    public static JqOutput Run(IEnumerable<string> arguments, Action<Stream>? writeInput = null)
    {
        var start = new ProcessStartInfo(Executable ?? throw new InvalidOperationException(Missing))
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process jq = Process.Start(start)!;
        Task<string> stderr = jq.StandardError.ReadToEndAsync();
        Task feed = Task.Run(() => Feed(jq.StandardInput.BaseStream, writeInput));
        var lines = new List<string>();
        while (jq.StandardOutput.ReadLine() is { } line)
        {
            lines.Add(line);
        }

        feed.Wait();
        jq.WaitForExit();
        return new JqOutput(jq.ExitCode, lines, stderr.Result);
    }

    /// <summary>
    /// A jq expression that turns one event into the input the first stage of <paramref name="filter"/>
    /// walks: a filter that starts with <c>.Records[]</c> is written for a CloudTrail file, one that starts
    /// with <c>.[]</c> for a bare array, any other for the event itself.
    /// </summary>
    public static string EventAsInputOf(string filter) =>
        filter.TrimStart().StartsWith(".Records[]", StringComparison.Ordinal) ? "{\"Records\":[.]}"
        : filter.TrimStart().StartsWith(".[]", StringComparison.Ordinal) ? "[.]"
        : ".";

    /// <summary>
    /// A jq expression that is true when <paramref name="filter"/> selects its input the way TrailSift
    /// defines it: no error anywhere and at least one truthy output. The newline ends a trailing comment.
    /// </summary>
    public static string SelectsEvent(string filter) =>
        $"(try ([{EventAsInputOf(filter)} | ({filter}\n)] | any) catch false)";

    private static void Feed(Stream input, Action<Stream>? writeInput)
    {
        try
        {
            writeInput?.Invoke(input);
            input.Dispose();
        }
        catch (IOException)
        {
            // jq stopped reading (it failed); its exit code and stderr tell why.
        }
    }

    private static string? Locate()
    {
        foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator))
        {
            string candidate = Path.Combine(dir, OperatingSystem.IsWindows() ? "jq.exe" : "jq");
            if (dir.Length > 0 && File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}

/// <summary>What a jq run printed: one entry per stdout line.</summary>
public sealed record JqOutput(int ExitCode, IReadOnlyList<string> Lines, string Stderr)
{
    /// <summary>The lines, after checking that jq succeeded.</summary>
    public IReadOnlyList<string> LinesOrFail(string what)
    {
        Assert.True(ExitCode == 0, $"jq failed on {what} (exit {ExitCode}): {Stderr}");
        return Lines;
    }
}
