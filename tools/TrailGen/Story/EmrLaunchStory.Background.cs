using System.Globalization;
using System.Text.Json.Nodes;

namespace TrailSift.Tools.TrailGen.Story;

// Background traffic: a Lambda reading and writing S3 objects (data events, one cross-account denial)
// and an inventory job describing EC2 in both regions.
public sealed partial class EmrLaunchStory
{
    private const string EtlRole = "etl-reader-lambda-role";
    private const string EtlRoleId = "AROA5EXAMPLEETL6PQ4WZ";
    private const string EtlAgent = "Boto3/1.34.131 md/Botocore#1.34.131 ua/2.0 os/linux#5.10.219-229.866.amzn2.x86_64 md/arch#x86_64 lang/python#3.12.3 md/pyimpl#CPython exec-env/AWS_Lambda_python3.12 cfg/retry-mode#legacy Botocore/1.34.131";
    private const string InventoryRole = "ops-inventory-collector";
    private const string InventoryRoleId = "AROA5EXAMPLEINV8JD3KX";
    private const string InventoryAgent = "aws-sdk-go-v2/1.30.3 os/linux lang/go#1.22.5 md/GOOS#linux md/GOARCH#amd64 api/ec2#1.171.0";

    /// <summary>Every three hours the ETL function reads two raw objects and writes one curated object.</summary>
    private void EtlLambda()
    {
        for (int day = 0; day < 3; day++)
        {
            for (int hour = 0; hour < 24; hour += 3)
            {
                DateTimeOffset t = At(day, hour, 7, 11 + _rng.Next(20));
                var etl = new Principal(
                    Principal.AssumedRole(Account, EtlRole, EtlRoleId, "nightly-etl-reader", AccessKey("ASIA"), t.AddSeconds(-2)),
                    "198.51.100.77", EtlAgent);
                string prefix = t.UtcDateTime.ToString("yyyy/MM/dd/HH", CultureInfo.InvariantCulture);
                for (int part = 0; part < 2; part++)
                {
                    S3Object(t.AddSeconds(part), etl, "GetObject", "acme-raw-events", $"events/{prefix}/part-{part:D5}.json.gz", Account,
                        bytesIn: 0, bytesOut: 180_000 + _rng.Next(900_000));
                }

                if (day == 1 && hour == 6)
                {
                    // The partner's bucket is in another account outside the organization: S3 says only "Access Denied".
                    S3Object(t.AddSeconds(2), etl, "GetObject", "partner-shared-exports", "daily/2025-06-04.csv", "111122223333",
                        bytesIn: 0, bytesOut: 0, denied: true);
                }

                S3Object(t.AddSeconds(14), etl, "PutObject", "acme-curated", $"sessions/{prefix}/summary.parquet", Account,
                    bytesIn: 40_000 + _rng.Next(200_000), bytesOut: 0);
            }
        }
    }

    private void S3Object(DateTimeOffset t, Principal who, string eventName, string bucket, string key, string bucketAccount,
        long bytesIn, long bytesOut, bool denied = false)
    {
        string host = $"{bucket}.s3.{Region}.amazonaws.com";
        Add(new ApiCall(t, who, "s3", eventName)
        {
            Request = new JsonObject { ["bucketName"] = bucket, ["Host"] = host, ["key"] = key },
            Response = eventName == "PutObject" && !denied ? new JsonObject { ["x-amz-server-side-encryption"] = "AES256" } : null,
            Additional = S3Transfer(bytesIn, bytesOut),
            ErrorCode = denied ? "AccessDenied" : null,
            ErrorMessage = denied ? "Access Denied" : null,
            ReadOnly = eventName == "GetObject",
            DataEvent = true,
            Host = host,
            Resources =
            [
                new JsonObject { ["type"] = "AWS::S3::Object", ["ARN"] = $"arn:aws:s3:::{bucket}/{key}" },
                new JsonObject { ["accountId"] = bucketAccount, ["type"] = "AWS::S3::Bucket", ["ARN"] = $"arn:aws:s3:::{bucket}" },
            ],
        });
    }

    /// <summary>Every four hours an instance-profile job lists instances, volumes and buckets.</summary>
    private void InventoryCollector()
    {
        for (int day = 0; day < 3; day++)
        {
            for (int hour = 2; hour < 24; hour += 4)
            {
                DateTimeOffset t = At(day, hour, 30, _rng.Next(50));
                DateTimeOffset credentials = Day0.AddDays(day).AddHours(hour / 6 * 6).AddMinutes(3);
                var job = new Principal(
                    Principal.AssumedRole(Account, InventoryRole, InventoryRoleId, "i-0a12b34c56d78e90f", AccessKey("ASIA"), credentials, invokedBy: null),
                    "198.51.100.140", InventoryAgent);
                foreach (string region in new[] { Region, "eu-west-1" })
                {
                    Add(new ApiCall(t, job, "ec2", "DescribeInstances")
                    {
                        Region = region,
                        Request = new JsonObject { ["instancesSet"] = new JsonObject(), ["filterSet"] = new JsonObject(), ["maxResults"] = 1000 },
                        ReadOnly = true,
                    });
                    Add(new ApiCall(t.AddSeconds(1), job, "ec2", "DescribeVolumes")
                    {
                        Region = region,
                        Request = new JsonObject { ["volumeSet"] = new JsonObject(), ["filterSet"] = new JsonObject(), ["maxResults"] = 500 },
                        ReadOnly = true,
                    });
                    t = t.AddSeconds(3);
                }

                Add(new ApiCall(t, job with { UserAgent = InventoryAgent.Replace("api/ec2#1.171.0", "api/s3#1.58.2", StringComparison.Ordinal) }, "s3", "ListBuckets")
                {
                    Request = new JsonObject { ["Host"] = "s3.amazonaws.com" },
                    Additional = S3Transfer(0, 2381),
                    ReadOnly = true,
                    Host = "s3.amazonaws.com",
                });
            }
        }
    }
}
