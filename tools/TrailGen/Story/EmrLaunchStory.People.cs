using System.Globalization;
using System.Text.Json.Nodes;

namespace TrailSift.Tools.TrailGen.Story;

// The people of the story: Alice (console, looks at the failure), Dana (admin, fixes the policy),
// Bob (CLI, mostly in eu-west-1), and the RunInstances response they and EMR share.
public sealed partial class EmrLaunchStory
{
    private const string ConsoleAgent = "AWS Internal";
    private const string BrowserAgent = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0.0.0 Safari/537.36";

    private static readonly Principal Bob = new(
        Principal.IamUser(Account, "bob", "AIDA5EXAMPLEBOB4TQ2MN", "AKIA5EXAMPLEBOB7K2ZQ"),
        "192.0.2.55", "aws-cli/2.15.58 md/awscrt#0.19.19 ua/2.0 os/macos#23.5.0 md/arch#arm64 lang/python#3.11.8 md/pyimpl#CPython cfg/retry-mode#standard md/installer#source md/prompt#off md/command#");

    private Principal SignIn(DateTimeOffset t, string user, string userId, string ip)
    {
        var login = new Principal(new JsonObject
        {
            ["type"] = "IAMUser",
            ["principalId"] = userId,
            ["arn"] = $"arn:aws:iam::{Account}:user/{user}",
            ["accountId"] = Account,
            ["userName"] = user,
        }, ip, BrowserAgent);
        Add(new ApiCall(t, login, "signin", "ConsoleLogin")
        {
            Response = new JsonObject { ["ConsoleLogin"] = "Success" },
            Additional = new JsonObject
            {
                ["LoginTo"] = "https://console.aws.amazon.com/console/home?region=us-east-1&state=hashArgs%23&isauthcode=true",
                ["MobileVersion"] = "No",
                ["MFAIdentifier"] = $"arn:aws:iam::{Account}:mfa/{user}",
                ["MFAUsed"] = "Yes",
            },
            EventType = "AwsConsoleSignIn",
        });
        return new Principal(Principal.ConsoleUser(Account, user, userId, AccessKey("ASIA"), t), ip, ConsoleAgent) { Console = true };
    }

    private Principal Alice(DateTimeOffset signIn) => SignIn(signIn, "alice", "AIDA5EXAMPLEALICE9W3R", "203.0.113.10");

    private void ConsoleMorning()
    {
        Principal alice = Alice(At(0, 8, 52, 14));
        Add(new ApiCall(At(0, 8, 53, 2), alice, "ec2", "DescribeInstances")
        {
            Request = new JsonObject { ["instancesSet"] = new JsonObject(), ["filterSet"] = new JsonObject(), ["maxResults"] = 50 },
            ReadOnly = true,
        });
        Add(new ApiCall(At(0, 8, 53, 40), alice, "ec2", "DescribeSecurityGroups")
        {
            Request = new JsonObject { ["securityGroupSet"] = new JsonObject(), ["securityGroupIdSet"] = new JsonObject(), ["filterSet"] = new JsonObject() },
            ReadOnly = true,
        });
        Add(new ApiCall(At(0, 8, 55, 12), alice, "s3", "ListBuckets")
        {
            Request = new JsonObject { ["Host"] = "s3.us-east-1.amazonaws.com" },
            Additional = S3Transfer(0, 2381),
            ReadOnly = true,
        });
        Add(new ApiCall(At(0, 8, 56, 30), alice, "ec2", "DescribeVpcs")
        {
            Request = new JsonObject { ["vpcSet"] = new JsonObject(), ["filterSet"] = new JsonObject() },
            ReadOnly = true,
        });
    }

    private void AliceLooksAtTheFailure(DateTimeOffset t)
    {
        Principal alice = Alice(t.AddMinutes(-2));
        Add(new ApiCall(t, alice, "elasticmapreduce", "ListClusters")
        {
            Request = new JsonObject { ["clusterStates"] = new JsonArray("TERMINATED_WITH_ERRORS") },
            ReadOnly = true,
        });
        Add(new ApiCall(t.AddSeconds(9), alice, "elasticmapreduce", "DescribeCluster")
        {
            Request = new JsonObject { ["clusterId"] = _failedClusters[0] },
            ReadOnly = true,
        });
        Add(new ApiCall(t.AddSeconds(95), alice, "cloudtrail", "LookupEvents")
        {
            Request = new JsonObject
            {
                ["lookupAttributes"] = new JsonArray(new JsonObject { ["attributeKey"] = "EventName", ["attributeValue"] = "RunInstances" }),
                ["maxResults"] = 50,
            },
            ReadOnly = true,
        });
    }

