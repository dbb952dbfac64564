using System.Diagnostics;
using System.Globalization;

namespace TrailSift.Cli.Tests;

/// <summary>trailsift.dll as a process of its own (with the running dotnet host), for what only a real process shows: signals.</summary>
public static class RealCli
{
    /// <summary>Starts <c>trailsift</c> with <paramref name="args"/> and <paramref name="variables"/> added to the environment; output redirected.</summary>
    public static Process Start(IEnumerable<string> args, IReadOnlyDictionary<string, string>? variables = null)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "trailsift.dll"));
        foreach (string a in args)
        {
            start.ArgumentList.Add(a);
        }

        start.Environment["DOTNET_EnableDiagnostics"] = "0";
        foreach ((string k, string v) in variables ?? new Dictionary<string, string>())
        {
            start.Environment[k] = v;
        }

        return Process.Start(start)!;
    }

    /// <summary>Sends SIGINT (what Ctrl-C sends) to <paramref name="process"/>.</summary>
    public static void Interrupt(Process process)
    {
        using Process kill = Process.Start("/bin/kill", ["-INT", process.Id.ToString(CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }
}
