using System.Text.Json.Nodes;
using TrailSift.Core.Analysis.Replay;
using TrailSift.Testing;
using static TrailSift.Core.Tests.Analysis.Replay.ReplayFixtures;

namespace TrailSift.Core.Tests.Analysis.Replay;

public sealed class CallCheckerTests
{
    private const string DescribeAll = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ec2:Describe*","Resource":"*"}]}""";

    private const string TagConditioned = """
        {"Version":"2012-10-17","Statement":[{"Sid":"RunInstancesOnlyWhenTagged","Effect":"Allow","Action":"ec2:RunInstances","Resource":"*",
          "Condition":{"StringEquals":{"aws:RequestTag/for-use-with-amazon-emr-managed-policies":"true"}}}]}
        """;

    private const string TerminateTeamData = """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ec2:TerminateInstances","Resource":"*",
          "Condition":{"StringEquals":{"ec2:ResourceTag/team":"data"}}}]}
        """;

    private static EventBuilder Describe(string time = "2025-06-03T15:00:00Z") => Ec2("DescribeInstances", time, "{}");

    private static EventBuilder Terminate(string time) =>
        Ec2("TerminateInstances", time, """{"instancesSet":{"items":[{"instanceId":"i-0aaa"}]}}""");

    private static EventBuilder UntaggedLaunch(string time, bool denied) => denied
        ? Ec2("RunInstances", time, """{"instanceType":"m5.xlarge"}""").Error("Client.UnauthorizedOperation")
        : Ec2("RunInstances", time, """{"instanceType":"m5.xlarge"}""", Launched("i-0aaa"));

    [Fact]
    public void Should_Allow_When_The_Identity_Policy_Grants_The_Permission()
    {
        // Given / When
        CallCheck check = CheckOne(DescribeAll, Describe());

        // Then
        Assert.Equal((CallVerdict.Allowed, "Allowed", "ec2:DescribeInstances", "*"), (check.Verdict, check.Decision, check.Action, check.Resource));
        Assert.Equal("arn:aws:sts::123456789012:assumed-role/EMR_DefaultRole_Restricted/session", check.Principal);
    }

    [Fact]
    public void Should_Replay_A_Recorded_Denial_Against_The_Candidate_Policy()
    {
        // Given: denied then, allowed by the candidate
        CallCheck check = CheckOne(DescribeAll, Describe().Error("Client.UnauthorizedOperation"));

        // Then
        Assert.Equal((CallVerdict.Allowed, "Client.UnauthorizedOperation"), (check.Verdict, check.ErrorCode));
    }

    [Fact]
    public void Should_Deny_And_Say_No_Statement_Allows_When_The_Policy_Does_Not_Mention_The_Action()
    {
        // Given / When
        CallCheck check = CheckOne("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}""", Describe());

        // Then
        Assert.Equal((CallVerdict.Denied, "ImplicitlyDenied"), (check.Verdict, check.Decision));
        Assert.Equal("no statement allows ec2:DescribeInstances", check.Reason);
    }

