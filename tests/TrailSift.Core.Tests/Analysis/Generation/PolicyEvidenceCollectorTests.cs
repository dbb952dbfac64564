using TrailSift.Core.Analysis.Generation;
using TrailSift.Core.Events;
using TrailSift.Testing;
using static TrailSift.Core.Tests.Analysis.Generation.GenerationFixtures;

namespace TrailSift.Core.Tests.Analysis.Generation;

public sealed class PolicyEvidenceCollectorTests
{
    private const string Queue = "arn:aws:sqs:us-east-1:123456789012:q1";

    [Fact]
    public void Should_Count_Calls_Denials_And_Time_Range_Per_Tuple()
    {
        // Given
        var c = new PolicyEvidenceCollector(reader: null);

        // When
        c.Add(Role, "sqs.amazonaws.com", "CreateQueue", Ticks(4), ErrorClass.None, Mapped(P("sqs:CreateQueue", Queue, "queue")));
        c.Add(Role, "sqs.amazonaws.com", "CreateQueue", Ticks(3), ErrorClass.AccessDenied, Mapped(P("sqs:CreateQueue", Queue, "queue")));
        c.Add(Role, "sqs.amazonaws.com", "CreateQueue", Ticks(5), ErrorClass.OtherError, Mapped(P("sqs:CreateQueue", Queue, "queue")));

        // Then
        PrincipalEvidence e = Assert.Single(c.Principals());
        PermissionEvidence row = Assert.Single(e.Permissions);
        Assert.Equal((3L, 1L, Ticks(3), Ticks(5)), (row.Calls, row.Denied, row.FirstTicks, row.LastTicks));
        Assert.Equal(["CreateQueue"], row.EventNames.ToArray());
        Assert.Equal((2L, 1L), (e.AllowedCalls, e.DeniedCalls));
    }

    [Fact]
    public void Should_Leave_Out_Denied_Calls_But_Count_Them_When_Excluded()
    {
        // Given
        var c = new PolicyEvidenceCollector(reader: null, includeDenied: false);

        // When
        c.Add(Role, "sqs.amazonaws.com", "CreateQueue", Ticks(3), ErrorClass.AccessDenied, Mapped(P("sqs:CreateQueue", Queue, "queue")));

        // Then
        PrincipalEvidence e = Assert.Single(c.Principals());
        Assert.Empty(e.Permissions);
        Assert.Equal(1, e.ExcludedDeniedCalls);
    }

    [Fact]
    public void Should_Ignore_Authentication_Failures_And_Skip_Calls_Needing_No_Permission()
    {
        // Given
        var c = new PolicyEvidenceCollector(reader: null);

        // When
        c.Add(Role, "sqs.amazonaws.com", "ListQueues", Ticks(3), ErrorClass.AuthenticationFailure, Mapped(P("sqs:ListQueues", "*")));
        c.Add(Role, "sts.amazonaws.com", "GetCallerIdentity", Ticks(3), ErrorClass.None, CallPermissions.NoPermission);

        // Then
        PrincipalEvidence e = Assert.Single(c.Principals());
        Assert.Empty(e.Permissions);
        Assert.Equal((1L, 1L, 2L), (e.AuthenticationFailures, e.NoPermissionCalls, e.Calls));
    }

    [Fact]
    public void Should_List_Unmapped_Calls_By_Name()
    {
        // Given
        var c = new PolicyEvidenceCollector(reader: null);

        // When
        c.Add(Role, "new.amazonaws.com", "DoThing", Ticks(3), ErrorClass.None, CallPermissions.Unmapped);
        c.Add(Role, "new.amazonaws.com", "DoThing", Ticks(3), ErrorClass.AccessDenied, CallPermissions.Unmapped);

        // Then
        UnmappedCall u = Assert.Single(Assert.Single(c.Principals()).Unmapped);
        Assert.Equal(new UnmappedCall("new.amazonaws.com", "DoThing", 2, 1), u);
    }

    [Fact]
    public void Should_Equal_One_Collector_When_Workers_Are_Merged()
    {
        // Given
        var one = new PolicyEvidenceCollector(reader: null);
        var a = new PolicyEvidenceCollector(reader: null);
        var b = new PolicyEvidenceCollector(reader: null);
        (int Day, ErrorClass Error, string Resource)[] calls =
            [(3, ErrorClass.None, Queue), (5, ErrorClass.AccessDenied, Queue), (4, ErrorClass.None, Queue + "x")];

        // When
        for (int i = 0; i < calls.Length; i++)
        {
            CallPermissions p = Mapped(P("sqs:CreateQueue", calls[i].Resource, "queue"));
            one.Add(Role, "sqs.amazonaws.com", "CreateQueue", Ticks(calls[i].Day), calls[i].Error, p);
            (i % 2 == 0 ? a : b).Add(Role, "sqs.amazonaws.com", "CreateQueue", Ticks(calls[i].Day), calls[i].Error, p);
        }

        a.Merge(b);

        // Then
        Assert.Equal(one.Principals()[0].Permissions, a.Principals()[0].Permissions, new EvidenceComparer());
        Assert.Equal(one.Facts, a.Facts);
    }

