using TrailSift.Core.Analysis.Usage;
using TrailSift.Core.Iam.Authorization;
using TrailSift.Core.Iam.Policy;
using TrailSift.Testing;

namespace TrailSift.Core.Tests.Analysis.Usage;

/// <summary>The synthetic scenario (<see cref="UsageScenario"/>): every verdict, a boundary, a Deny, an uncovered region and account.</summary>
public sealed class GrantVerdictTests
{
    private static readonly Lazy<UsageReport> Report = new(() => UsageScenario.Run());

    private static GrantUsage Grant(string sid, string action) =>
        Report.Value.Principals[0].Grants.Single(g => g.Sid == sid && g.Action == action);

    [Theory]
    [InlineData("Reads", "s3:ListAllMyBuckets", UsageVerdict.Used)]
    [InlineData("Reads", "s3:GetObject", UsageVerdict.NotVisible)]        // a data event; no data events in the input
    [InlineData("Reads", "dynamodb:DescribeTable", UsageVerdict.Unused)]  // called, but the boundary denies it today
    [InlineData("Queue", "sqs:GetQueueUrl", UsageVerdict.Used)]
    [InlineData("Queue", "sqs:SendMessage", UsageVerdict.NotVisible)]
    [InlineData("Tokyo", "sqs:GetQueueUrl", UsageVerdict.NoData)]         // ap-northeast-1 is not in the input
    [InlineData("Tokyo", "sqs:GetQueueAttributes", UsageVerdict.NoData)]
    [InlineData("Pass", "iam:PassRole", UsageVerdict.NotVisible)]         // never logged, no implying call
    public void Should_Reach_Verdict_When_Input_Shows_What_It_Shows(string sid, string action, UsageVerdict verdict)
    {
        Assert.Equal(verdict, Grant(sid, action).Verdict);
    }

    [Fact]
    public void Should_Count_Calls_And_Times_When_Used()
    {
        GrantUsage list = Grant("Reads", "s3:ListAllMyBuckets");
        Assert.Equal(2, list.Calls);
        Assert.Equal(new DateTime(2025, 3, 1, 10, 0, 0, DateTimeKind.Utc).Ticks, list.FirstTicks);
        Assert.Equal(new DateTime(2025, 3, 2, 10, 0, 0, DateTimeKind.Utc).Ticks, list.LastTicks);
        Assert.Equal(["*"], list.Resources.ToArray());
    }

    [Fact]
    public void Should_Say_Boundary_Denies_When_Statement_Matched_Only_Refused_Requests()
    {
        Assert.Contains("current policies deny", Grant("Reads", "dynamodb:DescribeTable").Reason, StringComparison.Ordinal);
        PermissionUse refused = Assert.Single(Report.Value.Principals[0].NotAllowedNow);
        Assert.Equal(("dynamodb:DescribeTable", "arn:aws:dynamodb:us-east-1:123456789012:table/orders"), (refused.Action, refused.Resource));
    }

    [Fact]
    public void Should_Judge_No_Data_Never_Unused_When_Account_Is_Not_In_Input()
    {
        PrincipalUsage elsewhere = Report.Value.Principals[1];
        GrantUsage grant = Assert.Single(elsewhere.Grants);
        Assert.Equal(UsageVerdict.NoData, grant.Verdict);
        Assert.Equal("the input holds no events of account 210987654321", grant.Reason);

        // and its reduced policy keeps the grant, flagged, instead of dropping it
        ReducedStatement kept = Assert.Single(elsewhere.Reduced.Statements);
        Assert.Equal(ReducedStatementKind.NoData, kept.Kind);
        Assert.Equal(["ec2:DescribeInstances"], kept.Statement.Action!.Values.ToArray());
    }

    [Fact]
    public void Should_Keep_Unjudgeable_Grants_And_Denies_When_Reducing()
    {
        ReducedPolicy reduced = Report.Value.Principals[0].Reduced;
        Assert.Equal(
            [ReducedStatementKind.Observed, ReducedStatementKind.NotVisible, ReducedStatementKind.Observed, ReducedStatementKind.NotVisible,
             ReducedStatementKind.NoData, ReducedStatementKind.NotVisible, ReducedStatementKind.Deny],
            reduced.Statements.Select(s => s.Kind).ToArray());
        Assert.DoesNotContain(reduced.Document.Statements, s => s.Action!.Values.Contains("dynamodb:DescribeTable"));
        Assert.True(reduced.Verification.Passed);
        Assert.Equal(3, reduced.Verification.Requests);
        Assert.Contains("The permissions boundary stays as it is; the replay used it.", reduced.Notes);
    }

