using TrailSift.Core.Iam.Catalog;

namespace TrailSift.Core.Tests.Iam.Catalog;

public sealed class ArnTemplateAlternativesTests
{
    private const string Stage = "arn:${Partition}:apigateway:${Region}::/apis/${ApiId}/stages/${StageName}, arn:${Partition}:apigateway:${Region}::/restapis/${RestApiId}/stages/${StageName}";

    [Theory]
    [InlineData("arn:aws:apigateway:us-east-1::/apis/a1b2c3/stages/prod", true)]
    [InlineData("arn:aws:apigateway:us-east-1::/restapis/r1s2t3/stages/prod", true)]
    [InlineData("arn:aws:apigateway:us-east-1::/restapis/r1s2t3/models/m", false)]
    public void Should_Match_Any_Listed_Form_When_Template_Has_Alternatives(string arn, bool expected)
    {
        ArnTemplate template = ArnTemplate.Parse(Stage);

        Assert.Equal(2, template.Forms.Count);
        Assert.Equal(expected, template.Matches(arn));
        Assert.Equal(expected, template.TryExtract(arn, out _));
    }

    [Fact]
    public void Should_Build_With_The_Form_Whose_Variables_Are_Known()
    {
        ArnTemplate template = ArnTemplate.Parse(Stage);

        string arn = template.Build(new Dictionary<string, string> { ["Partition"] = "aws", ["Region"] = "eu-west-1", ["RestApiId"] = "r1", ["StageName"] = "dev" });

        Assert.Equal("arn:aws:apigateway:eu-west-1::/restapis/r1/stages/dev", arn);
    }

    [Fact]
    public void Should_Match_Dynamodb_Stream_Label_With_Colons()
    {
        Assert.True(IamCatalog.Default.TryGetAction("dynamodb:GetRecords", out ActionInfo? action));

        var types = action.FindResourceTypes("arn:aws:dynamodb:us-east-1:123456789012:table/orders/stream/2024-05-01T12:00:00.000");

        Assert.Contains(types, t => t.Name == "stream");
    }
}
