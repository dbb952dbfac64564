using TrailSift.Core.Iam.Catalog;

namespace TrailSift.Core.Tests.Iam.Catalog;

public partial class IamCatalogTests
{
    [Fact]
    public void Should_Expand_Service_Prefix_Pattern_When_Pattern_Is_S3_Get_Star()
    {
        // Given
        Assert.True(Catalog.TryGetService("s3", out ServiceInfo? s3));
        int expected = CountWhere(s3, static a => a.Name.StartsWith("Get", StringComparison.OrdinalIgnoreCase));

        // When
        var actions = Catalog.ExpandActionPattern("s3:Get*");

        // Then
        Assert.Equal(expected, actions.Length);
        Assert.InRange(actions.Length, 40, 200);
        Assert.Contains(actions, a => a.FullName == "s3:GetObject");
        Assert.Contains(actions, a => a.FullName == "s3:GetBucketPolicy");
        Assert.All(actions, a => Assert.StartsWith("s3:Get", a.FullName, StringComparison.Ordinal));
    }

    [Fact]
    public void Should_Expand_Across_Services_When_Service_Part_Is_Star()
    {
        // Given
        int expected = 0;
        foreach (ServiceInfo service in Catalog.Services)
        {
            expected += CountWhere(service, static a => a.Name.StartsWith("List", StringComparison.OrdinalIgnoreCase));
        }

        // When
        var actions = Catalog.ExpandActionPattern("*:List*");

        // Then
        Assert.Equal(expected, actions.Length);
        Assert.InRange(actions.Length, 2_500, 8_000);
        Assert.Contains(actions, a => a.FullName == "s3:ListBucket");
        Assert.Contains(actions, a => a.FullName == "iam:ListRoles");
    }

    [Fact]
    public void Should_Expand_To_Every_Action_When_Pattern_Is_Star()
    {
        // Given / When
        var all = Catalog.ExpandActionPattern("*");
        var allWithColon = Catalog.ExpandActionPattern("*:*");

        // Then
        Assert.Equal(Catalog.ActionCount, all.Length);
        Assert.Equal(Catalog.ActionCount, allWithColon.Length);
    }

    [Theory]
    [InlineData("iam:Pass?ole", new[] { "iam:PassRole" })]
    [InlineData("IAM:PASS?OLE", new[] { "iam:PassRole" })]
    [InlineData("sqs:CreateQueue", new[] { "sqs:CreateQueue" })]
    [InlineData("sqs:createqueue", new[] { "sqs:CreateQueue" })]
    [InlineData("sqs:NoSuch*", new string[0])]
    [InlineData("nosuchservice:*", new string[0])]
    [InlineData("List*", new string[0])]
    public void Should_Expand_Exactly_When_Pattern_Is_Narrow(string pattern, string[] expected)
    {
        // Given / When
        var actions = Catalog.ExpandActionPattern(pattern);

        // Then
        Assert.Equal(expected, actions.Select(a => a.FullName).ToArray());
    }

    [Fact]
    public void Should_Match_Whole_Name_When_Service_Part_Has_Wildcard()
    {
        // Given / When
        var actions = Catalog.ExpandActionPattern("s?s:SendMessage");

        // Then
        Assert.Contains(actions, a => a.FullName == "sqs:SendMessage");
        Assert.All(actions, a => Assert.Equal("SendMessage", a.Name));
    }

    private static int CountWhere(ServiceInfo service, Func<ActionInfo, bool> predicate)
    {
        int count = 0;
        foreach (ActionInfo action in service.Actions)
        {
            if (predicate(action))
            {
                count++;
            }
        }

        return count;
    }
}
