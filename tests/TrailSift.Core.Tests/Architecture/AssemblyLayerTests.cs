using System.Reflection;
using System.Reflection.Emit;
using TrailSift.Core.Events;

namespace TrailSift.Core.Tests.Architecture;

/// <summary>
/// The layer table (<see cref="LayerRuleTests.Allowed"/>) checked on the compiled <c>TrailSift.Core.dll</c>: every use
/// of a Core type in signatures, attributes and method bodies, whatever the source text looks like.
/// </summary>
public sealed class AssemblyLayerTests
{
    private const string Prefix = "TrailSift.Core.";

    private static List<string> Violations(Stream assembly) => Violations(AssemblyReferences.Read(assembly));

    private static List<string> Violations(List<(string From, string To, string Where)> references)
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        foreach ((string from, string to, string where) in references)
        {
            if (!from.StartsWith(Prefix, StringComparison.Ordinal) || !to.StartsWith(Prefix, StringComparison.Ordinal))
            {
                continue;
            }

            string layer = LayerOf(from[Prefix.Length..]);
            string target = to[Prefix.Length..];
            string[] allowed = LayerRuleTests.Allowed.TryGetValue(layer, out string[]? a) ? a
                : LayerRuleTests.Allowed.TryGetValue(layer.Split('.')[0], out string[]? top) ? top : [];
            if (!LayerRuleTests.IsSameOrAllowed(layer, target, allowed))
            {
                found.Add($"{where}: uses {to}");
            }
        }

        return [.. found];
    }

    // Namespace → layer: Iam.X and Analysis.X are layers of their own; elsewhere the first name is the layer.
    private static string LayerOf(string ns)
    {
        string[] parts = ns.Split('.');
        return parts[0] is "Iam" or "Analysis" && parts.Length > 1 ? parts[0] + "." + parts[1] : parts[0];
    }

    [Fact]
    public void Should_Reference_Only_Lower_Layers_In_The_Compiled_Core_Assembly()
    {
        // Given the built assembly
        using FileStream core = File.OpenRead(typeof(EventRecord).Assembly.Location);

        // When
        List<(string From, string To, string Where)> references = AssemblyReferences.Read(core);
        List<string> violations = Violations(references);

        // Then: references are seen (the reader works on real IL) and none breaks the table
        Assert.Contains(references, r => r.From == "TrailSift.Core.Scan" && r.To == "TrailSift.Core.Events" && r.Where.Contains("method", StringComparison.Ordinal));
        Assert.Contains(references, r => r.From == "TrailSift.Core.Output.Denied" && r.To.StartsWith("TrailSift.Core.Analysis.Denied", StringComparison.Ordinal));
        Assert.Contains(references, r => r.From == "TrailSift.Core.Iam.Policy" && r.To == "TrailSift.Core.Json");
        Assert.DoesNotContain(references, r => r.From == "TrailSift.Core.Json" && r.To.StartsWith(Prefix, StringComparison.Ordinal) && r.To != "TrailSift.Core.Json");
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [Theory]
    [InlineData("Scan", "Query", true)]
    [InlineData("Scan", "Events", false)]
    [InlineData("Analysis.Denied", "Analysis.Replay", true)]
    [InlineData("Analysis.Denied", "Analysis.Generation", false)]
    [InlineData("Output", "Analysis.Denied", false)]
    [InlineData("Iam.Evaluation", "Events", true)]
    [InlineData("Sources", "Scan", true)]
    [InlineData("Json", "Events", true)]
    [InlineData("Iam.Policy", "Json", false)]
    [InlineData("Analysis.Actions", "Commands", true)]
    [InlineData("Commands", "Output.Actions", false)]
    public void Should_Fail_On_A_Planted_Reference_In_A_Method_Body(string fromLayer, string toLayer, bool forbidden)
    {
        // Given a compiled assembly where TrailSift.Core.<from>.Planted.Run() calls TrailSift.Core.<to>.Target.Go()
        using Stream planted = Plant(fromLayer, toLayer);

        // When
        List<string> violations = Violations(planted);

        // Then
        Assert.Equal(forbidden, violations.Count > 0);
        if (forbidden)
        {
            Assert.Contains(violations, v => v.Contains("Planted method Run", StringComparison.Ordinal));
        }
    }

    private static MemoryStream Plant(string fromLayer, string toLayer)
    {
        var builder = new PersistedAssemblyBuilder(new AssemblyName("Planted"), typeof(object).Assembly);
        ModuleBuilder module = builder.DefineDynamicModule("Planted");
        TypeBuilder target = module.DefineType(Prefix + toLayer + ".Target", TypeAttributes.Public | TypeAttributes.Class);
        MethodBuilder go = target.DefineMethod("Go", MethodAttributes.Public | MethodAttributes.Static, typeof(void), Type.EmptyTypes);
        go.GetILGenerator().Emit(OpCodes.Ret);
        Type targetType = target.CreateType();

        // Only the method body references the target: no field, signature or using names it.
        TypeBuilder planted = module.DefineType(Prefix + fromLayer + ".Planted", TypeAttributes.Public | TypeAttributes.Class);
        MethodBuilder run = planted.DefineMethod("Run", MethodAttributes.Public | MethodAttributes.Static, typeof(void), Type.EmptyTypes);
        ILGenerator il = run.GetILGenerator();
        il.Emit(OpCodes.Call, go);
        il.Emit(OpCodes.Ret);
        planted.CreateType();
        _ = targetType;

        var stream = new MemoryStream();
        builder.Save(stream);
        stream.Position = 0;
        return stream;
    }
}
