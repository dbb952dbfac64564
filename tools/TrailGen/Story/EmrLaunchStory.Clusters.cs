using System.Globalization;
using System.Text.Json.Nodes;

namespace TrailSift.Tools.TrailGen.Story;

// The EMR part of the story: the CI user asks for clusters, EMR assumes the service role and
// calls EC2 and SQS with it.
public sealed partial class EmrLaunchStory
{
    private const string Subnet = "subnet-0e4c7b21d9a35f6a8";
    private const string Vpc = "vpc-05d1f3a9c2b7e4d60";
    private const string MasterGroup = "sg-0c3f5a1e9b7d24e86";
    private const string SlaveGroup = "sg-07b9e2d4a6c1f3508";
    private const string EmrAmi = "ami-0f2b8d4c6a1e3957b";
    private const string InstanceType = "m5.xlarge";
    private const string PolicyArn = $"arn:aws:iam::{Account}:policy/EMR_DefaultRole_Restricted_Policy";
    private const string CliAgent = "aws-cli/2.17.20 md/awscrt#0.20.11 ua/2.0 os/linux#6.5.0-1025-azure md/arch#x86_64 lang/python#3.11.9 md/pyimpl#CPython cfg/retry-mode#standard md/installer#exe md/distrib#ubuntu.22 md/prompt#off md/command#";

    private static readonly Principal Ci = new(
        Principal.IamUser(Account, "ci-emr-deployer", "AIDA5EXAMPLECIEMR3XKQ", "AKIA5EXAMPLECI7DEPLY"),
        "198.51.100.23", CliAgent + "emr.create-cluster");

    private readonly List<string> _failedClusters = [];

    private Principal CiRunning(string command) => Ci with { UserAgent = CliAgent + command };

    /// <summary>A launch that fails: CreateQueue and both RunInstances calls are denied.</summary>
    private void FailedLaunch(DateTimeOffset t0)
    {
        string cluster = ClusterId();
        _failedClusters.Add(cluster);
        Principal emr = StartCluster(t0, cluster);

        Add(new ApiCall(t0.AddSeconds(10), emr, "sqs", "CreateQueue")
        {
            Request = QueueRequest(cluster),
            ErrorCode = "AccessDenied",
            ErrorMessage = $"User: {emr.Identity["arn"]} is not authorized to perform: sqs:createqueue on resource: "
                + $"arn:aws:sqs:{Region}:{Account}:AWS-ElasticMapReduce-{cluster} because no identity-based policy allows the sqs:createqueue action",
        });
        foreach ((string role, int count, int second) in new[] { ("MASTER", 1, 17), ("CORE", 2, 18) })
        {
            Add(new ApiCall(t0.AddSeconds(second), emr, "ec2", "RunInstances")
            {
                Request = RunInstancesRequest(role, count),
                ErrorCode = "Client.UnauthorizedOperation",
                ErrorMessage = Ec2Denied(emr, "ec2:RunInstances", $"arn:aws:ec2:{Region}:{Account}:instance/*"),
            });
        }

        foreach (int after in new[] { 45, 110, 200 })
        {
            Add(new ApiCall(t0.AddSeconds(after), CiRunning("emr.describe-cluster"), "elasticmapreduce", "DescribeCluster")
            {
                Request = new JsonObject { ["clusterId"] = cluster },
                ReadOnly = true,
            });
        }
    }

