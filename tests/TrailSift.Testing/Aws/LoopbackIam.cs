using System.Globalization;
using System.Security;
using System.Text;
using System.Text.Json;

namespace TrailSift.Testing.Aws;

/// <summary>
/// IAM on the loopback endpoint (query protocol, XML answers shaped as IAM's API reference documents them):
/// <c>GetAccountAuthorizationDetails</c> serves an account written as the AWS CLI's JSON (policy documents sent
/// URL-encoded, as IAM does), paged by <c>MaxItems</c>/<c>Marker</c> over users, groups, roles and policies in that
/// order; <c>GenerateServiceLastAccessedDetails</c> starts a job, and <c>GetServiceLastAccessedDetails</c> answers
/// <c>IN_PROGRESS</c> for the first <see cref="InProgressPolls"/> polls, then the registered report of the job's
/// principal, paged over its services.
/// </summary>
public sealed class LoopbackIam
{
    private const string Xmlns = "https://iam.amazonaws.com/doc/2010-05-08/";
    private static readonly string[] Lists = ["UserDetailList", "GroupDetailList", "RoleDetailList", "Policies"];
    private static readonly HashSet<string> Documents = new(StringComparer.Ordinal) { "PolicyDocument", "Document", "AssumeRolePolicyDocument" };

    private readonly List<(string List, JsonElement Item)> _entities = [];
    private readonly Dictionary<string, JsonElement> _reports = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Arn, string Granularity, int Polls)> _jobs = new(StringComparer.Ordinal);
    private int _jobIds;

    /// <summary>Installs the IAM handlers on <paramref name="loopback"/>, serving the account <paramref name="authorizationDetails"/> (one CLI page).</summary>
    public LoopbackIam(AwsLoopback loopback, string authorizationDetails)
    {
        using JsonDocument document = JsonDocument.Parse(authorizationDetails);
        foreach (string list in Lists)
        {
            if (document.RootElement.TryGetProperty(list, out JsonElement items))
            {
                _entities.AddRange(items.EnumerateArray().Select(item => (list, item.Clone())));
            }
        }

        loopback.On("iam", "GetAccountAuthorizationDetails", Details);
        loopback.On("iam", "GenerateServiceLastAccessedDetails", Generate);
        loopback.On("iam", "GetServiceLastAccessedDetails", LastAccessed);
    }

    /// <summary>Most entities (or services) per page, whatever MaxItems asks.</summary>
    public int PageSize { get; set; } = 100;

    /// <summary>Polls answered IN_PROGRESS before a job completes.</summary>
    public int InProgressPolls { get; set; } = 1;

    /// <summary>When set, every IAM call is refused with this error code (403).</summary>
    public string? RefuseWith { get; set; }

    /// <summary>Entities served (users, groups, roles, policies).</summary>
    public int Entities => _entities.Count;

    /// <summary>Registers the Access Advisor report (the CLI's JSON, completed) of a principal.</summary>
    public void Report(string arn, string json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        lock (_reports)
        {
            _reports[arn] = document.RootElement.Clone();
        }
    }

    private LoopbackReply Details(LoopbackCall call)
    {
        if (RefuseWith is { } code)
        {
            return LoopbackReply.Error(AwsProtocol.Query, 403, code, $"User: {call.Identity.Arn} is not authorized to perform: iam:GetAccountAuthorizationDetails", call.RequestId);
        }

        (int start, int count) = Page(call, _entities.Count);
        var xml = new StringBuilder();
        foreach (string list in Lists)
        {
            xml.Append('<').Append(list).Append('>');
            foreach ((string _, JsonElement item) in _entities.Skip(start).Take(count).Where(e => e.List == list))
            {
                xml.Append("<member>");
                WriteMembers(xml, item);
                xml.Append("</member>");
            }

            xml.Append("</").Append(list).Append('>');
        }

        AppendPaging(xml, start + count, _entities.Count);
        return LoopbackReply.QueryResult("GetAccountAuthorizationDetails", Xmlns, xml.ToString(), call.RequestId);
    }

    private LoopbackReply Generate(LoopbackCall call)
    {
        if (call.Parameter("Arn") is not { } arn)
        {
            return LoopbackReply.Error(AwsProtocol.Query, 400, "MissingParameter", "Arn is required", call.RequestId);
        }

        string id;
        lock (_jobs)
        {
            id = "job-" + (++_jobIds).ToString(CultureInfo.InvariantCulture);
            _jobs[id] = (arn, call.Parameter("Granularity") ?? "SERVICE_LEVEL", 0);
        }

        return LoopbackReply.QueryResult("GenerateServiceLastAccessedDetails", Xmlns, $"<JobId>{id}</JobId>", call.RequestId);
    }

    private LoopbackReply LastAccessed(LoopbackCall call)
    {
        (string Arn, string Granularity, int Polls) job;
        lock (_jobs)
        {
            if (call.Parameter("JobId") is not { } id || !_jobs.TryGetValue(id, out job))
            {
                return LoopbackReply.Error(AwsProtocol.Query, 404, "NoSuchEntity", "no such job", call.RequestId);
            }

            _jobs[id] = job with { Polls = job.Polls + 1 };
        }

        var xml = new StringBuilder($"<JobType>{job.Granularity}</JobType><JobCreationDate>2025-06-06T08:00:00Z</JobCreationDate>");
        if (job.Polls < InProgressPolls)
        {
            xml.Append("<JobStatus>IN_PROGRESS</JobStatus><ServicesLastAccessed/><IsTruncated>false</IsTruncated>");
            return LoopbackReply.QueryResult("GetServiceLastAccessedDetails", Xmlns, xml.ToString(), call.RequestId);
        }

        JsonElement[] services;
        lock (_reports)
        {
            services = _reports.TryGetValue(job.Arn, out JsonElement report) ? [.. report.GetProperty("ServicesLastAccessed").EnumerateArray()] : [];
        }

        (int start, int count) = Page(call, services.Length);
        xml.Append("<JobStatus>COMPLETED</JobStatus><JobCompletionDate>2025-06-06T08:05:00Z</JobCompletionDate><ServicesLastAccessed>");
        foreach (JsonElement service in services.Skip(start).Take(count))
        {
            xml.Append("<member>");
            WriteMembers(xml, service);
            xml.Append("</member>");
        }

        xml.Append("</ServicesLastAccessed>");
        AppendPaging(xml, start + count, services.Length);
        return LoopbackReply.QueryResult("GetServiceLastAccessedDetails", Xmlns, xml.ToString(), call.RequestId);
    }

    private (int Start, int Count) Page(LoopbackCall call, int total)
    {
        int start = call.Parameter("Marker") is { } marker ? int.Parse(marker.AsSpan(1), CultureInfo.InvariantCulture) : 0;
        int max = call.Parameter("MaxItems") is { } m ? int.Parse(m, CultureInfo.InvariantCulture) : 100;
        return (start, Math.Max(0, Math.Min(Math.Min(max, PageSize), total - start)));
    }

    private static void AppendPaging(StringBuilder xml, int next, int total) =>
        xml.Append(next < total ? $"<IsTruncated>true</IsTruncated><Marker>m{next}</Marker>" : "<IsTruncated>false</IsTruncated>");

    // JSON object members as XML elements: arrays as <member> items, policy documents URL-encoded as IAM sends them.
    private static void WriteMembers(StringBuilder xml, JsonElement item)
    {
        foreach (JsonProperty property in item.EnumerateObject())
        {
            xml.Append('<').Append(property.Name).Append('>');
            if (Documents.Contains(property.Name))
            {
                // A document given as JSON (an object, or a string holding one) is encoded; one already encoded is sent as is.
                string text = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
                xml.Append(SecurityElement.Escape(text.TrimStart().StartsWith('{') ? Uri.EscapeDataString(text) : text));
            }
            else
            {
                WriteValue(xml, property.Value);
            }

            xml.Append("</").Append(property.Name).Append('>');
        }
    }

    private static void WriteValue(StringBuilder xml, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                WriteMembers(xml, value);
                break;
            case JsonValueKind.Array:
                foreach (JsonElement item in value.EnumerateArray())
                {
                    xml.Append("<member>");
                    WriteValue(xml, item);
                    xml.Append("</member>");
                }

                break;
            case JsonValueKind.String:
                xml.Append(SecurityElement.Escape(value.GetString()));
                break;
            default:
                xml.Append(value.GetRawText());
                break;
        }
    }
}
