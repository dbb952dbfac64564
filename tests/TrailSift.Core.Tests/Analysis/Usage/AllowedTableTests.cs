using TrailSift.Core.Analysis.Usage;
using TrailSift.Core.Iam.Evaluation;

namespace TrailSift.Core.Tests.Analysis.Usage;

/// <summary>
/// A principal's distinct allowed requests during the scan (<see cref="UsageCollector.AllowedTable"/>): one per
/// <see cref="KeptRequest"/> equality, counted, and named by the call with the first event id, whichever worker saw it.
/// </summary>
public sealed class AllowedTableTests
{
    private static readonly string[] Keys = ["aws:RequestedRegion", "aws:SourceIp"];
    private static readonly string[] Actions = ["s3:GetObject", "s3:PutObject", "ec2:DescribeInstances"];
    private static readonly string[] Callers = ["arn:aws:sts::123456789012:assumed-role/app/s1", "arn:aws:sts::123456789012:assumed-role/app/s2", "arn:aws:iam::123456789012:user/x"];
    private static readonly string[] Regions = ["us-east-1", "eu-west-1"];

    private static KeptRequest Kept(Random random)
    {
        string action = Actions[random.Next(Actions.Length)];
        string resource = random.Next(5) == 0 ? "*" : $"arn:aws:s3:::bucket/{random.Next(4)}/key-{random.Next(30)}\u00e9";
        var values = new List<KeyValuePair<string, ContextValue>> { new("aws:RequestedRegion", Regions[random.Next(Regions.Length)]) };
        if (random.Next(3) > 0)
        {
            values.Add(new("aws:SourceIp", random.Next(2) == 0 ? "10.0.0.1" : "192.0.2.7"));
        }

        RequestContext request = CatalogRequestFactory.Default.Create(action, resource, Callers[random.Next(Callers.Length)], values,
            random.Next(4) == 0 ? ["aws:SourceIp"] : null, principalAccount: "123456789012");
        return KeptRequest.Of(request, Keys);
    }

    [Fact]
    public void Should_Count_And_Name_Each_Distinct_Request_As_A_Dictionary_Would_When_Two_Workers_Merge()
    {
        // Given: 4,000 calls' allowed requests (resources, callers and policy key values repeating), spread over two workers
        var random = new Random(17);
        var calls = Enumerable.Range(0, 4_000).Select(i => (Request: Kept(random), Name: $"Event{i % 7}", Id: $"{random.Next(100_000):D6}-{i}")).ToList();
        var oracle = new Dictionary<KeptRequest, (KeptRequest Request, string Name, string Id, long Count)>();
        foreach ((KeptRequest request, string name, string id) in calls)
        {
            oracle[request] = oracle.TryGetValue(request, out var known)
                ? (string.CompareOrdinal(id, known.Id) < 0 ? (request, name, id, known.Count + 1) : known with { Count = known.Count + 1 })
                : (request, name, id, 1);
        }

        var first = new UsageCollector.AllowedTable(new Utf8TextSet());
        var second = new UsageCollector.AllowedTable(new Utf8TextSet());

        // When
        for (int i = 0; i < calls.Count; i++)
        {
            (i % 3 == 0 ? second : first).Add(calls[i].Request, calls[i].Name, CompactEventId.Of(calls[i].Id));
        }

        first.Merge(second);
        ObservedRequest[] built = [.. first.Build()];

        // Then: the same requests (caller included), names, ids and counts
        Assert.Equal(oracle.Count, first.Count);
        Assert.Equal(oracle.Count, built.Length);
        var shapes = new Dictionary<KeptRequest, RequestContext>(ReferenceEqualityComparer.Instance);
        foreach (ObservedRequest observed in built)
        {
            RequestContext request = observed.Request();
            KeptRequest kept = KeptRequest.Of(request, Keys);

            // The request built from its shape's shared one is the same request
            RequestContext shared = observed.Request(shapes);
            Assert.Equal(kept, KeptRequest.Of(shared, Keys));
            Assert.Equal((request.Principal, request.ResourceAccount, request.PrincipalAccount), (shared.Principal, shared.ResourceAccount, shared.PrincipalAccount));

            (KeptRequest expected, string name, string id, long count) = oracle[kept];
            Assert.Equal((expected.Resource, expected.Principal, name, id, count), (request.Resource, request.Principal, observed.EventName, observed.EventId, observed.Count));
            Assert.Equal((expected.Action, expected.Resource), (observed.Action, observed.Resource));
            Assert.True(KeptRequest.ButResource.Equals(expected, kept));
        }
    }

    [Fact]
    public void Should_Build_The_Same_Requests_When_Calls_Come_As_Their_Class_Request_And_Resource()
    {
        // Given: calls' allowed requests, and the judge's form of each: a request of its class (another resource) and the call's resource
        var random = new Random(29);
        var calls = Enumerable.Range(0, 2_000).Select(i => (Request: Kept(random), Name: $"Event{i % 5}", Id: CompactEventId.Of($"{i:D6}"))).ToList();
        var whole = new UsageCollector.AllowedTable(new Utf8TextSet());
        var byClass = new UsageCollector.AllowedTable(new Utf8TextSet());

        // When
        foreach ((KeptRequest request, string name, CompactEventId id) in calls)
        {
            whole.Add(request, name, id);
            byClass.Add(request.WithResource("arn:aws:s3:::class-of-" + request.Action), request.Resource, name, id);
        }

        // Then: the same requests (context values included), names, ids and counts
        static Dictionary<KeptRequest, string> Rows(UsageCollector.AllowedTable table) =>
            table.Build().ToDictionary(static o => KeptRequest.Of(o.Request(), Keys), static o => $"{o.Resource} {o.EventName} {o.EventId} {o.Count}");
        Dictionary<KeptRequest, string> expected = Rows(whole), actual = Rows(byClass);
        Assert.True(expected.Count > 100, $"{expected.Count} distinct requests");
        Assert.Equal(expected.Count, actual.Count);
        foreach ((KeptRequest request, string row) in expected)
        {
            Assert.Equal(row, actual[request]);
        }
    }
}
