using System.Collections.Frozen;

namespace TrailSift.Core.Analysis.Usage;

/// <summary>
/// The IAM service prefixes CloudTrail records events for: the distinct prefixes of the 325 CloudTrail event sources in
/// iam-dataset's <c>cloudtrail_service_mappings</c> (the reference's <c>iam-dataset/cloudtrail_service_mappings.json</c>,
/// upstream commit cf9b6c5d, MIT, © 2021 Ian Mckay; a test checks this table against that file). A service missing here
/// has no known CloudTrail event source: its grants are <see cref="UsageVerdict.NotVisible"/> unless the input shows events
/// of the service (the table is not complete, and the input is proof that the service logs).
/// </summary>
/// <remarks>Static and frozen; thread-safe.</remarks>
public static class CloudTrailServices
{
    /// <summary>The prefixes, lower case, sorted.</summary>
    public static FrozenSet<string> Recorded { get; } = new[]
    {
        "access-analyzer", "account", "acm", "acm-pca", "activate", "aiops", "airflow", "amplify", "amplifybackend", "aoss",
        "apigateway", "app-integrations", "appconfig", "appfabric", "appflow", "application-signals", "applicationinsights",
        "appmesh", "apprunner", "appstream", "appstudio", "appsync", "aps", "arc-zonal-shift", "artifact", "athena",
        "auditmanager", "autoscaling", "aws-marketplace", "aws-marketplace-management", "backup", "backup-gateway", "batch",
        "bcm-data-exports", "bcm-pricing-calculator", "bedrock", "billing", "billingconductor", "braket", "budgets",
        "cassandra", "ce", "chatbot", "chime", "cleanrooms", "cloud9", "clouddirectory", "cloudformation", "cloudfront",
        "cloudhsm", "cloudsearch", "cloudshell", "cloudtrail", "cloudwatch", "codeartifact", "codebuild", "codecommit",
        "codeconnections", "codedeploy", "codeguru-profiler", "codeguru-reviewer", "codeguru-security", "codepipeline",
        "codestar-connections", "codestar-notifications", "codewhisperer", "cognito-identity", "cognito-idp",
        "cognito-sync", "comprehend", "comprehendmedical", "compute-optimizer", "config", "connect", "connect-campaigns",
        "consoleapp", "controlcatalog", "controltower", "cost-optimization-hub", "cur", "databrew", "dataexchange",
        "datapipeline", "datasync", "datazone", "dax", "dbqms", "deepracer", "detective", "devicefarm", "devops-guru",
        "directconnect", "discovery", "dlm", "dms", "docdb-elastic", "drs", "ds", "dynamodb", "ec2", "ec2-instance-connect",
        "ecr", "ecr-public", "ecs", "eks", "eks-auth", "elasticache", "elasticbeanstalk", "elasticfilesystem",
        "elasticloadbalancing", "elasticmapreduce", "elastictranscoder", "emr-containers", "emr-serverless", "es", "events",
        "evidently", "finspace", "firehose", "fis", "fms", "forecast", "frauddetector", "freetier", "fsx", "gamelift",
        "geo", "glacier", "globalaccelerator", "glue", "grafana", "greengrass", "groundstation", "guardduty", "health",
        "healthlake", "iam", "identity-sync", "identitystore", "identitystore-auth", "imagebuilder", "inspector",
        "inspector2", "internetmonitor", "iot", "iotanalytics", "iotevents", "iotfleethub", "iotfleetwise", "iotsitewise",
        "iottwinmaker", "iotwireless", "ivs", "ivschat", "kafka", "kafka-cluster", "kafkaconnect", "kendra",
        "kendra-ranking", "kinesis", "kinesisanalytics", "kinesisvideo", "kms", "lakeformation", "lambda", "launchwizard",
        "lex", "license-manager", "license-manager-user-subscriptions", "lightsail", "logs", "lookoutequipment",
        "lookoutmetrics", "lookoutvision", "m2", "machinelearning", "macie2", "managedblockchain", "mapcredits",
        "mediaconnect", "mediaconvert", "medialive", "mediapackage", "mediapackagev2", "mediastore", "mediatailor",
        "memorydb", "mgh", "mgn", "mobiletargeting", "mq", "network-firewall", "networkflowmonitor", "networkmanager",
        "networkmonitor", "notifications", "notifications-contacts", "oam", "observabilityadmin", "opsworks", "opsworks-cm",
        "organizations", "osis", "outposts", "panorama", "payment-cryptography", "payments", "pca-connector-ad",
        "pca-connector-scep", "pcs", "personalize", "pi", "pipes", "polly", "pricing", "profile", "proton",
        "purchase-orders", "q", "qbusiness", "qldb", "quicksight", "ram", "rbin", "rds", "rds-data", "redshift",
        "redshift-data", "redshift-serverless", "refactor-spaces", "rekognition", "resiliencehub", "resource-explorer-2",
        "resource-groups", "robomaker", "rolesanywhere", "route53", "route53-recovery-control-config",
        "route53-recovery-readiness", "route53domains", "route53profiles", "route53resolver", "rum", "s3", "s3-outposts",
        "s3express", "s3tables", "sagemaker", "savingsplans", "scheduler", "schemas", "sdb", "secretsmanager",
        "security-ir", "securityhub", "securitylake", "serverlessrepo", "servicecatalog", "servicediscovery",
        "servicequotas", "ses", "shield", "signer", "signin", "simspaceweaver", "sms-voice", "snowball", "sns",
        "sqlworkbench", "sqs", "ssm", "ssm-contacts", "ssm-guiconnect", "ssm-incidents", "ssm-quicksetup", "ssm-sap", "sso",
        "sso-directory", "sso-oauth", "states", "storagegateway", "sts", "support", "supportapp", "supportplans",
        "supportrecommendations", "sustainability", "swf", "synthetics", "tag", "tax", "textract", "timestream",
        "timestream-influxdb", "transcribe", "transfer", "translate", "trustedadvisor", "user-subscriptions",
        "verifiedpermissions", "voiceid", "vpc-lattice", "waf", "waf-regional", "wafv2", "wellarchitected", "wickr",
        "wisdom", "workmail", "workspaces", "workspaces-web", "xray"
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>True when CloudTrail is known to record events of the service <paramref name="prefix"/> (any case).</summary>
    public static bool IsRecorded(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        return Recorded.Contains(prefix);
    }
}
