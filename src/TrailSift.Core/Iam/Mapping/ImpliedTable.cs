using System.Collections.Frozen;
using System.Collections.Immutable;

namespace TrailSift.Core.Iam.Mapping;

/// <summary>
/// Permissions a call needs that CloudTrail never logs (implied, not observed): <c>iam:PassRole</c> when a call
/// hands a role to a service, tag-on-create permissions, and STS session tagging. Written from the reference notes
/// (iam-mapping.md §3c) and checked against the catalog by tests.
/// </summary>
/// <remarks>Static and frozen; thread-safe.</remarks>
internal static class ImpliedTable
{
    // "<prefix> <Operation> <kind> <action> <path>[|<path>…]"; for SameResource and Ec2TagSpecifications the paths
    // are the trigger fields.
    private static readonly string[] Lines =
    [
        "lambda CreateFunction PassRole iam:PassRole role",
        "lambda UpdateFunctionConfiguration PassRole iam:PassRole role",
        "elasticmapreduce RunJobFlow PassRole iam:PassRole serviceRole|autoScalingRole",
        "elasticmapreduce RunJobFlow PassRoleOfInstanceProfile iam:PassRole jobFlowRole",
        "ec2 RunInstances PassRoleOfInstanceProfile iam:PassRole iamInstanceProfile.arn|iamInstanceProfile.name",
        "ec2 AssociateIamInstanceProfile PassRoleOfInstanceProfile iam:PassRole iamInstanceProfile.arn|iamInstanceProfile.name",
        "ec2 ReplaceIamInstanceProfileAssociation PassRoleOfInstanceProfile iam:PassRole iamInstanceProfile.arn|iamInstanceProfile.name",
        "ec2 RequestSpotInstances PassRoleOfInstanceProfile iam:PassRole launchSpecification.iamInstanceProfile.arn|launchSpecification.iamInstanceProfile.name",
        "autoscaling CreateLaunchConfiguration PassRoleOfInstanceProfile iam:PassRole iamInstanceProfile",
        "ecs RegisterTaskDefinition PassRole iam:PassRole executionRoleArn|taskRoleArn",
        "ecs RunTask PassRole iam:PassRole overrides.taskRoleArn|overrides.executionRoleArn",
        "ecs StartTask PassRole iam:PassRole overrides.taskRoleArn|overrides.executionRoleArn",
        "ecs CreateService PassRole iam:PassRole role",
        "cloudformation CreateStack PassRole iam:PassRole roleARN",
        "cloudformation UpdateStack PassRole iam:PassRole roleARN",
        "cloudformation CreateStackSet PassRole iam:PassRole administrationRoleARN",
        "cloudformation UpdateStackSet PassRole iam:PassRole administrationRoleARN",
        "glue CreateJob PassRole iam:PassRole role",
        "glue UpdateJob PassRole iam:PassRole jobUpdate.role",
        "glue CreateCrawler PassRole iam:PassRole role",
        "glue UpdateCrawler PassRole iam:PassRole role",
        "glue CreateDevEndpoint PassRole iam:PassRole roleArn",
        "states CreateStateMachine PassRole iam:PassRole roleArn",
        "states UpdateStateMachine PassRole iam:PassRole roleArn",
        "codebuild CreateProject PassRole iam:PassRole serviceRole",
        "codebuild UpdateProject PassRole iam:PassRole serviceRole",
        "s3 PutBucketReplication PassRole iam:PassRole replicationConfiguration.role",
        "events PutRule PassRole iam:PassRole roleArn",
        "events PutTargets PassRole iam:PassRole targets.roleArn",
        "cloudtrail CreateTrail PassRole iam:PassRole cloudWatchLogsRoleArn",
        "cloudtrail UpdateTrail PassRole iam:PassRole cloudWatchLogsRoleArn",
        "config PutConfigurationRecorder PassRole iam:PassRole configurationRecorder.roleARN",
        "rds CreateDBInstance PassRole iam:PassRole monitoringRoleArn",
        "rds ModifyDBInstance PassRole iam:PassRole monitoringRoleArn",
        "rds AddRoleToDBCluster PassRole iam:PassRole roleArn",
        "rds AddRoleToDBInstance PassRole iam:PassRole roleArn",
        "eks CreateCluster PassRole iam:PassRole roleArn",
        "eks CreateNodegroup PassRole iam:PassRole nodeRole",
        "eks CreateFargateProfile PassRole iam:PassRole podExecutionRoleArn",
        "sagemaker CreateNotebookInstance PassRole iam:PassRole roleArn",
        "sagemaker CreateTrainingJob PassRole iam:PassRole roleArn",
        "sagemaker CreateProcessingJob PassRole iam:PassRole roleArn",
        "sagemaker CreateModel PassRole iam:PassRole executionRoleArn",
        "ssm SendCommand PassRole iam:PassRole serviceRoleArn",
        "logs PutDestination PassRole iam:PassRole roleArn",
        "logs PutSubscriptionFilter PassRole iam:PassRole roleArn",
        "codepipeline CreatePipeline PassRole iam:PassRole pipeline.roleArn",
        "codepipeline UpdatePipeline PassRole iam:PassRole pipeline.roleArn",
        "batch CreateComputeEnvironment PassRole iam:PassRole serviceRole",
        // Tag on create: the tags in the request need the service's tagging permission on the new resource.
        "ec2 * Ec2TagSpecifications ec2:CreateTags tagSpecificationSet.items.resourceType",
        "sqs CreateQueue SameResource sqs:TagQueue tags",
        "sns CreateTopic SameResource sns:TagResource tags",
        "lambda CreateFunction SameResource lambda:TagResource tags",
        "dynamodb CreateTable SameResource dynamodb:TagResource tags",
        "iam CreateRole SameResource iam:TagRole tags",
        "iam CreateUser SameResource iam:TagUser tags",
        "iam CreatePolicy SameResource iam:TagPolicy tags",
        "secretsmanager CreateSecret SameResource secretsmanager:TagResource tags",
        "kms CreateKey SameResource kms:TagResource tags",
        "logs CreateLogGroup SameResource logs:TagResource tags",
        "elasticmapreduce RunJobFlow SameResource elasticmapreduce:AddTags tags",
        // STS session tags and source identity must be allowed (in the role's trust policy).
        "sts AssumeRole SameResource sts:TagSession tags|transitiveTagKeys",
        "sts AssumeRole SameResource sts:SetSourceIdentity sourceIdentity",
        "sts AssumeRoleWithSAML SameResource sts:TagSession tags|transitiveTagKeys",
        "sts AssumeRoleWithWebIdentity SameResource sts:TagSession tags|transitiveTagKeys",
    ];

