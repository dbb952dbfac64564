using System.Collections.Immutable;
using TrailSift.Core.Analysis.Usage;
using TrailSift.Core.Iam.Evaluation;

namespace TrailSift.Core.Tests.Analysis.Usage;

/// <summary>
/// A use made from the facts its kind shares (as a principal's uses are built) is the use an initializer makes with the
/// same values: the oracle is the initializer, which every field used to be set by.
/// </summary>
public sealed class PermissionUseTests
{
    [Fact]
    public void Should_Equal_The_Initialized_Use_When_Made_From_Shared_Facts()
    {
        // Given
        ImmutableArray<StatementRef> allowedBy = [new StatementRef(0, 1), new StatementRef(2, 0)];
        ImmutableArray<string> events = ["GetObject"];
        ImmutableArray<string> regions = ["eu-west-1", "us-east-1"];
        var shared = new PermissionUse.SharedFacts("s3:GetObject", "object", Decision.Allowed, true, allowedBy, events, regions);
        var expected = new PermissionUse
        {
            Action = "s3:GetObject", Resource = "arn:aws:s3:::b/k", ResourceType = "object", Decision = Decision.Allowed, Undecidable = true,
            AllowedBy = allowedBy, Calls = 3, DeniedAtTheTime = 1, Implied = true, FirstTicks = 10, LastTicks = 20, EventNames = events, Regions = regions,
        };

        // When
        var actual = new PermissionUse(shared, "arn:aws:s3:::b/k") { Calls = 3, DeniedAtTheTime = 1, Implied = true, FirstTicks = 10, LastTicks = 20 };
        PermissionUse other = actual with { Resource = "arn:aws:s3:::b/other", Decision = Decision.ImplicitlyDenied };

        // Then: equal, every property alike; a copy with other values leaves the shared facts alone
        Assert.Equal(expected, actual);
        Assert.Equal(expected.ToString(), actual.ToString());
        Assert.Equal((Decision.ImplicitlyDenied, "arn:aws:s3:::b/other", "s3:GetObject", 3L), (other.Decision, other.Resource, other.Action, other.Calls));
        Assert.Equal(Decision.Allowed, actual.Decision);
        Assert.Equal(Decision.Allowed, shared.Decision);
    }
}
