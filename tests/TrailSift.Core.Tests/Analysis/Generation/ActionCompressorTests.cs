using TrailSift.Core.Analysis.Generation;
using TrailSift.Core.Iam.Catalog;

namespace TrailSift.Core.Tests.Analysis.Generation;

public sealed class ActionCompressorTests
{
    private static readonly IamCatalog Catalog = IamCatalog.Default;

    private static List<string> All(string pattern) => [.. Catalog.ExpandActionPattern(pattern).Select(a => a.FullName)];

    [Fact]
    public void Should_Write_S3_Get_Star_When_Every_Catalog_Get_Action_Is_Listed()
    {
        // Given
        List<string> actions = [.. All("s3:Get*"), "s3:PutObject"];

        // When
        var result = ActionCompressor.Compress(actions, Catalog);

        // Then
        Assert.Equal(["s3:Get*", "s3:PutObject"], result.ToArray());
    }

    [Fact]
    public void Should_Not_Write_S3_Get_Star_When_One_Catalog_Get_Action_Is_Missing()
    {
        // Given
        List<string> actions = All("s3:Get*");
        actions.Remove("s3:GetObject");

        // When
        var result = ActionCompressor.Compress(actions, Catalog);

        // Then: no wildcard may grant s3:GetObject
        Assert.DoesNotContain(result, r => Core.Common.AwsWildcard.IsMatchIgnoreCase(r, "s3:GetObject"));
        var granted = result.SelectMany(r => Catalog.ExpandActionPattern(r)).Select(a => a.FullName).ToHashSet();
        Assert.Equal(actions.ToHashSet(), granted);
    }

    [Fact]
    public void Should_Keep_A_Single_Action_When_No_Wildcard_Stands_For_Two()
    {
        // Given / When
        var result = ActionCompressor.Compress(["sqs:CreateQueue", "ec2:RunInstances"], Catalog);

        // Then
        Assert.Equal(["ec2:RunInstances", "sqs:CreateQueue"], result.ToArray());
    }

    [Fact]
    public void Should_Keep_Unknown_Actions_As_They_Are()
    {
        // Given / When
        var result = ActionCompressor.Compress(["madeup:DoThing", "madeup:DoOther"], Catalog);

        // Then
        Assert.Equal(["madeup:DoOther", "madeup:DoThing"], result.ToArray());
    }
}
