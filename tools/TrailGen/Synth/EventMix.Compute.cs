namespace TrailSift.Tools.TrailGen.Synth;

// EC2 and EMR: describes, launches (EMR's untagged launches and CreateTags), terminations, EMR queues and API.
public sealed partial class EventMix
{
    private static readonly string[] Describes = ["DescribeInstances", "DescribeInstances", "DescribeVolumes", "DescribeSecurityGroups", "DescribeSubnets", "DescribeNetworkInterfaces"];
    private static readonly string[] InstanceTypes = ["m5.xlarge", "m5.2xlarge", "r5.2xlarge", "t3.medium", "c6i.4xlarge"];

    private void Ec2Describe()
    {
        SynthPrincipal who = _rng.Chance(0.1) ? _pool.EmrRole : _pool.Anyone(_rng);
        string name = _rng.Pick(Describes);
        Begin(who, "ec2", name, style: DenialStyle.Ec2Plain);
        _w.WriteStartObject("requestParameters");
        if (name == "DescribeInstances" && _rng.Chance(0.4))
        {
            Items("instancesSet", "instanceId", InstanceIds(_rng.Next(1, 20)));
        }
        else
        {
            _w.WriteStartObject(name switch { "DescribeVolumes" => "volumeSet", "DescribeSubnets" => "subnetSet", "DescribeSecurityGroups" => "securityGroupSet", "DescribeNetworkInterfaces" => "networkInterfaceIdSet", _ => "instancesSet" });
            _w.WriteEndObject();
        }

        _w.WriteStartObject("filterSet");
        int filters = _rng.Next(4);
        if (filters > 0)
        {
            _w.WriteStartArray("items");
            for (int i = 0; i < filters; i++)
            {
                _w.WriteStartObject();
                _w.WriteString("name", _rng.Pick(new[] { "tag:Name", "instance-state-name", "vpc-id", "tag:aws:elasticmapreduce:job-flow-id" }));
                Items("valueSet", "value", [_rng.Alphanumeric(_rng.Next(6, 24))]);
                _w.WriteEndObject();
            }

            _w.WriteEndArray();
        }

        _w.WriteEndObject();
        _w.WriteEndObject();
        _w.WriteNull("responseElements");
        Ids(readOnly: true);
        End(who, Host("ec2"));
    }

    private void RunInstances(SynthPrincipal who, bool emr)
    {
        int count = emr ? (_rng.Chance(0.4) ? 1 : _rng.Next(2, 9)) : _rng.Next(1, 4);
        string type = _rng.Pick(InstanceTypes);
        string ami = "ami-0" + _rng.HexString(16);
        string group = "sg-0" + _rng.HexString(16);
        bool denied = Begin(who, "ec2", "RunInstances", action: "ec2:RunInstances", resource: $"arn:aws:ec2:{_region}:{_account}:instance/*", style: DenialStyle.Ec2Encoded);
        _w.WriteStartObject("requestParameters");
        _w.WriteStartObject("instancesSet");
        _w.WriteStartArray("items");
        _w.WriteStartObject();
        _w.WriteString("imageId", ami);
        _w.WriteNumber("minCount", count);
        _w.WriteNumber("maxCount", count);
        _w.WriteEndObject();
        _w.WriteEndArray();
        _w.WriteEndObject();
        Items("groupSet", "groupId", [group]);
        _w.WriteString("userData", "<sensitiveDataRemoved>");
        _w.WriteString("instanceType", type);
        _w.WriteStartObject("monitoring");
        _w.WriteBoolean("enabled", false);
        _w.WriteEndObject();
        _w.WriteString("subnetId", "subnet-0" + _rng.HexString(16));
        _w.WriteBoolean("disableApiTermination", false);
        _w.WriteString("clientToken", _rng.Uuid());
        if (emr)
        {
            // EMR launches untagged and tags with CreateTags afterwards.
            _w.WriteStartObject("iamInstanceProfile");
            _w.WriteString("arn", $"arn:aws:iam::{_account}:instance-profile/EMR_EC2_DefaultRole");
            _w.WriteEndObject();
            _w.WriteBoolean("ebsOptimized", true);
        }
        else if (_rng.Chance(0.8))
        {
            _w.WriteStartObject("tagSpecificationSet");
            _w.WriteStartArray("items");
            _w.WriteStartObject();
            _w.WriteString("resourceType", "instance");
            Tags("tags", [("Name", $"{who.Name}-{_rng.HexString(4)}"), ("owner", who.Name), ("cost-center", "cc-" + _rng.Next(100, 999))]);
            _w.WriteEndObject();
            _w.WriteEndArray();
            _w.WriteEndObject();
        }

        _w.WriteEndObject();
        if (denied)
        {
            _w.WriteNull("responseElements");
        }
        else
        {
            RunInstancesResponse(count, ami, type, group);
        }

        Ids(readOnly: false);
        End(who, Host("ec2"));
    }

