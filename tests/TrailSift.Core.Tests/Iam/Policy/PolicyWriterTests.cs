using TrailSift.Core.Iam.Policy;

namespace TrailSift.Core.Tests.Iam.Policy;

public sealed class PolicyWriterTests
{
    [Fact]
    public void Should_Write_Keys_In_Aws_Order_When_Source_Order_Differs()
    {
        // Given
        const string source = """
            {"Statement":[{"Condition":{"Bool":{"aws:SecureTransport":"true"}},"NotResource":"arn:aws:s3:::x","Action":"s3:*",
            "Principal":"*","Effect":"Deny","Sid":"S1"}],"Id":"P1","Version":"2012-10-17"}
            """;

        // When
        string written = PolicyWriter.WriteToString(PolicyParser.Parse(source).Document!, indented: false);

        // Then
        Assert.Equal(
            """{"Version":"2012-10-17","Id":"P1","Statement":[{"Sid":"S1","Effect":"Deny","Principal":"*","Action":"s3:*","NotResource":"arn:aws:s3:::x","Condition":{"Bool":{"aws:SecureTransport":"true"}}}]}""",
            written);
    }

    [Fact]
    public void Should_Preserve_Single_And_Array_Forms_When_Writing()
    {
        // Given
        const string source =
            """{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":{"AWS":["111111111111"],"Service":"s3.amazonaws.com"},"Action":["s3:GetObject"],"Resource":"*","Condition":{"NumericLessThan":{"s3:max-keys":[10.50]},"Bool":{"aws:SecureTransport":true}}}}""";

        // When
        string written = PolicyWriter.WriteToString(PolicyParser.Parse(source).Document!, indented: false);

        // Then
        Assert.Equal(source, written);
    }

    [Fact]
    public void Should_Group_Conditions_By_Operator_When_Built_In_Code()
    {
        // Given
        var statement = new Statement
        {
            Effect = Effect.Allow,
            Action = PolicyValueList.Single("s3:GetObject"),
            Resource = PolicyValueList.Single("*"),
            Conditions =
            [
                new PolicyCondition("StringEquals", "a:k1", [ConditionValue.String("1")], isArray: false),
                new PolicyCondition("Bool", "a:k2", [ConditionValue.String("true")], isArray: false),
                new PolicyCondition("StringEquals", "a:k3", [ConditionValue.String("3")], isArray: true),
            ],
        };
        var document = new PolicyDocument { Version = PolicyDocument.Version2012, Statements = [statement] };

        // When
        string written = PolicyWriter.WriteToString(document, indented: false);

        // Then
        Assert.Equal(
            """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"StringEquals":{"a:k1":"1","a:k3":["3"]},"Bool":{"a:k2":"true"}}}]}""",
            written);
    }

    [Fact]
    public void Should_Not_Escape_Arn_Characters_When_Writing()
    {
        // Given
        PolicyDocument document = PolicyParser.Parse("""{"Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:::b/a+b<c>&'"}]}""").Document!;

        // When
        string written = PolicyWriter.WriteToString(document, indented: false);

        // Then
        Assert.Contains("arn:aws:s3:::b/a+b<c>&'", written, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Differ_When_Single_Value_Becomes_Array()
    {
        // Given
        PolicyDocument single = PolicyParser.Parse("""{"Statement":[{"Effect":"Allow","Action":"s3:*"}]}""").Document!;
        PolicyDocument array = PolicyParser.Parse("""{"Statement":[{"Effect":"Allow","Action":["s3:*"]}]}""").Document!;

        // When
        bool equal = single.Equals(array);

        // Then
        Assert.False(equal);
    }
}
