using System.Globalization;

namespace TrailSift.Tools.TrailGen.Synth;

// Control-plane calls: STS, IAM reads, SQS, Lambda API, CloudWatch Logs and metrics, console sign-in.
public sealed partial class EventMix
{
    private static readonly string[] IamReads = ["GetRole", "GetRole", "ListRoles", "GetPolicy", "ListAttachedRolePolicies", "GetPolicyVersion"];
    private static readonly string[] Metrics = ["CPUUtilization", "NetworkIn", "NetworkOut", "DiskReadOps", "StatusCheckFailed"];

    private void AssumeRole()
    {
        bool service = _rng.Chance(0.4);
        SynthPrincipal who = service ? _rng.Pick(_pool.Services) : _pool.Anyone(_rng);
        SynthPrincipal target = _rng.Pick(_pool.Workloads);
        string session = service ? _rng.HexString(32) : "botocore-session-" + _rng.Next(1_600_000_000, 1_750_000_000);
        bool denied = Begin(who, "sts", "AssumeRole", canDeny: !service, action: "sts:AssumeRole", resource: target.RoleArn);
        _w.WriteStartObject("requestParameters");
        _w.WriteString("roleArn", target.RoleArn);
        _w.WriteString("roleSessionName", session);
        _w.WriteNumber("durationSeconds", 3600);
        _w.WriteEndObject();
        if (denied)
        {
            _w.WriteNull("responseElements");
        }
        else
        {
            _w.WriteStartObject("responseElements");
            _w.WriteStartObject("credentials");
            _w.WriteString("accessKeyId", "ASIA" + _rng.UpperAlphanumeric(16));
            if (!service)
            {
                _w.WriteString("sessionToken", "IQoJb3JpZ2luX2Vj" + _rng.Alphanumeric(_rng.Next(600, 1100)));
            }

            _w.WriteString("expiration", _plan.PeriodStart.AddHours(1).UtcDateTime.ToString("MMM d, yyyy, h:mm:ss tt", CultureInfo.InvariantCulture));
            _w.WriteEndObject();
            _w.WriteStartObject("assumedRoleUser");
            _w.WriteString("assumedRoleId", $"{target.RoleId}:{session}");
            _w.WriteString("arn", $"arn:aws:sts::{_account}:assumed-role/{target.Name}/{session}");
            _w.WriteEndObject();
            _w.WriteEndObject();
        }

        Ids(readOnly: true);
        _w.WriteStartArray("resources");
        Resource("AWS::IAM::Role", target.RoleArn!);
        _w.WriteEndArray();
        End(who, Host("sts"));
    }

    private void GetCallerIdentity()
    {
        SynthPrincipal who = _pool.Anyone(_rng);
        Begin(who, "sts", "GetCallerIdentity", canDeny: false);
        _w.WriteNull("requestParameters");
        _w.WriteNull("responseElements");
        Ids(readOnly: true);
        End(who, _rng.Chance(0.5) ? "sts.amazonaws.com" : Host("sts"));
    }

    private void SqsQueueAttributes()
    {
        SynthPrincipal who = _pool.Anyone(_rng);
        string queue = _rng.Pick(new[] { "orders-events", "image-jobs", "dead-letter", "billing-exports" });
        Begin(who, "sqs", "GetQueueAttributes", "1.08", action: "sqs:GetQueueAttributes", resource: $"arn:aws:sqs:{_region}:{_account}:{queue}", style: DenialStyle.Sqs);
        _w.WriteStartObject("requestParameters");
        _w.WriteString("queueUrl", $"https://sqs.{_region}.amazonaws.com/{_account}/{queue}");
        _w.WriteStartArray("attributeNames");
        _w.WriteStringValue("All");
        _w.WriteEndArray();
        _w.WriteEndObject();
        _w.WriteNull("responseElements");
        Ids(readOnly: true);
        End(who, Host("sqs"));
    }

