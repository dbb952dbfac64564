using System.Runtime.InteropServices;

namespace TrailSift.Benchmarks;

/// <summary>What the reports say about the machine and the runtime settings measured.</summary>
internal static class Machine
{
    /// <summary>The CPU model from <c>/proc/cpuinfo</c>, else the architecture.</summary>
    public static string Cpu()
    {
        const string Prefix = "model name";
        string? line = File.Exists("/proc/cpuinfo") ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith(Prefix, StringComparison.Ordinal)) : null;
        return line is null ? RuntimeInformation.OSArchitecture.ToString() : line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
    }

    /// <summary>The load average line of <c>/proc/loadavg</c>, or <c>n/a</c>.</summary>
    public static string Load() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";

    /// <summary>Core count, framework, and the two runtime settings the CLI also sets.</summary>
    public static string Runtime() =>
        $"{Environment.ProcessorCount} cores, {RuntimeInformation.FrameworkDescription}; TieredPGO {AppContext.TryGetSwitch("System.Runtime.TieredPGO", out bool pgo) && pgo}, " +
        $"CallCountingDelayMs {AppContext.GetData("System.Runtime.TieredCompilation.CallCountingDelayMs") ?? "default"}";
}
