using Amazon.Runtime;
using TrailSift.Core.Aws;
using TrailSift.Testing.Aws;

namespace TrailSift.Core.Tests.Aws;

/// <summary>
/// The signer against the worked example of the AWS documentation (IAM ListUsers, 2015-08-30T12:36:00Z, key
/// AKIDEXAMPLE): the published signature is the oracle for both AWSSDK.Core's signer as we call it and the
/// loopback endpoint's independent checker.
/// </summary>
public sealed class AwsSignerTests
{
    private const string Secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private const string Published = "5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7";

    [Fact]
    public void Should_Produce_The_Published_Signature_When_Signing_The_Documented_Example()
    {
        // Given
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://iam.amazonaws.com/?Action=ListUsers&Version=2010-05-08");
        var headers = new Dictionary<string, string> { ["Content-Type"] = "application/x-www-form-urlencoded; charset=utf-8" };

        // When
        AwsSigner.Sign(request, headers, [], new ImmutableCredentials("AKIDEXAMPLE", Secret, null), "us-east-1", "iam",
            new DateTime(2015, 8, 30, 12, 36, 0, DateTimeKind.Utc));

        // Then
        string authorization = string.Join(",", request.Headers.GetValues("Authorization"));
        Assert.Equal($"AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature={Published}", authorization);
        Assert.Equal("20150830T123600Z", string.Join(",", request.Headers.GetValues("X-Amz-Date")));
    }

    [Fact]
    public void Should_Recompute_The_Published_Signature_When_The_Loopback_Checks_The_Documented_Example()
    {
        // Given the example's headers
        var headers = new System.Collections.Specialized.NameValueCollection
        {
            ["Content-Type"] = "application/x-www-form-urlencoded; charset=utf-8",
            ["Host"] = "iam.amazonaws.com",
            ["X-Amz-Date"] = "20150830T123600Z",
        };
        string authorization = $"AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature={Published}";

        // When
        SigV4Header parsed = SigV4Check.Parse(authorization, "20150830T123600Z", out string reason)!;

        // Then
        Assert.Equal(string.Empty, reason);
        Assert.Equal(Published, SigV4Check.Signature(parsed, Secret, "GET", "/", "Action=ListUsers&Version=2010-05-08", headers, []));
        Assert.NotEqual(Published, SigV4Check.Signature(parsed, Secret + "x", "GET", "/", "Action=ListUsers&Version=2010-05-08", headers, []));
    }

    [Theory]
    [InlineData("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, SignedHeaders=content-type;host, Signature=" + Published, "x-amz-date")]
    [InlineData("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150831/us-east-1/iam/aws4_request, SignedHeaders=host;x-amz-date, Signature=" + Published, "scope date")]
    [InlineData("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam, SignedHeaders=host;x-amz-date, Signature=" + Published, "malformed")]
    [InlineData("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, SignedHeaders=x-amz-date;host, Signature=" + Published, "sorted")]
    public void Should_Refuse_The_Header_When_Its_Shape_Or_Scope_Is_Wrong(string authorization, string expected)
    {
        Assert.Null(SigV4Check.Parse(authorization, "20150830T123600Z", out string reason));
        Assert.Contains(expected, reason, StringComparison.Ordinal);
    }
}
