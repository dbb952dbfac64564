using System.Globalization;
using System.Text.Json;
using TrailSift.Tools.TrailGen.Common;

namespace TrailSift.Tools.TrailGen.Synth;

/// <summary>
/// Writes one realistic CloudTrail record at a time into a file's JSON writer: picks a kind of call by
/// weight, a caller, sizes that vary by call, and about <see cref="SynthOptions.DenyRate"/> denials with
/// each service's real error code and message format.
/// </summary>
/// <remarks>Not thread-safe: one instance per file.</remarks>
public sealed partial class EventMix
{
    private static readonly (Kind Kind, double Weight)[] Weights =
    [
        (Kind.S3GetObject, 20), (Kind.S3PutObject, 8), (Kind.S3HeadObject, 5), (Kind.KmsDecrypt, 6), (Kind.KmsGenerateDataKey, 4),
        (Kind.StsAssumeRole, 6), (Kind.StsGetCallerIdentity, 3), (Kind.Ec2Describe, 13), (Kind.Ec2RunInstances, 0.6),
        (Kind.Ec2TerminateInstances, 0.4), (Kind.EmrRunInstances, 0.6), (Kind.EmrCreateTags, 0.6), (Kind.EmrQueue, 0.6),
        (Kind.EmrApi, 2.2), (Kind.SqsQueueAttributes, 1.2), (Kind.IamRead, 2.8), (Kind.LambdaInvoke, 2), (Kind.LambdaApi, 1.2),
        (Kind.LogsCreateLogStream, 3), (Kind.MonitoringGetMetricData, 3), (Kind.MonitoringDescribeAlarms, 1), (Kind.ConsoleLogin, 0.1),
    ];

    private static readonly double TotalWeight = Weights.Sum(w => w.Weight);
    private readonly Utf8JsonWriter _w;
    private readonly Prng _rng;
    private readonly PrincipalPool _pool;
    private readonly SynthOptions _options;
    private readonly FilePlan _plan;
    private readonly string _account;
    private readonly string _region;
    private readonly string[] _times = new string[300];
    private readonly string _sessionCreated;

    /// <summary>Creates a mix writing into <paramref name="writer"/> for the file <paramref name="plan"/>.</summary>
    public EventMix(Utf8JsonWriter writer, Prng rng, PrincipalPool pool, SynthOptions options, FilePlan plan)
    {
        _w = writer;
        _rng = rng;
        _pool = pool;
        _options = options;
        _plan = plan;
        _account = pool.Account;
        _region = plan.Region;
        _sessionCreated = Timestamp(plan.PeriodStart.AddMinutes(-(plan.PeriodStart.Minute % 60) - 7));
    }

    private enum Kind
    {
        S3GetObject, S3PutObject, S3HeadObject, KmsDecrypt, KmsGenerateDataKey, StsAssumeRole, StsGetCallerIdentity, Ec2Describe,
        Ec2RunInstances, Ec2TerminateInstances, EmrRunInstances, EmrCreateTags, EmrQueue, EmrApi, SqsQueueAttributes, IamRead,
        LambdaInvoke, LambdaApi, LogsCreateLogStream, MonitoringGetMetricData, MonitoringDescribeAlarms, ConsoleLogin,
    }

    /// <summary>Denied records written so far.</summary>
    public long Denied { get; private set; }

    private bool Primary => _plan.RegionIndex == 0;

    /// <summary>Writes one record.</summary>
    public void WriteOne()
    {
        double x = _rng.NextDouble() * TotalWeight;
        Kind kind = Weights[^1].Kind;
        for (int i = 0; i < Weights.Length; i++)
        {
            x -= Weights[i].Weight;
            if (x < 0)
            {
                kind = Weights[i].Kind;
                break;
            }
        }

        // IAM and sign-in are global: their events land in the first region only.
        if (!Primary && kind is Kind.IamRead or Kind.ConsoleLogin)
        {
            kind = Kind.Ec2Describe;
        }

        switch (kind)
        {
            case Kind.S3GetObject: S3Object("GetObject"); break;
            case Kind.S3PutObject: S3Object("PutObject"); break;
            case Kind.S3HeadObject: S3Object("HeadObject"); break;
            case Kind.KmsDecrypt: Kms("Decrypt"); break;
            case Kind.KmsGenerateDataKey: Kms("GenerateDataKey"); break;
            case Kind.StsAssumeRole: AssumeRole(); break;
            case Kind.StsGetCallerIdentity: GetCallerIdentity(); break;
            case Kind.Ec2Describe: Ec2Describe(); break;
            case Kind.Ec2RunInstances: RunInstances(_pool.Anyone(_rng), emr: false); break;
            case Kind.Ec2TerminateInstances: TerminateInstances(); break;
            case Kind.EmrRunInstances: RunInstances(_pool.EmrRole, emr: true); break;
            case Kind.EmrCreateTags: EmrCreateTags(); break;
            case Kind.EmrQueue: EmrQueue(); break;
            case Kind.EmrApi: EmrApi(); break;
            case Kind.SqsQueueAttributes: SqsQueueAttributes(); break;
            case Kind.IamRead: IamRead(); break;
            case Kind.LambdaInvoke: LambdaInvoke(); break;
            case Kind.LambdaApi: LambdaApi(); break;
            case Kind.LogsCreateLogStream: LogsCreateLogStream(); break;
            case Kind.MonitoringGetMetricData: GetMetricData(); break;
            case Kind.MonitoringDescribeAlarms: DescribeAlarms(); break;
            default: ConsoleLogin(); break;
        }
    }