    /// <summary>A launch that works: the queue, untagged instances, then CreateTags, and termination later.</summary>
    private void SuccessfulLaunch(DateTimeOffset t0, TimeSpan runtime)
    {
        string cluster = ClusterId();
        Principal emr = StartCluster(t0, cluster);
        string queueUrl = $"https://sqs.{Region}.amazonaws.com/{Account}/AWS-ElasticMapReduce-{cluster}";

        Add(new ApiCall(t0.AddSeconds(10), emr, "sqs", "CreateQueue")
        {
            Request = QueueRequest(cluster),
            Response = new JsonObject { ["queueUrl"] = queueUrl },
        });

        var instances = new List<string>();
        foreach ((string role, int count, int second) in new[] { ("MASTER", 1, 17), ("CORE", 2, 18) })
        {
            DateTimeOffset launch = t0.AddSeconds(second);
            var ids = new List<string>();
            for (int i = 0; i < count; i++)
            {
                ids.Add(Ec2Id("i"));
            }

            string group = role == "MASTER" ? MasterGroup : SlaveGroup;
            Add(new ApiCall(launch, emr, "ec2", "RunInstances")
            {
                Request = RunInstancesRequest(role, count),
                Response = RunInstancesResponse(ids, EmrAmi, group, role == "MASTER" ? "ElasticMapReduce-master" : "ElasticMapReduce-slave", launch),
            });
            Add(new ApiCall(launch.AddSeconds(4), emr, "ec2", "CreateTags")
            {
                Request = new JsonObject
                {
                    ["resourcesSet"] = Items([.. ids.Select(id => Item("resourceId", id))]),
                    ["tagSet"] = Items(
                        Tag("aws:elasticmapreduce:job-flow-id", cluster),
                        Tag("aws:elasticmapreduce:instance-group-role", role),
                        Tag("for-use-with-amazon-emr-managed-policies", "true"),
                        Tag("team", "data-platform")),
                },
                Response = new JsonObject { ["requestId"] = _rng.Uuid(), ["_return"] = true },
            });
            instances.AddRange(ids);
        }

        foreach (int after in new[] { 60, 300, 600 })
        {
            Add(new ApiCall(t0.AddSeconds(after), emr, "ec2", "DescribeInstances")
            {
                Request = new JsonObject { ["instancesSet"] = Items([.. instances.Select(id => Item("instanceId", id))]), ["filterSet"] = new JsonObject() },
                ReadOnly = true,
            });
            Add(new ApiCall(t0.AddSeconds(after - 15), CiRunning("emr.describe-cluster"), "elasticmapreduce", "DescribeCluster")
            {
                Request = new JsonObject { ["clusterId"] = cluster },
                ReadOnly = true,
            });
        }

        DateTimeOffset end = t0 + runtime;
        Add(new ApiCall(end, emr, "ec2", "TerminateInstances")
        {
            Request = new JsonObject { ["instancesSet"] = Items([.. instances.Select(id => Item("instanceId", id))]) },
            Response = new JsonObject
            {
                ["requestId"] = _rng.Uuid(),
                ["instancesSet"] = Items([.. instances.Select(id => (JsonNode)new JsonObject
                {
                    ["instanceId"] = id,
                    ["currentState"] = new JsonObject { ["code"] = 32, ["name"] = "shutting-down" },
                    ["previousState"] = new JsonObject { ["code"] = 16, ["name"] = "running" },
                })]),
            },
        });
        Add(new ApiCall(end.AddSeconds(6), emr, "sqs", "DeleteQueue") { Request = new JsonObject { ["queueUrl"] = queueUrl } });
        Add(new ApiCall(end.AddSeconds(64), emr, "ec2", "DescribeInstances")
        {
            Request = new JsonObject { ["instancesSet"] = Items([.. instances.Select(id => Item("instanceId", id))]), ["filterSet"] = new JsonObject() },
            ReadOnly = true,
        });
    }

    /// <summary>The calls every launch starts with; returns the service-role session EMR then uses.</summary>
    private Principal StartCluster(DateTimeOffset t0, string cluster)
    {
        Add(new ApiCall(t0.AddSeconds(-4), CiRunning("sts.get-caller-identity"), "sts", "GetCallerIdentity") { ReadOnly = true, Host = "sts.amazonaws.com" });
        Add(new ApiCall(t0, Ci, "elasticmapreduce", "RunJobFlow")
        {
            Request = RunJobFlowRequest(),
            Response = new JsonObject { ["jobFlowId"] = cluster, ["clusterArn"] = $"arn:aws:elasticmapreduce:{Region}:{Account}:cluster/{cluster}" },
        });

        DateTimeOffset assumed = t0.AddSeconds(3);
        string key = AccessKey("ASIA");
        string roleArn = $"arn:aws:iam::{Account}:role/{ServiceRole}";
        var service = new Principal(Principal.AwsService(EmrHost), EmrHost, EmrHost) { ServiceInvoked = true };
        Add(new ApiCall(assumed, service, "sts", "AssumeRole")
        {
            Request = new JsonObject { ["roleArn"] = roleArn, ["roleSessionName"] = ServiceSession, ["durationSeconds"] = 3600 },
            Response = new JsonObject
            {
                ["credentials"] = new JsonObject
                {
                    ["accessKeyId"] = key,
                    ["expiration"] = assumed.AddHours(1).UtcDateTime.ToString("MMM d, yyyy, h:mm:ss tt", CultureInfo.InvariantCulture),
                },
                ["assumedRoleUser"] = new JsonObject
                {
                    ["assumedRoleId"] = $"{ServiceRoleId}:{ServiceSession}",
                    ["arn"] = $"arn:aws:sts::{Account}:assumed-role/{ServiceRole}/{ServiceSession}",
                },
            },
            ReadOnly = true,
            Resources = [new JsonObject { ["accountId"] = Account, ["type"] = "AWS::IAM::Role", ["ARN"] = roleArn }],
        });

        var emr = new Principal(
            Principal.AssumedRole(Account, ServiceRole, ServiceRoleId, ServiceSession, key, assumed, invokedBy: EmrHost),
            EmrHost, "elasticmapreduce.aws.internal") { ServiceInvoked = true };
        Add(new ApiCall(t0.AddSeconds(5), emr, "ec2", "DescribeSubnets")
        {
            Request = new JsonObject { ["subnetSet"] = Items(Item("subnetId", Subnet)), ["filterSet"] = new JsonObject() },
            ReadOnly = true,
        });
        Add(new ApiCall(t0.AddSeconds(6), emr, "ec2", "DescribeSecurityGroups")
        {
            Request = new JsonObject
            {
                ["securityGroupSet"] = new JsonObject(),
                ["securityGroupIdSet"] = Items(Item("groupId", MasterGroup), Item("groupId", SlaveGroup)),
                ["filterSet"] = new JsonObject(),
            },
            ReadOnly = true,
        });
        return emr;
    }

