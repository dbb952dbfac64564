using System.Text.Json.Nodes;
using static TrailSift.Core.Tests.Analysis.Generation.NextRun.WorkloadRun;

namespace TrailSift.Core.Tests.Analysis.Generation.NextRun;

/// <summary>The four workloads of the "next run" tests, each as one seeded run (the shapes follow samples/emr-launch and CloudTrail's documented records).</summary>
internal static class Workloads
{
    private const string Emr = "elasticmapreduce.amazonaws.com";
    private const string Cfn = "cloudformation.amazonaws.com";

    /// <summary>
    /// A user launches an EMR cluster; the EMR service role starts instances without tags (with the instance profile
    /// <paramref name="profile"/>, whose ARN each response item carries as EC2 logs it unless
    /// <paramref name="profileInResponse"/> is false), tags them, makes the cluster's queue, then tears it all down; with
    /// <paramref name="reassociate"/>, the first instance's profile is replaced before the termination.
    /// </summary>
    public static WorkloadRun EmrLaunch(int seed, string profile = "EMR_EC2_DefaultRole", bool profileInResponse = true, bool reassociate = false)
    {
        var run = new WorkloadRun(seed);
        string cluster = run.ClusterId();
        run.Call("user/analyst", Emr, "RunJobFlow",
            Obj(("name", "nightly-aggregation"), ("releaseLabel", "emr-7.1.0"), ("serviceRole", "EMR_DefaultRole"), ("jobFlowRole", profile),
                ("instances", Obj(("ec2SubnetId", Subnet), ("emrManagedMasterSecurityGroup", SecurityGroup))),
                ("tags", new JsonArray(Obj(("key", "team"), ("value", "data-platform"))))),
            Obj(("jobFlowId", cluster), ("clusterArn", $"arn:aws:elasticmapreduce:us-east-1:{Account}:cluster/{cluster}")));
        run.Call("user/analyst", Emr, "DescribeCluster", Obj(("clusterId", cluster)));
        string queue = "AWS-ElasticMapReduce-" + cluster;
        run.Call("EMR_DefaultRole", "sqs.amazonaws.com", "CreateQueue", Obj(("queueName", queue)),
            Obj(("queueUrl", $"https://sqs.us-east-1.amazonaws.com/{Account}/{queue}")), Emr);
        var instances = new List<string>();
        foreach (string role in new[] { "MASTER", "CORE", "CORE" })
        {
            string instance = run.Id("i-");
            instances.Add(instance);
            run.Call("EMR_DefaultRole", "ec2.amazonaws.com", "RunInstances",
                Obj(("instancesSet", Items(Obj(("imageId", Image), ("minCount", 1), ("maxCount", 1)))), ("groupSet", Items(Obj(("groupId", SecurityGroup)))),
                    ("instanceType", "m5.xlarge"), ("subnetId", Subnet), ("iamInstanceProfile", Obj(("name", profile)))),
                Obj(("instancesSet", Items(Obj(("instanceId", instance), ("imageId", Image), ("subnetId", Subnet),
                    ("iamInstanceProfile", profileInResponse ? Obj(("arn", $"arn:aws:iam::{Account}:instance-profile/{profile}"), ("id", "AIPAEXAMPLEPROFILE")) : null))))), Emr);
            run.Call("EMR_DefaultRole", "ec2.amazonaws.com", "CreateTags",
                Obj(("resourcesSet", Items(Obj(("resourceId", instance)))),
                    ("tagSet", Items(Obj(("key", "aws:elasticmapreduce:job-flow-id"), ("value", cluster)), Obj(("key", "aws:elasticmapreduce:instance-group-role"), ("value", role))))),
                Obj(("_return", true)), Emr);
        }

        run.Call("EMR_DefaultRole", "ec2.amazonaws.com", "DescribeInstances", Obj(("instancesSet", Items([.. instances.Select(i => (JsonNode)Obj(("instanceId", i)))]))), null, Emr);
        if (reassociate)
        {
            run.Call("EMR_DefaultRole", "ec2.amazonaws.com", "ReplaceIamInstanceProfileAssociation",
                Obj(("associationId", "iip-assoc-" + run.Hex(17)), ("iamInstanceProfile", Obj(("name", "Other_Profile")))),
                Obj(("iamInstanceProfileAssociation", Obj(("instanceId", instances[0]), ("state", "associating"),
                    ("iamInstanceProfile", Obj(("arn", $"arn:aws:iam::{Account}:instance-profile/Other_Profile"), ("id", "AIPAEXAMPLEOTHER")))))), Emr);
        }

        run.Call("user/analyst", Emr, "TerminateJobFlows", Obj(("jobFlowIds", new JsonArray(cluster))));
        run.Call("EMR_DefaultRole", "ec2.amazonaws.com", "TerminateInstances", Obj(("instancesSet", Items([.. instances.Select(i => (JsonNode)Obj(("instanceId", i)))]))), null, Emr);
        run.Call("EMR_DefaultRole", "sqs.amazonaws.com", "DeleteQueue", Obj(("queueUrl", $"https://sqs.us-east-1.amazonaws.com/{Account}/{queue}")), null, Emr);
        return run;
    }

