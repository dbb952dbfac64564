using TrailSift.Core.Iam.Policy;

namespace TrailSift.Core.Tests.Iam.Policy;

public sealed class ConditionOperatorTests
{
    [Theory]
    [InlineData("StringEquals", ConditionOperatorKind.StringEquals, false, SetQualifier.None)]
    [InlineData("StringLikeIfExists", ConditionOperatorKind.StringLike, true, SetQualifier.None)]
    [InlineData("ForAllValues:StringNotEquals", ConditionOperatorKind.StringNotEquals, false, SetQualifier.ForAllValues)]
    [InlineData("ForAnyValue:ArnLikeIfExists", ConditionOperatorKind.ArnLike, true, SetQualifier.ForAnyValue)]
    [InlineData("NotIpAddress", ConditionOperatorKind.NotIpAddress, false, SetQualifier.None)]
    [InlineData("Null", ConditionOperatorKind.Null, false, SetQualifier.None)]
    [InlineData("stringequals", ConditionOperatorKind.StringEquals, false, SetQualifier.None)]
    public void Should_Parse_Operator_When_Name_Is_Known(string name, ConditionOperatorKind kind, bool ifExists, SetQualifier qualifier)
    {
        // Given / When
        bool parsed = ConditionOperator.TryParse(name, out ConditionOperator op);

        // Then
        Assert.True(parsed);
        Assert.Equal(new ConditionOperator(kind, ifExists, qualifier), op);
    }

    [Theory]
    [InlineData("StringEqual")]
    [InlineData("NullIfExists")]
    [InlineData("ForAnyValue:Null")]
    [InlineData("IfExists")]
    [InlineData("ForSomeValues:StringEquals")]
    [InlineData("")]
    public void Should_Reject_Operator_When_Name_Is_Unknown(string name)
    {
        // Given / When
        bool parsed = ConditionOperator.TryParse(name, out _);

        // Then
        Assert.False(parsed);
    }

    [Fact]
    public void Should_Mark_Negated_Operators_When_Asked()
    {
        // Given
        ConditionOperatorKind[] negated =
        [
            ConditionOperatorKind.StringNotEquals, ConditionOperatorKind.StringNotEqualsIgnoreCase, ConditionOperatorKind.StringNotLike,
            ConditionOperatorKind.NumericNotEquals, ConditionOperatorKind.DateNotEquals, ConditionOperatorKind.NotIpAddress,
            ConditionOperatorKind.ArnNotEquals, ConditionOperatorKind.ArnNotLike,
        ];

        // When / Then
        foreach (ConditionOperatorKind kind in Enum.GetValues<ConditionOperatorKind>())
        {
            Assert.Equal(negated.Contains(kind), new ConditionOperator(kind, false, SetQualifier.None).IsNegated);
        }
    }
}