    [Fact]
    public void Should_Expand_NotAction_Through_Catalog_When_Statement_Excludes_Actions()
    {
        // Given
        var statement = new Statement { Effect = Effect.Allow, NotAction = PolicyValueList.Array("sqs:*", "s3:*", "ec2:*", "iam:*") };

        // When
        var actions = GrantAnalyzer.GrantedActions(statement, Core.Iam.Catalog.IamCatalog.Default);

        // Then
        Assert.Contains("dynamodb:GetItem", actions);
        Assert.DoesNotContain(actions, a => a.StartsWith("sqs:", StringComparison.Ordinal) || a.StartsWith("iam:", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_Keep_Unknown_Action_Name_When_Catalog_Lacks_It()
    {
        var statement = new Statement { Effect = Effect.Allow, Action = PolicyValueList.Array("s3:GetObjekt", "s3:NoSuch*") };
        Assert.Equal(["s3:GetObjekt"], GrantAnalyzer.GrantedActions(statement, Core.Iam.Catalog.IamCatalog.Default).ToArray());
    }

    [Fact]
    public void Should_Expand_A_Shared_Statement_Once_When_Principals_Share_A_Managed_Policy()
    {
        // Given: two roles attached to one managed policy (one document object), and a statement of neither
        var shared = new PolicyDocument
        {
            Version = PolicyDocument.Version2012,
            Statements =
            [
                new Statement { Effect = Effect.Allow, Action = PolicyValueList.Array("s3:Get*", "sqs:SendMessage", "s3:GetObjekt") },
                new Statement { Effect = Effect.Allow, NotAction = PolicyValueList.Array("s3:*", "ec2:*") },
                new Statement { Effect = Effect.Deny, Action = PolicyValueList.Array("iam:*") },
            ],
        };
        var policy = new GrantedPolicy("managed arn:aws:iam::111122223333:policy/Shared (v1)", "arn:aws:iam::111122223333:policy/Shared", shared);
        EffectivePolicies[] principals = [.. new[] { "a", "b" }.Select(name => new EffectivePolicies
        {
            Principal = new IamEntity { Kind = IamEntityKind.Role, Name = name, Arn = "arn:aws:iam::111122223333:role/" + name },
            Identity = [policy],
        })];
        var other = new Statement { Effect = Effect.Allow, Action = PolicyValueList.Array("dynamodb:*") };
        var catalog = Core.Iam.Catalog.IamCatalog.Default;

        // When
        var table = new GrantedActionTable(principals, catalog);

        // Then: the same actions as expanding each statement anew, the shared statements' kept once
        foreach (Statement statement in shared.Statements.Where(static s => s.Effect == Effect.Allow).Append(other))
        {
            Assert.Equal(GrantAnalyzer.GrantedActions(statement, catalog).ToArray(), table.Of(statement).ToArray());
        }

        Assert.True(table.Of(shared.Statements[0]) == table.Of(shared.Statements[0]));
        Assert.False(table.Of(other) == table.Of(other));
    }

    [Fact]
    public void Should_Expand_Statements_Once_When_They_List_The_Same_Actions()
    {
        // Given: two policies whose statements are distinct objects listing the same actions (and one with NotAction)
        Statement[] Statements() =>
        [
            new Statement { Effect = Effect.Allow, Action = PolicyValueList.Array("s3:Get*", "sqs:SendMessage") },
            new Statement { Effect = Effect.Allow, NotAction = PolicyValueList.Array("s3:*", "ec2:*") },
        ];
        GrantedPolicy Policy(string name) => new($"managed {name}", "arn:aws:iam::111122223333:policy/" + name,
            new PolicyDocument { Version = PolicyDocument.Version2012, Statements = [.. Statements()] });
        EffectivePolicies[] principals = [.. new[] { "a", "b" }.Select(name => new EffectivePolicies
        {
            Principal = new IamEntity { Kind = IamEntityKind.Role, Name = name, Arn = "arn:aws:iam::111122223333:role/" + name },
            Identity = [Policy(name)],
        })];
        var catalog = Core.Iam.Catalog.IamCatalog.Default;

        // When
        var table = new GrantedActionTable(principals, catalog);

        // Then: each statement's actions are those of expanding it anew, one expansion shared by equal lists
        for (int s = 0; s < 2; s++)
        {
            Statement first = principals[0].Identity[0].Document.Statements[s], second = principals[1].Identity[0].Document.Statements[s];
            Assert.Equal(GrantAnalyzer.GrantedActions(second, catalog).ToArray(), table.Of(second).ToArray());
            Assert.True(table.Of(first) == table.Of(second));
        }
    }

    [Fact]
    public void Should_Give_The_Formatted_Reasons_When_Reasons_Are_Shared()
    {
        Assert.Equal("a data event; the input holds s3 data events, none by this principal (trails record data events only for the resources they select)",
            SharedReasons.DataEvent("s3", inInput: true));
        Assert.Equal("a data event, and the input holds no sqs data events", SharedReasons.DataEvent("sqs", inInput: false));
        Assert.Same(SharedReasons.DataEvent("sqs", inInput: false), SharedReasons.DataEvent("sqs", inInput: false));
        Assert.Equal("no CloudTrail event source is known for zz and the input holds no zz events: its calls may not be recorded",
            SharedReasons.Unrecorded("zz"));
        Assert.Equal(CloudTrailVisibility.NeverLoggedReason("s3:GetObject") + "; no implying call used this statement",
            SharedReasons.NeverLogged("s3:GetObject"));
    }
}
