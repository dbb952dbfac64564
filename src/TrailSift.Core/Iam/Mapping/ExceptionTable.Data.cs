namespace TrailSift.Core.Iam.Mapping;

// The table itself. Written from the facts in ../shared/reference/notes/iam-mapping.md and checked against the
// catalog by ExceptionTableTests (every action must exist). Grammar of one line:
//   <prefix> <Operation> => <spec> [; <spec>]…          a spec is  <action> [?path] [!path] [Var=path]…
//   <prefix> <Operation> => @<handler>                  code in EventPermissionMapper.Handlers.cs
// ?path: only when the request has the field; !path: only when it lacks it; Var=path: fill the ARN template
// variable from that field (a leading @ reads responseElements). Fields compare ignoring case; arrays iterate.
internal static partial class ExceptionTable
{
    internal static readonly string[] Lines =
    [
        // S3: object calls whose permission has another name, or a …Version… variant when versionId is given.
        "s3 HeadObject => s3:GetObjectVersion ?versionId ; s3:GetObject !versionId",
        "s3 GetObject => s3:GetObjectVersion ?versionId ; s3:GetObject !versionId",
        "s3 DeleteObject => s3:DeleteObjectVersion ?versionId ; s3:DeleteObject !versionId",
        "s3 GetObjectAcl => s3:GetObjectVersionAcl ?versionId ; s3:GetObjectAcl !versionId",
        "s3 PutObjectAcl => s3:PutObjectVersionAcl ?versionId ; s3:PutObjectAcl !versionId",
        "s3 GetObjectTagging => s3:GetObjectVersionTagging ?versionId ; s3:GetObjectTagging !versionId",
        "s3 PutObjectTagging => s3:PutObjectVersionTagging ?versionId ; s3:PutObjectTagging !versionId",
        "s3 DeleteObjectTagging => s3:DeleteObjectVersionTagging ?versionId ; s3:DeleteObjectTagging !versionId",
        "s3 GetObjectAttributes => s3:GetObjectVersionAttributes ?versionId ; s3:GetObjectAttributes !versionId",
        "s3 SelectObjectContent => s3:GetObject",
        "s3 CreateMultipartUpload => s3:PutObject",
        "s3 UploadPart => s3:PutObject",
        "s3 CompleteMultipartUpload => s3:PutObject",
        "s3 CopyObject => @s3copy",
        "s3 UploadPartCopy => @s3copy",
        "s3 DeleteObjects => @s3deleteobjects",
        // S3: listing calls.
        "s3 HeadBucket => s3:ListBucket",
        "s3 ListObjects => s3:ListBucket",
        "s3 ListObjectsV2 => s3:ListBucket",
        "s3 ListObjectVersions => s3:ListBucketVersions",
        "s3 ListBuckets => s3:ListAllMyBuckets",
        "s3 ListMultipartUploads => s3:ListBucketMultipartUploads",
        "s3 ListParts => s3:ListMultipartUploadParts",
        // S3: bucket sub-resources (a Delete… call needs the Put… permission).
        "s3 GetBucketEncryption => s3:GetEncryptionConfiguration",
        "s3 PutBucketEncryption => s3:PutEncryptionConfiguration",
        "s3 DeleteBucketEncryption => s3:PutEncryptionConfiguration",
        "s3 GetBucketLifecycle => s3:GetLifecycleConfiguration",
        "s3 GetBucketLifecycleConfiguration => s3:GetLifecycleConfiguration",
        "s3 PutBucketLifecycle => s3:PutLifecycleConfiguration",
        "s3 PutBucketLifecycleConfiguration => s3:PutLifecycleConfiguration",
        "s3 DeleteBucketLifecycle => s3:PutLifecycleConfiguration",
        "s3 GetBucketReplication => s3:GetReplicationConfiguration",
        "s3 PutBucketReplication => s3:PutReplicationConfiguration",
        "s3 DeleteBucketReplication => s3:PutReplicationConfiguration",
        "s3 GetBucketCors => s3:GetBucketCORS",
        "s3 PutBucketCors => s3:PutBucketCORS",
        "s3 DeleteBucketCors => s3:PutBucketCORS",
        "s3 DeleteBucketTagging => s3:PutBucketTagging",
        "s3 GetBucketAnalyticsConfiguration => s3:GetAnalyticsConfiguration",
        "s3 ListBucketAnalyticsConfigurations => s3:GetAnalyticsConfiguration",
        "s3 PutBucketAnalyticsConfiguration => s3:PutAnalyticsConfiguration",
        "s3 DeleteBucketAnalyticsConfiguration => s3:PutAnalyticsConfiguration",
        "s3 GetBucketInventoryConfiguration => s3:GetInventoryConfiguration",
        "s3 ListBucketInventoryConfigurations => s3:GetInventoryConfiguration",
        "s3 PutBucketInventoryConfiguration => s3:PutInventoryConfiguration",
        "s3 DeleteBucketInventoryConfiguration => s3:PutInventoryConfiguration",
        "s3 GetBucketMetricsConfiguration => s3:GetMetricsConfiguration",
        "s3 ListBucketMetricsConfigurations => s3:GetMetricsConfiguration",
        "s3 PutBucketMetricsConfiguration => s3:PutMetricsConfiguration",
        "s3 DeleteBucketMetricsConfiguration => s3:PutMetricsConfiguration",
        "s3 GetBucketIntelligentTieringConfiguration => s3:GetIntelligentTieringConfiguration",
        "s3 ListBucketIntelligentTieringConfigurations => s3:GetIntelligentTieringConfiguration",
        "s3 PutBucketIntelligentTieringConfiguration => s3:PutIntelligentTieringConfiguration",
        "s3 DeleteBucketIntelligentTieringConfiguration => s3:PutIntelligentTieringConfiguration",
        "s3 GetBucketAccelerateConfiguration => s3:GetAccelerateConfiguration",
        "s3 PutBucketAccelerateConfiguration => s3:PutAccelerateConfiguration",
        "s3 GetBucketNotificationConfiguration => s3:GetBucketNotification",
        "s3 PutBucketNotificationConfiguration => s3:PutBucketNotification",
        "s3 GetObjectLockConfiguration => s3:GetBucketObjectLockConfiguration",
        "s3 PutObjectLockConfiguration => s3:PutBucketObjectLockConfiguration",
        "s3 DeleteBucketOwnershipControls => s3:PutBucketOwnershipControls",
        "s3 DeleteBucketPublicAccessBlock => s3:PutBucketPublicAccessBlock",
        "s3 GetPublicAccessBlock => s3:GetBucketPublicAccessBlock ?bucketName ; s3:GetAccountPublicAccessBlock !bucketName",
        "s3 PutPublicAccessBlock => s3:PutBucketPublicAccessBlock ?bucketName ; s3:PutAccountPublicAccessBlock !bucketName",
        "s3 DeletePublicAccessBlock => s3:PutBucketPublicAccessBlock ?bucketName ; s3:PutAccountPublicAccessBlock !bucketName",
        // S3: SOAP-era names still found in old logs.
        "s3 GetBucketAccessControlPolicy => s3:GetBucketAcl",
        "s3 SetBucketAccessControlPolicy => s3:PutBucketAcl",
        "s3 GetBucketLoggingStatus => s3:GetBucketLogging",
        "s3 SetBucketLoggingStatus => s3:PutBucketLogging",

        // Lambda.
        "lambda Invoke => lambda:InvokeFunction",
        "lambda InvokeWithResponseStream => lambda:InvokeFunction",
        "lambda GetLayerVersionByArn => lambda:GetLayerVersion",

        // KMS: one call, two keys.
        "kms ReEncrypt => kms:ReEncryptFrom KeyId=sourceKeyId ; kms:ReEncryptTo KeyId=destinationKeyId",

        // DynamoDB: batch and transaction calls carry table names inside item lists.
        "dynamodb BatchGetItem => dynamodb:BatchGetItem TableName=requestItems.*keys",
        "dynamodb BatchWriteItem => dynamodb:BatchWriteItem TableName=requestItems.*keys",
        "dynamodb TransactGetItems => dynamodb:GetItem TableName=transactItems.get.tableName",
        "dynamodb TransactWriteItems => dynamodb:PutItem ?transactItems.put TableName=transactItems.put.tableName"
            + " ; dynamodb:UpdateItem ?transactItems.update TableName=transactItems.update.tableName"
            + " ; dynamodb:DeleteItem ?transactItems.delete TableName=transactItems.delete.tableName"
            + " ; dynamodb:ConditionCheckItem ?transactItems.conditionCheck TableName=transactItems.conditionCheck.tableName",
        "dynamodb ExecuteStatement => @partiql",
        "dynamodb BatchExecuteStatement => @partiql",
        "dynamodb ExecuteTransaction => @partiql",

        // SQS and SNS batch calls need the single-message permission.
        "sqs SendMessageBatch => sqs:SendMessage",
        "sqs DeleteMessageBatch => sqs:DeleteMessage",
        "sqs ChangeMessageVisibilityBatch => sqs:ChangeMessageVisibility",
        "sns PublishBatch => sns:Publish",

        // EC2 tagging names resources by id; the id prefix tells the resource type.
        "rds CreateDBInstanceReadReplica => rds:CreateDBInstanceReadReplica DbInstanceName=dBInstanceIdentifier ; rds:CreateDBInstanceReadReplica DbInstanceName=sourceDBInstanceIdentifier",
        "ec2 CreateTags => @ec2tags",
        "ec2 DeleteTags => @ec2tags",

        // Budgets: every write is ModifyBudget, every read ViewBudget.
        "budgets CreateBudget => budgets:ModifyBudget",
        "budgets UpdateBudget => budgets:ModifyBudget",
        "budgets DeleteBudget => budgets:ModifyBudget",
        "budgets CreateNotification => budgets:ModifyBudget",
        "budgets UpdateNotification => budgets:ModifyBudget",
        "budgets DeleteNotification => budgets:ModifyBudget",
        "budgets CreateSubscriber => budgets:ModifyBudget",
        "budgets UpdateSubscriber => budgets:ModifyBudget",
        "budgets DeleteSubscriber => budgets:ModifyBudget",
        "budgets DescribeBudget => budgets:ViewBudget",
        "budgets DescribeBudgets => budgets:ViewBudget",
        "budgets DescribeNotificationsForBudget => budgets:ViewBudget",
        "budgets DescribeSubscribersForNotification => budgets:ViewBudget",
        "budgets DescribeBudgetPerformanceHistory => budgets:ViewBudget",

        // Timestream queries.
        "timestream Query => timestream:Select",

        // Bedrock's Converse API is authorised as model invocation.
        "bedrock Converse => bedrock:InvokeModel",
        "bedrock ConverseStream => bedrock:InvokeModelWithResponseStream",

        // API Gateway management calls are HTTP-verb actions on path ARNs.
        "apigateway * => @apigateway",
    ];
}
