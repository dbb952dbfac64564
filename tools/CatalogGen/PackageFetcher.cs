using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;

namespace TrailSift.Tools.CatalogGen;

/// <summary>
/// Downloads a pinned npm package with <c>npm pack</c> into a temporary folder and extracts the tarball with
/// the BCL (<see cref="TarReader"/> over <see cref="GZipStream"/>), so nothing but npm itself is needed.
/// </summary>
/// <remarks>Stateless; one call per run.</remarks>
internal static class PackageFetcher
{
    /// <summary>Packs <c>name@version</c> into <paramref name="workDir"/> and returns the extracted <c>package/</c> folder.</summary>
    public static string Fetch(string name, string version, string workDir)
    {
        Directory.CreateDirectory(workDir);
        var start = new ProcessStartInfo("npm")
        {
            WorkingDirectory = workDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (string arg in new[] { "pack", $"{name}@{version}", "--pack-destination", workDir, "--silent" })
        {
            start.ArgumentList.Add(arg);
        }

        using Process npm = Process.Start(start) ?? throw new InvalidOperationException("Could not start npm.");
        Task<string> stderr = npm.StandardError.ReadToEndAsync();
        string stdout = npm.StandardOutput.ReadToEnd();
        npm.WaitForExit();
        if (npm.ExitCode != 0)
        {
            throw new InvalidOperationException($"npm pack {name}@{version} failed ({npm.ExitCode}): {stderr.Result}");
        }

        string tarball = Path.Combine(workDir, stdout.Trim().Split('\n')[^1].Trim());
        if (!File.Exists(tarball))
        {
            throw new FileNotFoundException($"npm pack did not produce '{tarball}'.");
        }

        string extractTo = Path.Combine(workDir, "extracted");
        Extract(tarball, extractTo);
        return Path.Combine(extractTo, "package");
    }

    private static void Extract(string tarball, string destination)
    {
        Directory.CreateDirectory(destination);
        string root = Path.GetFullPath(destination) + Path.DirectorySeparatorChar;
        using FileStream file = File.OpenRead(tarball);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var tar = new TarReader(gzip);
        while (tar.GetNextEntry() is { } entry)
        {
            if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile))
            {
                continue;
            }

            string target = Path.GetFullPath(Path.Combine(destination, entry.Name));
            if (!target.StartsWith(root, StringComparison.Ordinal))
            {
                throw new InvalidDataException($"Tar entry '{entry.Name}' escapes the extraction folder.");
            }

            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            entry.ExtractToFile(target, overwrite: true);
        }
    }
}
