using TrailSift.Core.Analysis.Replay;
using TrailSift.Core.Iam.Mapping;

namespace TrailSift.Core.Tests.Analysis.Usage;

/// <summary>
/// Calls for the exactness oracle of <see cref="TrailSift.Core.Analysis.Usage.RequestJudge"/> drawn from small pools, so
/// that classes repeat: callers of every kind (users, role sessions, a service-linked role's session, the root user, a
/// federated user, a service, none), contexts with known, absent and unknown keys, and permissions on resources that
/// share prefixes, regions and accounts, with wildcards, on <c>*</c>, for actions without resource types, KMS keys,
/// actions AWS's own rules name, and implied PassRole and CreateTags.
/// </summary>
internal static class SyntheticRequests
{
    public static readonly string[] Actions =
    [
        "s3:GetObject", "s3:PutObject", "s3:ListBucket", "s3:ListAllMyBuckets", "ec2:RunInstances", "ec2:CreateTags",
        "ec2:DescribeInstances", "iam:PassRole", "iam:DeleteRole", "iam:GetRole", "kms:Decrypt", "kms:CreateAlias",
        "sqs:SendMessage", "sts:GetCallerIdentity", "sts:AssumeRole", "dynamodb:GetItem", "lambda:InvokeFunction",
    ];

    public static readonly string[] Resources =
    [
        "arn:aws:s3:::logs", "arn:aws:s3:::logs/a.json", "arn:aws:s3:::logs/b/c.json", "arn:aws:s3:::Logs/a.json",
        "arn:aws:s3:::data-123456789012/x", "arn:aws:ec2:us-east-1:123456789012:instance/i-1",
        "arn:aws:ec2:eu-west-1:123456789012:instance/i-2", "arn:aws:ec2:us-east-1:111122223333:instance/i-1",
        "arn:aws:iam::123456789012:role/app", "arn:aws:iam::123456789012:role/aws-service-role/x/AWSServiceRoleForX",
        "arn:aws:iam::123456789012:user/alice", "arn:aws:kms:us-east-1:123456789012:key/k1",
        "arn:aws:kms:us-east-1:123456789012:alias/aws/s3", "arn:aws:sqs:us-east-1:123456789012:orders-1",
        "arn:aws:sqs:us-east-1:123456789012:jobs", "arn:aws:dynamodb:us-east-1:123456789012:table/orders",
        "arn:aws:lambda:eu-west-1:123456789012:function:etl", "arn:aws:s3:::logs/*", "arn:aws:ec2:*:123456789012:instance/*", "*",
        "arn:aws:iam::aws:policy/ReadOnly", "not-an-arn",
    ];

    private static readonly string?[] Principals =
    [
        "arn:aws:iam::123456789012:user/alice", "arn:aws:iam::123456789012:user/bob",
        "arn:aws:sts::123456789012:assumed-role/app/s1", "arn:aws:sts::123456789012:assumed-role/app/s2",
        "arn:aws:sts::123456789012:assumed-role/AWSServiceRoleForX/s", "arn:aws:iam::123456789012:root",
        "arn:aws:sts::123456789012:federated-user/f", "arn:aws:sts::111122223333:assumed-role/other/s",
        "ec2.amazonaws.com", null,
    ];

    private static readonly string?[] Accounts = ["123456789012", "111122223333", null];
    private static readonly string[] EventSources = ["s3.amazonaws.com", "ec2.amazonaws.com", "elasticmapreduce.amazonaws.com"];

    private static readonly (string Key, string[] Values)[] Keys =
    [
        ("aws:RequestedRegion", ["us-east-1", "eu-west-1"]),
        ("aws:SourceIp", ["10.1.2.3", "203.0.113.9", "198.51.100.1"]),
        ("aws:MultiFactorAuthPresent", ["true", "false"]),
        ("aws:PrincipalTag/team", ["data", "ops"]),
        ("aws:SourceVpce", ["vpce-1"]),
        ("aws:PrincipalArn", ["arn:aws:iam::123456789012:role/app", "arn:aws:iam::123456789012:user/alice"]),
        ("aws:UserAgent", ["aws-cli/2", "console"]),
        ("aws:CalledVia", ["cloudformation.amazonaws.com"]),
        ("aws:ViaAWSService", ["true", "false"]),
        ("aws:username", ["alice", "bob"]),
        ("aws:userid", ["AROA1:s1", "AIDA2"]),
        ("s3:prefix", ["logs/", "data/"]),
        ("aws:TagKeys", ["team", "env", "cost"]),
        ("aws:RequestTag/team", ["data"]),
        ("aws:PrincipalAccount", ["123456789012"]),
    ];

    /// <summary>A call's context (every key either set, absent or unknown) and its event source.</summary>
    public static (ReplayContext Context, string EventSource) Context(Random random)
    {
        var context = new ReplayContext
        {
            Principal = Principals[random.Next(Principals.Length)],
            PrincipalAccount = Accounts[random.Next(Accounts.Length)],
        };
        foreach ((string key, string[] values) in Keys)
        {
            switch (random.Next(4))
            {
                case 0:
                    context.Set(key, values[random.Next(values.Length)]);
                    break;
                case 1:
                    context.SetList(key, new([.. values.Take(random.Next(1, values.Length + 1))]));
                    break;
                case 2:
                    context.MarkAbsent(key);
                    break;
            }
        }

        return (context, EventSources[random.Next(EventSources.Length)]);
    }

    /// <summary>A permission: an action on a resource, sometimes implied, through an instance profile or at creation.</summary>
    public static RequiredPermission Permission(Random random)
    {
        string action = Actions[random.Next(Actions.Length)];
        var permission = new RequiredPermission(action, Resources[random.Next(Resources.Length)], null, PermissionSource.CatalogDefault,
            Implied: random.Next(8) == 0);
        return random.Next(12) switch
        {
            0 => permission with { InstanceProfileArn = "arn:aws:iam::123456789012:instance-profile/p" },
            1 => permission with { CreateAction = "RunInstances" },
            _ => permission,
        };
    }
}
