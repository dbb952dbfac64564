using TrailSift.Core.Iam.Evaluation;
using TrailSift.Core.Output.Usage;

namespace TrailSift.Core.Tests.Output.Usage;

/// <summary>The JSON's decision words are encoded once; the oracle is the enum's name, which the printer wrote before.</summary>
public sealed class UsageJsonDecisionWordTests
{
    [Fact]
    public void Should_Be_The_Enum_Name_When_Any_Decision_Is_Written()
    {
        foreach (Decision decision in Enum.GetValues<Decision>())
        {
            Assert.Equal(decision.ToString(), UsageJsonPrinter.DecisionWord(decision).ToString());
        }
    }
}
