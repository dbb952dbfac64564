using System.Text.Json.Nodes;
using TrailSift.Core.Analysis.Replay;
using TrailSift.Core.Iam.Evaluation;
using TrailSift.Core.Iam.Mapping;
using TrailSift.Core.Iam.Policy;
using TrailSift.Testing;
using EventRecord = TrailSift.Core.Events.EventRecord;

namespace TrailSift.Core.Tests.Analysis.Replay;

/// <summary>Synthetic events, frozen ledgers and checkers for the replay tests.</summary>
internal static class ReplayFixtures
{
    public const string Account = "123456789012";
    public const string EmrRole = "EMR_DefaultRole_Restricted";
    public const string EmrRoleArn = "arn:aws:iam::123456789012:role/EMR_DefaultRole_Restricted";

    /// <summary>An EC2 call by a session of <see cref="EmrRole"/> at <paramref name="time"/>.</summary>
    public static EventBuilder Ec2(string eventName, string time, string? parameters = null, string? response = null) =>
        new EventBuilder("ec2.amazonaws.com", eventName).AsRole(EmrRole).At(time)
            .With("requestParameters", parameters is null ? null : JsonNode.Parse(parameters))
            .With("responseElements", response is null ? null : JsonNode.Parse(response));

    /// <summary><c>resourcesSet</c>/<c>tagSet</c> parameters of EC2's CreateTags and DeleteTags.</summary>
    public static string TagParameters(string[] ids, params (string Key, string? Value)[] tags)
    {
        var resources = new JsonArray([.. ids.Select(id => (JsonNode)new JsonObject { ["resourceId"] = id })]);
        var items = new JsonArray([.. tags.Select(t => (JsonNode)(t.Value is null
            ? new JsonObject { ["key"] = t.Key }
            : new JsonObject { ["key"] = t.Key, ["value"] = t.Value }))]);
        var parameters = new JsonObject { ["resourcesSet"] = new JsonObject { ["items"] = resources } };
        if (tags.Length > 0)
        {
            parameters["tagSet"] = new JsonObject { ["items"] = items };
        }

        return parameters.ToJsonString();
    }

    /// <summary>The <c>responseElements</c> of a RunInstances that launched <paramref name="ids"/>.</summary>
    public static string Launched(params string[] ids) =>
        new JsonObject { ["instancesSet"] = new JsonObject { ["items"] = new JsonArray([.. ids.Select(id => (JsonNode)new JsonObject { ["instanceId"] = id })]) } }
            .ToJsonString();

    /// <summary>Reads the context of one built event.</summary>
    public static ReplayContext Context(EventBuilder e)
    {
        using EventRecord record = EventRecord.Parse(e.Json());
        return EventContextReader.Read(record);
    }

    /// <summary>A frozen ledger of <paramref name="events"/>, collected by one worker.</summary>
    public static TagLedger Ledger(params EventBuilder[] events)
    {
        TagLedger ledger = Collect(events);
        ledger.Freeze();
        return ledger;
    }

    /// <summary>A ledger that has collected <paramref name="events"/>, not frozen.</summary>
    public static TagLedger Collect(params EventBuilder[] events)
    {
        var ledger = new TagLedger();
        foreach (EventBuilder e in events)
        {
            using EventRecord record = EventRecord.Parse(e.Json());
            ledger.Accept(record);
        }

        return ledger;
    }

    public static PolicyDocument Policy(string json)
    {
        PolicyParseResult result = PolicyParser.Parse(json);
        Assert.True(result.Succeeded, string.Join("; ", result.Diagnostics));
        return result.Document!;
    }

    /// <summary>A checker for one identity policy over the tagging facts of <paramref name="trail"/>.</summary>
    public static CallChecker Checker(string identityPolicy, params EventBuilder[] trail) =>
        Checker(new PolicySet(identityPolicies: [Policy(identityPolicy)]), trail);

    public static CallChecker Checker(PolicySet policies, params EventBuilder[] trail) =>
        new(policies, Ledger(trail), EventPermissionMapper.Default, CatalogRequestFactory.Default);

    /// <summary>Replays <paramref name="events"/> through <paramref name="checker"/>.</summary>
    public static CallChecker Replay(this CallChecker checker, params EventBuilder[] events)
    {
        foreach (EventBuilder e in events)
        {
            using EventRecord record = EventRecord.Parse(e.Json());
            checker.Accept(record);
        }

        return checker;
    }

    /// <summary>The one check a single replayed event gave.</summary>
    public static CallCheck CheckOne(string identityPolicy, EventBuilder e, params EventBuilder[] trail) =>
        Assert.Single(Checker(identityPolicy, [.. trail, e]).Replay(e).Checks);
}
