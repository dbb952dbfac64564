using TrailSift.Core.Iam.Catalog;
using TrailSift.Core.Iam.Mapping;

namespace TrailSift.Core.Tests.Iam.Mapping;

/// <summary>Every action our tables can emit exists in the catalog, and the table syntax and suffix rules hold.</summary>
public sealed class MappingTableTests
{
    [Fact]
    public void Should_Name_Only_Catalog_Actions_In_The_Exception_Table()
    {
        var missing = ExceptionTable.Entries.Values.SelectMany(e => e.Actions)
            .Where(spec => !IamCatalog.Default.TryGetAction(spec.Action, out _)).Select(spec => spec.Action).ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void Should_Name_Only_Catalog_Actions_In_The_Implied_Table()
    {
        var missing = ImpliedTable.All.Where(r => !IamCatalog.Default.TryGetAction(r.Action, out _)).Select(r => r.Action).ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void Should_Map_Every_Prefix_Exception_To_A_Catalog_Service()
    {
        var missing = ServicePrefixes.Exceptions.Values.Distinct()
            .Where(prefix => !IamCatalog.Default.TryGetService(prefix, out _)).ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void Should_Use_Only_Catalog_Services_In_Exception_Entries()
    {
        var missing = ExceptionTable.Entries.Values.Select(e => e.Prefix).Distinct()
            .Where(prefix => !IamCatalog.Default.TryGetService(prefix, out _)).ToList();
        Assert.Empty(missing);
    }

    [Theory]
    [InlineData("GetFunction20150331v2", "GetFunction")]
    [InlineData("ListFunctions20150331", "ListFunctions")]
    [InlineData("PutFunctionConcurrency20171031", "PutFunctionConcurrency")]
    [InlineData("CreateDistribution2020_05_31", "CreateDistribution")]
    [InlineData("ListObjectsV2", "ListObjectsV2")]
    [InlineData("ListRealtimeContactAnalysisSegmentsV2", "ListRealtimeContactAnalysisSegmentsV2")]
    [InlineData("Invoke", "Invoke")]
    [InlineData("20150331", "20150331")]
    public void Should_Strip_Only_Api_Version_Suffixes(string eventName, string operation)
    {
        Assert.Equal(operation, OperationNames.Normalize(eventName));
    }

    [Fact]
    public void Should_Reject_A_Malformed_Exception_Line()
    {
        Assert.Throws<FormatException>(() => ExceptionTable.Parse("s3 => s3:GetObject"));
    }
}
