using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace TrailSift.Testing;

/// <summary>
/// Opens an HTML report in headless chromium (Debian's package, installed by tests/tools/install-chromium.sh from
/// test.sh) through <c>node tests/tools/html-report.js</c> (playwright-core from tests/package.json): what the page
/// shows, as JSON, and a full-page screenshot.
/// </summary>
public static class HtmlReportBrowser
{
    /// <summary>Why the browser cannot run here, or null when it can.</summary>
    public static string? SkipReason { get; } = FindSkipReason();

    /// <summary>The chromium executable found, or null.</summary>
    public static string? Chromium { get; } = FindOnPath("chromium") ?? FindOnPath("chromium-browser");

    /// <summary>Opens <paramref name="report"/>, writes the screenshot to <paramref name="screenshot"/>, returns what the page shows.</summary>
    public static JsonDocument Open(string report, string screenshot)
    {
        if (SkipReason is { } reason)
        {
            throw new InvalidOperationException(reason);
        }

        var start = new ProcessStartInfo(FindOnPath("node")!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = new UTF8Encoding(false),
            WorkingDirectory = Path.Combine(RepoPaths.Root, "tests"),
        };
        start.ArgumentList.Add(Path.Combine(RepoPaths.Root, "tests", "tools", "html-report.js"));
        start.ArgumentList.Add(report);
        start.ArgumentList.Add(screenshot);
        start.ArgumentList.Add(Chromium!);
        using Process node = Process.Start(start)!;
        Task<string> stdout = node.StandardOutput.ReadToEndAsync();
        Task<string> stderr = node.StandardError.ReadToEndAsync();
        if (!node.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            node.Kill(entireProcessTree: true);
            throw new TimeoutException("html-report.js did not finish within 2 minutes");
        }

        return node.ExitCode == 0
            ? JsonDocument.Parse(stdout.Result)
            : throw new InvalidOperationException($"html-report.js exited {node.ExitCode}: {stderr.Result}");
    }

    private static string? FindSkipReason()
    {
        if (!File.Exists(Path.Combine(RepoPaths.Root, "tests", "node_modules", "playwright-core", "package.json")))
        {
            return "playwright-core is not installed (tests/node_modules): run ./test.sh, which runs npm ci in tests/";
        }

        if (FindOnPath("node") is null)
        {
            return "node is not on the PATH: the browser test needs Node.js for playwright-core";
        }

        return FindOnPath("chromium") is null && FindOnPath("chromium-browser") is null
            ? "chromium is not installed (test.sh installs Debian's chromium with tests/tools/install-chromium.sh when it runs as root)"
            : null;
    }

    private static string? FindOnPath(string name) => ExecutablePath.Find(name);
}