    private void AdminFixesPolicy(DateTimeOffset t)
    {
        Principal dana = SignIn(t, "dana", "AIDA5EXAMPLEDANA2H8PV", "203.0.113.45");
        Add(new ApiCall(t.AddSeconds(95), dana, "iam", "GetRole") { Request = new JsonObject { ["roleName"] = ServiceRole }, ReadOnly = true });
        Add(new ApiCall(t.AddSeconds(97), dana, "iam", "ListAttachedRolePolicies") { Request = new JsonObject { ["roleName"] = ServiceRole }, ReadOnly = true });
        Add(new ApiCall(t.AddSeconds(130), dana, "iam", "GetPolicy") { Request = new JsonObject { ["policyArn"] = PolicyArn }, ReadOnly = true });
        Add(new ApiCall(t.AddSeconds(131), dana, "iam", "GetPolicyVersion")
        {
            Request = new JsonObject { ["policyArn"] = PolicyArn, ["versionId"] = "v1" },
            ReadOnly = true,
        });

        // v2 drops the aws:RequestTag condition on ec2:RunInstances (EMR tags after launch) and allows the EMR queues.
        string document = "{\"Version\":\"2012-10-17\",\"Statement\":["
            + "{\"Sid\":\"EmrInstances\",\"Effect\":\"Allow\",\"Action\":[\"ec2:RunInstances\",\"ec2:CreateTags\",\"ec2:TerminateInstances\",\"ec2:Describe*\"],\"Resource\":\"*\"},"
            + $"{{\"Sid\":\"EmrQueues\",\"Effect\":\"Allow\",\"Action\":[\"sqs:CreateQueue\",\"sqs:DeleteQueue\",\"sqs:GetQueueUrl\",\"sqs:ReceiveMessage\",\"sqs:DeleteMessage\"],\"Resource\":\"arn:aws:sqs:*:{Account}:AWS-ElasticMapReduce-*\"}},"
            + $"{{\"Sid\":\"PassInstanceRole\",\"Effect\":\"Allow\",\"Action\":\"iam:PassRole\",\"Resource\":\"arn:aws:iam::{Account}:role/EMR_EC2_DefaultRole\"}}]}}";
        DateTimeOffset fix = t.AddSeconds(391);
        Add(new ApiCall(fix, dana, "iam", "CreatePolicyVersion")
        {
            Request = new JsonObject { ["policyArn"] = PolicyArn, ["policyDocument"] = document, ["setAsDefault"] = true },
            Response = new JsonObject
            {
                ["policyVersion"] = new JsonObject
                {
                    ["versionId"] = "v2",
                    ["isDefaultVersion"] = true,
                    ["createDate"] = fix.UtcDateTime.ToString("MMM d, yyyy, h:mm:ss tt", CultureInfo.InvariantCulture),
                },
            },
        });
        Add(new ApiCall(fix.AddSeconds(3), dana, "iam", "ListPolicyVersions") { Request = new JsonObject { ["policyArn"] = PolicyArn }, ReadOnly = true });
    }

    private void AliceLaunchesDevBox(DateTimeOffset t)
    {
        Principal alice = Alice(t.AddMinutes(-3));
        string id = Ec2Id("i");
        const string ami = "ami-0c7d9e1b3a5f28e64";
        const string group = "sg-0d2e4f6a8b1c3e5d7";
        Add(new ApiCall(t, alice, "ec2", "RunInstances")
        {
            Request = new JsonObject
            {
                ["instancesSet"] = Items(new JsonObject { ["imageId"] = ami, ["minCount"] = 1, ["maxCount"] = 1, ["keyName"] = "alice-laptop" }),
                ["groupSet"] = Items(Item("groupId", group)),
                ["instanceType"] = "t3.medium",
                ["blockDeviceMapping"] = new JsonObject(),
                ["monitoring"] = new JsonObject { ["enabled"] = false },
                ["subnetId"] = Subnet,
                ["disableApiTermination"] = false,
                ["disableApiStop"] = false,
                ["clientToken"] = _rng.Uuid(),
                ["tagSpecificationSet"] = Items(new JsonObject
                {
                    ["resourceType"] = "instance",
                    ["tags"] = new JsonArray(Tag("Name", "alice-dev"), Tag("owner", "alice")),
                }),
            },
            Response = RunInstancesResponse([id], ami, group, "dev-ssh", t),
        });
    }

