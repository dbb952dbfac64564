using System.Runtime.InteropServices;
using TrailSift.Core.Analysis.Usage;
using TrailSift.Core.Iam.Evaluation;

namespace TrailSift.Core.Tests.Analysis.Usage;

/// <summary>
/// A principal's uses per (action, resource) during the scan (<see cref="UsageCollector.UseTable"/>): counted as each call
/// comes, merged across workers as if one worker had seen every call, and small: the bench trail keeps hundreds of
/// thousands of S3 object uses.
/// </summary>
public sealed class UseTableTests
{
    private static readonly StatementRef[] First = [new(0, 0)];
    private static readonly StatementRef[] Second = [new(0, 1)];
    private static readonly string[] GetObject = ["GetObject"];
    private static readonly string[] PutObject = ["PutObject"];
    private static readonly string[] East = ["us-east-1"];
    private static readonly string[] West = ["eu-west-1"];
    private static readonly string[] NoRegion = [string.Empty];

    private sealed record Call(string Action, string Resource, Decision Decision, bool Undecidable, StatementRef[] Matched, StatementRef[] Maybe,
        bool Implied, bool Denied, long Ticks, string[] Event, string[] Region);

    private static List<Call> Calls()
    {
        var calls = new List<Call>();
        for (int i = 0; i < 600; i++)
        {
            string resource = $"arn:aws:s3:::bucket/{i % 150 % 7}/part-{i % 150:D4}.json";
            // 600 calls on 150 (action, resource) pairs, most repeated
            calls.Add(new Call(i % 3 == 0 ? "s3:PutObject" : "s3:GetObject", resource,
                i % 11 == 0 ? Decision.ImplicitlyDenied : i % 29 == 0 ? Decision.ExplicitlyDenied : Decision.Allowed, i % 13 == 0,
                i % 5 == 0 ? Second : First, i % 13 == 0 ? Second : [], i % 17 == 0, i % 19 == 0, 1_000_000 + ((i * 7919) % 600),
                i % 3 == 0 ? PutObject : GetObject, i % 23 == 0 ? NoRegion : i % 2 == 0 ? East : West));
        }

        return calls;
    }

    private static void Add(UsageCollector.UseTable table, Call c) =>
        table.Add(c.Action, c.Resource, "object", c.Decision, c.Undecidable, c.Matched, c.Maybe, c.Implied, c.Denied, c.Ticks, c.Event, c.Region);

    private static string Describe(PermissionUse u) =>
        $"{u.Action} {u.Resource} {u.ResourceType} {u.Decision} {u.Undecidable} [{string.Join(",", u.AllowedBy)}] {u.Calls} {u.DeniedAtTheTime} "
        + $"{u.Implied} {u.FirstTicks} {u.LastTicks} [{string.Join(",", u.EventNames)}] [{string.Join(",", u.Regions)}]";

    [Fact]
    public void Should_Build_What_One_Worker_Builds_When_Calls_Are_Split_Between_Workers()
    {
        // Given: the same calls, all in one table, and split between two tables in another order
        List<Call> calls = Calls();
        var one = new UsageCollector.UseTable();
        calls.ForEach(c => Add(one, c));
        var a = new UsageCollector.UseTable();
        var b = new UsageCollector.UseTable();
        for (int i = calls.Count - 1; i >= 0; i--)
        {
            Add(i % 4 == 0 ? a : b, calls[i]);
        }

        // When
        a.Merge(b);

        // Then
        string[] expected = [.. one.Build().Select(Describe).Order(StringComparer.Ordinal)];
        string[] merged = [.. a.Build().Select(Describe).Order(StringComparer.Ordinal)];
        Assert.Equal(expected, merged);
        Assert.Equal(calls.Select(static c => (c.Action, c.Resource)).Distinct().Count(), one.Count);
        Assert.Equal(150, one.Count);
    }

    [Fact]
    public void Should_Count_One_Use_Per_Pair_When_Equal_Actions_Are_Distinct_Strings()
    {
        // Given: the calls, each action a string of its own (equal, not the same object), against the calls as given: the
        // action's hash, kept for the action string seen last, is made again for another string
        List<Call> calls = Calls();
        var shared = new UsageCollector.UseTable();
        calls.ForEach(c => Add(shared, c));
        var copies = new UsageCollector.UseTable();

        // When
        calls.ForEach(c => Add(copies, c with { Action = new string(c.Action.AsSpan()) }));

        // Then
        Assert.Equal(shared.Count, copies.Count);
        Assert.Equal(shared.Build().Select(Describe), copies.Build().Select(Describe));
    }

