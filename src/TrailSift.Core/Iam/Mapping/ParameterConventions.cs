using System.Collections.Frozen;
using System.Collections.Immutable;

namespace TrailSift.Core.Iam.Mapping;

/// <summary>
/// Where the value of an ARN template variable is found in an event. The generic convention is the variable
/// name itself (<c>TableName</c> ← <c>tableName</c>, compared ignoring case), the name without
/// <c>WithPath</c>/<c>WithoutLeadingSlash</c> (<c>RoleNameWithPath</c> ← <c>roleName</c>), and <c>…Identifier</c>
/// for <c>…Id</c>. The table below adds the names CloudTrail uses where the convention fails: EC2's
/// <c>…Set.items</c> wrappers, RDS identifiers, S3's <c>key</c>, and values that only exist in
/// <c>responseElements</c> (a leading <c>@</c>).
/// </summary>
/// <remarks>Static and frozen; thread-safe.</remarks>
internal static class ParameterConventions
{
    // "<prefix or *>:<Variable> = path | path | @response.path"
    private static readonly string[] Lines =
    [
        "*:BucketName = bucketName | bucket",
        "*:ObjectName = key",
        "*:QueueName = queueUrl | queueName | @queueUrl",
        "*:FunctionName = functionName",
        "*:TopicName = topicArn | name | @topicArn",
        "*:KeyId = keyId | targetKeyId | @keyMetadata.keyId",
        "*:Alias = aliasName | keyId",
        "*:SecretId = secretId | name | @arn",
        "*:ParameterNameWithoutLeadingSlash = name | names",
        "*:LogGroupName = logGroupName | logGroupIdentifier",
        "*:TrailName = name | trailName",
        "*:StackName = stackName",
        "*:StateMachineName = stateMachineArn | name",
        "*:RoleNameWithPath = roleName | roleArn",
        "*:UserNameWithPath = userName",
        "*:GroupNameWithPath = groupName",
        "*:InstanceProfileNameWithPath = instanceProfileName",
        "*:PolicyNameWithPath = policyArn",
        "*:DocumentName = documentName | name",
        "ec2:InstanceId = instanceId | instancesSet.items.instanceId | instanceIds | @instancesSet.items.instanceId",
        "ec2:ImageId = imageId | instancesSet.items.imageId | launchSpecification.imageId",
        "ec2:SecurityGroupId = groupId | groupSet.items.groupId | networkInterfaceSet.items.groupSet.items.groupId | securityGroupIdSet.items.securityGroupId | @instancesSet.items.groupSet.items.groupId",
        "ec2:SubnetId = subnetId | networkInterfaceSet.items.subnetId | @instancesSet.items.subnetId | @subnet.subnetId",
        "ec2:NetworkInterfaceId = networkInterfaceId | networkInterfaceSet.items.networkInterfaceId | @instancesSet.items.networkInterfaceSet.items.networkInterfaceId | @networkInterface.networkInterfaceId",
        "ec2:VolumeId = volumeId | @volumeId",
        "ec2:SnapshotId = snapshotId | sourceSnapshotId | blockDeviceMapping.items.ebs.snapshotId | @snapshotId",
        "ec2:KeyPairName = keyName",
        "ec2:LaunchTemplateId = launchTemplate.launchTemplateId | launchTemplateId | @launchTemplate.launchTemplateId",
        "ec2:PlacementGroupName = placement.groupName | groupName",
        "ec2:VpcId = vpcId | @vpc.vpcId",
        "ec2:CapacityReservationId = capacityReservationSpecification.capacityReservationTarget.capacityReservationId",
        "ec2:AllocationId = allocationId | @allocationId",
        "ec2:InternetGatewayId = internetGatewayId | @internetGateway.internetGatewayId",
        "ec2:RouteTableId = routeTableId | @routeTable.routeTableId",
        "ec2:NaclId = networkAclId",
        "rds:DbInstanceName = dBInstanceIdentifier | @dBInstanceIdentifier",
        "rds:DbClusterInstanceName = dBClusterIdentifier",
        "rds:SnapshotName = dBSnapshotIdentifier | targetDBSnapshotIdentifier",
        "rds:ClusterSnapshotName = dBClusterSnapshotIdentifier",
        "rds:SubnetGroupName = dBSubnetGroupName",
        "rds:ParameterGroupName = dBParameterGroupName",
        "rds:ClusterParameterGroupName = dBClusterParameterGroupName",
        "rds:SecurityGroupName = dBSecurityGroupName",
        "elasticloadbalancing:LoadBalancerName = loadBalancerName | loadBalancerNames",
        "autoscaling:GroupFriendlyName = autoScalingGroupName | autoScalingGroupNames",
        "autoscaling:LaunchConfigurationName = launchConfigurationName",
        "lambda:LayerName = layerName",
        "ecr:RepositoryName = repositoryName",
        "dynamodb:TableName = tableName | @tableDescription.tableName",
        "dynamodb:IndexName = indexName",
        "logs:LogStreamName = logStreamName",
        "es:DomainName = domainName",
        "cloudformation:StackName = stackName",
        "elasticmapreduce:ClusterId = clusterId | jobFlowId | jobFlowIds | @jobFlowId",
        "glue:DatabaseName = databaseName | name",
        "glue:TableName = tableName",
        "codebuild:ProjectName = projectName | name",
        "athena:WorkGroupName = workGroup",
        "opsworks:StackId = stackId",
        "ssm:InstanceId = instanceId | instanceIds | target",
        "events:RuleName = rule | name",
        "ecs:TaskDefinitionFamilyName = family | taskDefinition",
        "config:RecorderName = configurationRecorder.name | configurationRecorderName",
        "states:StateMachineName = stateMachineArn | name",
    ];