    /// <summary>Starts a record: everything up to <c>errorMessage</c>. Returns whether the call is denied.</summary>
    private bool Begin(SynthPrincipal who, string service, string eventName, string version = "1.09", bool canDeny = true,
        string? action = null, string? resource = null, DenialStyle style = DenialStyle.Standard)
    {
        _w.WriteStartObject();
        _w.WriteString("eventVersion", version);
        WriteIdentity(who);
        _w.WriteString("eventTime", Time());
        _w.WriteString("eventSource", service + ".amazonaws.com");
        _w.WriteString("eventName", eventName);
        _w.WriteString("awsRegion", _region);
        _w.WriteString("sourceIPAddress", who.SourceIp);
        _w.WriteString("userAgent", who.UserAgent);
        bool denied = canDeny && _rng.Chance(_options.DenyRate);
        if (denied)
        {
            Denied++;
            (string code, string message) = Denials.For(_rng, style, who.Arn, action ?? $"{service}:{eventName}", resource);
            _w.WriteString("errorCode", code);
            _w.WriteString("errorMessage", message);
        }

        return denied;
    }

    /// <summary>Writes requestID, eventID and readOnly.</summary>
    private void Ids(bool readOnly, bool s3RequestId = false)
    {
        _w.WriteString("requestID", s3RequestId ? _rng.UpperHex(16) : _rng.Uuid());
        _w.WriteString("eventID", _rng.Uuid());
        _w.WriteBoolean("readOnly", readOnly);
    }

    /// <summary>Ends a record: eventType through tlsDetails.</summary>
    private void End(SynthPrincipal who, string host, bool data = false, string eventType = "AwsApiCall")
    {
        _w.WriteString("eventType", eventType);
        _w.WriteBoolean("managementEvent", !data);
        _w.WriteString("recipientAccountId", _account);
        _w.WriteString("eventCategory", data ? "Data" : "Management");
        if (who.InvokedBy is null)
        {
            _w.WriteStartObject("tlsDetails");
            _w.WriteString("tlsVersion", "TLSv1.3");
            _w.WriteString("cipherSuite", "TLS_AES_128_GCM_SHA256");
            _w.WriteString("clientProvidedHostHeader", host);
            _w.WriteEndObject();
        }

        if (who.Console)
        {
            _w.WriteString("sessionCredentialFromConsole", "true");
        }

        _w.WriteEndObject();
    }

    private void WriteIdentity(SynthPrincipal who)
    {
        _w.WriteStartObject("userIdentity");
        _w.WriteString("type", who.Type);
        if (who.Type == "AWSService")
        {
            _w.WriteString("invokedBy", who.InvokedBy);
            _w.WriteEndObject();
            return;
        }

        _w.WriteString("principalId", who.PrincipalId);
        _w.WriteString("arn", who.Arn);
        _w.WriteString("accountId", _account);
        _w.WriteString("accessKeyId", who.AccessKeyId);
        if (who.Type == "IAMUser")
        {
            _w.WriteString("userName", who.Name);
        }

        if (who.RoleArn is not null || who.Console)
        {
            _w.WriteStartObject("sessionContext");
            if (who.RoleArn is not null)
            {
                _w.WriteStartObject("sessionIssuer");
                _w.WriteString("type", "Role");
                _w.WriteString("principalId", who.RoleId);
                _w.WriteString("arn", who.RoleArn);
                _w.WriteString("accountId", _account);
                _w.WriteString("userName", who.Name);
                _w.WriteEndObject();
            }

            _w.WriteStartObject("attributes");
            _w.WriteString("creationDate", _sessionCreated);
            _w.WriteString("mfaAuthenticated", who.Console ? "true" : "false");
            _w.WriteEndObject();
            _w.WriteEndObject();
        }

        if (who.InvokedBy is not null)
        {
            _w.WriteString("invokedBy", who.InvokedBy);
        }

        _w.WriteEndObject();
    }

    private string Time()
    {
        int s = _rng.Next(300);
        return _times[s] ??= Timestamp(_plan.PeriodStart.AddSeconds(s));
    }

    private static string Timestamp(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private string Host(string service) => $"{service}.{_region}.amazonaws.com";

    private string Ec2Id(string prefix) => prefix + "-0" + _rng.HexString(16);

    private string ClusterId() => "j-" + _rng.UpperAlphanumeric(13);

    private void Resource(string type, string arn, bool withAccount = true)
    {
        _w.WriteStartObject();
        if (withAccount)
        {
            _w.WriteString("accountId", _account);
        }

        _w.WriteString("type", type);
        _w.WriteString("ARN", arn);
        _w.WriteEndObject();
    }

    private void Items(string name, string key, IReadOnlyList<string> values)
    {
        _w.WriteStartObject(name);
        _w.WriteStartArray("items");
        foreach (string v in values)
        {
            _w.WriteStartObject();
            _w.WriteString(key, v);
            _w.WriteEndObject();
        }

        _w.WriteEndArray();
        _w.WriteEndObject();
    }
}