    private static readonly Lazy<FrozenDictionary<string, ImmutableArray<ImpliedRule>>> s_rules = new(Build);

    /// <summary>All rules, for tests.</summary>
    public static IEnumerable<ImpliedRule> All
    {
        get
        {
            foreach (ImmutableArray<ImpliedRule> rules in s_rules.Value.Values)
            {
                foreach (ImpliedRule rule in rules)
                {
                    yield return rule;
                }
            }
        }
    }

    /// <summary>The rules for an operation, including the service-wide ones.</summary>
    public static ImmutableArray<ImpliedRule> For(string prefix, string operation)
    {
        s_rules.Value.TryGetValue(prefix + " " + operation, out ImmutableArray<ImpliedRule> specific);
        s_rules.Value.TryGetValue(prefix + " *", out ImmutableArray<ImpliedRule> general);
        return specific.IsDefaultOrEmpty ? general.IsDefault ? [] : general
            : general.IsDefaultOrEmpty ? specific : specific.AddRange(general);
    }

    private static FrozenDictionary<string, ImmutableArray<ImpliedRule>> Build()
    {
        var map = new Dictionary<string, ImmutableArray<ImpliedRule>.Builder>(StringComparer.OrdinalIgnoreCase);
        foreach (string line in Lines)
        {
            string[] w = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var paths = ImmutableArray.CreateBuilder<FieldPath>();
            foreach (string p in w[4].Split('|'))
            {
                paths.Add(FieldPath.Parse(p));
            }

            ImpliedKind kind = Enum.Parse<ImpliedKind>(w[2]);
            string why = kind switch
            {
                ImpliedKind.PassRole or ImpliedKind.PassRoleOfInstanceProfile => $"{w[0]}:{w[1]} hands a role to the service ({w[4]}); iam:PassRole is not logged",
                ImpliedKind.Ec2TagSpecifications => "tags given at creation (tagSpecificationSet) need ec2:CreateTags on the new resources",
                _ => $"{w[4]} in the request needs {w[3]}",
            };
            string key = w[0] + " " + w[1];
            if (!map.TryGetValue(key, out ImmutableArray<ImpliedRule>.Builder? list))
            {
                map[key] = list = ImmutableArray.CreateBuilder<ImpliedRule>();
            }

            list.Add(new ImpliedRule(w[0], w[1], w[3], kind, paths.ToImmutable(), why));
        }

        var frozen = new Dictionary<string, ImmutableArray<ImpliedRule>>(StringComparer.OrdinalIgnoreCase);
        foreach (KeyValuePair<string, ImmutableArray<ImpliedRule>.Builder> pair in map)
        {
            frozen[pair.Key] = pair.Value.ToImmutable();
        }

        return frozen.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }
}
