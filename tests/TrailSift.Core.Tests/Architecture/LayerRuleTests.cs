using System.Text.RegularExpressions;
using TrailSift.Testing;

namespace TrailSift.Core.Tests.Architecture;

/// <summary>
/// Layers point one way (ENGINEERING.md §2.1): each Core folder may reference only the namespaces listed
/// here. Checked on the source text (using directives and qualified names), which is what a reviewer reads.
/// </summary>
public sealed partial class LayerRuleTests
{
    internal static readonly Dictionary<string, string[]> Allowed = new()
    {
        // Common and Json are the bottom: the BCL only. Json (the JSON node model) is allowed to every other layer.
        ["Common"] = [],
        ["Json"] = [],
        ["Events"] = ["Json", "Common"],
        ["Aws"] = ["Json", "Common"],
        ["Sources"] = ["Aws", "Json", "Common"],
        ["Scan"] = ["Sources", "Events", "Json", "Common"],
        ["Query"] = ["Events", "Json", "Common"],
        ["Iam.Catalog"] = ["Json", "Common"],
        ["Iam.Policy"] = ["Iam.Catalog", "Json", "Common"],
        ["Iam.Evaluation"] = ["Iam.Policy", "Iam.Catalog", "Json", "Common"],
        ["Iam.Generalization"] = ["Iam.Catalog", "Json", "Common"],
        ["Iam.Mapping"] = ["Iam.Catalog", "Events", "Json", "Common"],
        ["Iam.Authorization"] = ["Iam.Evaluation", "Iam.Policy", "Iam.Catalog", "Aws", "Json", "Common"],
        ["Analysis"] = ["Events", "Iam", "Json", "Common"],
        // `unused` composes two analyses: it replays calls (Replay) and narrows with the generator (Generation).
        ["Analysis.Usage"] = ["Analysis.Replay", "Analysis.Generation", "Events", "Iam", "Json", "Common"],
        // `denied --policy` is the generator's output for the denied calls: Denied builds its evidence, Generation writes it.
        ["Analysis.Denied"] = ["Analysis.Generation", "Events", "Iam", "Json", "Common"],
        ["Output"] = ["Analysis", "Iam", "Events", "Json", "Common"],
        // An analysis descriptor names its accumulator, printers and the scan's result: the top of Core.
        ["Commands"] = ["Output", "Analysis", "Scan", "Iam", "Events", "Json", "Common"],
    };

    [GeneratedRegex(@"TrailSift\.Core\.([A-Za-z]+(?:\.[A-Z][A-Za-z]+)?)")]
    private static partial Regex CoreReference();

    [Fact]
    public void Should_Reference_Only_Lower_Layers_From_Each_Core_Folder()
    {
        string core = Path.Combine(RepoPaths.Root, "src", "TrailSift.Core");
        var violations = new List<string>();
        foreach (string file in Directory.EnumerateFiles(core, "*.cs", SearchOption.AllDirectories))
        {
            string relative = Path.GetRelativePath(core, file).Replace('\\', '/');
            if (relative.StartsWith("obj/", StringComparison.Ordinal) || relative.StartsWith("bin/", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (string target in Violations(LayerOf(relative), File.ReadAllText(file)))
            {
                violations.Add($"{relative}: references TrailSift.Core.{target}");
            }
        }

        Assert.True(violations.Count == 0, string.Join("\n", violations.Distinct()));
    }

    [Theory]
    [InlineData("Scan", "using TrailSift.Core.Query;", true)]
    [InlineData("Scan", "using TrailSift.Core.Events;", false)]
    [InlineData("Analysis.Denied", "var x = new TrailSift.Core.Analysis.Replay.Foo();", true)]
    [InlineData("Analysis.Denied", "var x = new TrailSift.Core.Analysis.Generation.Foo();", false)]
    [InlineData("Analysis.Denied", "using TrailSift.Core.Iam.Catalog;", false)]
    [InlineData("Output", "using TrailSift.Core.Scan;", true)]
    [InlineData("Iam.Evaluation", "using TrailSift.Core.Events;", true)]
    [InlineData("Iam.Policy", "using TrailSift.Core.Json;", false)]
    [InlineData("Json", "using TrailSift.Core.Events;", true)]
    [InlineData("Output", "using TrailSift.Core.Commands;", true)]
    [InlineData("Commands", "using TrailSift.Core.Output.Actions;", false)]
    public void Should_Flag_Forbidden_Reference(string layer, string source, bool flagged)
    {
        Assert.Equal(flagged, Violations(layer, source).Count > 0);
    }

    private static List<string> Violations(string layer, string source)
    {
        string[] allowed = Allowed.TryGetValue(layer, out string[]? a) ? a : Allowed[layer.Split('.')[0]];
        var found = new List<string>();
        foreach (Match m in CoreReference().Matches(source))
        {
            string target = m.Groups[1].Value;
            if (!IsSameOrAllowed(layer, target, allowed))
            {
                found.Add(target);
            }
        }

        return found;
    }

    private static string LayerOf(string relative)
    {
        string[] parts = relative.Split('/');
        return parts[0] is "Iam" or "Analysis" && parts.Length > 2 ? parts[0] + "." + parts[1] : parts[0];
    }

    internal static bool IsSameOrAllowed(string layer, string target, string[] allowed)
    {
        string top = layer.Split('.')[0];
        if (target == layer || target.StartsWith(layer + ".", StringComparison.Ordinal))
        {
            return true;
        }

        // Analysis subfolders may not reference each other; other layers may reference their own subfolders.
        if (top != "Analysis" && top != "Iam" && target.Split('.')[0] == top)
        {
            return true;
        }

        foreach (string a in allowed)
        {
            if (target == a || target.StartsWith(a + ".", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
