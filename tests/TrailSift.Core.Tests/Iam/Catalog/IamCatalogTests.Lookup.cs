using TrailSift.Core.Iam.Catalog;

namespace TrailSift.Core.Tests.Iam.Catalog;

public partial class IamCatalogTests
{
    [Theory]
    [InlineData("s3")]
    [InlineData("S3")]
    [InlineData("Ec2")]
    public void Should_Find_Service_When_Prefix_Case_Differs(string prefix)
    {
        // Given / When
        bool found = Catalog.TryGetService(prefix, out ServiceInfo? service);

        // Then
        Assert.True(found);
        Assert.Equal(prefix.ToLowerInvariant(), service!.Prefix);
        Assert.False(string.IsNullOrEmpty(service.Name));
    }

    [Theory]
    [InlineData("sqs:createqueue", "sqs:CreateQueue")]
    [InlineData("SQS:CREATEQUEUE", "sqs:CreateQueue")]
    [InlineData("s3:getobject", "s3:GetObject")]
    [InlineData("iam:passrole", "iam:PassRole")]
    public void Should_Return_Canonical_Spelling_When_Action_Case_Differs(string text, string canonical)
    {
        // Given / When
        bool found = Catalog.TryGetAction(text, out ActionInfo? action);

        // Then
        Assert.True(found);
        Assert.Equal(canonical, action!.FullName);
        Assert.Equal(canonical, action.ToString());
    }

    [Theory]
    [InlineData("s3:NoSuchAction")]
    [InlineData("nosuchservice:GetObject")]
    [InlineData("s3:Get*")]
    [InlineData("GetObject")]
    [InlineData(":GetObject")]
    public void Should_Not_Find_Action_When_Unknown_Or_Malformed(string text)
    {
        // Given / When
        bool found = Catalog.TryGetAction(text, out ActionInfo? action);

        // Then
        Assert.False(found);
        Assert.Null(action);
    }

    [Fact]
    public void Should_Find_Action_By_Prefix_And_Name_When_Given_Separately()
    {
        // Given / When
        bool found = Catalog.TryGetAction("EC2", "runinstances", out ActionInfo? action);

        // Then
        Assert.True(found);
        Assert.Equal("ec2:RunInstances", action!.FullName);
    }

    [Theory]
    [InlineData("s3:GetObject", AccessLevel.Read)]
    [InlineData("s3:ListBucket", AccessLevel.List)]
    [InlineData("iam:CreateRole", AccessLevel.Write)]
    [InlineData("s3:PutBucketPolicy", AccessLevel.PermissionsManagement | AccessLevel.Write)]
    [InlineData("ec2:CreateTags", AccessLevel.Tagging | AccessLevel.Write)]
    public void Should_Report_Access_Level_When_Looking_Up_Action(string text, AccessLevel expected)
    {
        // Given
        Assert.True(Catalog.TryGetAction(text, out ActionInfo? action));

        // When
        AccessLevel level = action.AccessLevel;

        // Then
        Assert.Equal(expected, level);
    }

    [Fact]
    public void Should_Have_No_Resource_Types_When_Action_Supports_Only_Star()
    {
        // Given
        Assert.True(Catalog.TryGetAction("s3:ListAllMyBuckets", out ActionInfo? action));

        // When / Then
        Assert.Empty(action.ResourceTypes);
        Assert.False(action.SupportsResourceLevelPermissions);
    }

    [Fact]
    public void Should_List_Required_And_Optional_Resource_Types_When_Action_Is_RunInstances()
    {
        // Given
        Assert.True(Catalog.TryGetAction("ec2:RunInstances", out ActionInfo? action));

        // When
        var required = new List<string>();
        var optional = new List<string>();
        foreach (ActionResourceType type in action.ResourceTypes)
        {
            (type.Required ? required : optional).Add(type.Name);
            Assert.NotNull(type.ResourceType);
        }

        // Then
        Assert.Subset(new HashSet<string>(required), new HashSet<string> { "image", "instance", "network-interface", "security-group", "subnet" });
        Assert.Contains("volume", optional);
        Assert.Contains("key-pair", optional);
        Assert.Contains("launch-template", optional);
        Assert.NotEmpty(action.ConditionKeys);
    }

    [Fact]
    public void Should_Link_Resource_Type_With_Arn_Template_When_Action_Lists_It()
    {
        // Given
        Assert.True(Catalog.TryGetAction("s3:GetObject", out ActionInfo? action));

        // When
        ActionResourceType objectType = Assert.Single(action.ResourceTypes, t => t.Name == "object");

        // Then
        Assert.Equal("arn:${Partition}:s3:::${BucketName}/${ObjectName}", objectType.ResourceType!.Arn.Template);
        Assert.Equal("s3", objectType.ResourceType.ServicePrefix);
        Assert.True(Catalog.TryGetService("s3", out ServiceInfo? s3));
        Assert.True(s3.TryGetResourceType("OBJECT", out ResourceTypeInfo? viaService));
        Assert.Same(objectType.ResourceType, viaService);
    }

    [Fact]
    public void Should_Find_Resource_Types_For_Action_When_Arn_Fits()
    {
        // Given / When
        var objectTypes = Catalog.FindResourceTypes("s3:GetObject", "arn:aws:s3:::my-bucket/photos/2024/cat.jpg");
        var accessPoint = Catalog.FindResourceTypes("s3:GetObject", "arn:aws:s3:us-east-1:123456789012:accesspoint/ap/object/k/e/y");
        var bucketOnGetObject = Catalog.FindResourceTypes("s3:GetObject", "arn:aws:s3:::my-bucket");
        var roleOnPassRole = Catalog.FindResourceTypes("iam:PassRole", "arn:aws:iam::123456789012:role/service/app-role");

        // Then
        Assert.Equal("object", Assert.Single(objectTypes).Name);
        Assert.Equal("accesspointobject", Assert.Single(accessPoint).Name);
        Assert.Empty(bucketOnGetObject);
        Assert.Equal("role", Assert.Single(roleOnPassRole).Name);
        Assert.Empty(Catalog.FindResourceTypes("s3:NoSuchAction", "arn:aws:s3:::b"));
    }

    [Fact]
    public void Should_Fall_Back_To_Unqualified_Type_When_Only_Qualified_Arn_Fits_Loosely()
    {
        // Given
        const string qualified = "arn:aws:lambda:us-east-1:123456789012:function:my-fn:prod";

        // When
        var invoke = Catalog.FindResourceTypes("lambda:InvokeFunction", qualified);
        var invokePlain = Catalog.FindResourceTypes("lambda:InvokeFunction", "arn:aws:lambda:us-east-1:123456789012:function:my-fn");

        // Then
        Assert.Equal("function", Assert.Single(invoke).Name);
        Assert.Equal("function", Assert.Single(invokePlain).Name);
    }

    [Fact]
    public void Should_Mark_Rcp_Services_When_Package_Lists_Them()
    {
        // Given / When
        Assert.True(Catalog.TryGetService("s3", out ServiceInfo? s3));
        Assert.True(Catalog.TryGetService("ec2", out ServiceInfo? ec2));

        // Then
        Assert.True(s3.IsRcpSupported);
        Assert.False(ec2.IsRcpSupported);
    }
}
