using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using TrailSift.Core.Analysis.Usage;
using TrailSift.Core.Iam.Policy;

namespace TrailSift.Core.Output.Usage;

// One principal's object: property names and fixed words encoded once, times formatted without allocating.
public static partial class UsageJsonPrinter
{
    private static readonly JsonEncodedText[] Verdicts = [.. Enum.GetValues<UsageVerdict>().Select(static v => JsonEncodedText.Encode(Word(v)))];
    private static readonly JsonEncodedText Management = JsonEncodedText.Encode("management");
    private static readonly JsonEncodedText DataEvent = JsonEncodedText.Encode("data-event");
    private static readonly JsonEncodedText NeverLogged = JsonEncodedText.Encode("never-logged");
    private static readonly JsonEncodedText Unrecorded = JsonEncodedText.Encode("unrecorded");

    private static void WriteCoverage(InputCoverage coverage, Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteNumber(Names.Events, coverage.Events);
        Time(writer, Names.First, coverage.FirstTicks);
        Time(writer, Names.Last, coverage.LastTicks);
        writer.WriteStartObject(Names.Regions);
        foreach ((string account, var regions) in coverage.Regions)
        {
            writer.WritePropertyName(account);
            Strings(writer, regions);
        }

        writer.WriteEndObject();
        writer.WriteStartObject(Names.DataEvents);
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
        writer.WriteString(Names.Arn, principal.Policies.Principal.Arn);
        writer.WriteStartArray(Names.Policies);
        foreach (var policy in principal.Policies.Identity)
        {
            writer.WriteStringValue(policy.Label);
        }

        writer.WriteEndArray();
        writer.WriteString(Names.Boundary, principal.Policies.Boundary?.Label);
        writer.WritePropertyName(Names.UnknownPolicies);
        Strings(writer, principal.Policies.Unknown);
        writer.WriteString(Names.AccessAdvisor, principal.AccessAdvisorSource);
        writer.WriteNumber(Names.Calls, principal.Calls);
        Span<int> counts = stackalloc int[Verdicts.Length];
        foreach (GrantUsage grant in principal.Grants)
        {
            counts[(int)grant.Verdict]++;
        }

        writer.WriteStartObject(Names.Counts);
        for (int v = 0; v < Verdicts.Length; v++)
        {
            writer.WriteNumber(Verdicts[v], counts[v]);
        }

        writer.WriteEndObject();
        writer.WriteStartArray(Names.Grants);
        var repeated = new RepeatedTexts();
        foreach (GrantUsage grant in principal.Grants)
        {
            WriteGrant(grant, writer, ref repeated);
        }

        writer.WriteEndArray();
        writer.WriteStartArray(Names.NotAllowedNow);
        foreach (PermissionUse use in principal.NotAllowedNow)
        {
            writer.WriteStartObject();
            writer.WriteString(Names.Action, use.Action);
            writer.WriteString(Names.Resource, use.Resource);
            writer.WriteString(Names.Decision, use.Undecidable ? Names.Undecidable : DecisionWord(use.Decision));
            writer.WriteNumber(Names.Calls, use.Calls);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartObject(Names.Unmapped);
        foreach ((string name, long n) in principal.Unmapped)
        {
            writer.WriteNumber(name, n);
        }

        writer.WriteEndObject();
        WriteReduced(principal.Reduced, writer);
        writer.WriteEndObject();
    }

    // plain: a plain tail (HasPlainTail) written as the bytes written once. repeated: the texts the grant before wrote.
    private static void WriteGrant(GrantUsage grant, Utf8JsonWriter writer, ref RepeatedTexts repeated, bool plain = true)
    {
        writer.WriteStartObject();
        repeated.Policy(writer, Names.Policy, grant.Policy);
        writer.WriteNumber(Names.Statement, grant.StatementIndex);
        if (grant.Sid is null)
        {
            writer.WriteNull(Names.Sid);
        }
        else
        {
            repeated.Sid(writer, Names.Sid, grant.Sid);
        }

        writer.WriteString(Names.Action, grant.Action);
        writer.WriteString(Names.Verdict, Verdicts[(int)grant.Verdict]);
        repeated.Reason(writer, Names.Reason, grant.Reason);
        if (plain && HasPlainTail(grant))
        {
            WritePlainTail(grant, writer);
        }
        else
        {
            writer.WritePropertyName(Names.Visibility);
            WriteTail(grant, writer);
        }

        writer.WriteEndObject();
    }

    // The visibility's value (its name written) and the properties after it. A grant field read here must also be in
    // HasPlainTail's pattern, or grants differing in it would share one written tail.
    private static void WriteTail(GrantUsage grant, Utf8JsonWriter writer)
    {
        writer.WriteStringValue(grant.Visibility switch
        {
            Visibility.DataEvent => DataEvent,
            Visibility.NeverLogged => NeverLogged,
            Visibility.Unrecorded => Unrecorded,
            _ => Management,
        });
        writer.WriteNumber(Names.Calls, grant.Calls);
        writer.WriteNumber(Names.UndecidableCalls, grant.UndecidableCalls);
        writer.WriteNumber(Names.DeniedAtTheTime, grant.DeniedAtTheTime);
        writer.WriteBoolean(Names.Implied, grant.Implied);
        Time(writer, Names.First, grant.FirstTicks);
        Time(writer, Names.Last, grant.LastTicks);
        writer.WritePropertyName(Names.Resources);
        Strings(writer, grant.Resources);
        writer.WritePropertyName(Names.UnusedResourcePatterns);
        Strings(writer, grant.UnusedResourcePatterns);
        writer.WriteBoolean(Names.HasConditions, grant.HasConditions);
        writer.WriteString(Names.AccessAdvisor, grant.AccessAdvisor);
    }

    private static void WriteReduced(ReducedPolicy reduced, Utf8JsonWriter writer)
    {
        writer.WriteStartObject(Names.Reduced);
        writer.WritePropertyName(Names.Policy);
        PolicyWriter.Write(reduced.Document, writer);
        writer.WriteStartArray(Names.Statements);
        foreach (ReducedStatement statement in reduced.Statements)
        {
            writer.WriteStartObject();
            writer.WriteString(Names.Sid, statement.Statement.Sid);
            writer.WriteString(Names.Kind, statement.Kind switch
            {
                ReducedStatementKind.NotVisible => "not-visible",
                ReducedStatementKind.AccessAdvisor => "access-advisor",
                ReducedStatementKind.NoData => "no-data",
                ReducedStatementKind.Deny => "deny",
                _ => "observed",
            });
            writer.WriteString(Names.Origin, statement.Origin);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        ReplayVerification v = reduced.Verification;
        writer.WriteStartObject(Names.Verification);
        writer.WriteNumber(Names.Requests, v.Requests);
        writer.WriteNumber(Names.StillAllowed, v.StillAllowed);
        writer.WriteBoolean(Names.Passed, v.Passed);
        writer.WritePropertyName(Names.Lost);
        Strings(writer, v.Lost);
        writer.WriteEndObject();
        writer.WriteNumber(Names.Size, reduced.Size);
        writer.WritePropertyName(Names.Notes);
        Strings(writer, reduced.Notes);
        writer.WriteEndObject();
    }

    /// <summary>The decision's name (as <see cref="Enum.ToString()"/> spells it), encoded once: no box per use written.</summary>
    internal static JsonEncodedText DecisionWord(Iam.Evaluation.Decision decision) => decision switch
    {
        Iam.Evaluation.Decision.Allowed => Names.Allowed,
        Iam.Evaluation.Decision.ImplicitlyDenied => Names.ImplicitlyDenied,
        Iam.Evaluation.Decision.ExplicitlyDenied => Names.ExplicitlyDenied,
        _ => JsonEncodedText.Encode(decision.ToString()),
    };

    private static void Strings(Utf8JsonWriter writer, ImmutableArray<string> values)
    {
        writer.WriteStartArray();
        foreach (string value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    /// <summary><c>"name": "yyyy-MM-ddTHH:mm:ssZ"</c> (UTC), or null for no time.</summary>
    private static void Time(Utf8JsonWriter writer, JsonEncodedText name, long ticks)
    {
        if (ticks <= 0)
        {
            writer.WriteNull(name);
            return;
        }

        // Formatted into UTF-8 on the stack: no string per time.
        Span<byte> text = stackalloc byte[32];
        new DateTime(ticks, DateTimeKind.Utc).TryFormat(text, out int written, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        writer.WriteString(name, text[..written]);
    }

    /// <summary>The property names, encoded once.</summary>
    private static class Names
    {
        public static readonly JsonEncodedText Coverage = JsonEncodedText.Encode("coverage");
        public static readonly JsonEncodedText Diagnostics = JsonEncodedText.Encode("diagnostics");
        public static readonly JsonEncodedText Principals = JsonEncodedText.Encode("principals");
        public static readonly JsonEncodedText Principal = JsonEncodedText.Encode("principal");
        public static readonly JsonEncodedText Events = JsonEncodedText.Encode("events");
        public static readonly JsonEncodedText First = JsonEncodedText.Encode("first");
        public static readonly JsonEncodedText Last = JsonEncodedText.Encode("last");
        public static readonly JsonEncodedText Regions = JsonEncodedText.Encode("regions");
        public static readonly JsonEncodedText DataEvents = JsonEncodedText.Encode("dataEvents");
        public static readonly JsonEncodedText Arn = JsonEncodedText.Encode("arn");
        public static readonly JsonEncodedText Policies = JsonEncodedText.Encode("policies");
        public static readonly JsonEncodedText Boundary = JsonEncodedText.Encode("boundary");
        public static readonly JsonEncodedText UnknownPolicies = JsonEncodedText.Encode("unknownPolicies");
        public static readonly JsonEncodedText AccessAdvisor = JsonEncodedText.Encode("accessAdvisor");
        public static readonly JsonEncodedText Calls = JsonEncodedText.Encode("calls");
        public static readonly JsonEncodedText Counts = JsonEncodedText.Encode("counts");
        public static readonly JsonEncodedText Grants = JsonEncodedText.Encode("grants");
        public static readonly JsonEncodedText NotAllowedNow = JsonEncodedText.Encode("notAllowedNow");
        public static readonly JsonEncodedText Action = JsonEncodedText.Encode("action");
        public static readonly JsonEncodedText Resource = JsonEncodedText.Encode("resource");
        public static readonly JsonEncodedText Decision = JsonEncodedText.Encode("decision");
        public static readonly JsonEncodedText Undecidable = JsonEncodedText.Encode("Undecidable");
        public static readonly JsonEncodedText Allowed = JsonEncodedText.Encode(nameof(Iam.Evaluation.Decision.Allowed));
        public static readonly JsonEncodedText ImplicitlyDenied = JsonEncodedText.Encode(nameof(Iam.Evaluation.Decision.ImplicitlyDenied));
        public static readonly JsonEncodedText ExplicitlyDenied = JsonEncodedText.Encode(nameof(Iam.Evaluation.Decision.ExplicitlyDenied));
        public static readonly JsonEncodedText Unmapped = JsonEncodedText.Encode("unmapped");
        public static readonly JsonEncodedText Policy = JsonEncodedText.Encode("policy");
        public static readonly JsonEncodedText Statement = JsonEncodedText.Encode("statement");
        public static readonly JsonEncodedText Sid = JsonEncodedText.Encode("sid");
        public static readonly JsonEncodedText Verdict = JsonEncodedText.Encode("verdict");
        public static readonly JsonEncodedText Reason = JsonEncodedText.Encode("reason");
        public static readonly JsonEncodedText Visibility = JsonEncodedText.Encode("visibility");
        public static readonly JsonEncodedText UndecidableCalls = JsonEncodedText.Encode("undecidableCalls");
        public static readonly JsonEncodedText DeniedAtTheTime = JsonEncodedText.Encode("deniedAtTheTime");
        public static readonly JsonEncodedText Implied = JsonEncodedText.Encode("implied");
        public static readonly JsonEncodedText Resources = JsonEncodedText.Encode("resources");
        public static readonly JsonEncodedText UnusedResourcePatterns = JsonEncodedText.Encode("unusedResourcePatterns");
        public static readonly JsonEncodedText HasConditions = JsonEncodedText.Encode("hasConditions");
        public static readonly JsonEncodedText Reduced = JsonEncodedText.Encode("reduced");
        public static readonly JsonEncodedText Statements = JsonEncodedText.Encode("statements");
        public static readonly JsonEncodedText Kind = JsonEncodedText.Encode("kind");
        public static readonly JsonEncodedText Origin = JsonEncodedText.Encode("origin");
        public static readonly JsonEncodedText Verification = JsonEncodedText.Encode("verification");
        public static readonly JsonEncodedText Requests = JsonEncodedText.Encode("requests");
        public static readonly JsonEncodedText StillAllowed = JsonEncodedText.Encode("stillAllowed");
        public static readonly JsonEncodedText Passed = JsonEncodedText.Encode("passed");
        public static readonly JsonEncodedText Lost = JsonEncodedText.Encode("lost");
        public static readonly JsonEncodedText Size = JsonEncodedText.Encode("size");
        public static readonly JsonEncodedText Notes = JsonEncodedText.Encode("notes");
    }
}
