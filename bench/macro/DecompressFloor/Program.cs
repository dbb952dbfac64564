using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;

namespace TrailSift.Bench.DecompressFloor;

/*! DecompressFloor: the floor for the macro benchmark. It only gunzips every log file (GZipStream
 *  into a reused buffer, N threads pulling files from a shared index) and parses nothing, so no
 *  scanner over the same files can beat it. BCL only. */

/// <summary>Entry point: <c>decompress-floor [--threads N] PATH...</c>.</summary>
/// <remarks>Stateless apart from per-run counters; thread-safe.</remarks>
public static class Program
{
    /// <summary>Decompresses every <c>*.json.gz</c> under the paths (digests skipped) and prints totals.</summary>
    public static int Main(string[] args)
    {
        int threads = Environment.ProcessorCount;
        var roots = new List<string>();
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "--threads" && i + 1 < args.Length)
            {
                threads = int.Parse(args[++i], CultureInfo.InvariantCulture);
            }
            else
            {
                roots.Add(args[i]);
            }
        }

        if (roots.Count == 0 || threads < 1)
        {
            Console.Error.WriteLine("usage: decompress-floor [--threads N] PATH...");
            return 2;
        }

        var files = new List<string>();
        foreach (string root in roots)
        {
            if (File.Exists(root))
            {
                files.Add(root);
                continue;
            }

            foreach (string f in Directory.EnumerateFiles(root, "*.json.gz", SearchOption.AllDirectories))
            {
                if (!f.Contains("CloudTrail-Digest", StringComparison.Ordinal))
                {
                    files.Add(f);
                }
            }
        }

        files.Sort(StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();
        long inBytes = 0, outBytes = 0;
        int next = -1;
        var workers = new Thread[threads];
        for (int t = 0; t < threads; t++)
        {
            workers[t] = new Thread(() =>
            {
                byte[] buffer = new byte[1 << 18];
                long localIn = 0, localOut = 0;
                int i;
                while ((i = Interlocked.Increment(ref next)) < files.Count)
                {
                    using var file = new FileStream(files[i], FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
                    localIn += file.Length;
                    using var gz = new GZipStream(file, CompressionMode.Decompress);
                    int n;
                    while ((n = gz.Read(buffer, 0, buffer.Length)) > 0)
                    {
                        localOut += n;
                    }
                }

                Interlocked.Add(ref inBytes, localIn);
                Interlocked.Add(ref outBytes, localOut);
            });
            workers[t].Start();
        }

        foreach (Thread w in workers)
        {
            w.Join();
        }

        double seconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"files {files.Count} gzip_bytes {inBytes} json_bytes {outBytes} threads {threads} seconds {seconds:F3} json_mib_per_s {outBytes / 1048576.0 / seconds:F1}"));
        return 0;
    }
}
