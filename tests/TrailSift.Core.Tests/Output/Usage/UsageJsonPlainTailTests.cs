using TrailSift.Core.Analysis.Usage;
using TrailSift.Core.Output.Usage;

namespace TrailSift.Core.Tests.Output.Usage;

/// <summary>Grants without calls write their tail as bytes written once; the oracle is the writer writing every property.</summary>
public sealed class UsageJsonPlainTailTests
{
    [Fact]
    public void Should_Write_The_Bytes_The_Writer_Writes_When_A_Grant_Has_No_Calls()
    {
        foreach (Visibility visibility in Enum.GetValues<Visibility>())
        {
            foreach (bool conditions in new[] { false, true })
            {
                GrantUsage grant = Grant(visibility, conditions);
                Assert.True(UsageJsonPrinter.HasPlainTail(grant));
                foreach (bool indented in new[] { true, false })
                {
                    foreach (int depth in new[] { 1, 3, 4, 7 })
                    {
                        Assert.Equal(UsageJsonPrinter.GrantText(grant, indented, depth, plain: false),
                            UsageJsonPrinter.GrantText(grant, indented, depth, plain: true));
                    }
                }
            }
        }
    }

    [Fact]
    public void Should_Write_Every_Property_When_A_Grant_Has_Calls_Or_Advice()
    {
        GrantUsage grant = Grant(Visibility.Management, conditions: false);
        Assert.False(UsageJsonPrinter.HasPlainTail(grant with { Calls = 2 }));
        Assert.False(UsageJsonPrinter.HasPlainTail(grant with { AccessAdvisor = "Access Advisor: no s3 access in its tracking period" }));
        Assert.False(UsageJsonPrinter.HasPlainTail(grant with { Resources = ["arn:aws:s3:::b"] }));
        Assert.False(UsageJsonPrinter.HasPlainTail(grant with { FirstTicks = 1 }));
        Assert.False(UsageJsonPrinter.HasPlainTail(grant with { Implied = true }));
    }

    private static GrantUsage Grant(Visibility visibility, bool conditions) => new()
    {
        PolicyIndex = 1,
        Policy = "managed:arn:aws:iam::123456789012:policy/p\"q",
        StatementIndex = 2,
        Sid = "S\u00e91",
        Action = "s3:GetObject",
        Verdict = UsageVerdict.Unused,
        Reason = "no call in the input (account 123456789012; eu-west-1; <2025>)",
        Visibility = visibility,
        HasConditions = conditions,
    };
}
