using System.Collections.Immutable;
using TrailSift.Core.Analysis.Replay;
using TrailSift.Core.Analysis.Usage;
using TrailSift.Core.Events;
using TrailSift.Core.Iam.Evaluation;
using TrailSift.Core.Iam.Mapping;
using TrailSift.Core.Iam.Policy;
using TrailSift.Core.Tests.Iam.Mapping;
using TrailSift.Testing;
using Xunit.Abstractions;

namespace TrailSift.Core.Tests.Analysis.Usage;

/// <summary>
/// The exactness oracle of <see cref="RequestJudge"/>, which evaluates once per class of requests a principal's policies
/// treat alike: every request it judges — from the events of <c>samples/</c> and <c>../shared/corpus</c> against generated
/// policy sets built around their actions and resources, and from generated callers, contexts and permissions — is also
/// evaluated on its own, both as the policy-key request (<see cref="RequestJudge.Evaluate"/>) and as the checker's full
/// request (every context value the event shows, as <c>check</c> builds it). The decision, decidability, possible
/// allow, the identity statements that allowed it and the request the replay keeps (with its caller) must be the same,
/// or the test fails naming the seed, the policies and the request.
/// </summary>
public sealed class RequestJudgeOracleTests(ITestOutputHelper output)
{
    private static readonly CatalogRequestFactory Factory = CatalogRequestFactory.Default;

    [Fact]
    public void Should_Judge_Every_Sample_Call_As_Full_Evaluation_Does_When_Policies_Are_Generated()
    {
        // Given, When, Then
        CheckEvents(RepoPaths.Samples, seed: 1, setsPerGroup: 60, minimumFromAnother: 2000);
    }

    [SharedFact]
    public void Should_Judge_Every_Corpus_Call_As_Full_Evaluation_Does_When_Policies_Are_Generated()
    {
        // Given, When, Then
        CheckEvents(RepoPaths.Corpus!, seed: 2, setsPerGroup: 12, minimumFromAnother: 1000);
    }

