using System.Globalization;
using System.Text;

namespace TrailSift.Testing.S3;

/// <summary>
/// A generated organisation trail on disk: <c>AWSLogs/o-testorg001/&lt;account&gt;/CloudTrail/&lt;region&gt;/2024/05/DD/</c>
/// for three accounts, three regions and three days, a log file every three hours (some large), digests under
/// <c>CloudTrail-Digest/</c> and one Insights file; events allowed and denied, stamped up to four minutes before
/// their file's delivery time.
/// </summary>
public sealed class OrgTrail : IDisposable
{
    /// <summary>The organisation folder.</summary>
    public const string Org = "o-testorg001";

    /// <summary>The accounts.</summary>
    public static readonly string[] Accounts = ["111111111111", "222222222222", "333333333333"];

    /// <summary>The regions.</summary>
    public static readonly string[] Regions = ["ap-south-1", "eu-west-1", "us-east-1"];

    private readonly TempTree _tree = new();

    /// <summary>Writes the trail.</summary>
    public OrgTrail()
    {
        var random = new Random(13);
        foreach (string account in Accounts)
        {
            foreach (string region in Regions)
            {
                for (int day = 1; day <= 3; day++)
                {
                    for (int hour = 1; hour < 24; hour += 3)
                    {
                        var delivery = new DateTime(2024, 5, day, hour, 5 * (hour % 4), 0, DateTimeKind.Utc);
                        string folder = $"AWSLogs/{Org}/{account}/CloudTrail/{region}/2024/05/{day:00}/";
                        string name = $"{account}_CloudTrail_{region}_{delivery:yyyyMMdd'T'HHmm'Z'}_{Id(random)}.json.gz";
                        int events = (day == 2 && hour == 10) ? 400 : 6;
                        _tree.WriteGzip(folder + name, Records(random, account, region, delivery, events));
                        LogKeys.Add(folder + name);
                    }

                    var digestTime = new DateTime(2024, 5, day, 12, 0, 0, DateTimeKind.Utc);
                    string digest = $"AWSLogs/{Org}/{account}/CloudTrail-Digest/{region}/2024/05/{day:00}/{account}_CloudTrail-Digest_{region}_org-trail_us-east-1_{digestTime:yyyyMMdd'T'HHmmss'Z'}.json.gz";
                    _tree.WriteGzip(digest, $"{{\"awsAccountId\":\"{account}\",\"digestStartTime\":\"2024-05-{day:00}T11:00:00Z\",\"digestEndTime\":\"2024-05-{day:00}T12:00:00Z\",\"logFiles\":[]}}");
                    DigestKeys.Add(digest);
                }
            }
        }

        var insightTime = new DateTime(2024, 5, 2, 11, 30, 0, DateTimeKind.Utc);
        string insight = $"AWSLogs/{Org}/{Accounts[0]}/CloudTrail-Insight/us-east-1/2024/05/02/{Accounts[0]}_CloudTrail-Insight_us-east-1_{insightTime:yyyyMMdd'T'HHmm'Z'}_{Id(random)}.json.gz";
        _tree.WriteGzip(insight, "{\"Records\":[{\"eventVersion\":\"1.08\",\"eventTime\":\"2024-05-02T11:25:00Z\",\"eventSource\":\"ec2.amazonaws.com\",\"eventName\":\"RunInstances\",\"awsRegion\":\"us-east-1\",\"eventType\":\"AwsCloudTrailInsight\",\"eventCategory\":\"Insight\",\"recipientAccountId\":\"" + Accounts[0] + "\",\"insightDetails\":{\"state\":\"Start\",\"insightType\":\"ApiCallRateInsight\"}}]}");
        InsightKey = insight;
    }

    /// <summary>The folder holding <c>AWSLogs/</c>.</summary>
    public string Root => _tree.Root;

    /// <summary>Keys of the log files.</summary>
    public List<string> LogKeys { get; } = [];

    /// <summary>Keys of the digest files.</summary>
    public List<string> DigestKeys { get; } = [];

    /// <summary>Key of the Insights file.</summary>
    public string InsightKey { get; }

    /// <summary>The signature metadata given to a digest key when uploaded.</summary>
    public static Dictionary<string, string>? DigestMetadata(string key) =>
        key.Contains("CloudTrail-Digest", StringComparison.Ordinal)
            ? new Dictionary<string, string> { ["signature"] = "sig-" + Path.GetFileName(key).Length.ToString(CultureInfo.InvariantCulture), ["signature-algorithm"] = "SHA256withRSA" }
            : null;

    private static string Records(Random random, string account, string region, DateTime delivery, int count)
    {
        var sb = new StringBuilder("{\"Records\":[");
        string[] names = ["DescribeInstances", "GetObject", "PutObject", "RunInstances", "CreateBucket", "AssumeRole"];
        for (int i = 0; i < count; i++)
        {
            DateTime time = delivery.AddSeconds(-random.Next(10, 240));
            string name = names[random.Next(names.Length)];
            bool denied = random.Next(4) == 0;
            string source = name switch { "GetObject" or "PutObject" or "CreateBucket" => "s3", "AssumeRole" => "sts", _ => "ec2" };
            if (i > 0)
            {
                sb.Append(',');
            }

            sb.Append(CultureInfo.InvariantCulture, $$$$"""{"eventVersion":"1.08","userIdentity":{"type":"AssumedRole","principalId":"AROAEXAMPLE:worker","arn":"arn:aws:sts::{{{{account}}}}:assumed-role/app-{{{{random.Next(3)}}}}/worker","accountId":"{{{{account}}}}","sessionContext":{"sessionIssuer":{"type":"Role","arn":"arn:aws:iam::{{{{account}}}}:role/app","accountId":"{{{{account}}}}","userName":"app"}}},"eventTime":"{{{{time:yyyy-MM-dd'T'HH:mm:ss'Z'}}}}","eventSource":"{{{{source}}}}.amazonaws.com","eventName":"{{{{name}}}}","awsRegion":"{{{{region}}}}","sourceIPAddress":"192.0.2.{{{{random.Next(1, 250)}}}}","userAgent":"test-agent/{{{{random.Next(100)}}}} pad-{{{{Pad(random)}}}}",{{{{(denied ? "\"errorCode\":\"AccessDenied\",\"errorMessage\":\"User is not authorized to perform this operation\"," : string.Empty)}}}}"requestParameters":{"bucketName":"data-{{{{random.Next(5)}}}}","key":"k/{{{{random.Next(100000)}}}}"},"responseElements":null,"requestID":"{{{{Id(random)}}}}","eventID":"{{{{Guid.NewGuid()}}}}","readOnly":true,"eventType":"AwsApiCall","managementEvent":true,"recipientAccountId":"{{{{account}}}}","eventCategory":"Management"}""");
        }

        return sb.Append("]}").ToString();
    }

    private static string Pad(Random random)
    {
        var chars = new char[40];
        for (int i = 0; i < chars.Length; i++)
        {
            chars[i] = (char)('a' + random.Next(26));
        }

        return new string(chars);
    }

    private static string Id(Random random)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        var chars = new char[16];
        for (int i = 0; i < chars.Length; i++)
        {
            chars[i] = alphabet[random.Next(alphabet.Length)];
        }

        return new string(chars);
    }

    /// <inheritdoc />
    public void Dispose() => _tree.Dispose();
}
