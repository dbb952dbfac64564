using TrailSift.Core.Aws;

namespace TrailSift.Core.Tests.Aws;

/// <summary>
/// Endpoint resolution against the AWS SDKs' documented rule ("Service-specific endpoints", AWS SDKs and Tools
/// reference guide): explicit, then AWS_ENDPOINT_URL_&lt;SERVICE&gt;, then AWS_ENDPOINT_URL, then the profile.
/// </summary>
public sealed class AwsEndpointsTests
{
    private static AwsSettings With(params (string Name, string Value)[] variables) =>
        AwsSettings.FromVariables(variables.ToDictionary(v => v.Name, v => v.Value));

    [Theory]
    [InlineData("CloudTrail", "AWS_ENDPOINT_URL_CLOUDTRAIL")]
    [InlineData("STS", "AWS_ENDPOINT_URL_STS")]
    [InlineData("IAM", "AWS_ENDPOINT_URL_IAM")]
    [InlineData("S3", "AWS_ENDPOINT_URL_S3")]
    [InlineData("Elastic Beanstalk", "AWS_ENDPOINT_URL_ELASTIC_BEANSTALK")]
    public void Should_Name_The_Service_Variable_As_The_Sdks_Do_When_Given_A_Service_Id(string serviceId, string variable)
    {
        Assert.Equal(variable, new AwsService("x", "x", serviceId).EndpointVariable);
    }

    [Fact]
    public void Should_Prefer_The_Service_Variable_Over_The_General_One_When_Both_Are_Set()
    {
        // Given
        AwsSettings settings = With(("AWS_ENDPOINT_URL", "http://127.0.0.1:1"), ("AWS_ENDPOINT_URL_CLOUDTRAIL", "http://127.0.0.1:2"));

        // When / Then
        Assert.Equal("http://127.0.0.1:2/", AwsEndpoints.Configured(settings, AwsService.CloudTrail)!.ToString());
        Assert.Equal("http://127.0.0.1:1/", AwsEndpoints.Configured(settings, AwsService.Sts)!.ToString());
    }

    [Fact]
    public void Should_Prefer_The_Explicit_Endpoint_And_Then_The_Variables_Over_The_Profile_When_All_Are_Set()
    {
        AwsSettings variables = With(("AWS_ENDPOINT_URL", "http://127.0.0.1:1"));
        Assert.Equal("http://127.0.0.1:3/", AwsEndpoints.Configured(variables with { EndpointUrl = "http://127.0.0.1:3" }, AwsService.Iam, "http://127.0.0.1:4")!.ToString());
        Assert.Equal("http://127.0.0.1:1/", AwsEndpoints.Configured(variables, AwsService.Iam, "http://127.0.0.1:4")!.ToString());
        Assert.Equal("http://127.0.0.1:4/", AwsEndpoints.Configured(With(), AwsService.Iam, "http://127.0.0.1:4")!.ToString());
        Assert.Null(AwsEndpoints.Configured(With(), AwsService.Iam));
    }

    [Fact]
    public void Should_Ignore_Configured_Endpoints_But_Not_The_Explicit_One_When_Told_To()
    {
        AwsSettings settings = With(("AWS_ENDPOINT_URL", "http://127.0.0.1:1"), ("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true"));
        Assert.Null(AwsEndpoints.Configured(settings, AwsService.CloudTrail, "http://127.0.0.1:4"));
        Assert.Equal("http://127.0.0.1:3/", AwsEndpoints.Configured(settings with { EndpointUrl = "http://127.0.0.1:3" }, AwsService.CloudTrail)!.ToString());
    }

    [Fact]
    public void Should_Refuse_A_Malformed_Endpoint_When_One_Is_Configured()
    {
        var e = Assert.Throws<AwsAccessException>(() => AwsEndpoints.Configured(With(("AWS_ENDPOINT_URL_CLOUDTRAIL", "not a url")), AwsService.CloudTrail));
        Assert.Contains("AWS_ENDPOINT_URL_CLOUDTRAIL", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cloudtrail", "eu-west-1", "https://cloudtrail.eu-west-1.amazonaws.com/", "eu-west-1")]
    [InlineData("sts", "us-east-2", "https://sts.us-east-2.amazonaws.com/", "us-east-2")]
    [InlineData("iam", "eu-west-1", "https://iam.amazonaws.com/", "us-east-1")]
    [InlineData("cloudtrail", "cn-north-1", "https://cloudtrail.cn-north-1.amazonaws.com.cn/", "cn-north-1")]
    [InlineData("iam", "cn-northwest-1", "https://iam.cn-north-1.amazonaws.com.cn/", "cn-north-1")]
    public void Should_Use_The_Public_Endpoint_And_Signing_Region_When_None_Is_Configured(string prefix, string region, string url, string signingRegion)
    {
        AwsService service = prefix switch { "iam" => AwsService.Iam, "sts" => AwsService.Sts, _ => AwsService.CloudTrail };
        Assert.Equal(url, AwsEndpoints.Public(service, region).ToString());
        Assert.Equal(signingRegion, AwsEndpoints.SigningRegion(service, region, configuredEndpoint: false));
        Assert.Equal(region, AwsEndpoints.SigningRegion(service, region, configuredEndpoint: true));
    }

    [Fact]
    public void Should_Take_Static_Keys_And_Not_The_Profile_Variable_When_Keys_Are_In_The_Environment()
    {
        AwsSettings settings = With(("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE"), ("AWS_SECRET_ACCESS_KEY", "s"), ("AWS_PROFILE", "p"), ("AWS_DEFAULT_REGION", "eu-west-3"));
        Assert.Equal("AKIDEXAMPLE", settings.AccessKeyId);
        Assert.Null(settings.Profile);
        Assert.Equal("eu-west-3", settings.Region);
        Assert.Equal("p", With(("AWS_PROFILE", "p")).Profile);
    }
}