    private void IamRead()
    {
        SynthPrincipal who = _rng.Chance(0.7) ? _rng.Pick(_pool.Users) : _pool.Anyone(_rng);
        string name = _rng.Pick(IamReads);
        SynthPrincipal role = _rng.Pick(_pool.Workloads);
        string policy = $"arn:aws:iam::{_account}:policy/{role.Name}-policy";
        string? resource = name switch { "ListRoles" => null, "GetPolicy" or "GetPolicyVersion" => policy, _ => role.RoleArn };
        Begin(who, "iam", name, action: "iam:" + name, resource: resource);
        _w.WriteStartObject("requestParameters");
        switch (name)
        {
            case "ListRoles":
                _w.WriteNumber("maxItems", 1000);
                break;
            case "GetPolicy":
                _w.WriteString("policyArn", policy);
                break;
            case "GetPolicyVersion":
                _w.WriteString("policyArn", policy);
                _w.WriteString("versionId", "v" + _rng.Next(1, 6));
                break;
            default:
                _w.WriteString("roleName", role.Name);
                break;
        }

        _w.WriteEndObject();
        _w.WriteNull("responseElements");
        Ids(readOnly: true);
        End(who, "iam.amazonaws.com");
    }

    private void LambdaApi()
    {
        SynthPrincipal who = _pool.Anyone(_rng);
        string fn = _rng.Pick(_pool.Functions);
        string arn = $"arn:aws:lambda:{_region}:{_account}:function:{fn}";
        double r = _rng.NextDouble();
        string name = r < 0.5 ? "GetFunction20150331v2" : r < 0.85 ? "ListFunctions20150331" : "UpdateFunctionCode20150331v2";
        string action = name.StartsWith("Get", StringComparison.Ordinal) ? "lambda:GetFunction"
            : name.StartsWith("List", StringComparison.Ordinal) ? "lambda:ListFunctions" : "lambda:UpdateFunctionCode";
        bool denied = Begin(who, "lambda", name, "1.08", action: action, resource: name.StartsWith("List", StringComparison.Ordinal) ? "*" : arn, style: DenialStyle.JsonService);
        _w.WriteStartObject("requestParameters");
        if (!name.StartsWith("List", StringComparison.Ordinal))
        {
            _w.WriteString("functionName", fn);
        }

        if (name.StartsWith("Update", StringComparison.Ordinal))
        {
            _w.WriteString("s3Bucket", "acme-lambda-artifacts");
            _w.WriteString("s3Key", $"{fn}/{_rng.HexString(40)}.zip");
            _w.WriteBoolean("publish", false);
        }

        _w.WriteEndObject();
        if (name.StartsWith("Update", StringComparison.Ordinal) && !denied)
        {
            _w.WriteStartObject("responseElements");
            _w.WriteString("functionName", fn);
            _w.WriteString("functionArn", arn);
            _w.WriteString("runtime", "python3.12");
            _w.WriteString("role", $"arn:aws:iam::{_account}:role/{fn}-lambda-role");
            _w.WriteString("handler", "app.handler");
            _w.WriteNumber("codeSize", _rng.Next(2_000, 40_000_000));
            _w.WriteNumber("timeout", 60);
            _w.WriteNumber("memorySize", 512);
            _w.WriteString("lastModified", _plan.PeriodStart.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff+0000", CultureInfo.InvariantCulture));
            _w.WriteString("codeSha256", _rng.Alphanumeric(43) + "=");
            _w.WriteString("version", "$LATEST");
            _w.WriteString("state", "Active");
            _w.WriteString("lastUpdateStatus", "InProgress");
            _w.WriteEndObject();
        }
        else
        {
            _w.WriteNull("responseElements");
        }

        Ids(readOnly: !name.StartsWith("Update", StringComparison.Ordinal));
        End(who, Host("lambda"));
    }

    private void LogsCreateLogStream()
    {
        SynthPrincipal who = _rng.Pick(_pool.Workloads);
        string group = "/aws/lambda/" + _rng.Pick(_pool.Functions);
        Begin(who, "logs", "CreateLogStream", "1.08", action: "logs:CreateLogStream",
            resource: $"arn:aws:logs:{_region}:{_account}:log-group:{group}:log-stream:", style: DenialStyle.JsonService);
        _w.WriteStartObject("requestParameters");
        _w.WriteString("logGroupName", group);
        _w.WriteString("logStreamName", $"{_plan.PeriodStart:yyyy/MM/dd}/[$LATEST]{_rng.HexString(32)}");
        _w.WriteEndObject();
        _w.WriteNull("responseElements");
        Ids(readOnly: false);
        End(who, Host("logs"));
    }

    private void GetMetricData()
    {
        SynthPrincipal who = _pool.Anyone(_rng);
        Begin(who, "monitoring", "GetMetricData", action: "cloudwatch:GetMetricData");
        _w.WriteStartObject("requestParameters");
        _w.WriteStartArray("metricDataQueries");
        int n = _rng.Next(1, 40);
        for (int i = 0; i < n; i++)
        {
            _w.WriteStartObject();
            _w.WriteString("id", "m" + i.ToString(CultureInfo.InvariantCulture));
            _w.WriteStartObject("metricStat");
            _w.WriteStartObject("metric");
            _w.WriteString("namespace", "AWS/EC2");
            _w.WriteString("metricName", _rng.Pick(Metrics));
            _w.WriteStartArray("dimensions");
            _w.WriteStartObject();
            _w.WriteString("name", "InstanceId");
            _w.WriteString("value", Ec2Id("i"));
            _w.WriteEndObject();
            _w.WriteEndArray();
            _w.WriteEndObject();
            _w.WriteNumber("period", 300);
            _w.WriteString("stat", "Average");
            _w.WriteEndObject();
            _w.WriteBoolean("returnData", true);
            _w.WriteEndObject();
        }

        _w.WriteEndArray();
        _w.WriteString("startTime", _plan.PeriodStart.AddHours(-3).UtcDateTime.ToString("MMM d, yyyy, h:mm:ss tt", CultureInfo.InvariantCulture));
        _w.WriteString("endTime", _plan.PeriodStart.UtcDateTime.ToString("MMM d, yyyy, h:mm:ss tt", CultureInfo.InvariantCulture));
        _w.WriteEndObject();
        _w.WriteNull("responseElements");
        Ids(readOnly: true);
        End(who, Host("monitoring"));
    }

    private void DescribeAlarms()
    {
        SynthPrincipal who = _pool.Anyone(_rng);
        Begin(who, "monitoring", "DescribeAlarms", action: "cloudwatch:DescribeAlarms");
        _w.WriteStartObject("requestParameters");
        _w.WriteNumber("maxRecords", 100);
        _w.WriteEndObject();
        _w.WriteNull("responseElements");
        Ids(readOnly: true);
        End(who, Host("monitoring"));
    }

    private void ConsoleLogin()
    {
        SynthPrincipal who = _rng.Pick(_pool.Users) with { UserAgent = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0.0.0 Safari/537.36", Console = false };
        Begin(who, "signin", "ConsoleLogin", canDeny: false);
        _w.WriteNull("requestParameters");
        _w.WriteStartObject("responseElements");
        _w.WriteString("ConsoleLogin", "Success");
        _w.WriteEndObject();
        _w.WriteStartObject("additionalEventData");
        _w.WriteString("LoginTo", "https://console.aws.amazon.com/console/home?state=hashArgs%23&isauthcode=true");
        _w.WriteString("MobileVersion", "No");
        _w.WriteString("MFAUsed", "Yes");
        _w.WriteEndObject();
        Ids(readOnly: false);
        End(who, "signin.aws.amazon.com", eventType: "AwsConsoleSignIn");
    }
}
