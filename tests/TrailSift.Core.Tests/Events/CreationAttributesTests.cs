using TrailSift.Core.Events;

namespace TrailSift.Core.Tests.Events;

public sealed class CreationAttributesTests
{
    private const string Profile = "arn:aws:iam::123456789012:instance-profile/app/web";

    [Fact]
    public void Should_Read_Each_Instance_Profile_Arn_From_The_Launch_Response_When_The_Items_Give_It()
    {
        // Given a launch of two instances, one item with its profile ARN, one without
        using EventRecord record = EventRecord.Parse("""
            {"eventName":"RunInstances","awsRegion":"us-east-1","requestParameters":{"iamInstanceProfile":{"name":"web"}},
             "responseElements":{"instancesSet":{"items":[{"instanceId":"i-1","iamInstanceProfile":{"arn":"PROFILE","id":"AIPA1"}},{"instanceId":"i-2"}]}}}
            """.Replace("PROFILE", Profile, StringComparison.Ordinal));

        // When
        var read = CreationAttributes.Read(record);

        // Then the stated ARN (with its path) is read; the instance whose item does not state it stays unknown
        var only = Assert.Single(read);
        Assert.Equal("i-1", only.Id);
        Assert.Equal([new KeyValuePair<string, string>("ec2:InstanceProfile", Profile)], only.Values.ToArray());
        Assert.Empty(only.Absent);
    }

    [Fact]
    public void Should_Know_The_Profile_Absent_When_The_Launch_Names_None()
    {
        using EventRecord record = EventRecord.Parse("""
            {"eventName":"RunInstances","requestParameters":{"instanceType":"t3.micro"},"responseElements":{"instancesSet":{"items":[{"instanceId":"i-1"}]}}}
            """);

        var only = Assert.Single(CreationAttributes.Read(record));

        Assert.Empty(only.Values);
        Assert.Equal(["ec2:InstanceProfile"], only.Absent.ToArray());
    }

    [Fact]
    public void Should_Read_The_Subnet_And_Vpc_Arns_Of_A_New_Network_Interface_From_The_Response()
    {
        using EventRecord record = EventRecord.Parse("""
            {"eventName":"CreateNetworkInterface","awsRegion":"eu-west-1","requestParameters":{"subnetId":"subnet-1"},
             "responseElements":{"networkInterface":{"networkInterfaceId":"eni-1","subnetId":"subnet-1","vpcId":"vpc-1","ownerId":"123456789012"}}}
            """);

        var only = Assert.Single(CreationAttributes.Read(record));

        Assert.Equal("eni-1", only.Id);
        Assert.Equal(
            [new KeyValuePair<string, string>("ec2:Subnet", "arn:aws:ec2:eu-west-1:123456789012:subnet/subnet-1"),
             new KeyValuePair<string, string>("ec2:Vpc", "arn:aws:ec2:eu-west-1:123456789012:vpc/vpc-1")],
            only.Values.ToArray());
    }

    [Fact]
    public void Should_Read_Nothing_When_The_Launch_Failed()
    {
        using EventRecord record = EventRecord.Parse("""
            {"eventName":"RunInstances","errorCode":"Client.UnauthorizedOperation",
             "responseElements":{"instancesSet":{"items":[{"instanceId":"i-1","iamInstanceProfile":{"arn":"PROFILE"}}]}}}
            """.Replace("PROFILE", Profile, StringComparison.Ordinal));

        Assert.Empty(CreationAttributes.Read(record));
    }
}
