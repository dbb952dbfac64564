using System.Text.Json.Nodes;

namespace TrailSift.Core.Tests.Iam.Evaluation;

/// <summary>
/// Locates tests/data/iam by walking up from the test assembly to the repository root (the folder holding
/// TrailSift.slnx). Case files are JSON rather than YAML because no YAML parser is available to the project
/// (BCL only); each file is an array of cases.
/// </summary>
internal static class IamTestData
{
    public static string Root { get; } = FindRoot();

    public static string EvalDirectory => Path.Combine(Root, "tests", "data", "iam", "eval");

    public static string PolicyDirectory => Path.Combine(Root, "tests", "data", "iam", "policy");

    public static IEnumerable<string> EvalFiles() =>
        Directory.EnumerateFiles(EvalDirectory, "*.json").Order(StringComparer.Ordinal);

    public static JsonArray LoadCases(string path) =>
        JsonNode.Parse(File.ReadAllText(path))!.AsArray();

    private static string FindRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TrailSift.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("TrailSift.slnx not found above " + AppContext.BaseDirectory);
    }
}
