using TrailSift.Core.Analysis.Replay;
using TrailSift.Core.Events;
using TrailSift.Core.Iam.Evaluation;
using TrailSift.Core.Query;
using TrailSift.Core.Scan;
using TrailSift.Core.Sources;
using TrailSift.Testing;

namespace TrailSift.Core.Tests.Analysis.Replay;

/// <summary>
/// A context read for a selection of keys (a principal's policy keys, as <c>unused</c> reads it) against the full read
/// of the same event as the oracle: every selected key has the same value, absence or unknownness, the caller, account
/// and time are the same, and no other key is recorded.
/// </summary>
public sealed class ContextKeySelectionTests
{
    // Every key the reader sets or marks absent, prefixed keys, and keys it never knows.
    private static readonly string[] Keys =
    [
        "aws:ResourceAccount", "aws:PrincipalIsAWSService", "aws:PrincipalServiceName", "aws:PrincipalArn", "aws:PrincipalAccount",
        "aws:userid", "aws:PrincipalType", "aws:username", "aws:MultiFactorAuthPresent", "aws:MultiFactorAuthAge",
        "aws:TokenIssueTime", "aws:SourceIdentity", "aws:ViaAWSService", "aws:CalledVia", "aws:CalledViaFirst", "aws:CalledViaLast",
        "aws:RequestedRegion", "aws:UserAgent", "aws:CurrentTime", "aws:EpochTime", "aws:SourceIp", "aws:SourceVpce", "aws:SourceVpc",
        "aws:SourceVpcArn", "aws:VpcSourceIp", "aws:VpceAccount", "aws:VpceOrgID", "aws:VpceOrgPaths", "aws:SecureTransport",
        "aws:RequestTag/Name", "aws:RequestTag/env", "aws:TagKeys", "ec2:InstanceType", "ec2:Region", "s3:prefix", "s3:max-keys",
        "sts:RoleSessionName", "iam:PolicyARN", "kms:CallerAccount", "kms:EncryptionContext:aws:s3:arn", "aws:PrincipalTag/team",
        "ec2:ResourceTag/env", "iam:PassedToService",
    ];

    // One key at a time, the usual pairs of a policy's conditions, and every key.
    private static readonly string[][] Selections =
    [
        .. Keys.Select(static k => new[] { k }),
        ["aws:RequestedRegion", "aws:SourceIp"],
        ["aws:MultiFactorAuthPresent", "aws:CalledVia", "aws:RequestTag/env", "aws:TagKeys"],
        Keys,
        [],
    ];

    [Fact]
    public void Should_Read_Each_Selected_Key_As_The_Full_Read_Does_When_The_Sample_Trail_Is_Read_For_A_Selection()
    {
        // Given / When / Then
        Assert.True(Compare(RepoPaths.Samples) > 100);
    }

    [SharedFact]
    public void Should_Read_Each_Selected_Key_As_The_Full_Read_Does_When_The_Corpus_Is_Read_For_A_Selection()
    {
        // Given / When / Then
        Assert.True(Compare(RepoPaths.Corpus!) > 5000);
    }

    private static long Compare(string path)
    {
        IReadOnlyList<LogObject> files = new LocalSourceFinder(PruneOptions.None, static (_, _) => { }).Find([path]).Objects;
        ScanResult<SelectionCheck> result = new ParallelScanner { Threads = 1 }.Run(files, EventQuery.Compile(EventQuery.Parse(".").Query!),
            static () => new SelectionCheck(), new IgnoreProblems());
        SelectionCheck check = Assert.Single(result.Sinks);
        Assert.True(check.Mismatches.Count == 0, string.Join("\n", check.Mismatches.Take(20)));
        return check.Events;
    }

    private sealed class SelectionCheck : IEventSink, ISequencedSink
    {
        private static readonly ContextKeySelection[] Compiled = [.. Selections.Select(static s => new ContextKeySelection(s))];

        public List<string> Mismatches { get; } = [];

        public long Events { get; private set; }

        public void BeginObject(int sequence, string path)
        {
        }

        public void EndObject(int sequence, string path)
        {
        }

        public void Accept(EventRecord record)
        {
            Events++;
            ReplayContext full = EventContextReader.Read(record);
            ResolvedPrincipal caller = PrincipalResolver.Resolve(record);
            string id = EventContextReader.Text(record.Root.GetProperty("eventID"u8)) ?? "?";
            for (int s = 0; s < Selections.Length; s++)
            {
                ReplayContext selected = EventContextReader.Read(record, caller, Compiled[s]);
                if ((selected.Principal, selected.PrincipalAccount, selected.Ticks) != (full.Principal, full.PrincipalAccount, full.Ticks))
                {
                    Mismatches.Add($"{id}: caller, account or time differ");
                }

                foreach (string key in Keys)
                {
                    bool chosen = Selections[s].Contains(key, StringComparer.OrdinalIgnoreCase);
                    string expected = chosen ? Describe(full, key) : "not recorded";
                    string actual = chosen ? Describe(selected, key) : selected.Values.ContainsKey(key) ? "recorded" : "not recorded";
                    if (expected != actual)
                    {
                        Mismatches.Add($"{id} [{string.Join(',', Selections[s])}] {key}: full read {expected}, selected read {actual}");
                    }
                }
            }
        }

        private static string Describe(ReplayContext context, string key) =>
            context.Values.TryGetValue(key, out ContextValue value) ? "= " + string.Join('|', value.Values)
            : context.IsKnown(key) ? "absent" : "unknown";
    }

    private sealed class IgnoreProblems : IScanReporter
    {
        public void Report(string path, string reason)
        {
        }
    }
}