    // Response fields that name a resource that existed before the call (RunInstances reports the default
    // security group and subnet it used). Every other response field names a resource the call created.
    private static readonly FrozenSet<string> s_existingInResponse = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "instancesSet.items.groupSet.items.groupId", "instancesSet.items.subnetId");

    private static readonly Lazy<FrozenDictionary<string, ImmutableArray<FieldPath>>> s_table = new(Build);

    /// <summary>
    /// True when a value read from <paramref name="path"/> names a resource the call created (a new id in
    /// <c>responseElements</c>): AWS authorised the call before that id existed.
    /// </summary>
    public static bool NamesCreatedResource(FieldPath path) => path.FromResponse && !s_existingInResponse.Contains(path.Text);

    /// <summary>The paths to try for <paramref name="variable"/> of a template of <paramref name="prefix"/>, best first.</summary>
    public static ImmutableArray<FieldPath> PathsFor(string prefix, string variable, bool allowResponseFallback)
    {
        var paths = ImmutableArray.CreateBuilder<FieldPath>();
        if (s_table.Value.TryGetValue(prefix + ":" + variable, out ImmutableArray<FieldPath> specific))
        {
            paths.AddRange(specific);
        }
        else if (s_table.Value.TryGetValue("*:" + variable, out ImmutableArray<FieldPath> general))
        {
            paths.AddRange(general);
        }

        foreach (string name in GenericNames(variable))
        {
            Add(paths, FieldPath.Parse(name));
            if (allowResponseFallback)
            {
                Add(paths, FieldPath.Parse("@" + name));
            }
        }

        return paths.ToImmutable();
    }

    /// <summary>The generic parameter names for a variable (compared ignoring case by <see cref="FieldPath"/>).</summary>
    internal static IEnumerable<string> GenericNames(string variable)
    {
        // Generic one-word names (Id, Name, ResourceId, …) would match unrelated fields; only the table fills them.
        if (variable is "Id" or "Name" or "ResourceId" or "Identifier" or "Version" or "UUID")
        {
            yield break;
        }

        yield return variable;
        if (variable.EndsWith("WithPath", StringComparison.Ordinal))
        {
            yield return variable[..^"WithPath".Length];
        }

        if (variable.EndsWith("WithoutLeadingSlash", StringComparison.Ordinal))
        {
            yield return variable[..^"WithoutLeadingSlash".Length];
        }

        if (variable.EndsWith("Id", StringComparison.Ordinal))
        {
            yield return variable + "entifier";
        }
    }

    private static void Add(ImmutableArray<FieldPath>.Builder paths, FieldPath path)
    {
        foreach (FieldPath existing in paths)
        {
            if (existing.FromResponse == path.FromResponse && string.Equals(existing.Text, path.Text, StringComparison.OrdinalIgnoreCase))
            {
                return;
            }
        }

        paths.Add(path);
    }

    private static FrozenDictionary<string, ImmutableArray<FieldPath>> Build()
    {
        var map = new Dictionary<string, ImmutableArray<FieldPath>>(StringComparer.OrdinalIgnoreCase);
        foreach (string line in Lines)
        {
            int eq = line.IndexOf('=');
            var paths = ImmutableArray.CreateBuilder<FieldPath>();
            foreach (string path in line[(eq + 1)..].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                paths.Add(FieldPath.Parse(path));
            }

            map.Add(line[..eq].Trim(), paths.ToImmutable());
        }

        return map.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }
}