    private void RunInstancesResponse(int count, string ami, string type, string group)
    {
        _w.WriteStartObject("responseElements");
        _w.WriteString("requestId", _rng.Uuid());
        _w.WriteString("reservationId", Ec2Id("r"));
        _w.WriteString("ownerId", _account);
        _w.WriteStartObject("groupSet");
        _w.WriteEndObject();
        _w.WriteStartObject("instancesSet");
        _w.WriteStartArray("items");
        for (int i = 0; i < count; i++)
        {
            string ip = $"10.{_rng.Next(0, 4)}.{_rng.Next(0, 255)}.{_rng.Next(4, 250)}";
            _w.WriteStartObject();
            _w.WriteString("instanceId", Ec2Id("i"));
            _w.WriteString("imageId", ami);
            _w.WriteStartObject("instanceState");
            _w.WriteNumber("code", 0);
            _w.WriteString("name", "pending");
            _w.WriteEndObject();
            _w.WriteString("privateDnsName", $"ip-{ip.Replace('.', '-')}.{(_region == "us-east-1" ? "ec2.internal" : _region + ".compute.internal")}");
            _w.WriteNumber("amiLaunchIndex", i);
            _w.WriteString("instanceType", type);
            _w.WriteNumber("launchTime", _plan.PeriodStart.ToUnixTimeMilliseconds() + _rng.Next(300_000));
            _w.WriteStartObject("placement");
            _w.WriteString("availabilityZone", _region + (char)('a' + _rng.Next(3)));
            _w.WriteString("tenancy", "default");
            _w.WriteEndObject();
            _w.WriteString("privateIpAddress", ip);
            _w.WriteString("architecture", "x86_64");
            _w.WriteString("rootDeviceType", "ebs");
            _w.WriteString("rootDeviceName", "/dev/xvda");
            _w.WriteString("virtualizationType", "hvm");
            _w.WriteString("hypervisor", "xen");
            Items("groupSet", "groupId", [group]);
            _w.WriteBoolean("sourceDestCheck", true);
            _w.WriteBoolean("ebsOptimized", true);
            _w.WriteBoolean("enaSupport", true);
            _w.WriteStartObject("cpuOptions");
            _w.WriteNumber("coreCount", 2);
            _w.WriteNumber("threadsPerCore", 2);
            _w.WriteEndObject();
            _w.WriteStartObject("metadataOptions");
            _w.WriteString("state", "pending");
            _w.WriteString("httpTokens", "required");
            _w.WriteNumber("httpPutResponseHopLimit", 2);
            _w.WriteString("httpEndpoint", "enabled");
            _w.WriteEndObject();
            _w.WriteEndObject();
        }

        _w.WriteEndArray();
        _w.WriteEndObject();
        _w.WriteEndObject();
    }

    private void TerminateInstances()
    {
        SynthPrincipal who = _pool.Anyone(_rng);
        string[] ids = InstanceIds(_rng.Next(1, 5));

        bool denied = Begin(who, "ec2", "TerminateInstances", action: "ec2:TerminateInstances",
            resource: $"arn:aws:ec2:{_region}:{_account}:instance/{ids[0]}", style: DenialStyle.Ec2Encoded);
        _w.WriteStartObject("requestParameters");
        Items("instancesSet", "instanceId", ids);
        _w.WriteEndObject();
        if (denied)
        {
            _w.WriteNull("responseElements");
        }
        else
        {
            _w.WriteStartObject("responseElements");
            _w.WriteString("requestId", _rng.Uuid());
            _w.WriteStartObject("instancesSet");
            _w.WriteStartArray("items");
            foreach (string id in ids)
            {
                _w.WriteStartObject();
                _w.WriteString("instanceId", id);
                _w.WriteStartObject("currentState");
                _w.WriteNumber("code", 32);
                _w.WriteString("name", "shutting-down");
                _w.WriteEndObject();
                _w.WriteStartObject("previousState");
                _w.WriteNumber("code", 16);
                _w.WriteString("name", "running");
                _w.WriteEndObject();
                _w.WriteEndObject();
            }

            _w.WriteEndArray();
            _w.WriteEndObject();
            _w.WriteEndObject();
        }

        Ids(readOnly: false);
        End(who, Host("ec2"));
    }

    private void EmrCreateTags()
    {
        SynthPrincipal who = _pool.EmrRole;
        string[] ids = InstanceIds(_rng.Next(1, 9));

        bool denied = Begin(who, "ec2", "CreateTags", action: "ec2:CreateTags",
            resource: $"arn:aws:ec2:{_region}:{_account}:instance/{ids[0]}", style: DenialStyle.Ec2Encoded);
        _w.WriteStartObject("requestParameters");
        Items("resourcesSet", "resourceId", ids);
        _w.WriteStartObject("tagSet");
        Tags("items",
        [
            ("aws:elasticmapreduce:job-flow-id", ClusterId()), ("aws:elasticmapreduce:instance-group-role", ids.Length == 1 ? "MASTER" : "CORE"),
            ("for-use-with-amazon-emr-managed-policies", "true"), ("team", "data-platform"),
        ]);
        _w.WriteEndObject();
        _w.WriteEndObject();
        if (denied)
        {
            _w.WriteNull("responseElements");
        }
        else
        {
            _w.WriteStartObject("responseElements");
            _w.WriteString("requestId", _rng.Uuid());
            _w.WriteBoolean("_return", true);
            _w.WriteEndObject();
        }

        Ids(readOnly: false);
        End(who, Host("ec2"));
    }

