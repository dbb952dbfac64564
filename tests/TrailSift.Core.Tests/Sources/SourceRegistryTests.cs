using TrailSift.Core.Sources;
using TrailSift.Testing;

namespace TrailSift.Core.Tests.Sources;

public sealed class SourceRegistryTests
{
    private static async Task<List<LogObject>> ListAsync(SourceRegistry registry, IReadOnlyList<string> args, List<string> problems)
    {
        var scope = new SourceScope(PruneOptions.None, (p, r) => problems.Add($"{p}: {r}"));
        var list = new List<LogObject>();
        await foreach (LogObject o in registry.ListAsync(args, scope))
        {
            list.Add(o);
        }

        return list;
    }

    [Fact]
    public async Task Should_List_Standard_Input_Where_A_Dash_Stands_Among_Paths()
    {
        // Given
        using var tree = new TempTree();
        string a = tree.Write("a.json", "{}"), b = tree.Write("b.json", "{}");
        var registry = SourceRegistry.Default(new MemoryStream());

        // When
        var problems = new List<string>();
        List<LogObject> objects = await ListAsync(registry, [a, "-", b, "missing.json"], problems);

        // Then: in argument order, standard input typed as such; the missing path reported
        Assert.Equal([a, "<stdin>", b], objects.Select(o => o.Path));
        Assert.True(objects[1].IsStandardInput);
        Assert.False(objects[1].CanReadTwice);
        Assert.True(objects[0].CanReadTwice);
        Assert.Equal(["missing.json: no such file or directory"], problems);
    }

    [Fact]
    public void Should_Decide_Input_Versus_Filter_In_One_Place()
    {
        using var tree = new TempTree();
        string a = tree.Write("a.json", "{}");
        var registry = SourceRegistry.Default(new MemoryStream());

        Assert.True(registry.IsInput(a));
        Assert.True(registry.IsInput("-"));
        Assert.True(registry.IsInput(tree.Root));
        Assert.False(registry.IsInput("."));
        Assert.False(registry.IsInput(".eventName == \"X\""));
        Assert.False(registry.CanReadTwice([]));
        Assert.False(registry.CanReadTwice([a, "-"]));
        Assert.True(registry.CanReadTwice([a]));
    }
}
