using System.Globalization;
using System.Text.Json;
using TrailSift.Core.Analysis.Denied;
using TrailSift.Core.Analysis.Denied.Messages;
using TrailSift.Core.Common;
using TrailSift.Core.Iam.Policy;

namespace TrailSift.Core.Output.Denied;

/// <summary>
/// Writes a <see cref="DeniedReport"/> as NDJSON (one object per group: <c>principal</c>, <c>action</c>,
/// <c>resource</c>, <c>reason</c>, <c>errorCodes</c>, <c>count</c>, <c>firstSeen</c>, <c>lastSeen</c>, <c>eventIds</c>,
/// <c>calledBy</c>, <c>suggestion</c>, <c>hints</c>, then details) or as one JSON document with the summary.
/// </summary>
/// <remarks>Stateless; thread-safe.</remarks>
public static class DeniedJsonPrinter
{
    /// <summary>One compact object per group, each on its own line.</summary>
    public static void WriteNdjson(Stream output, DeniedReport report, bool related)
    {
        ArgumentNullException.ThrowIfNull(report);
        foreach (DeniedGroup g in report.Groups)
        {
            using (var json = new Utf8JsonWriter(output, PolicyWriter.GetOptions(indented: false)))
            {
                WriteGroup(json, g, related);
            }

            output.Write("\n"u8);
        }
    }

    /// <summary>One indented document: <c>summary</c>, <c>groups</c>, <c>authFailures</c>.</summary>
    public static void WriteJson(Stream output, DeniedReport report, bool related)
    {
        ArgumentNullException.ThrowIfNull(report);
        using (var json = new Utf8JsonWriter(output, PolicyWriter.GetOptions(indented: true)))
        {
            json.WriteStartObject();
            json.WriteStartObject("summary");
            json.WriteNumber("deniedCalls", report.DeniedCalls);
            json.WriteNumber("groups", report.Groups.Count);
            json.WriteNumber("principals", report.Principals);
            json.WriteNumber("authFailures", report.AuthFailureCalls);
            json.WriteBoolean("authFailuresIncluded", report.AuthFailuresIncluded);
            DeniedPolicyPlan plan = report.Policy;
            json.WriteStartObject("policy");
            json.WriteNumber("grantableCalls", plan.GrantableCalls);
            json.WriteNumber("otherPolicyCalls", plan.OtherPolicyCalls);
            json.WriteNumber("unresolvableCalls", plan.UnresolvableCalls);
            json.WriteNumber("enumerationCalls", plan.EnumerationCalls);
            json.WriteStartArray("unresolvable");
            foreach (DeniedPolicyGap gap in plan.Unresolvable)
            {
                json.WriteStartObject();
                json.WriteString("reason", gap.Reason);
                json.WriteNumber("calls", gap.Calls);
                json.WriteStringArray("examples", gap.Examples);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("enumerations");
            foreach (EnumerationFinding e in plan.Enumerations)
            {
                json.WriteStartObject();
                json.WriteString("principal", e.Principal);
                json.WriteNumber("services", e.Services);
                json.WriteNumber("actions", e.Actions);
                json.WriteNumber("calls", e.Calls);
                json.WriteNumber("servicesWithinHour", e.ServicesInWindow);
                WriteTime(json, "firstSeen", e.FirstSeen);
                WriteTime(json, "lastSeen", e.LastSeen);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteStartArray("groups");
            foreach (DeniedGroup g in report.Groups)
            {
                WriteGroup(json, g, related);
            }

            json.WriteEndArray();
            json.WriteStartArray("authFailures");
            foreach (AuthFailureGroup a in report.AuthFailures)
            {
                json.WriteStartObject();
                json.WriteString("principal", a.Principal);
                json.WriteString("errorCode", a.ErrorCode);
                json.WriteNumber("count", a.Count);
                WriteTime(json, "firstSeen", a.FirstSeen);
                WriteTime(json, "lastSeen", a.LastSeen);
                json.WriteStringArray("eventIds", a.EventIds);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.Write("\n"u8);
    }

    /// <summary>The kebab-case wire name of a hint kind.</summary>
    public static string WireName(DeniedHintKind kind) => kind switch
    {
        DeniedHintKind.TagsAfterCreation => "tags-after-creation",
        DeniedHintKind.FixedSince => "fixed-since",
        _ => "succeeded-later",
    };

    /// <summary>The kebab-case wire name of a fix kind.</summary>
    public static string WireName(DeniedFixKind kind) => kind switch
    {
        DeniedFixKind.AddIdentityAllow => "add-identity-allow",
        DeniedFixKind.ChangePolicy => "change-policy",
        _ => "investigate",
    };

    private static void WriteGroup(Utf8JsonWriter json, DeniedGroup g, bool related)
    {
        json.WriteStartObject();
        json.WriteString("principal", g.Principal);
        WriteNullable(json, "action", g.Action);
        WriteNullable(json, "resource", g.Resource);
        json.WriteString("reason", g.Reason.ToWireName());
        json.WriteStringArray("errorCodes", g.ErrorCodes);
        json.WriteNumber("count", g.Count);
        WriteTime(json, "firstSeen", g.FirstSeen);
        WriteTime(json, "lastSeen", g.LastSeen);
        json.WriteStringArray("eventIds", g.EventIds);
        WriteNullable(json, "calledBy", g.CalledBy);
        WriteFix(json, g.Suggestion);
        json.WriteStartArray("hints");
        foreach (DeniedHint h in g.Hints)
        {
            json.WriteStartObject();
            json.WriteString("kind", WireName(h.Kind));
            json.WriteString("text", h.Text);
            if (h.TagKeys.Count > 0)
            {
                json.WriteStringArray("tagKeys", h.TagKeys);
            }

            json.WriteStartArray("events");
            for (int i = 0; i < h.Events.Count && (related || i == 0); i++)
            {
                RelatedEvent e = h.Events[i];
                json.WriteStartObject();
                WriteTime(json, "eventTime", e.EventTime);
                json.WriteString("eventName", e.EventName);
                json.WriteString("eventId", e.EventId);
                json.WriteString("role", e.Role);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        WriteNullable(json, "policyType", g.PolicyType);
        WriteNullable(json, "eventSource", g.EventSource);
        WriteNullable(json, "eventName", g.EventName);
        json.WriteBoolean("actionDerived", g.ActionDerived);
        json.WriteBoolean("resourceDerived", g.ResourceDerived);
        json.WriteStringArray("notes", g.Notes);
        json.WriteEndObject();
    }

    private static void WriteFix(Utf8JsonWriter json, DeniedFix fix)
    {
        json.WriteStartObject("suggestion");
        json.WriteString("kind", WireName(fix.Kind));
        WriteNullable(json, "policyType", fix.PolicyType);
        json.WriteString("text", fix.Text);
        if (fix.Statement is not null)
        {
            json.WritePropertyName("statement");
            PolicyWriter.WriteStatement(fix.Statement, json);
        }

        json.WriteStringArray("notes", fix.Notes);
        json.WriteEndObject();
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }

    private static void WriteTime(Utf8JsonWriter json, string name, DateTimeOffset? time) =>
        WriteNullable(json, name, time?.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
}
