using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;

namespace TrailSift.Core.Iam.Authorization;

/// <summary>
/// Reads <c>aws iam get-service-last-accessed-details</c> output (<c>SERVICE_LEVEL</c> or <c>ACTION_LEVEL</c>). The
/// job output does not name its principal, so a file says it in one of two ways: a top-level <c>"PrincipalArn"</c>
/// member added to the output (<c>jq --arg a ARN '. + {PrincipalArn: $a}'</c>), which wins; otherwise the file
/// name without its extension is the user or role name (<c>EMR_DefaultRole.json</c>).
/// </summary>
/// <remarks>Stateless; thread-safe.</remarks>
public static class AccessAdvisorReader
{
    /// <summary>Reads one file; returns null and says why when it is not a completed report.</summary>
    /// <param name="utf8">The file's bytes.</param>
    /// <param name="path">The file's path: its name names the principal when the text does not.</param>
    /// <param name="problem">Why the file was refused (<c>path: reason</c>), or null.</param>
    public static AccessAdvisorReport? Read(ReadOnlySpan<byte> utf8, string path, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(path);
        problem = null;
        JsonDocument document;
        try
        {
            var reader = new Utf8JsonReader(utf8.StartsWith("\uFEFF"u8) ? utf8[3..] : utf8);
            document = JsonDocument.ParseValue(ref reader);
            try
            {
                // One report per file: text after it (a second report, a cut-off copy) refuses the file rather than being ignored.
                reader.Read();
            }
            catch (JsonException)
            {
                document.Dispose();
                throw;
            }
        }
        catch (JsonException e)
        {
            problem = $"{path}: not JSON: {e.Message}";
            return null;
        }

        using (document)
        {
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("ServicesLastAccessed", out JsonElement services)
                || services.ValueKind != JsonValueKind.Array)
            {
                problem = $"{path}: no ServicesLastAccessed: not get-service-last-accessed-details output";
                return null;
            }

            string? status = Text(root, "JobStatus");
            if (status is not null && status != "COMPLETED")
            {
                problem = $"{path}: JobStatus is {status}, not COMPLETED";
                return null;
            }

            if (root.TryGetProperty("IsTruncated", out JsonElement truncated) && truncated.ValueKind == JsonValueKind.True)
            {
                problem = $"{path}: IsTruncated is true: the report is one page of several; fetch every page (the AWS CLI does by default)";
                return null;
            }

            AccessAdvisorGranularity granularity = Text(root, "JobType") == "ACTION_LEVEL"
                ? AccessAdvisorGranularity.ActionLevel
                : AccessAdvisorGranularity.ServiceLevel;
            string principal = Text(root, "PrincipalArn") ?? Path.GetFileNameWithoutExtension(path);
            var list = new List<ServiceLastAccess>();
            foreach (JsonElement service in services.EnumerateArray())
            {
                if (service.ValueKind == JsonValueKind.Object && Text(service, "ServiceNamespace") is string prefix)
                {
                    list.Add(ReadService(service, prefix));
                }
            }

            return new AccessAdvisorReport(principal, path, granularity, Time(root, "JobCompletionDate"), list);
        }
    }

    private static ServiceLastAccess ReadService(JsonElement service, string prefix)
    {
        var actions = ImmutableArray.CreateBuilder<ActionLastAccess>();
        bool tracked = service.TryGetProperty("TrackedActionsLastAccessed", out JsonElement list) && list.ValueKind == JsonValueKind.Array;
        if (tracked)
        {
            foreach (JsonElement action in list.EnumerateArray())
            {
                if (action.ValueKind == JsonValueKind.Object && Text(action, "ActionName") is string name)
                {
                    actions.Add(new ActionLastAccess(prefix + ":" + name, Time(action, "LastAccessedTime"),
                        Text(action, "LastAccessedEntity"), Text(action, "LastAccessedRegion")));
                }
            }
        }

        return new ServiceLastAccess
        {
            Namespace = prefix,
            Name = Text(service, "ServiceName"),
            LastAuthenticated = Time(service, "LastAuthenticated"),
            Entity = Text(service, "LastAuthenticatedEntity"),
            Region = Text(service, "LastAuthenticatedRegion"),
            HasTrackedActions = tracked,
            TrackedActions = actions.ToImmutable(),
        };
    }

    private static string? Text(JsonElement item, string name) =>
        item.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static DateTimeOffset? Time(JsonElement item, string name) =>
        Text(item, name) is string text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out DateTimeOffset time)
            ? time
            : null;
}
