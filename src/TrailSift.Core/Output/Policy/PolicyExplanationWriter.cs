using System.Globalization;
using TrailSift.Core.Analysis.Generation;
using TrailSift.Core.Iam.Policy;

namespace TrailSift.Core.Output.Policy;

/// <summary>
/// Writes a generated policy for people (<c>--explain</c>): each statement followed by its evidence (the calls
/// behind every resource with counts and first/last time, denied calls and implied permissions marked), then
/// the calls that are not in the policy and what CloudTrail could not show.
/// </summary>
/// <remarks>Stateless; thread-safe.</remarks>
public static class PolicyExplanationWriter
{
    /// <summary>Writes the explanation.</summary>
    public static void Write(GeneratedPolicy policy, TextWriter w)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(w);
        w = TerminalTextWriter.Guard(w, color: false);
        CultureInfo c = CultureInfo.InvariantCulture;
        PrincipalEvidence e = policy.Evidence;
        w.Write($"Policy for {policy.Principal}\n");
        w.Write(string.Create(c, $"Calls: {e.Calls} ({e.AllowedCalls} allowed, {e.DeniedCalls} denied included, {e.ExcludedDeniedCalls} denied left out, {e.NoPermissionCalls} needing no permission, {e.AuthenticationFailures} authentication failures)"));
        w.Write(e.FirstTicks != 0 ? $", {Time(e.FirstTicks)} to {Time(e.LastTicks)}\n" : "\n");
        w.Write(string.Create(c, $"Documents: {policy.Documents.Length} ({string.Join(", ", policy.Sizes)} of at most {policy.MaxSize} characters without whitespace), statements: {policy.Statements.Length}\n"));
        foreach (GeneratedStatement s in policy.Statements)
        {
            w.Write(string.Create(c, $"\n== {s.Sid} (document {s.Document + 1}) ==\n"));
            w.Write(StatementJson(s.Statement));
            foreach (string note in s.Notes)
            {
                w.Write($"note: {note}\n");
            }

            w.Write("evidence:\n");
            foreach (GeneratedResource r in s.Resources)
            {
                w.Write($"  {r.Pattern}\n");
                foreach (PermissionEvidence row in r.Evidence)
                {
                    w.Write("    ");
                    w.Write(row.Action);
                    if (row.Resource != r.Pattern)
                    {
                        w.Write($" on {row.Resource}");
                    }

                    w.Write(string.Create(c, $": {row.Calls} call{(row.Calls == 1 ? "" : "s")}"));
                    if (row.Denied > 0)
                    {
                        w.Write(string.Create(c, $", {row.Denied} DENIED"));
                    }

                    w.Write($", {Time(row.FirstTicks)} .. {Time(row.LastTicks)}, from {string.Join(", ", row.EventNames)}");
                    if (row.Implied)
                    {
                        w.Write(" [IMPLIED: needed by the call, never logged by CloudTrail]");
                    }

                    if (row.UnverifiedCalls > 0)
                    {
                        w.Write(string.Create(c, $" [UNVERIFIED: {row.UnverifiedCalls} failed validation, authorisation unknown]"));
                    }

                    w.Write('\n');
                    foreach (string note in row.Notes)
                    {
                        w.Write($"      note: {note}\n");
                    }
                }
            }
        }

        if (!e.Unmapped.IsEmpty)
        {
            w.Write("\n== Not in this policy: calls with no known IAM permission ==\n");
            foreach (UnmappedCall u in e.Unmapped)
            {
                w.Write(string.Create(c, $"  {u.EventSource} {u.EventName}: {u.Calls} call{(u.Calls == 1 ? "" : "s")}{(u.Denied > 0 ? $", {u.Denied} DENIED" : "")}\n"));
            }
        }

        if (!e.Unverified.IsEmpty)
        {
            w.Write("\n== Not in this policy: calls that failed validation (authorisation unknown; --include-unverified) ==\n");
            foreach (UnmappedCall u in e.Unverified)
            {
                w.Write(string.Create(c, $"  {u.EventSource} {u.EventName}: {u.Calls} call{(u.Calls == 1 ? "" : "s")}\n"));
            }
        }

        if (!policy.Notes.IsEmpty)
        {
            w.Write("\n== What CloudTrail could not show, and what was left out ==\n");
            foreach (string note in policy.Notes)
            {
                w.Write($"- {note}\n");
            }
        }
    }

    private static string StatementJson(Statement statement)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var json = new System.Text.Json.Utf8JsonWriter(buffer, PolicyWriter.GetOptions(indented: true)))
        {
            PolicyWriter.WriteStatement(statement, json);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }

    private static string Time(long ticks) =>
        ticks == 0 ? "?" : new DateTime(ticks, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