    private void BobInIreland(DateTimeOffset t)
    {
        const string ireland = "eu-west-1";
        Add(new ApiCall(t, Bob with { UserAgent = Bob.UserAgent + "sts.get-caller-identity" }, "sts", "GetCallerIdentity") { Region = ireland, ReadOnly = true });
        Add(new ApiCall(t.AddSeconds(41), Bob with { UserAgent = Bob.UserAgent + "rds.describe-db-instances" }, "rds", "DescribeDBInstances") { Region = ireland, ReadOnly = true });
        Add(new ApiCall(t.AddSeconds(78), Bob with { UserAgent = Bob.UserAgent + "ec2.describe-instances" }, "ec2", "DescribeInstances")
        {
            Region = ireland,
            Request = new JsonObject { ["instancesSet"] = new JsonObject(), ["filterSet"] = new JsonObject() },
            ReadOnly = true,
        });
        Add(new ApiCall(t.AddSeconds(130), Bob with { UserAgent = Bob.UserAgent + "s3.ls" }, "s3", "ListBuckets")
        {
            Region = ireland,
            Request = new JsonObject { ["Host"] = "s3.eu-west-1.amazonaws.com" },
            Additional = S3Transfer(0, 2381),
            ReadOnly = true,
        });
    }

    private void BobDryRun(DateTimeOffset t)
    {
        Add(new ApiCall(t, Bob with { UserAgent = Bob.UserAgent + "ec2.describe-instances" }, "ec2", "DescribeInstances")
        {
            Request = new JsonObject { ["instancesSet"] = new JsonObject(), ["filterSet"] = new JsonObject() },
            ErrorCode = "Client.DryRunOperation",
            ErrorMessage = "Request would have succeeded, but DryRun flag is set.",
            ReadOnly = true,
        });
    }

    private JsonObject RunInstancesResponse(List<string> ids, string ami, string group, string groupName, DateTimeOffset launch)
    {
        var items = new JsonArray();
        for (int i = 0; i < ids.Count; i++)
        {
            string ip = $"10.0.{_rng.Next(1, 4)}.{_rng.Next(10, 250)}";
            items.Add(new JsonObject
            {
                ["instanceId"] = ids[i],
                ["imageId"] = ami,
                ["currentInstanceBootMode"] = "legacy-bios",
                ["instanceState"] = new JsonObject { ["code"] = 0, ["name"] = "pending" },
                ["privateDnsName"] = $"ip-{ip.Replace('.', '-')}.ec2.internal",
                ["amiLaunchIndex"] = i,
                ["productCodes"] = new JsonObject(),
                ["instanceType"] = groupName == "dev-ssh" ? "t3.medium" : InstanceType,
                ["launchTime"] = launch.ToUnixTimeMilliseconds(),
                ["placement"] = new JsonObject { ["availabilityZone"] = "us-east-1a", ["tenancy"] = "default" },
                ["monitoring"] = new JsonObject { ["state"] = "disabled" },
                ["subnetId"] = Subnet,
                ["vpcId"] = Vpc,
                ["privateIpAddress"] = ip,
                ["stateReason"] = new JsonObject { ["code"] = "pending", ["message"] = "pending" },
                ["architecture"] = "x86_64",
                ["rootDeviceType"] = "ebs",
                ["rootDeviceName"] = "/dev/xvda",
                ["blockDeviceMapping"] = new JsonObject(),
                ["virtualizationType"] = "hvm",
                ["hypervisor"] = "xen",
                ["groupSet"] = Items(new JsonObject { ["groupId"] = group, ["groupName"] = groupName }),
                ["sourceDestCheck"] = true,
                ["ebsOptimized"] = groupName != "dev-ssh",
                ["enaSupport"] = true,
                ["cpuOptions"] = new JsonObject { ["coreCount"] = 2, ["threadsPerCore"] = 2 },
                ["capacityReservationSpecification"] = new JsonObject { ["capacityReservationPreference"] = "open" },
                ["enclaveOptions"] = new JsonObject { ["enabled"] = false },
                ["metadataOptions"] = new JsonObject
                {
                    ["state"] = "pending",
                    ["httpTokens"] = "required",
                    ["httpPutResponseHopLimit"] = 2,
                    ["httpEndpoint"] = "enabled",
                    ["httpProtocolIpv4"] = "enabled",
                    ["httpProtocolIpv6"] = "disabled",
                    ["instanceMetadataTags"] = "disabled",
                },
                ["maintenanceOptions"] = new JsonObject { ["autoRecovery"] = "default" },
            });
        }

        return new JsonObject
        {
            ["requestId"] = _rng.Uuid(),
            ["reservationId"] = Ec2Id("r"),
            ["ownerId"] = Account,
            ["groupSet"] = new JsonObject(),
            ["instancesSet"] = new JsonObject { ["items"] = items },
        };
    }

    private JsonObject S3Transfer(long bytesIn, long bytesOut) => new()
    {
        ["SignatureVersion"] = "SigV4",
        ["CipherSuite"] = "TLS_AES_128_GCM_SHA256",
        ["bytesTransferredIn"] = bytesIn,
        ["AuthenticationMethod"] = "AuthHeader",
        ["x-amz-id-2"] = _rng.Alphanumeric(56) + "=",
        ["bytesTransferredOut"] = bytesOut,
    };
}
