using Amazon;
using Amazon.S3;
using Amazon.S3.Model;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;

// A tiny workload for the `trailsift record` tests: each argument is one step, run in order, with the AWS SDK for .NET
// and whatever credentials and endpoint the environment gives (AWS_ENDPOINT_URL, AWS_ACCESS_KEY_ID, ...):
//   sts:GetCallerIdentity[@REGION]   s3:ListBuckets[@REGION]   s3:CreateBucket=NAME   sleep=MILLISECONDS   exit=CODE
//   trap=PATH   (from then on, SIGINT or SIGTERM writes its name to PATH and exits with 130; PATH holds "ready" until then)
int exit = 0;
var traps = new List<System.Runtime.InteropServices.PosixSignalRegistration>();
foreach (string step in args)
{
    string[] parts = step.Split('=', 2);
    string[] at = parts[0].Split('@', 2);
    string region = at.Length > 1 ? at[1] : Environment.GetEnvironmentVariable("AWS_REGION") ?? "us-east-1";
    switch (at[0])
    {
        case "sts:GetCallerIdentity":
            using (var sts = new AmazonSecurityTokenServiceClient(new AmazonSecurityTokenServiceConfig { RegionEndpoint = RegionEndpoint.GetBySystemName(region) }))
            {
                GetCallerIdentityResponse who = await sts.GetCallerIdentityAsync(new GetCallerIdentityRequest());
                Console.WriteLine($"GetCallerIdentity {region}: {who.Arn}");
            }

            break;
        case "s3:ListBuckets":
            using (var s3 = S3(region))
            {
                ListBucketsResponse list = await s3.ListBucketsAsync(new ListBucketsRequest());
                Console.WriteLine($"ListBuckets: {list.Buckets?.Count ?? 0}");
            }

            break;
        case "s3:CreateBucket":
            using (var s3 = S3(region))
            {
                await s3.PutBucketAsync(new PutBucketRequest { BucketName = parts[1] });
                Console.WriteLine($"CreateBucket {parts[1]}");
            }

            break;
        case "sleep":
            await Task.Delay(int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
            break;
        case "trap":
            string marker = parts[1];
            foreach (var signal in new[] { System.Runtime.InteropServices.PosixSignal.SIGINT, System.Runtime.InteropServices.PosixSignal.SIGTERM })
            {
                traps.Add(System.Runtime.InteropServices.PosixSignalRegistration.Create(signal, context =>
                {
                    File.WriteAllText(marker, context.Signal == System.Runtime.InteropServices.PosixSignal.SIGINT ? "SIGINT" : "SIGTERM");
                    Environment.Exit(130);
                }));
            }

            File.WriteAllText(marker, "ready");
            break;
        case "exit":
            exit = int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
            break;
        default:
            Console.Error.WriteLine($"unknown step {step}");
            return 64;
    }
}

return exit;

static AmazonS3Client S3(string region) => new(new AmazonS3Config { RegionEndpoint = RegionEndpoint.GetBySystemName(region), ForcePathStyle = true });
