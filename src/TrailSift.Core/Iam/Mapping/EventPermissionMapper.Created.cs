using TrailSift.Core.Iam.Catalog;

namespace TrailSift.Core.Iam.Mapping;

// Resources a call creates. AWS authorises a create before the new id exists: the permission is the type's ARN
// pattern with '*' for the id (iam-dataset writes InstanceId "*" for the same reason), or the name the request
// gives (a queue, a bucket, a log group). The new resource itself is reported in EventPermissions.Created.
public sealed partial class EventPermissionMapper
{
    private static readonly string[] CreateVerbs = ["Create", "Run", "Allocate", "Copy", "Import", "Register", "Request"];

    // Creations whose new resource is not named after the operation: "<prefix> <Operation> <type> <Variable>=<path>".
    private static readonly string[] CreatedLines =
    [
        "elasticmapreduce RunJobFlow cluster ClusterId=@jobFlowId",
        "rds CreateDBInstance db DbInstanceName=dBInstanceIdentifier",
        "rds CreateDBInstanceReadReplica db DbInstanceName=dBInstanceIdentifier",
        "rds CreateDBCluster cluster DbClusterInstanceName=dBClusterIdentifier",
        "ec2 RunInstances instance InstanceId=@instancesSet.items.instanceId",
        "ec2 CreateDefaultVpc vpc VpcId=@vpc.vpcId",
        "ec2 CreateSecurityGroup security-group SecurityGroupId=@groupId",
        "ec2 AllocateAddress elastic-ip AllocationId=@allocationId",
        "ec2 CopyImage image ImageId=@imageId",
        "ec2 CopySnapshot snapshot SnapshotId=@snapshotId",
        "ec2 CreateSnapshots snapshot SnapshotId=@snapshotSet.items.snapshotId",
        "ec2 RegisterImage image ImageId=@imageId",
        "cloudformation CreateStack stack StackName=stackName",
        "lambda CreateFunction function FunctionName=functionName",
    ];

    // Types a call creates besides the one it is named after: "<prefix> <Operation> <type>".
    private static readonly HashSet<string> AlsoCreates = new(StringComparer.Ordinal)
    {
        "ec2 RunInstances network-interface", "ec2 RunInstances volume", "ec2 CreateImage snapshot", "ec2 CreateFleet instance",
        "ec2 CreateFleet network-interface", "ec2 CreateFleet volume", "ec2 RunScheduledInstances instance",
        "ec2 CreateVpc security-group", "ec2 RunJobFlow instance", "ec2 CreateNatGateway elastic-ip",
    };

    private static readonly Lazy<Dictionary<string, List<(string Type, string Variable, FieldPath Path)>>> s_createdTable = new(() =>
    {
        var table = new Dictionary<string, List<(string, string, FieldPath)>>(StringComparer.Ordinal);
        foreach (string line in CreatedLines)
        {
            string[] words = line.Split(' ');
            int eq = words[3].IndexOf('=', StringComparison.Ordinal);
            string key = words[0] + " " + words[1];
            if (!table.TryGetValue(key, out List<(string, string, FieldPath)>? list))
            {
                table.Add(key, list = []);
            }

            list.Add((words[2], words[3][..eq], FieldPath.Parse(words[3][(eq + 1)..])));
        }

        return table;
    });

    // The plan's entries in the table of named creations, or null: looked up once per plan.
    private static List<(string Type, string Variable, FieldPath Path)>? CreatedEntries(OperationPlan plan) =>
        plan.NamedCreations(static p => s_createdTable.Value.GetValueOrDefault(p.Prefix + " " + p.Operation));

