using System.Globalization;
using System.Text.Json.Nodes;
using TrailSift.Testing;

namespace TrailSift.Core.Tests.Analysis.Generation.NextRun;

/// <summary>
/// One run of a workload as CloudTrail records it, generated from a seed: ids, job names and queue names are new on
/// every run (drawn from the seed), the roles, subnets, security groups and images are the same. Events are added
/// in time order, one second apart from the run's start.
/// </summary>
internal sealed class WorkloadRun
{
    public const string Account = "123456789012";
    public const string Subnet = "subnet-0e4c7b21d9a35f6a8";
    public const string SecurityGroup = "sg-0c3f5a1e9b7d24e86";
    public const string Image = "ami-0f2b8d4c6a1e3957b";

    private readonly Random _random;
    private readonly List<string> _events = [];
    private DateTime _time;

    public WorkloadRun(int seed)
    {
        _random = new Random(seed);
        _time = new DateTime(2026, 12, 1, 3, 0, 0, DateTimeKind.Utc).AddDays(seed % 28).AddMinutes(_random.Next(0, 600));
    }

    /// <summary>The run's date stamp (job and stack names carry it).</summary>
    public string Stamp => _time.ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture);

    public string Date => _time.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture);

    /// <summary>A new hexadecimal id with <paramref name="prefix"/> (<c>i-</c>, <c>vol-</c>): 17 digits as EC2 writes them.</summary>
    public string Id(string prefix, int length = 17) => prefix + Hex(length);

    public string Hex(int length)
    {
        var chars = new char[length];
        for (int i = 0; i < length; i++)
        {
            chars[i] = "0123456789abcdef"[_random.Next(16)];
        }

        return new string(chars);
    }

    /// <summary>An EMR cluster id: <c>j-</c> and 13 upper-case letters and digits.</summary>
    public string ClusterId()
    {
        var chars = new char[13];
        for (int i = 0; i < chars.Length; i++)
        {
            chars[i] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"[_random.Next(36)];
        }

        return "j-" + new string(chars);
    }

    /// <summary>Adds a call by <paramref name="caller"/> (a role name for a session, or <c>user/NAME</c>).</summary>
    public void Call(string caller, string source, string name, JsonObject? request, JsonObject? response = null, string? invokedBy = null,
        string? errorCode = null)
    {
        _time = _time.AddSeconds(1);
        var builder = new EventBuilder(source, name).At(_time.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture))
            .With("requestParameters", request).With("responseElements", response);
        if (caller.StartsWith("user/", StringComparison.Ordinal))
        {
            builder.With("userIdentity", new JsonObject
            {
                ["type"] = "IAMUser", ["principalId"] = "AIDAEXAMPLE", ["arn"] = $"arn:aws:iam::{Account}:{caller}",
                ["accountId"] = Account, ["userName"] = caller[5..],
            });
        }
        else
        {
            builder.AsRole(caller, "run-" + Hex(6), Account);
        }

        if (invokedBy is not null)
        {
            builder.With("invokedBy", invokedBy).With("sourceIPAddress", invokedBy);
        }

        if (errorCode is not null)
        {
            builder.Error(errorCode, "already exists");
        }

        _events.Add(builder.Json());
    }

    /// <summary>Writes the run as one CloudTrail file under <paramref name="tree"/>; returns its path.</summary>
    public string Write(TempTree tree, string name) => tree.Write(name + ".json", EventBuilder.RecordsFile(_events));

    public static JsonObject Obj(params (string Key, JsonNode? Value)[] fields)
    {
        var o = new JsonObject();
        foreach ((string key, JsonNode? value) in fields)
        {
            o[key] = value;
        }

        return o;
    }

    public static JsonObject Items(params JsonNode[] items) => new() { ["items"] = new JsonArray(items) };

    public static JsonObject Tags(string resourceType, params (string Key, string Value)[] tags) => Obj(
        ("resourceType", resourceType),
        ("tags", new JsonArray([.. tags.Select(t => (JsonNode)Obj(("key", t.Key), ("value", t.Value)))])));
}