    [Fact]
    public void Should_Deny_Explicitly_And_Name_The_Deny_Statement_When_One_Matches()
    {
        // Given / When
        CallCheck check = CheckOne("""
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ec2:*","Resource":"*"},
              {"Sid":"NoDescribe","Effect":"Deny","Action":"ec2:DescribeInstances","Resource":"*"}]}
            """, Describe());

        // Then
        Assert.Equal((CallVerdict.Denied, "ExplicitlyDenied"), (check.Verdict, check.Decision));
        Assert.EndsWith("statement 1 \"NoDescribe\"", check.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Deny_On_The_Missing_Request_Tag_And_Name_The_CreateTags_On_The_Created_Instance()
    {
        // Given: EMR launches untagged and tags four seconds later
        EventBuilder launch = UntaggedLaunch("2025-06-03T15:20:28Z", denied: false);
        EventBuilder tagging = Ec2("CreateTags", "2025-06-03T15:20:32Z", TagParameters(["i-0aaa"], ("for-use-with-amazon-emr-managed-policies", "true")));

        // When
        CallCheck check = CheckOne(TagConditioned, launch, tagging);

        // Then
        Assert.Equal((CallVerdict.Denied, "ec2:RunInstances", true), (check.Verdict, check.Action, check.FailedOnRequestTags));
        Assert.Equal(["aws:RequestTag/for-use-with-amazon-emr-managed-policies"], check.MissingKeys.ToArray());
        Assert.Contains("aws:RequestTag/for-use-with-amazon-emr-managed-policies: request missing, policy [true]", check.Reason, StringComparison.Ordinal);
        Assert.Equal(("CreateTags", "2025-06-03T15:20:32Z", "created resources"), (check.LaterTagging?.EventName, check.LaterTagging?.EventTime, check.LaterTaggingBasis));
    }

    [Fact]
    public void Should_Name_A_Tagging_Call_Within_60_Seconds_When_The_Denied_Launch_Created_Nothing()
    {
        // Given
        EventBuilder launch = UntaggedLaunch("2025-06-03T09:41:10Z", denied: true);
        EventBuilder tagging = Ec2("CreateTags", "2025-06-03T09:41:50Z", TagParameters(["i-0zzz"], ("team", "data")));

        // When
        CallCheck check = CheckOne(TagConditioned, launch, tagging);

        // Then
        Assert.Equal(("CreateTags", "within 60 s"), (check.LaterTagging?.EventName, check.LaterTaggingBasis));
    }

    [Fact]
    public void Should_Be_Undecidable_And_Name_The_Key_When_The_Allow_Reads_A_Principal_Tag()
    {
        // Given / When
        CallCheck check = CheckOne("""
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ec2:DescribeInstances","Resource":"*",
              "Condition":{"StringEquals":{"aws:PrincipalTag/team":"data"}}}]}
            """, Describe());

        // Then
        Assert.Equal((CallVerdict.Undecidable, "Undecidable"), (check.Verdict, check.Decision));
        Assert.Equal(["aws:PrincipalTag/team"], check.UnknownKeys.ToArray());
        Assert.Equal("depends on keys the trail cannot show: aws:PrincipalTag/team", check.Reason);
    }

    [Fact]
    public void Should_Allow_On_A_Resource_Tag_When_The_Trail_Showed_The_Tagging()
    {
        // Given
        EventBuilder tagging = Ec2("CreateTags", "2025-06-03T15:20:32Z", TagParameters(["i-0aaa"], ("team", "data")));

        // When
        CallCheck check = CheckOne(TerminateTeamData, Terminate("2025-06-03T18:00:00Z"), tagging);

        // Then
        Assert.Equal(CallVerdict.Allowed, check.Verdict);
    }

    [Fact]
    public void Should_Be_Undecidable_On_A_Resource_Tag_When_The_Trail_Never_Showed_The_Resource()
    {
        // Given / When
        CallCheck check = CheckOne(TerminateTeamData, Terminate("2025-06-03T18:00:00Z"));

        // Then
        Assert.Equal(CallVerdict.Undecidable, check.Verdict);
        Assert.Contains("ec2:ResourceTag/team", check.UnknownKeys);
    }

    [Fact]
    public void Should_Deny_On_A_Resource_Tag_When_The_Trail_Saw_The_Instance_Created_Without_It()
    {
        // Given: its tags are known completely, and team is not among them
        CallCheck check = CheckOne(TerminateTeamData, Terminate("2025-06-03T18:00:00Z"), UntaggedLaunch("2025-06-03T15:20:28Z", denied: false));

        // Then
        Assert.Equal((CallVerdict.Denied, "ImplicitlyDenied"), (check.Verdict, check.Decision));
        Assert.Equal(["ec2:ResourceTag/team"], check.MissingKeys.ToArray());
    }

    [Fact]
    public void Should_Be_Undecidable_When_The_Event_Is_Unmapped()
    {
        // Given / When
        CallCheck check = CheckOne(DescribeAll, new EventBuilder("iam.amazonaws.com", "NotCreateUser"));

        // Then
        Assert.Equal((CallVerdict.Undecidable, "unmapped: cannot check", (string?)null), (check.Verdict, check.Reason, check.Action));
    }

    [Fact]
    public void Should_Be_Undecidable_When_The_Resource_Is_In_Another_Account()
    {
        // Given: the queue's own policy, which the trail does not show, must allow too
        EventBuilder send = new EventBuilder("sqs.amazonaws.com", "SendMessage").AsRole("app")
            .With("requestParameters", JsonNode.Parse("""{"queueUrl":"https://sqs.us-east-1.amazonaws.com/210987654321/jobs","messageBody":"x"}"""));

        // When
        CallCheck check = CheckOne("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sqs:*","Resource":"*"}]}""", send);

        // Then
        Assert.Equal("arn:aws:sqs:us-east-1:210987654321:jobs", check.Resource);
        Assert.Equal(CallVerdict.Undecidable, check.Verdict);
        Assert.Equal("the resource is in another account; its resource-based policy is not known", check.Reason);
    }

    [Fact]
    public void Should_Skip_And_Count_Calls_That_Say_Nothing_About_The_Policy()
    {
        // Given
        EventBuilder expired = Describe().Error("ExpiredToken");
        EventBuilder whoAmI = new EventBuilder("sts.amazonaws.com", "GetCallerIdentity");
        EventBuilder service = new EventBuilder("sts.amazonaws.com", "AssumeRole")
            .With("userIdentity", JsonNode.Parse("""{"type":"AWSService","invokedBy":"elasticmapreduce.amazonaws.com"}"""));

        // When
        CallChecker checker = Checker(DescribeAll).Replay(expired, whoAmI, service);

        // Then
        Assert.Empty(checker.Checks);
        Assert.Equal(new Dictionary<string, long>
        {
            ["authentication failure"] = 1,
            ["needs no permission"] = 1,
            ["caller is not an IAM principal"] = 1,
        }, checker.Skipped);
    }

    [Fact]
    public void Should_Order_Checks_By_Time_Then_Event_Id_Whatever_The_Merge_Order()
    {
        // Given: two workers saw the calls in different orders
        EventBuilder[] calls =
        [
            Describe("2025-06-03T15:00:02Z").With("eventID", "b"),
            Describe("2025-06-03T15:00:01Z").With("eventID", "z"),
            Describe("2025-06-03T15:00:02Z").With("eventID", "a"),
        ];
        CallChecker one = Checker(DescribeAll).Replay(calls[0], calls[1]);
        CallChecker two = Checker(DescribeAll).Replay(calls[2]);
        CallChecker three = Checker(DescribeAll).Replay(calls[2], calls[0]);
        CallChecker four = Checker(DescribeAll).Replay(calls[1]);

        // When
        one.Merge(two);
        one.Sort();
        three.Merge(four);
        three.Sort();

        // Then
        Assert.Equal(["z", "a", "b"], one.Checks.Select(c => c.EventId));
        Assert.Equal(one.Checks.Select(c => c.EventId), three.Checks.Select(c => c.EventId));
    }
}