    [Fact]
    public void Should_Build_Uses_Sorted_By_Action_Then_Resource_Sharing_Each_Shapes_Lists()
    {
        // Given: calls added out of order
        var table = new UsageCollector.UseTable();
        List<Call> calls = Calls();
        for (int i = calls.Count - 1; i >= 0; i--)
        {
            Add(table, calls[i]);
        }

        // When
        PermissionUse[] uses = table.Build();

        // Then: ordinal (action, resource) order, as sorting the built uses gives; uses of one shape share their lists
        string[] sorted = [.. uses.OrderBy(static u => u.Action, StringComparer.Ordinal).ThenBy(static u => u.Resource, StringComparer.Ordinal).Select(Describe)];
        Assert.Equal(sorted, uses.Select(Describe));
        foreach (var alike in uses.GroupBy(static u => (u.Action, u.Decision, u.Undecidable, string.Join(",", u.AllowedBy), string.Join(",", u.EventNames), string.Join(",", u.Regions))))
        {
            Assert.Single(alike.Select(static u => ImmutableCollectionsMarshal.AsArray(u.AllowedBy)).Distinct(ReferenceEqualityComparer.Instance));
            Assert.Single(alike.Select(static u => ImmutableCollectionsMarshal.AsArray(u.Regions)).Distinct(ReferenceEqualityComparer.Instance));
        }
    }

    [Fact]
    public void Should_Keep_The_Weakest_Decision_And_Every_Statement_When_A_Use_Repeats()
    {
        // Given
        var table = new UsageCollector.UseTable();
        const string Object = "arn:aws:s3:::bucket/key";

        // When: allowed by statement 0, then undecidably by statement 1 and denied at the time, then implicitly denied
        table.Add("s3:GetObject", Object, "object", Decision.Allowed, false, First, [], false, false, 30, GetObject, East);
        table.Add("s3:GetObject", Object, null, Decision.Allowed, true, [], Second, false, true, 10, GetObject, NoRegion);
        table.Add("s3:GetObject", Object, null, Decision.ImplicitlyDenied, false, [], [], true, false, 20, GetObject, West);

        // Then
        PermissionUse use = Assert.Single(table.Build());
        Assert.Equal("s3:GetObject arn:aws:s3:::bucket/key object ImplicitlyDenied True [StatementRef { Policy = 0, Statement = 0 },"
            + "StatementRef { Policy = 0, Statement = 1 }] 3 1 False 10 30 [GetObject] [eu-west-1,us-east-1]", Describe(use));
    }

    [Fact]
    public void Should_Count_Denials_And_Call_A_Use_Implied_Only_When_Every_Call_Implied_It_When_Workers_Merge()
    {
        // Given: x implied by every call, in both workers; y implied by one call of two; z only in the second worker, denied
        // at the time twice (a count kept apart from the entries); x denied once in each worker
        var a = new UsageCollector.UseTable();
        var b = new UsageCollector.UseTable();
        a.Add("s3:GetObject", "x", "object", Decision.Allowed, false, First, [], true, true, 10, GetObject, East);
        a.Add("s3:GetObject", "y", "object", Decision.Allowed, false, First, [], true, false, 10, GetObject, East);
        b.Add("s3:GetObject", "y", "object", Decision.Allowed, false, First, [], false, false, 20, GetObject, East);
        b.Add("s3:GetObject", "x", "object", Decision.Allowed, false, First, [], true, true, 20, GetObject, East);
        b.Add("s3:GetObject", "z", "object", Decision.Allowed, false, First, [], true, true, 20, GetObject, East);
        b.Add("s3:GetObject", "z", "object", Decision.Allowed, false, First, [], true, true, 30, GetObject, East);

        // When
        a.Merge(b);

        // Then: (resource, calls, denied at the time, implied)
        Assert.Equal([("x", 2L, 2L, true), ("y", 2L, 0L, false), ("z", 2L, 2L, true)],
            a.Build().Select(static u => (u.Resource, u.Calls, u.DeniedAtTheTime, u.Implied)));
    }

    [Fact]
    public void Should_Allocate_Under_150_Bytes_Per_Use_When_Every_Use_Is_A_New_Object()
    {
        // Given: 100,000 distinct S3 object ARNs of 72 characters (the bench trail's kind), made beforehand. Before the table,
        // each use kept its ARN string (2 x 72 + 22 bytes), an object of 120 bytes and a dictionary entry of 40: 326 bytes.
        string[] resources = [.. Enumerable.Range(0, 100_000).Select(static i => $"arn:aws:s3:::acme-emr-logs/events/2025/06/01/{i % 24:D2}/part-{i:D8}-abcdef.jpg")];
        Assert.All(resources, static r => Assert.Equal(72, r.Length));
        var table = new UsageCollector.UseTable();
        Add(table, new Call("s3:GetObject", "warm-up", Decision.Allowed, false, First, [], false, false, 1, GetObject, East));

        // When: every allocation of the adds, on this thread, growth included
        long before = GC.GetAllocatedBytesForCurrentThread();
        foreach (string resource in resources)
        {
            table.Add("s3:GetObject", resource, "object", Decision.Allowed, false, First, [], false, false, 2, GetObject, East);
        }

        long perUse = (GC.GetAllocatedBytesForCurrentThread() - before) / resources.Length;

        // Then
        Assert.Equal(resources.Length + 1, table.Count);
        Assert.True(perUse <= 150, $"{perUse} bytes allocated per use (134 when written; 179 before folders were kept once)");
    }
}