    private static JsonObject RunJobFlowRequest() => new()
    {
        ["name"] = "nightly-aggregation",
        ["logUri"] = "s3://acme-emr-logs/elasticmapreduce/",
        ["releaseLabel"] = "emr-7.1.0",
        ["instances"] = new JsonObject
        {
            ["instanceGroups"] = new JsonArray(
                new JsonObject { ["name"] = "Primary", ["market"] = "ON_DEMAND", ["instanceRole"] = "MASTER", ["instanceType"] = InstanceType, ["instanceCount"] = 1 },
                new JsonObject { ["name"] = "Core", ["market"] = "ON_DEMAND", ["instanceRole"] = "CORE", ["instanceType"] = InstanceType, ["instanceCount"] = 2 }),
            ["keepJobFlowAliveWhenNoSteps"] = false,
            ["terminationProtected"] = false,
            ["ec2SubnetId"] = Subnet,
            ["emrManagedMasterSecurityGroup"] = MasterGroup,
            ["emrManagedSlaveSecurityGroup"] = SlaveGroup,
        },
        ["steps"] = new JsonArray(new JsonObject
        {
            ["name"] = "aggregate",
            ["actionOnFailure"] = "TERMINATE_CLUSTER",
            ["hadoopJarStep"] = new JsonObject
            {
                ["jar"] = "command-runner.jar",
                ["args"] = new JsonArray("spark-submit", "--deploy-mode", "cluster", "s3://acme-emr-code/jobs/aggregate.py"),
            },
        }),
        ["applications"] = new JsonArray(new JsonObject { ["name"] = "Spark" }),
        ["visibleToAllUsers"] = true,
        ["jobFlowRole"] = "EMR_EC2_DefaultRole",
        ["serviceRole"] = ServiceRole,
        ["tags"] = new JsonArray(
            new JsonObject { ["key"] = "for-use-with-amazon-emr-managed-policies", ["value"] = "true" },
            new JsonObject { ["key"] = "team", ["value"] = "data-platform" }),
    };

    private static JsonObject QueueRequest(string cluster) => new()
    {
        ["queueName"] = $"AWS-ElasticMapReduce-{cluster}",
        ["attributes"] = new JsonObject { ["MessageRetentionPeriod"] = "1209600", ["VisibilityTimeout"] = "60" },
    };

    // EMR launches instances without tagSpecificationSet: tags come later through CreateTags.
    private JsonObject RunInstancesRequest(string role, int count) => new()
    {
        ["instancesSet"] = Items(new JsonObject { ["imageId"] = EmrAmi, ["minCount"] = count, ["maxCount"] = count }),
        ["groupSet"] = Items(Item("groupId", role == "MASTER" ? MasterGroup : SlaveGroup)),
        ["userData"] = "<sensitiveDataRemoved>",
        ["instanceType"] = InstanceType,
        ["blockDeviceMapping"] = Items(
            new JsonObject { ["deviceName"] = "/dev/xvda", ["ebs"] = new JsonObject { ["volumeSize"] = 15, ["deleteOnTermination"] = true, ["volumeType"] = "gp2" } },
            new JsonObject { ["deviceName"] = "/dev/sdb", ["ebs"] = new JsonObject { ["volumeSize"] = 32, ["deleteOnTermination"] = true, ["volumeType"] = "gp2" } }),
        ["monitoring"] = new JsonObject { ["enabled"] = false },
        ["subnetId"] = Subnet,
        ["disableApiTermination"] = false,
        ["disableApiStop"] = false,
        ["clientToken"] = _rng.Uuid(),
        ["iamInstanceProfile"] = new JsonObject { ["arn"] = $"arn:aws:iam::{Account}:instance-profile/EMR_EC2_DefaultRole" },
        ["ebsOptimized"] = true,
    };

    private static JsonObject Tag(string key, string value) => new() { ["key"] = key, ["value"] = value };

    /// <summary>EC2's message: a plain-text reason, then an encoded blob that CloudTrail cuts at about 1 KB.</summary>
    private string Ec2Denied(Principal who, string action, string resource)
    {
        string text = $"You are not authorized to perform this operation. User: {who.Identity["arn"]} is not authorized to perform: {action} "
            + $"on resource: {resource} because no identity-based policy allows the {action} action. Encoded authorization failure message: ";
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        var blob = new char[1023 - text.Length];
        for (int i = 0; i < blob.Length; i++)
        {
            blob[i] = alphabet[_rng.Next(alphabet.Length)];
        }

        return text + new string(blob) + "...";
    }
}
