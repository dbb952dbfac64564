namespace TrailSift.Tools.TrailGen.Synth;

// Data-plane calls: S3 object events and Lambda invocations (data events with `resources`), and KMS.
public sealed partial class EventMix
{
    private static readonly string[] Prefixes = ["events", "exports/daily", "images/original", "sessions", "logs/app", "tmp/athena"];
    private static readonly string[] Extensions = ["json.gz", "parquet", "csv", "jpg", "txt"];

    private void S3Object(string eventName)
    {
        SynthPrincipal who = _pool.Anyone(_rng);
        bool partner = _rng.Chance(0.03);
        string bucket = partner ? "partner-shared-exports" : _rng.Pick(_pool.Buckets);
        string key = $"{_rng.Pick(Prefixes)}/{_plan.PeriodStart:yyyy/MM/dd/HH}/part-{_rng.Next(100000):D5}-{_rng.HexString(8)}.{_rng.Pick(Extensions)}";
        string host = $"{bucket}.s3.{_region}.amazonaws.com";
        string action = eventName == "HeadObject" ? "s3:GetObject" : "s3:" + eventName;
        bool denied = Begin(who, "s3", eventName, "1.10", action: action, resource: $"arn:aws:s3:::{bucket}/{key}", style: DenialStyle.S3);
        _w.WriteStartObject("requestParameters");
        _w.WriteString("bucketName", bucket);
        _w.WriteString("Host", host);
        _w.WriteString("key", key);
        if (eventName == "PutObject" && _rng.Chance(0.3))
        {
            _w.WriteString("x-amz-server-side-encryption", "aws:kms");
        }

        _w.WriteEndObject();
        if (eventName == "PutObject" && !denied)
        {
            _w.WriteStartObject("responseElements");
            _w.WriteString("x-amz-server-side-encryption", "AES256");
            _w.WriteString("x-amz-version-id", _rng.Alphanumeric(32));
            _w.WriteEndObject();
        }
        else
        {
            _w.WriteNull("responseElements");
        }

        _w.WriteStartObject("additionalEventData");
        _w.WriteString("SignatureVersion", "SigV4");
        _w.WriteString("CipherSuite", "TLS_AES_128_GCM_SHA256");
        _w.WriteNumber("bytesTransferredIn", eventName == "PutObject" && !denied ? _rng.Next(200, 8_000_000) : 0);
        _w.WriteString("AuthenticationMethod", "AuthHeader");
        _w.WriteString("x-amz-id-2", _rng.Alphanumeric(76));
        _w.WriteNumber("bytesTransferredOut", eventName == "GetObject" && !denied ? _rng.Next(200, 20_000_000) : 0);
        _w.WriteEndObject();
        Ids(readOnly: eventName != "PutObject", s3RequestId: true);
        _w.WriteStartArray("resources");
        Resource("AWS::S3::Object", $"arn:aws:s3:::{bucket}/{key}", withAccount: false);
        _w.WriteStartObject();
        _w.WriteString("accountId", partner ? "111122223333" : _account);
        _w.WriteString("type", "AWS::S3::Bucket");
        _w.WriteString("ARN", $"arn:aws:s3:::{bucket}");
        _w.WriteEndObject();
        _w.WriteEndArray();
        End(who, host, data: true);
    }

    private void Kms(string eventName)
    {
        SynthPrincipal caller = _pool.Anyone(_rng);
        bool viaS3 = _rng.Chance(0.6);
        SynthPrincipal who = viaS3 ? caller with { SourceIp = "s3.amazonaws.com", UserAgent = "s3.amazonaws.com", InvokedBy = "s3.amazonaws.com" } : caller;
        string key = $"arn:aws:kms:{_region}:{_account}:key/{_rng.Pick(_pool.KmsKeys)}";
        Begin(who, "kms", eventName, action: "kms:" + eventName, resource: key, style: DenialStyle.JsonService);
        _w.WriteStartObject("requestParameters");
        if (eventName == "GenerateDataKey")
        {
            _w.WriteString("keyId", key);
            _w.WriteString("keySpec", "AES_256");
        }
        else
        {
            _w.WriteString("encryptionAlgorithm", "SYMMETRIC_DEFAULT");
        }

        _w.WriteStartObject("encryptionContext");
        if (viaS3)
        {
            _w.WriteString("aws:s3:arn", $"arn:aws:s3:::{_rng.Pick(_pool.Buckets)}/{_rng.Pick(Prefixes)}/{_rng.HexString(12)}");
        }
        else
        {
            _w.WriteString("aws:lambda:FunctionArn", $"arn:aws:lambda:{_region}:{_account}:function:{_rng.Pick(_pool.Functions)}");
        }

        _w.WriteEndObject();
        _w.WriteEndObject();
        _w.WriteNull("responseElements");
        Ids(readOnly: true);
        _w.WriteStartArray("resources");
        Resource("AWS::KMS::Key", key);
        _w.WriteEndArray();
        End(who, Host("kms"));
    }

    private void LambdaInvoke()
    {
        SynthPrincipal who = _pool.Anyone(_rng);
        string function = $"arn:aws:lambda:{_region}:{_account}:function:{_rng.Pick(_pool.Functions)}";
        Begin(who, "lambda", "Invoke", "1.08", action: "lambda:InvokeFunction", resource: function, style: DenialStyle.JsonService);
        _w.WriteStartObject("requestParameters");
        _w.WriteString("functionName", function);
        _w.WriteString("invocationType", _rng.Chance(0.5) ? "Event" : "RequestResponse");
        _w.WriteEndObject();
        _w.WriteNull("responseElements");
        _w.WriteStartObject("additionalEventData");
        _w.WriteString("functionVersion", function + ":$LATEST");
        _w.WriteEndObject();
        Ids(readOnly: false);
        _w.WriteStartArray("resources");
        Resource("AWS::Lambda::Function", function);
        _w.WriteEndArray();
        End(who, Host("lambda"), data: true);
    }
}