    [Fact]
    public void Should_Group_Sessions_Under_Their_Role_And_Skip_Aws_Service_Callers()
    {
        // Given
        var c = new PolicyEvidenceCollector(new FixedReader(Mapped(P("ec2:DescribeInstances", "*"))));
        string service = new EventBuilder().With("userIdentity", new System.Text.Json.Nodes.JsonObject
        {
            ["type"] = "AWSService",
            ["invokedBy"] = "ec2.amazonaws.com",
        }).Json();

        // When
        c.Accept(EventRecord.Parse(new EventBuilder().AsRole("app", "s1").Json()));
        c.Accept(EventRecord.Parse(new EventBuilder().AsRole("app", "s2").Json()));
        c.Accept(EventRecord.Parse(service));

        // Then
        PrincipalEvidence e = Assert.Single(c.Principals());
        Assert.Equal(Role, e.Principal);
        Assert.Equal(2, Assert.Single(e.Permissions).Calls);
        Assert.Equal(1, c.Facts.ServiceEvents);
    }

    [Theory]
    [InlineData(Role)]
    [InlineData("arn:aws:iam::123456789012:role/service-role/app")]
    public void Should_Fold_A_Session_Without_Issuer_Into_Its_Role_When_Another_Session_Shows_The_Role(string roleArn)
    {
        // Given: a record without sessionContext names the role only in the session ARN, without its path
        var c = new PolicyEvidenceCollector(new FixedReader(Mapped(P("ec2:DescribeInstances", "*"))));

        // When
        c.Accept(EventRecord.Parse(Session("s1", roleArn)));
        c.Accept(EventRecord.Parse(Session("s2", issuerArn: null)));

        // Then: the role's policy covers both sessions, as `--principal ROLE-ARN` selects both
        PrincipalEvidence e = Assert.Single(c.Principals());
        Assert.Equal((roleArn, 2L), (e.Principal, Assert.Single(e.Permissions).Calls));
    }

    [Fact]
    public void Should_Name_The_Role_When_Only_Sessions_Without_Issuer_Were_Seen()
    {
        // Given
        var c = new PolicyEvidenceCollector(new FixedReader(Mapped(P("ec2:DescribeInstances", "*"))));

        // When
        c.Accept(EventRecord.Parse(Session("s1", issuerArn: null)));
        c.Accept(EventRecord.Parse(Session("s2", issuerArn: null)));

        // Then
        PrincipalEvidence e = Assert.Single(c.Principals());
        Assert.Equal((Role, 2L), (e.Principal, e.Calls));
        Assert.Equal([Role], c.PrincipalNames().ToArray());
    }

    private static string Session(string session, string? issuerArn)
    {
        var identity = new System.Text.Json.Nodes.JsonObject
        {
            ["type"] = "AssumedRole",
            ["principalId"] = "AROAEXAMPLE:" + session,
            ["arn"] = "arn:aws:sts::123456789012:assumed-role/app/" + session,
            ["accountId"] = "123456789012",
        };
        if (issuerArn is not null)
        {
            identity["sessionContext"] = new System.Text.Json.Nodes.JsonObject
            {
                ["sessionIssuer"] = new System.Text.Json.Nodes.JsonObject { ["type"] = "Role", ["arn"] = issuerArn, ["userName"] = "app" },
            };
        }

        return new EventBuilder().With("userIdentity", identity).Json();
    }

    [Fact]
    public void Should_Count_Data_Events_When_Category_Is_Data()
    {
        // Given
        var c = new PolicyEvidenceCollector(new FixedReader(Mapped(P("s3:GetObject", "arn:aws:s3:::b/k", "object"))));

        // When
        c.Accept(EventRecord.Parse(new EventBuilder("s3.amazonaws.com", "GetObject").With("eventCategory", "Data").With("managementEvent", false).Json()));

        // Then
        Assert.Equal(1, c.Facts.DataEvents);
        Assert.Equal(1, c.Principals()[0].DataEvents);
    }

    private sealed class FixedReader(CallPermissions result) : ICallPermissionReader
    {
        public CallPermissions Read(EventRecord record) => result;
    }

    private sealed class EvidenceComparer : IEqualityComparer<PermissionEvidence>
    {
        public bool Equals(PermissionEvidence? x, PermissionEvidence? y) =>
            x is not null && y is not null && x.Action == y.Action && x.Resource == y.Resource && x.Calls == y.Calls
            && x.Denied == y.Denied && x.FirstTicks == y.FirstTicks && x.LastTicks == y.LastTicks && x.EventNames.SequenceEqual(y.EventNames);

        public int GetHashCode(PermissionEvidence obj) => obj.Action.GetHashCode(StringComparison.Ordinal);
    }
}