    private void EmrQueue()
    {
        SynthPrincipal who = _pool.EmrRole;
        bool create = _rng.Chance(0.5);
        string queue = "AWS-ElasticMapReduce-" + ClusterId();
        string url = $"https://sqs.{_region}.amazonaws.com/{_account}/{queue}";
        bool denied = Begin(who, "sqs", create ? "CreateQueue" : "DeleteQueue", "1.08", action: create ? "sqs:CreateQueue" : "sqs:DeleteQueue",
            resource: $"arn:aws:sqs:{_region}:{_account}:{queue}", style: DenialStyle.Sqs);
        _w.WriteStartObject("requestParameters");
        if (create)
        {
            _w.WriteString("queueName", queue);
            _w.WriteStartObject("attributes");
            _w.WriteString("MessageRetentionPeriod", "1209600");
            _w.WriteString("VisibilityTimeout", "60");
            _w.WriteEndObject();
        }
        else
        {
            _w.WriteString("queueUrl", url);
        }

        _w.WriteEndObject();
        if (create && !denied)
        {
            _w.WriteStartObject("responseElements");
            _w.WriteString("queueUrl", url);
            _w.WriteEndObject();
        }
        else
        {
            _w.WriteNull("responseElements");
        }

        Ids(readOnly: false);
        End(who, Host("sqs"));
    }

    private void EmrApi()
    {
        SynthPrincipal who = _pool.Anyone(_rng);
        double r = _rng.NextDouble();
        string name = r < 0.15 ? "RunJobFlow" : r < 0.65 ? "DescribeCluster" : r < 0.85 ? "ListSteps" : "ListClusters";
        string cluster = ClusterId();
        bool denied = Begin(who, "elasticmapreduce", name, action: "elasticmapreduce:" + name,
            resource: name == "ListClusters" ? null : $"arn:aws:elasticmapreduce:{_region}:{_account}:cluster/{cluster}", style: DenialStyle.JsonService);
        _w.WriteStartObject("requestParameters");
        switch (name)
        {
            case "RunJobFlow":
                _w.WriteString("name", "job-" + _rng.HexString(6));
                _w.WriteString("logUri", "s3://acme-emr-logs/elasticmapreduce/");
                _w.WriteString("releaseLabel", "emr-7.1.0");
                _w.WriteStartObject("instances");
                _w.WriteStartArray("instanceGroups");
                foreach ((string role, int n) in new[] { ("MASTER", 1), ("CORE", _rng.Next(2, 9)) })
                {
                    _w.WriteStartObject();
                    _w.WriteString("instanceRole", role);
                    _w.WriteString("instanceType", _rng.Pick(InstanceTypes));
                    _w.WriteNumber("instanceCount", n);
                    _w.WriteEndObject();
                }

                _w.WriteEndArray();
                _w.WriteString("ec2SubnetId", "subnet-0" + _rng.HexString(16));
                _w.WriteEndObject();
                _w.WriteString("jobFlowRole", "EMR_EC2_DefaultRole");
                _w.WriteString("serviceRole", _pool.EmrRole.Name);
                _w.WriteBoolean("visibleToAllUsers", true);
                break;
            case "ListClusters":
                _w.WriteStartArray("clusterStates");
                _w.WriteStringValue("RUNNING");
                _w.WriteStringValue("WAITING");
                _w.WriteEndArray();
                break;
            default:
                _w.WriteString("clusterId", cluster);
                break;
        }

        _w.WriteEndObject();
        if (name == "RunJobFlow" && !denied)
        {
            _w.WriteStartObject("responseElements");
            _w.WriteString("jobFlowId", cluster);
            _w.WriteString("clusterArn", $"arn:aws:elasticmapreduce:{_region}:{_account}:cluster/{cluster}");
            _w.WriteEndObject();
        }
        else
        {
            _w.WriteNull("responseElements");
        }

        Ids(readOnly: name != "RunJobFlow");
        End(who, Host("elasticmapreduce"));
    }

    /// <summary>Writes <c>"name":[{"key":…,"value":…},…]</c>, EC2's tag list shape.</summary>
    private void Tags(string name, (string Key, string Value)[] tags)
    {
        _w.WriteStartArray(name);
        foreach ((string k, string v) in tags)
        {
            _w.WriteStartObject();
            _w.WriteString("key", k);
            _w.WriteString("value", v);
            _w.WriteEndObject();
        }

        _w.WriteEndArray();
    }

    private string[] InstanceIds(int count)
    {
        var ids = new string[count];
        for (int i = 0; i < ids.Length; i++)
        {
            ids[i] = Ec2Id("i");
        }

        return ids;
    }
}