    [Theory]
    [InlineData(100)]
    [InlineData(200)]
    [InlineData(300)]
    [InlineData(400)]
    public void Should_Judge_Generated_Requests_As_Full_Evaluation_Does_When_Classes_Repeat(int firstSeed)
    {
        // Given: per seed a policy set and a stream of requests from small pools (so classes repeat and collide)
        long compared = 0, evaluated = 0, fromAnother = 0;
        for (int seed = firstSeed; seed < firstSeed + 50; seed++)
        {
            var random = new Random(seed);
            PolicySet set = GeneratedPolicies.Set(random, SyntheticRequests.Actions, SyntheticRequests.Resources, out string json);
            ImmutableArray<string> keys = [.. PolicyKeys.Collect(set)];
            if (keys.Any(static k => k.Contains(":ResourceTag", StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            var judge = new RequestJudge(set, keys, Factory);
            (ReplayContext, string)[] contexts = [.. Enumerable.Range(0, 2).Select(_ => SyntheticRequests.Context(random))];
            var seen = new HashSet<(int, RequiredPermission)>();
            for (int call = 0; call < 300; call++)
            {
                int which = random.Next(contexts.Length);
                (ReplayContext context, string eventSource) = contexts[which];
                judge.BeginCall(context, eventSource);
                for (int p = random.Next(1, 4); p > 0; p--)
                {
                    RequiredPermission permission = SyntheticRequests.Permission(random);

                    // When
                    long before = judge.Evaluations;
                    (CallOutcome Outcome, KeptRequest? Kept) fast = judge.Judge(permission);
                    fromAnother += seen.Add((which, permission)) && judge.Evaluations == before ? 1 : 0;

                    // Then
                    (CallOutcome Outcome, KeptRequest? Kept) full = RequestJudge.Evaluate(set, keys, Factory, context, permission, eventSource);
                    AssertSame(full, fast, $"seed {seed}, call {call}: {permission} by {context.Principal} ({eventSource})\n{json}");
                    compared++;
                }
            }

            evaluated += judge.Evaluations;
        }

        // A request seen for the first time yet not evaluated was decided by another resource's evaluation: the classes at work.
        output.WriteLine($"{compared} requests judged, {evaluated} evaluated, {fromAnother} decided by another resource of their class");
        Assert.True(fromAnother > compared / 10, $"too few requests decided through their class: {fromAnother} of {compared}");
    }

    private void CheckEvents(string root, int seed, int setsPerGroup, int minimumFromAnother)
    {
        // Given: the events' calls, by top folder (one source of logs), and policy sets generated around their actions and resources
        var mapper = new EventPermissionMapper(Factory.Catalog);
        long compared = 0, evaluated = 0, sets = 0, fromAnother = 0, withTags = 0;
        List<(string Relative, List<string> Events)> files = [.. CorpusCoverageTests.CorpusFiles(root)];
        IEnumerable<(string Relative, List<string> Events)> groups = files
            .GroupBy(static f => f.Relative.Split(Path.DirectorySeparatorChar)[0], StringComparer.Ordinal)
            .Select(static g => (g.Key, g.SelectMany(static f => f.Events).ToList()));
        foreach ((string relative, List<string> events) in groups)
        {
            List<Call> calls = [.. Calls(events, mapper)];
            if (calls.Count == 0)
            {
                continue;
            }

            TagLedger ledger = Ledger(events);
            string[] actions = [.. calls.SelectMany(static c => c.Permissions).Select(static p => p.Action).Distinct(StringComparer.Ordinal)];
            string[] resources = [.. calls.SelectMany(static c => c.Permissions).Select(static p => p.Resource).Distinct(StringComparer.Ordinal)];
            var random = new Random(seed * 7919 + calls.Count);
            for (int s = 0; s < setsPerGroup; s++)
            {
                PolicySet set = GeneratedPolicies.Set(random, actions, resources, out string json);
                ImmutableArray<string> keys = [.. PolicyKeys.Collect(set)];
                var selection = new ContextKeySelection(keys);
                var judge = new RequestJudge(set, keys, Factory);
                var checker = new CallChecker(set, ledger, mapper, Factory);
                bool readsTags = keys.Any(static k => k.Contains(":ResourceTag", StringComparison.OrdinalIgnoreCase));
                var seen = new HashSet<(string?, RequiredPermission)>();
                foreach (Call call in calls)
                {
                    using EventRecord record = EventRecord.Parse(call.Json);
                    ResolvedPrincipal caller = PrincipalResolver.Resolve(record);
                    ReplayContext selected = EventContextReader.Read(record, caller, selection);
                    ReplayContext whole = EventContextReader.Read(record, caller, selection: null);
                    string eventSource = record.EventSource.GetString() ?? string.Empty;
                    judge.BeginCall(selected, eventSource);
                    foreach (RequiredPermission permission in call.Permissions)
                    {
                        if (readsTags)
                        {
                            // Judged after the scan with the tagging facts: the checker's request from the context read for
                            // the policy keys must be decided as the one from the whole context.
                            RequestContext fromSelected = checker.BuildRequest(selected, permission, eventSource);
                            RequestContext fromWhole = checker.BuildRequest(whole, permission, eventSource);
                            AssertSame(Evaluated(set, keys, fromWhole), Evaluated(set, keys, fromSelected),
                                $"tagging facts, {relative}, set {s}: {permission} by {selected.Principal}\n{json}");
                            withTags++;
                            continue;
                        }

                        // When
                        long before = judge.Evaluations;
                        (CallOutcome Outcome, KeptRequest? Kept) fast = judge.Judge(permission);
                        fromAnother += seen.Add((selected.Principal, permission)) && judge.Evaluations == before ? 1 : 0;

                        // Then: as the policy-key request, and as the checker's full request
                        string what = $"{relative}, set {s}: {permission} by {selected.Principal}\n{json}";
                        AssertSame(RequestJudge.Evaluate(set, keys, Factory, selected, permission, eventSource), fast, what);
                        AssertSame(Evaluated(set, keys, checker.BuildRequest(whole, permission, eventSource)), fast, "checker's request: " + what);
                        compared++;
                    }
                }

                evaluated += judge.Evaluations;
                sets++;
            }
        }

        output.WriteLine($"{sets} policy sets, {compared} requests judged, {evaluated} evaluated, {fromAnother} decided by another resource of their class, "
            + $"{withTags} requests with tagging facts");
        Assert.True(compared > 0, "no calls found under " + root);
        Assert.True(fromAnother >= minimumFromAnother, $"too few requests decided through their class: {fromAnother} of {compared}");
        Assert.True(withTags > 0, "no policy set read resource tags");
    }

    private static void AssertSame((CallOutcome Outcome, KeptRequest? Kept) expected, (CallOutcome Outcome, KeptRequest? Kept) actual, string what)
    {
        CallOutcome e = expected.Outcome, a = actual.Outcome;
        Assert.True((e.IsAllowed, e.CanAllow, e.Decision, e.Undecidable) == (a.IsAllowed, a.CanAllow, a.Decision, a.Undecidable),
            $"decision {(e.IsAllowed, e.CanAllow, e.Decision, e.Undecidable)} expected, {(a.IsAllowed, a.CanAllow, a.Decision, a.Undecidable)} judged: {what}");
        Assert.True(e.Matched.SequenceEqual(a.Matched) && e.Maybe.SequenceEqual(a.Maybe),
            $"statements {Refs(e)} expected, {Refs(a)} judged: {what}");
        Assert.True(expected.Kept is null == actual.Kept is null, $"kept request {expected.Kept is not null} expected: {what}");
        if (expected.Kept is { } ek && actual.Kept is { } ak)
        {
            Assert.True(ek.Equals(ak) && ek.Principal == ak.Principal && ek.Resource == ak.Resource,
                $"kept request {ek.Action} on {ek.Resource} by {ek.Principal} expected, {ak.Action} on {ak.Resource} by {ak.Principal} judged: {what}");
        }
    }

    private static string Refs(CallOutcome o) =>
        string.Join(",", o.Matched.Select(static r => $"{r.Policy}.{r.Statement}")) + "|" + string.Join(",", o.Maybe.Select(static r => $"{r.Policy}.{r.Statement}"));

    // The calls of a file the usage scan judges: mapped to permissions, with a caller.
    private static IEnumerable<Call> Calls(List<string> events, EventPermissionMapper mapper)
    {
        foreach (string json in events)
        {
            using EventRecord record = EventRecord.Parse(json);
            EventPermissions mapped = mapper.Map(record);
            if (PrincipalResolver.Resolve(record).Key is null || mapped.Status != MappingStatus.Mapped)
            {
                continue;
            }

            RequiredPermission[] permissions = [.. mapped.Permissions, .. mapped.Implied];
            if (permissions.Length > 0)
            {
                yield return new Call(json, permissions);
            }
        }
    }

    private static (CallOutcome Outcome, KeptRequest? Kept) Evaluated(PolicySet set, ImmutableArray<string> keys, RequestContext request)
    {
        var outcome = new CallOutcome(PolicyEvaluator.Evaluate(set, request, includeTrace: true));
        return (outcome, outcome.IsAllowed ? KeptRequest.Of(request, keys) : null);
    }

    // The tagging facts of the events, frozen, as the scan's workers leave them.
    private static TagLedger Ledger(List<string> events)
    {
        var ledger = new TagLedger();
        foreach (string json in events)
        {
            using EventRecord record = EventRecord.Parse(json);
            ledger.Accept(record);
        }

        ledger.Freeze();
        return ledger;
    }

    private sealed record Call(string Json, RequiredPermission[] Permissions);
}
