using TrailSift.Core.Iam.Catalog;

namespace TrailSift.Core.Tests.Iam.Catalog;

public partial class IamCatalogTests
{
    [Theory]
    [InlineData("aws:SourceIp", "aws:SourceIp", ConditionKeyType.IPAddress)]
    [InlineData("AWS:SOURCEIP", "aws:SourceIp", ConditionKeyType.IPAddress)]
    [InlineData("aws:TagKeys", "aws:TagKeys", ConditionKeyType.ArrayOfString)]
    [InlineData("aws:PrincipalArn", "aws:PrincipalArn", ConditionKeyType.Arn)]
    [InlineData("aws:MultiFactorAuthPresent", "aws:MultiFactorAuthPresent", ConditionKeyType.Bool)]
    [InlineData("aws:CurrentTime", "aws:CurrentTime", ConditionKeyType.Date)]
    [InlineData("aws:MultiFactorAuthAge", "aws:MultiFactorAuthAge", ConditionKeyType.Numeric)]
    [InlineData("aws:RequestTag/Owner", "aws:RequestTag/${TagKey}", ConditionKeyType.String)]
    [InlineData("aws:ResourceTag/cost-center", "aws:ResourceTag/${TagKey}", ConditionKeyType.String)]
    [InlineData("aws:PrincipalTag/team", "aws:PrincipalTag/${TagKey}", ConditionKeyType.String)]
    public void Should_Resolve_Global_Key_And_Type_When_Looking_Up(string key, string expectedKey, ConditionKeyType expectedType)
    {
        // Given / When
        bool found = Catalog.TryGetConditionKey(key, out ConditionKeyInfo? info);

        // Then
        Assert.True(found);
        Assert.Equal(expectedKey, info!.Key);
        Assert.Equal(expectedType, info.Type);
        Assert.True(info.IsGlobal);
    }

    [Theory]
    [InlineData("s3:prefix", "s3:prefix", ConditionKeyType.String)]
    [InlineData("S3:Prefix", "s3:prefix", ConditionKeyType.String)]
    [InlineData("s3:ExistingObjectTag/team", "s3:ExistingObjectTag/<key>", ConditionKeyType.String)]
    [InlineData("kms:EncryptionContext:project", "kms:EncryptionContext:${EncryptionContextKey}", ConditionKeyType.String)]
    [InlineData("ec2:ResourceTag/Name", "ec2:ResourceTag/${TagKey}", ConditionKeyType.String)]
    [InlineData("accounts.google.com:aud", "accounts.google.com:aud", ConditionKeyType.String)]
    public void Should_Resolve_Service_Key_When_Exact_Pattern_Or_Unassociated(string key, string expectedKey, ConditionKeyType expectedType)
    {
        // Given / When
        bool found = Catalog.TryGetConditionKey(key, out ConditionKeyInfo? info);

        // Then
        Assert.True(found);
        Assert.Equal(expectedKey, info!.Key);
        Assert.Equal(expectedType, info.Type);
        Assert.False(info.IsGlobal);
    }

    [Fact]
    public void Should_Prefer_Longer_Suffix_When_Two_Patterns_Fit()
    {
        // Given / When
        Assert.True(Catalog.TryGetConditionKey("events:Metadata/region/Matcher", out ConditionKeyInfo? matcher));
        Assert.True(Catalog.TryGetConditionKey("events:Metadata/region", out ConditionKeyInfo? plain));

        // Then
        Assert.Equal("events:Metadata/${MetadataKey}/Matcher", matcher!.Key);
        Assert.Equal("events:Metadata/${MetadataKey}", plain!.Key);
    }

    [Fact]
    public void Should_Resolve_Identity_Provider_Pattern_When_Prefix_Has_Parameter()
    {
        // Given / When
        bool found = Catalog.TryGetConditionKey("token.actions.githubusercontent.com/org/repo:actor", out ConditionKeyInfo? info);

        // Then
        Assert.True(found);
        Assert.Equal("token.actions.githubusercontent.com/${SubPath}:actor", info!.Key);
        Assert.Equal("sts", info.ServicePrefix);
    }

    [Theory]
    [InlineData("aws:NoSuchKey")]
    [InlineData("aws:RequestTag/")]
    [InlineData("s3:nosuchkey")]
    [InlineData("nokey")]
    [InlineData("nosuchservice:key")]
    public void Should_Not_Resolve_Key_When_Unknown(string key)
    {
        // Given / When
        bool found = Catalog.TryGetConditionKey(key, out ConditionKeyInfo? info);

        // Then
        Assert.False(found);
        Assert.Null(info);
    }

    [Fact]
    public void Should_Mark_Multivalued_Keys_When_Type_Is_Array()
    {
        // Given
        Assert.True(Catalog.TryGetConditionKey("aws:TagKeys", out ConditionKeyInfo? tagKeys));
        Assert.True(Catalog.TryGetConditionKey("aws:SourceIp", out ConditionKeyInfo? sourceIp));

        // When / Then
        Assert.True(tagKeys!.IsMultivalued);
        Assert.False(sourceIp!.IsMultivalued);
        Assert.False(tagKeys.IsParameterized);
        Assert.True(Catalog.TryGetConditionKey("aws:RequestTag/x", out ConditionKeyInfo? tag));
        Assert.True(tag!.IsParameterized);
    }
}
