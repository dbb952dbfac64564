using System.Text.Json.Nodes;
using TrailSift.Tools.TrailGen.Common;

namespace TrailSift.Tools.TrailGen.Story;

/// <summary>
/// The story behind <c>samples/emr-launch</c>: an EMR service role whose launches fail with "not enough
/// permissions" (ec2:RunInstances allowed only with a request tag, which EMR never sends, and no
/// sqs:CreateQueue), an admin fixing the policy, later clusters that launch and tag their instances
/// through a separate CreateTags call, and three days of ordinary traffic from other principals.
/// </summary>
/// <remarks>Not thread-safe; build once.</remarks>
public sealed partial class EmrLaunchStory
{
    /// <summary>The made-up account of the sample.</summary>
    public const string Account = "123456789012";

    /// <summary>The EMR service role of the story.</summary>
    public const string ServiceRole = "EMR_DefaultRole_Restricted";

    private const string Region = "us-east-1";
    private const string EmrHost = "elasticmapreduce.amazonaws.com";
    private const string ServiceRoleId = "AROA3EXAMPLEEMRS7K2QZ";
    private const string ServiceSession = "ElasticMapReduceSession";

    private static readonly DateTimeOffset Day0 = new(2025, 6, 3, 0, 0, 0, TimeSpan.Zero);
    private readonly StoryTrail _trail;
    private readonly Prng _rng;

    private EmrLaunchStory(ulong seed)
    {
        _trail = new StoryTrail(Account, seed);
        _rng = _trail.Rng;
    }

    /// <summary>Builds the story and writes it under <paramref name="root"/>; returns (records, files).</summary>
    public static (int Records, int Files) Write(string root, ulong seed = 20250603)
    {
        var story = new EmrLaunchStory(seed);
        story.Build();
        int files = story._trail.Write(root, Region, At(0, 10, 0, 0));
        return (story._trail.Count, files);
    }

    private void Build()
    {
        // Day 0 morning: two launches fail. The role may call RunInstances only with a request tag
        // (EMR sends none) and has no sqs:CreateQueue at all.
        ConsoleMorning();
        FailedLaunch(At(0, 9, 41, 2));
        AliceLooksAtTheFailure(At(0, 10, 4, 31));
        FailedLaunch(At(0, 10, 27, 30));

        // Day 0 afternoon: the admin drops the tag condition and allows the EMR queues.
        AdminFixesPolicy(At(0, 13, 58, 40));

        // Later runs succeed: RunInstances without tags, then CreateTags a few seconds later.
        SuccessfulLaunch(At(0, 15, 20, 11), TimeSpan.FromMinutes(145));
        SuccessfulLaunch(At(1, 9, 12, 45), TimeSpan.FromMinutes(138));
        SuccessfulLaunch(At(1, 13, 40, 3), TimeSpan.FromMinutes(145));
        SuccessfulLaunch(At(2, 9, 5, 27), TimeSpan.FromMinutes(195));

        // Ordinary traffic from other principals over the three days.
        EtlLambda();
        InventoryCollector();
        AliceLaunchesDevBox(At(1, 11, 2, 9));
        BobInIreland(At(1, 10, 14, 2));
        BobDryRun(At(2, 10, 15, 44));
    }

    private static DateTimeOffset At(int day, int hour, int minute, int second) =>
        Day0.AddDays(day).AddHours(hour).AddMinutes(minute).AddSeconds(second);

    private static JsonObject Items(params JsonNode[] items) => new() { ["items"] = new JsonArray(items) };

    private static JsonObject Item(string key, JsonNode value) => new() { [key] = value };

    private static string Ts(DateTimeOffset t) => StoryTrail.Timestamp(t);

    private string ClusterId() => "j-" + _rng.UpperAlphanumeric(13);

    private string Ec2Id(string prefix) => prefix + "-0" + _rng.HexString(16);

    private string AccessKey(string prefix) => prefix + _rng.UpperAlphanumeric(16);

    private void Add(ApiCall call) => _trail.Add(call);
}
