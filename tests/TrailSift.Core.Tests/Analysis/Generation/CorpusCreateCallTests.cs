using System.Diagnostics;
using TrailSift.Core.Analysis.Generation;
using TrailSift.Core.Events;
using TrailSift.Core.Iam.Evaluation;
using TrailSift.Core.Iam.Mapping;
using TrailSift.Core.Iam.Policy;
using TrailSift.Core.Sources;
using TrailSift.Testing;
using Xunit.Abstractions;

namespace TrailSift.Core.Tests.Analysis.Generation;

/// <summary>
/// The create calls on the real corpus: every successful call that created a resource is allowed by its own
/// principal's generated policy on the resource AWS authorises (the type's pattern, the new id not yet existing), and
/// no policy is pinned to an id that existed only after the call.
/// </summary>
public sealed class CorpusCreateCallTests(ITestOutputHelper output)
{
    [SharedFact]
    public void Should_Allow_Every_Successful_Create_Call_When_Its_Principal_Policy_Is_Evaluated_At_Authorisation_Time()
    {
        // Given: the per-principal policies `policy --per-principal` writes, and every successful create call
        var clock = Stopwatch.StartNew();
        IReadOnlyList<LogObject> files = TrailScan.Files(RepoPaths.Corpus!);
        Dictionary<string, GeneratedPolicy> policies = TrailScan.Policies(TrailScan.Evidence(files));
        CreateCalls creates = TrailScan.Run(files, () => new CreateCalls(), static (a, b) => a.Calls.AddRange(b.Calls));

        // When: each create permission is evaluated as AWS evaluates it, before the new id exists
        int calls = 0, permissions = 0;
        var denied = new List<string>();
        var pinned = new List<string>();
        foreach (CreateCall call in creates.Calls)
        {
            if (!policies.TryGetValue(call.Principal, out GeneratedPolicy? policy))
            {
                continue;
            }

            calls++;
            var set = new PolicySet(policy.Documents);
            foreach (RequiredPermission permission in call.Permissions)
            {
                permissions++;
                // The identity policy is the question; a fixture's resource in another account is judged as if it were
                // the caller's (its resource-based policy is not in the trail).
                string account = call.Principal.Split(':')[4];
                EvaluationResult result = PolicyEvaluator.Evaluate(set,
                    CatalogRequestFactory.Default.Create(permission.Action, permission.Resource, call.Principal,
                        permission.CreateAction is { } create ? [new("ec2:CreateAction", create)] : null, resourceAccount: account),
                    includeTrace: false);
                if (result.Decision != Decision.Allowed)
                {
                    denied.Add($"{call.Principal} {call.EventName}: {permission.Action} on {permission.Resource} {result.Decision}");
                }
            }

            foreach (CreatedResource created in call.Created)
            {
                foreach (GeneratedStatement statement in policy.Statements)
                {
                    if ((statement.Statement.Resource?.Values.Contains(created.Arn) ?? false) && statement.Actions.Intersect(call.Permissions.Select(p => p.Action)).Any())
                    {
                        pinned.Add($"{call.Principal} {call.EventName}: {statement.Sid} names {created.Arn}");
                    }
                }
            }
        }

        // Then
        output.WriteLine($"{policies.Count} policies; {calls} successful create calls, {permissions} create permissions evaluated: "
            + $"{permissions - denied.Count} allowed, {denied.Count} denied; {pinned.Count} statements pinned to new ids ({clock.ElapsedMilliseconds} ms)");
        foreach (string name in creates.Calls.Select(c => c.EventName).Distinct().Order())
        {
            output.WriteLine($"  {name}: {creates.Calls.Count(c => c.EventName == name)}");
        }

        Assert.True(calls >= 20, $"only {calls} create calls");
        Assert.True(denied.Count == 0, string.Join("\n", denied));
        Assert.True(pinned.Count == 0, string.Join("\n", pinned));
    }

    private sealed record CreateCall(string Principal, string EventName, List<RequiredPermission> Permissions, List<CreatedResource> Created);

    // Successful calls (no error) by a principal a policy is written for, whose mapping reports created resources.
    private sealed class CreateCalls : IEventSink, ISequencedSink
    {
        public List<CreateCall> Calls { get; } = [];

        public void Accept(EventRecord record)
        {
            if (PrincipalResolver.Resolve(record).Key is not { } principal || ErrorClassifier.Classify(record) != ErrorClass.None)
            {
                return;
            }

            EventPermissions mapped = EventPermissionMapper.Default.Map(record);
            List<RequiredPermission> created = [.. mapped.Permissions.Concat(mapped.Implied).Where(p => p.Source == PermissionSource.Created)];
            if (mapped.Created.Length > 0 || created.Count > 0)
            {
                Calls.Add(new CreateCall(principal, mapped.OperationName, created, [.. mapped.Created]));
            }
        }

        public void BeginObject(int sequence, string path)
        {
        }

        public void EndObject(int sequence, string path)
        {
        }
    }
}
