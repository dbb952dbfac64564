using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using TrailSift.Core.Analysis.Usage;
using TrailSift.Core.Common;
using TrailSift.Core.Iam.Policy;

namespace TrailSift.Core.Output.Usage;

/// <summary>
/// Writes a <see cref="UsageReport"/> for machines: one JSON document (<see cref="PrintJson"/>) or one compact line per
/// principal (<see cref="PrintNdjson"/>, each line holding the coverage too). Verdicts are lower-case words
/// (<c>used</c>, <c>unused</c>, <c>not-visible</c>, <c>no-data</c>); times are ISO 8601 UTC or null. Computes nothing.
/// </summary>
/// <remarks>Stateless; thread-safe.</remarks>
public static class UsageJsonPrinter
{
    private static readonly JsonWriterOptions Indented = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes the whole report as one indented JSON document.</summary>
    public static void PrintJson(UsageReport report, Stream output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        using var writer = new Utf8JsonWriter(output, Indented);
        writer.WriteStartObject();
        writer.WritePropertyName("coverage");
        WriteCoverage(report.Coverage, writer);
        writer.WriteStartArray("diagnostics");
        foreach (string d in report.Diagnostics)
        {
            writer.WriteStringValue(d);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("principals");
        foreach (PrincipalUsage principal in report.Principals)
        {
            WritePrincipal(principal, writer);
            writer.Flush();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.Flush();
        output.WriteByte((byte)'\n');
    }

    /// <summary>Writes one compact line per principal: <c>{"coverage":…,"principal":…}</c>.</summary>
    public static void PrintNdjson(UsageReport report, Stream output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        foreach (PrincipalUsage principal in report.Principals)
        {
            using (var writer = new Utf8JsonWriter(output, Compact))
            {
                writer.WriteStartObject();
                writer.WritePropertyName("coverage");
                WriteCoverage(report.Coverage, writer);
                writer.WritePropertyName("principal");
                WritePrincipal(principal, writer);
                writer.WriteEndObject();
            }

            output.WriteByte((byte)'\n');
        }
    }

    /// <summary>The verdict's JSON word.</summary>
    public static string Word(UsageVerdict verdict) => verdict switch
    {
        UsageVerdict.Used => "used",
        UsageVerdict.Unused => "unused",
        UsageVerdict.NotVisible => "not-visible",
        _ => "no-data",
    };

    private static void WriteCoverage(InputCoverage coverage, Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteNumber("events", coverage.Events);
        Time(writer, "first", coverage.FirstTicks);
        Time(writer, "last", coverage.LastTicks);
        writer.WriteStartObject("regions");
        foreach ((string account, var regions) in coverage.Regions)
        {
            writer.WriteStringArray(account, regions);
        }

        writer.WriteEndObject();
        writer.WriteStartObject("dataEvents");
        foreach ((string prefix, long n) in coverage.DataEvents)
        {
            writer.WriteNumber(prefix, n);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WritePrincipal(PrincipalUsage principal, Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("arn", principal.Policies.Principal.Arn);
        writer.WriteStringArray("policies", principal.Policies.Identity.Select(static p => p.Label));
        writer.WriteString("boundary", principal.Policies.Boundary?.Label);
        writer.WriteStringArray("unknownPolicies", principal.Policies.Unknown);
        writer.WriteString("accessAdvisor", principal.AccessAdvisorSource);
        writer.WriteNumber("calls", principal.Calls);
        writer.WriteStartObject("counts");
        foreach (UsageVerdict verdict in Enum.GetValues<UsageVerdict>())
        {
            writer.WriteNumber(Word(verdict), principal.Counts[(int)verdict]);
        }

        writer.WriteEndObject();
        writer.WriteStartArray("grants");
        foreach (GrantUsage grant in principal.Grants)
        {
            WriteGrant(grant, writer);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("notAllowedNow");
        foreach (PermissionUse use in principal.NotAllowedNow)
        {
            writer.WriteStartObject();
            writer.WriteString("action", use.Action);
            writer.WriteString("resource", use.Resource);
            writer.WriteString("decision", use.Undecidable ? "Undecidable" : use.Decision.ToString());
            writer.WriteNumber("calls", use.Calls);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartObject("unmapped");
        foreach ((string name, long n) in principal.Unmapped)
        {
            writer.WriteNumber(name, n);
        }

        writer.WriteEndObject();
        WriteReduced(principal.Reduced, writer);
        writer.WriteEndObject();
    }

    private static void WriteGrant(GrantUsage grant, Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("policy", grant.Policy);
        writer.WriteNumber("statement", grant.StatementIndex);
        writer.WriteString("sid", grant.Sid);
        writer.WriteString("action", grant.Action);
        writer.WriteString("verdict", Word(grant.Verdict));
        writer.WriteString("reason", grant.Reason);
        writer.WriteString("visibility", grant.Visibility switch
        {
            Visibility.DataEvent => "data-event",
            Visibility.NeverLogged => "never-logged",
            Visibility.Unrecorded => "unrecorded",
            _ => "management",
        });
        writer.WriteNumber("calls", grant.Calls);
        writer.WriteNumber("undecidableCalls", grant.UndecidableCalls);
        writer.WriteNumber("deniedAtTheTime", grant.DeniedAtTheTime);
        writer.WriteBoolean("implied", grant.Implied);
        Time(writer, "first", grant.FirstTicks);
        Time(writer, "last", grant.LastTicks);
        writer.WriteStringArray("resources", grant.Resources);
        writer.WriteStringArray("unusedResourcePatterns", grant.UnusedResourcePatterns);
        writer.WriteBoolean("hasConditions", grant.HasConditions);
        writer.WriteString("accessAdvisor", grant.AccessAdvisor);
        writer.WriteEndObject();
    }

    private static void WriteReduced(ReducedPolicy reduced, Utf8JsonWriter writer)
    {
        writer.WriteStartObject("reduced");
        writer.WritePropertyName("policy");
        PolicyWriter.Write(reduced.Document, writer);
        writer.WriteStartArray("statements");
        foreach (ReducedStatement statement in reduced.Statements)
        {
            writer.WriteStartObject();
            writer.WriteString("sid", statement.Statement.Sid);
            writer.WriteString("kind", statement.Kind switch
            {
                ReducedStatementKind.NotVisible => "not-visible",
                ReducedStatementKind.AccessAdvisor => "access-advisor",
                ReducedStatementKind.NoData => "no-data",
                ReducedStatementKind.Deny => "deny",
                _ => "observed",
            });
            writer.WriteString("origin", statement.Origin);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        ReplayVerification v = reduced.Verification;
        writer.WriteStartObject("verification");
        writer.WriteNumber("requests", v.Requests);
        writer.WriteNumber("stillAllowed", v.StillAllowed);
        writer.WriteBoolean("passed", v.Passed);
        writer.WriteStringArray("lost", v.Lost);
        writer.WriteEndObject();
        writer.WriteNumber("size", reduced.Size);
        writer.WriteStringArray("notes", reduced.Notes);
        writer.WriteEndObject();
    }

    private static void Time(Utf8JsonWriter writer, string name, long ticks)
    {
        if (ticks <= 0)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, new DateTime(ticks, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        }
    }
}
