using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TrailSift.Testing;

/// <summary>
/// jq 1.7.1 as a reference: one long-lived <c>node tests/tools/jq-reference.js</c> process running jq-wasm 1.0.1
/// (installed by test.sh from tests/package.json). Requests go one JSON line each and come back in order with jq's
/// exact stdout, stderr and exit status; a run that does not end within its timeout is reported as such.
/// Use <see cref="SkipReason"/> to skip when Node or the package is missing.
/// </summary>
public sealed class JqReference : IDisposable
{
    private readonly Process _node;
    private readonly object _gate = new();

    private JqReference(Process node, string version)
    {
        _node = node;
        Version = version;
    }

    /// <summary>The jq version the reference reports (<c>jq-1.7.1…</c>).</summary>
    public string Version { get; }

    /// <summary>Why the reference cannot run here, or null when it can.</summary>
    public static string? SkipReason { get; } = FindSkipReason();

    /// <summary>One run of jq: its standard output, standard error and exit status.</summary>
    public sealed record Output(string Stdout, string Stderr, int Status, bool TimedOut, string? Crash);

    /// <summary>One request: jq's arguments (after the program name), standard input, and input files by name.</summary>
    public sealed record Request(IReadOnlyList<string> Args, string Stdin = "", IReadOnlyDictionary<string, string>? Files = null, int TimeoutMs = 5000);

    /// <summary>Starts the reference; throws when <see cref="SkipReason"/> is not null.</summary>
    public static JqReference Start()
    {
        if (SkipReason is { } reason)
        {
            throw new InvalidOperationException(reason);
        }

        var start = new ProcessStartInfo("node")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardInputEncoding = new UTF8Encoding(false),
        };
        start.ArgumentList.Add(Path.Combine(RepoPaths.Root, "tests", "tools", "jq-reference.js"));
        Process node = Process.Start(start)!;
        node.ErrorDataReceived += (_, _) => { };
        node.BeginErrorReadLine();
        string ready = node.StandardOutput.ReadLine() ?? throw new InvalidOperationException("jq-reference.js did not start");
        string version = JsonNode.Parse(ready)!["version"]!.GetValue<string>();
        return new JqReference(node, version);
    }

    /// <summary>Runs every request (written as one batch, answers read in order).</summary>
    public IReadOnlyList<Output> Run(IReadOnlyList<Request> requests)
    {
        lock (_gate)
        {
            var writer = Task.Run(() =>
            {
                for (int i = 0; i < requests.Count; i++)
                {
                    Request r = requests[i];
                    var line = new JsonObject
                    {
                        ["id"] = i,
                        ["args"] = new JsonArray(r.Args.Select(a => (JsonNode?)JsonValue.Create(a)).ToArray()),
                        ["stdin"] = r.Stdin,
                        ["timeout"] = r.TimeoutMs,
                    };
                    if (r.Files is { } files)
                    {
                        var obj = new JsonObject();
                        foreach ((string name, string text) in files)
                        {
                            obj[name] = text;
                        }

                        line["files"] = obj;
                    }

                    _node.StandardInput.WriteLine(line.ToJsonString());
                }

                _node.StandardInput.Flush();
            });
            var outputs = new List<Output>(requests.Count);
            for (int i = 0; i < requests.Count; i++)
            {
                string answer = _node.StandardOutput.ReadLine() ?? throw new InvalidOperationException("jq-reference.js ended early");
                using JsonDocument doc = JsonDocument.Parse(answer);
                JsonElement e = doc.RootElement;
                bool timedOut = e.TryGetProperty("timeout", out JsonElement t) && t.GetBoolean();
                string? crash = e.TryGetProperty("error", out JsonElement err) ? err.GetString() : null;
                outputs.Add(new Output(
                    e.TryGetProperty("stdout", out JsonElement so) ? so.GetString()! : string.Empty,
                    e.TryGetProperty("stderr", out JsonElement se) ? se.GetString()! : string.Empty,
                    e.TryGetProperty("status", out JsonElement st) && st.ValueKind == JsonValueKind.Number ? st.GetInt32() : -1,
                    timedOut,
                    crash));
            }

            writer.Wait();
            return outputs;
        }
    }

    /// <summary>Runs one request.</summary>
    public Output Run(Request request) => Run([request])[0];

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            _node.StandardInput.Close();
            if (!_node.WaitForExit(5000))
            {
                _node.Kill(entireProcessTree: true);
            }
        }
        finally
        {
            _node.Dispose();
        }
    }

    private static string? FindSkipReason()
    {
        string package = Path.Combine(RepoPaths.Root, "tests", "node_modules", "jq-wasm", "package.json");
        if (!File.Exists(package))
        {
            return "jq-wasm is not installed (tests/node_modules): run ./test.sh, which runs npm ci in tests/";
        }

        foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator))
        {
            if (dir.Length > 0 && File.Exists(Path.Combine(dir, OperatingSystem.IsWindows() ? "node.exe" : "node")))
            {
                return null;
            }
        }

        return "node is not on the PATH: the jq 1.7.1 reference (jq-wasm) needs Node.js";
    }
}
