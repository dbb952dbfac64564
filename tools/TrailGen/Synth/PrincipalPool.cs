using TrailSift.Tools.TrailGen.Common;

namespace TrailSift.Tools.TrailGen.Synth;

/// <summary>Who calls AWS in a synthetic account: IAM users, workload roles, the EMR service role, and resources they touch.</summary>
/// <remarks>Immutable after construction; thread-safe.</remarks>
public sealed class PrincipalPool
{
    private static readonly string[] UserNames =
    [
        "alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi", "ivan", "judy", "mallory", "niaj",
        "olivia", "peggy", "rupert", "sybil", "trent", "victor", "walter", "yasmin", "terraform", "ci-deployer", "backup-bot",
    ];

    private static readonly string[] RoleNames =
    [
        "app-api-role", "etl-reader-lambda-role", "ops-inventory-collector", "EMR_EC2_DefaultRole", "orders-service-task-role",
        "AWSReservedSSO_AdministratorAccess_4f1d2c3b5a697e80", "AWSReservedSSO_ReadOnly_8e7d6c5b4a392817", "github-actions-deploy",
        "datadog-integration-role", "image-resizer-lambda-role", "reporting-batch-role", "OrganizationAccountAccessRole",
    ];

    /// <summary>Creates the pool for <paramref name="account"/>; the same seed gives the same principals.</summary>
    public PrincipalPool(string account, ulong seed)
    {
        var rng = Prng.Derive(seed, 11);
        Account = account;
        var users = new List<SynthPrincipal>();
        foreach (string name in UserNames)
        {
            bool console = rng.Chance(0.3);
            users.Add(new SynthPrincipal(
                "IAMUser", $"arn:aws:iam::{account}:user/{name}", name, "AIDA" + rng.UpperAlphanumeric(17),
                (console ? "ASIA" : "AKIA") + rng.UpperAlphanumeric(16), null,
                rng.Chance(0.5) ? $"203.0.113.{rng.Next(1, 255)}" : $"192.0.2.{rng.Next(1, 255)}",
                console ? "AWS Internal" : rng.Pick(UserAgents.Cli), null, console));
        }

        var roles = new List<SynthPrincipal>();
        foreach (string role in RoleNames)
        {
            string roleId = "AROA" + rng.UpperAlphanumeric(17);
            string session = role.StartsWith("AWSReservedSSO", StringComparison.Ordinal) ? $"{rng.Pick(UserNames)}@example.com"
                : role.EndsWith("lambda-role", StringComparison.Ordinal) ? role.Replace("-lambda-role", "", StringComparison.Ordinal)
                : role == "EMR_EC2_DefaultRole" || role == "ops-inventory-collector" ? "i-0" + rng.HexString(16)
                : rng.Chance(0.5) ? "botocore-session-" + rng.Next(1_600_000_000, 1_750_000_000) : rng.HexString(32);
            roles.Add(new SynthPrincipal(
                "AssumedRole", $"arn:aws:sts::{account}:assumed-role/{role}/{session}", role, $"{roleId}:{session}",
                "ASIA" + rng.UpperAlphanumeric(16), $"arn:aws:iam::{account}:role/{role}",
                $"198.51.100.{rng.Next(1, 255)}", rng.Pick(UserAgents.Sdk), null, false) { RoleId = roleId });
        }

        Users = [.. users];
        Workloads = [.. roles];
        const string emrRole = "EMR_DefaultRole_Restricted";
        string emrRoleId = "AROA" + rng.UpperAlphanumeric(17);
        EmrRole = new SynthPrincipal(
            "AssumedRole", $"arn:aws:sts::{account}:assumed-role/{emrRole}/ElasticMapReduceSession", emrRole,
            $"{emrRoleId}:ElasticMapReduceSession", "ASIA" + rng.UpperAlphanumeric(16), $"arn:aws:iam::{account}:role/{emrRole}",
            "elasticmapreduce.amazonaws.com", "elasticmapreduce.aws.internal", "elasticmapreduce.amazonaws.com", false) { RoleId = emrRoleId };
        Services = [.. new[] { "lambda.amazonaws.com", "ec2.amazonaws.com", "ecs-tasks.amazonaws.com", "elasticmapreduce.amazonaws.com" }
            .Select(s => new SynthPrincipal("AWSService", "", s, "", "", null, s, s, s, false))];
        Buckets = ["acme-raw-events", "acme-curated", "acme-emr-logs", "acme-static-assets", "acme-backups", "acme-athena-results"];
        KmsKeys = [.. Enumerable.Range(0, 4).Select(_ => rng.Uuid())];
        Functions = ["etl-reader", "image-resizer", "orders-webhook", "slack-notifier", "cost-report"];
    }

    /// <summary>The account.</summary>
    public string Account { get; }

    /// <summary>IAM users (CLI or console).</summary>
    public SynthPrincipal[] Users { get; }

    /// <summary>Assumed-role sessions of workloads.</summary>
    public SynthPrincipal[] Workloads { get; }

    /// <summary>The EMR service role session, invoked by elasticmapreduce.amazonaws.com.</summary>
    public SynthPrincipal EmrRole { get; }

    /// <summary>AWS services that assume roles for the account.</summary>
    public SynthPrincipal[] Services { get; }

    /// <summary>S3 buckets of the account.</summary>
    public string[] Buckets { get; }

    /// <summary>KMS key ids.</summary>
    public string[] KmsKeys { get; }

    /// <summary>Lambda function names.</summary>
    public string[] Functions { get; }

    /// <summary>A user or a workload, mostly workloads.</summary>
    public SynthPrincipal Anyone(Prng rng) => rng.Chance(0.7) ? rng.Pick(Workloads) : rng.Pick(Users);
}
