using TrailSift.Testing;

namespace TrailSift.Cli.Tests.Settings;

/// <summary><c>--principal</c> forms: ARN, name, access key id, <c>user/NAME</c>, <c>role/NAME</c>, <c>root</c>.</summary>
public sealed class PrincipalFormsTests : IDisposable
{
    private readonly TempTree _tree = new();
    private readonly string _logs;

    public PrincipalFormsTests()
    {
        const string user = """{"type":"IAMUser","principalId":"AIDAEXAMPLE","arn":"arn:aws:iam::123456789012:user/deploy","accountId":"123456789012","accessKeyId":"AKIAIOSFODNN7EXAMPLE","userName":"deploy"}""";
        const string session = """{"type":"AssumedRole","principalId":"AROAEXAMPLE:s1","arn":"arn:aws:sts::123456789012:assumed-role/deploy/s1","accountId":"123456789012","accessKeyId":"ASIAIOSFODNN7EXAMPLE","sessionContext":{"sessionIssuer":{"type":"Role","principalId":"AROAEXAMPLE","arn":"arn:aws:iam::123456789012:role/ops/deploy","accountId":"123456789012","userName":"deploy"}}}""";
        const string root = """{"type":"Root","principalId":"123456789012","arn":"arn:aws:iam::123456789012:root","accountId":"123456789012","accessKeyId":"ASIAROOTEXAMPLE00000"}""";
        string Event(string who, int i) =>
            $$"""{"eventVersion":"1.08","userIdentity":{{who}},"eventTime":"2025-06-03T09:00:0{{i}}Z","eventSource":"s3.amazonaws.com","eventName":"ListBuckets","awsRegion":"us-east-1","eventID":"e{{i}}"}""";
        _logs = _tree.Write("trail.json", "{\"Records\":[" + string.Join(',', Event(user, 1), Event(session, 2), Event(session, 3), Event(root, 4)) + "]}");
    }

    public void Dispose() => _tree.Dispose();

    [Theory]
    [InlineData("AKIAIOSFODNN7EXAMPLE", "1")]
    [InlineData("ASIAIOSFODNN7EXAMPLE", "2")]
    [InlineData("user/deploy", "1")]
    [InlineData("role/deploy", "2")]
    [InlineData("role/ops/deploy", "2")]
    [InlineData("root", "1")]
    [InlineData("deploy", "3")]
    [InlineData("arn:aws:iam::123456789012:role/ops/deploy", "2")]
    [InlineData("arn:aws:iam::123456789012:user/deploy", "1")]
    [InlineData("AKIAIOSFODNN7EXAMPLF", "0")]
    public void Should_Select_The_Callers_Named_When_Given_A_Principal_Form(string principal, string count)
    {
        var r = CliRunner.Run(["count", "--principal", principal, _logs]);

        Assert.Equal(count + "\n", r.Stdout);
    }
}