    /// <summary>Whether <see cref="CreatesType"/> can be true for some type: the operation starts with a verb of creation and goes on.</summary>
    internal static bool StartsWithCreateVerb(string operation)
    {
        foreach (string verb in CreateVerbs)
        {
            if (operation.StartsWith(verb, StringComparison.Ordinal) && operation.Length > verb.Length)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="operation"/> is a creation verb followed by the type's name (<c>CreateLogGroup</c>, <c>log-group</c>).</summary>
    internal static bool CreatesType(string operation, string typeName)
    {
        foreach (string verb in CreateVerbs)
        {
            if (operation.StartsWith(verb, StringComparison.Ordinal) && operation.Length > verb.Length
                && string.Equals(Noun(operation[verb.Length..]), Noun(typeName), StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the call creates resources of <paramref name="typeName"/> (by its name or <see cref="AlsoCreates"/>).</summary>
    internal static bool Creates(EventContext context, string prefix, string typeName) =>
        CreatesType(context.Operation, typeName) || AlsoCreates.Contains(prefix + " " + context.Operation + " " + typeName);

    private static string Noun(string text)
    {
        string noun = text.Replace("-", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
        return noun.EndsWith('s') ? noun[..^1] : noun;
    }

    private static string CreatedNote(EventContext context, string? ruleNote) =>
        $"{context.Operation} creates this resource: AWS authorises the call before the new id exists"
        + (ruleNote is null ? string.Empty : "; " + ruleNote);

    private static void AddCreated(EventContext context, string arn, string type)
    {
        // A '*' only as the unknown last part of a name-built ARN (a stack's id: stack/NAME/*).
        string known = arn.EndsWith("/*", StringComparison.Ordinal) ? arn[..^2] : arn;
        if (!known.Contains('*', StringComparison.Ordinal) && !context.Created.Exists(c => c.Arn == arn))
        {
            context.Created.Add(new CreatedResource(arn, type));
        }
    }

    // The type's permission with '*' for the ids the response shows; the new resources with their ids.
    private static void AddCreatedType(string action, TypePlan type, List<Found>[] values, EventContext context,
        List<RequiredPermission> output, string? ruleNote)
    {
        if (Array.TrueForAll(values, v => v.Count > 0))
        {
            // Only a completely known resource is a creation (not AddTags' cluster/j-…/session/*).
            List<string> created = ScratchLists<string>.Rent();
            BuildArns(type, values, context, created);
            foreach (string arn in created)
            {
                AddCreated(context, arn, type.Type.Name);
            }

            ScratchLists<string>.Return(created);
        }

        var pattern = new List<Found>[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            pattern[i] = values[i].Exists(f => f.Created) ? [new Found("*", null, true, false, true)] : values[i];
        }

        List<string> arns = ScratchLists<string>.Rent();
        BuildArns(type, pattern, context, arns);
        foreach (string arn in arns)
        {
            output.Add(new RequiredPermission(action, arn, type.Type.Name, PermissionSource.Created, CreatedNote(context, ruleNote)));
        }

        ScratchLists<string>.Return(arns);
    }

    // Resources created under a name the request gives (CreateQueue, CreateLogGroup), and the table's creations.
    private void AddNamedCreations(OperationPlan plan, EventContext context, List<RequiredPermission> permissions)
    {
        if (CreatedEntries(plan) is { } entries)
        {
            foreach ((string typeName, string variable, FieldPath path) in entries)
            {
                if (!Catalog.TryGetService(plan.Prefix, out ServiceInfo? service) || !service.TryGetResourceType(typeName, out ResourceTypeInfo? type))
                {
                    continue;
                }

                var values = new List<string>();
                path.Collect(path.FromResponse ? context.Response : context.Request, values);
                foreach (string value in values)
                {
                    if (ValueTransforms.TryTransform(type.Arn, variable, value, context, out string? text, out string? account, out bool whole))
                    {
                        TemplateVariables variables = TemplateVariables.Rent();
                        AddContext(variables, context, account);
                        variables[variable] = text;
                        AddCreated(context, whole ? text : type.Arn.Build(variables, "*"), type.Name);
                        variables.Return();
                    }
                }
            }

            return;
        }

        if (!plan.NamesCreation(StartsWithCreateVerb))
        {
            return; // CreatesType is false for every type
        }

        foreach (RequiredPermission permission in permissions)
        {
            if (permission.ResourceType is { } typeName && permission.Source is PermissionSource.RequestParameter or PermissionSource.ResourcesField
                && CreatesType(plan.Operation, typeName))
            {
                AddCreated(context, permission.Resource, typeName);
            }
        }
    }
}
