using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using TrailSift.Tools.TrailGen.Common;

namespace TrailSift.Tools.TrailGen.Story;

/*! Story: hand-written trails (the samples/ trees). A story adds ApiCalls in any order; StoryTrail renders
 *  them as CloudTrail records with the field order CloudTrail uses and writes the AWSLogs layout.
 *  Depends on Common only. */

/// <summary>Collects the calls of a story and writes them as a CloudTrail S3 tree.</summary>
/// <remarks>Not thread-safe: one story builds one trail on one thread.</remarks>
public sealed class StoryTrail
{
    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly List<(DateTimeOffset Time, string Region, int Order, JsonObject Record)> _records = [];
    private readonly ulong _seed;

    /// <summary>Creates an empty trail for <paramref name="account"/>.</summary>
    public StoryTrail(string account, ulong seed)
    {
        Account = account;
        _seed = seed;
        Rng = Prng.Derive(seed, 1);
    }

    /// <summary>The account whose trail this is (<c>recipientAccountId</c>).</summary>
    public string Account { get; }

    /// <summary>The generator for ids in records (request ids, event ids, instance ids).</summary>
    public Prng Rng { get; }

    /// <summary>Number of records added so far.</summary>
    public int Count => _records.Count;

    /// <summary>CloudTrail's timestamp format (seconds, Z).</summary>
    public static string Timestamp(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Renders <paramref name="call"/> as a record and adds it.</summary>
    public JsonObject Add(ApiCall call)
    {
        bool s3 = call.Service == "s3";
        var record = new JsonObject
        {
            ["eventVersion"] = s3 || call.Service == "sqs" ? "1.08" : "1.09",
            ["userIdentity"] = call.Who.Identity.DeepClone(),
            ["eventTime"] = Timestamp(call.Time),
            ["eventSource"] = $"{call.Service}.amazonaws.com",
            ["eventName"] = call.EventName,
            ["awsRegion"] = call.Region,
            ["sourceIPAddress"] = call.Who.SourceIp,
            ["userAgent"] = call.Who.UserAgent,
        };
        if (call.ErrorCode is not null)
        {
            record["errorCode"] = call.ErrorCode;
            record["errorMessage"] = call.ErrorMessage;
        }

        record["requestParameters"] = call.Request;
        record["responseElements"] = call.Response;
        if (call.Additional is not null)
        {
            record["additionalEventData"] = call.Additional;
        }

        record["requestID"] = s3 ? Rng.UpperHex(16) : Rng.Uuid();
        record["eventID"] = Rng.Uuid();
        record["readOnly"] = call.ReadOnly;
        if (call.Resources is not null)
        {
            record["resources"] = call.Resources;
        }

        record["eventType"] = call.EventType;
        record["managementEvent"] = !call.DataEvent;
        record["recipientAccountId"] = Account;
        record["eventCategory"] = call.DataEvent ? "Data" : "Management";
        if (!call.Who.ServiceInvoked)
        {
            record["tlsDetails"] = new JsonObject
            {
                ["tlsVersion"] = "TLSv1.3",
                ["cipherSuite"] = "TLS_AES_128_GCM_SHA256",
                ["clientProvidedHostHeader"] = call.Host ?? DefaultHost(call.Service, call.Region),
            };
        }

        if (call.Who.Console)
        {
            record["sessionCredentialFromConsole"] = "true";
        }

        _records.Add((call.Time, call.Region, _records.Count, record));
        return record;
    }

    /// <summary>
    /// Writes one gzip file per region and five-minute period (named by its delivery time, the period's end),
    /// plus one digest file for <paramref name="digestHourEnd"/> in <paramref name="digestRegion"/>.
    /// Returns the number of log files written.
    /// </summary>
    public int Write(string root, string digestRegion, DateTimeOffset digestHourEnd)
    {
        var names = Prng.Derive(_seed, 2);
        var files = new SortedDictionary<(string Region, DateTimeOffset Delivery), List<(DateTimeOffset, int, JsonObject)>>();
        foreach (var (time, region, order, record) in _records)
        {
            var key = (region, AwsLogsLayout.PeriodStart(time) + AwsLogsLayout.FilePeriod);
            if (!files.TryGetValue(key, out var list))
            {
                files[key] = list = [];
            }

            list.Add((time, order, record));
        }

        var digestEntries = new JsonArray();
        foreach (var ((region, delivery), list) in files)
        {
            list.Sort((a, b) => a.Item1 != b.Item1 ? a.Item1.CompareTo(b.Item1) : a.Item2.CompareTo(b.Item2));
            var json = new StringBuilder("{\"Records\":[");
            for (int i = 0; i < list.Count; i++)
            {
                json.Append(i == 0 ? "" : ",").Append(list[i].Item3.ToJsonString(Compact));
            }

            json.Append("]}");
            string path = AwsLogsLayout.LogFile(root, Account, region, delivery, names.Alphanumeric(16));
            Gzip.WriteFile(path, Encoding.UTF8.GetBytes(json.ToString()));
            if (region == digestRegion && delivery > digestHourEnd.AddHours(-1) && delivery <= digestHourEnd)
            {
                digestEntries.Add(DigestEntry(root, path, list[0].Item1, list[^1].Item1));
            }
        }

        WriteDigest(root, digestRegion, digestHourEnd, digestEntries);
        return files.Count;
    }

    private void WriteDigest(string root, string region, DateTimeOffset end, JsonArray logFiles)
    {
        const string trail = "management-events";
        string path = AwsLogsLayout.DigestFile(root, Account, region, trail, end);
        var digest = new JsonObject
        {
            ["awsAccountId"] = Account,
            ["digestStartTime"] = Timestamp(end.AddHours(-1)),
            ["digestEndTime"] = Timestamp(end),
            ["digestS3Bucket"] = $"aws-cloudtrail-logs-{Account}-example",
            ["digestS3Object"] = Path.GetRelativePath(root, path).Replace('\\', '/'),
            ["digestPublicKeyFingerprint"] = Prng.Derive(_seed, 3).HexString(32),
            ["digestSignatureAlgorithm"] = "SHA256withRSA",
            ["newestEventTime"] = logFiles.Count > 0 ? logFiles[^1]!["newestEventTime"]!.DeepClone() : null,
            ["oldestEventTime"] = logFiles.Count > 0 ? logFiles[0]!["oldestEventTime"]!.DeepClone() : null,
            ["previousDigestS3Bucket"] = null,
            ["previousDigestS3Object"] = null,
            ["previousDigestHashValue"] = null,
            ["previousDigestHashAlgorithm"] = null,
            ["previousDigestSignature"] = null,
            ["logFiles"] = logFiles,
        };
        Gzip.WriteFile(path, Encoding.UTF8.GetBytes(digest.ToJsonString(Compact)));
    }

    private JsonObject DigestEntry(string root, string path, DateTimeOffset oldest, DateTimeOffset newest) => new()
    {
        ["s3Bucket"] = $"aws-cloudtrail-logs-{Account}-example",
        ["s3Object"] = Path.GetRelativePath(root, path).Replace('\\', '/'),
        ["hashValue"] = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))),
        ["hashAlgorithm"] = "SHA-256",
        ["newestEventTime"] = Timestamp(newest),
        ["oldestEventTime"] = Timestamp(oldest),
    };

    private static string DefaultHost(string service, string region) => service switch
    {
        "iam" => "iam.amazonaws.com",
        "signin" => "signin.aws.amazon.com",
        _ => $"{service}.{region}.amazonaws.com",
    };
}