    /// <summary>A backup role makes a scratch volume (tagged at creation), snapshots it, deletes the snapshot and the volume.</summary>
    public static WorkloadRun EbsSnapshotJob(int seed, string job = "nightly-snapshot")
    {
        var run = new WorkloadRun(seed);
        string volume = run.Id("vol-"), snapshot = run.Id("snap-");
        const string Role = "ebs-snapshot-job";
        run.Call(Role, "ec2.amazonaws.com", "CreateVolume",
            Obj(("availabilityZone", "us-east-1a"), ("size", 8), ("volumeType", "gp3"), ("tagSpecificationSet", Items(Tags("volume", ("job", job))))),
            Obj(("volumeId", volume), ("size", "8"), ("availabilityZone", "us-east-1a")));
        run.Call(Role, "ec2.amazonaws.com", "CreateSnapshot",
            Obj(("volumeId", volume), ("description", "nightly " + run.Stamp), ("tagSpecificationSet", Items(Tags("snapshot", ("job", job))))),
            Obj(("snapshotId", snapshot), ("volumeId", volume)));
        run.Call(Role, "ec2.amazonaws.com", "DescribeSnapshots", Obj(("snapshotSet", Items(Obj(("snapshotId", snapshot))))));
        run.Call(Role, "ec2.amazonaws.com", "DeleteSnapshot", Obj(("snapshotId", snapshot)), Obj(("_return", true)));
        run.Call(Role, "ec2.amazonaws.com", "DeleteVolume", Obj(("volumeId", volume)), Obj(("_return", true)));
        return run;
    }

    /// <summary>A Lambda function's role writes its logs: the group (created on the first run, already there later), a new stream per run, events.</summary>
    public static WorkloadRun LambdaLogs(int seed, bool firstRun)
    {
        var run = new WorkloadRun(seed);
        const string Role = "orders-fn-role", Group = "/aws/lambda/orders";
        string stream = $"{run.Date}/[$LATEST]{run.Hex(32)}";
        run.Call(Role, "logs.amazonaws.com", "CreateLogGroup", Obj(("logGroupName", Group)), null, null, firstRun ? null : "ResourceAlreadyExistsException");
        run.Call(Role, "logs.amazonaws.com", "CreateLogStream", Obj(("logGroupName", Group), ("logStreamName", stream)));
        run.Call(Role, "logs.amazonaws.com", "PutLogEvents", Obj(("logGroupName", Group), ("logStreamName", stream)), Obj(("nextSequenceToken", run.Hex(20))));
        return run;
    }

    /// <summary>A deployer creates a stack under a service role; the role creates a bucket and a queue with generated names, then the stack is deleted.</summary>
    public static WorkloadRun CloudFormationStack(int seed)
    {
        var run = new WorkloadRun(seed);
        string stack = "etl-" + run.Stamp, stackId = $"arn:aws:cloudformation:us-east-1:{Account}:stack/{stack}/{Guid(run)}";
        string bucket = $"{stack}-data-{run.Hex(12)}", queue = $"{stack}-Jobs-{run.Hex(12).ToUpperInvariant()}";
        const string Role = "cfn-etl-exec";
        run.Call("user/deployer", Cfn, "CreateStack",
            Obj(("stackName", stack), ("templateURL", "https://s3.amazonaws.com/acme-templates/etl.yaml"), ("roleARN", $"arn:aws:iam::{Account}:role/{Role}"),
                ("tags", new JsonArray(Obj(("key", "app"), ("value", "etl"))))),
            Obj(("stackId", stackId)));
        run.Call(Role, "s3.amazonaws.com", "CreateBucket", Obj(("bucketName", bucket), ("Host", bucket + ".s3.amazonaws.com")), null, Cfn);
        run.Call(Role, "s3.amazonaws.com", "PutBucketTagging", Obj(("bucketName", bucket), ("tagging", "")), null, Cfn);
        run.Call(Role, "sqs.amazonaws.com", "CreateQueue", Obj(("queueName", queue)), Obj(("queueUrl", $"https://sqs.us-east-1.amazonaws.com/{Account}/{queue}")), Cfn);
        run.Call("user/deployer", Cfn, "DescribeStacks", Obj(("stackName", stack)));
        run.Call("user/deployer", Cfn, "DeleteStack", Obj(("stackName", stack)));
        run.Call(Role, "sqs.amazonaws.com", "DeleteQueue", Obj(("queueUrl", $"https://sqs.us-east-1.amazonaws.com/{Account}/{queue}")), null, Cfn);
        run.Call(Role, "s3.amazonaws.com", "DeleteBucket", Obj(("bucketName", bucket), ("Host", bucket + ".s3.amazonaws.com")), null, Cfn);
        return run;
    }

    private static string Guid(WorkloadRun run) => $"{run.Hex(8)}-{run.Hex(4)}-{run.Hex(4)}-{run.Hex(4)}-{run.Hex(12)}";
}
