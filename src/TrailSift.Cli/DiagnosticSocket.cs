using System.Runtime.CompilerServices;

namespace TrailSift.Cli;

/// <summary>
/// Removes the JIT runtime's diagnostic IPC socket, <c>$TMPDIR/dotnet-diagnostic-PID-KEY-socket</c>, and its debugger
/// FIFOs, <c>clr-debug-pipe-PID-KEY-in</c>/<c>-out</c>, as soon as the CLI starts, so that a killed run (kill -9, SIGTERM,
/// SIGHUP) leaves nothing in the temp directory (issue #12); no tool can attach afterwards. The runtime creates them
/// before <c>Main</c> and removes them only on a clean exit; it reads <c>DOTNET_EnableDiagnostics</c> only from
/// the environment (a <c>runtimeconfig.json</c> property is ignored: checked on .NET 10), which the <c>./trailsift</c>
/// launcher sets but <c>dotnet tool install</c> and <c>dotnet trailsift.dll</c> do not. The Native AOT binary has no
/// diagnostic server. <c>TRAILSIFT_DIAGNOSTICS=1</c> keeps the socket for dotnet-trace and dotnet-counters.
/// </summary>
/// <remarks>Stateless; called once from <c>Main</c>.</remarks>
internal static class DiagnosticSocket
{
    /// <summary>Deletes this process's diagnostic socket and debugger FIFOs, if it has them.</summary>
    public static void Remove()
    {
        if (!RuntimeFeature.IsDynamicCodeCompiled || !OperatingSystem.IsLinux() || Environment.GetEnvironmentVariable("TRAILSIFT_DIAGNOSTICS") == "1")
        {
            return;
        }

        try
        {
            // The runtime names it after the process start time in clock ticks since boot (/proc/self/stat field 22).
            string stat = File.ReadAllText("/proc/self/stat");
            string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            string key = $"{Environment.ProcessId}-{fields[19]}";
            string temp = Path.GetTempPath();
            File.Delete(Path.Combine(temp, $"dotnet-diagnostic-{key}-socket"));
            File.Delete(Path.Combine(temp, $"clr-debug-pipe-{key}-in"));
            File.Delete(Path.Combine(temp, $"clr-debug-pipe-{key}-out"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or IndexOutOfRangeException)
        {
            // Nothing to remove, or not ours to remove: the run goes on as before.
        }
    }
}
