using System.Globalization;
using TrailSift.Core.Iam.Catalog;

namespace TrailSift.Testing;

/// <summary>
/// Generates trails of denied calls by one user: read-only calls on many services (catalog actions whose names start
/// with List, Describe or Get), each refused with IAM's "no identity-based policy allows" message. Close together they
/// are the incident pattern (credentials being tried service after service); an hour apart, a workload's gaps.
/// </summary>
public static class DeniedTrail
{
    /// <summary>The user the calls come from.</summary>
    public const string User = "arn:aws:iam::123456789012:user/probe";

    /// <summary>
    /// <paramref name="perService"/> actions on each of the first <paramref name="services"/> catalog services (prefix
    /// order) with such actions, <paramref name="spacing"/> apart from 2024-05-01T10:00:00Z.
    /// </summary>
    public static List<string> ReadOnlyProbes(int services, int perService, TimeSpan spacing)
    {
        var events = new List<string>();
        var start = new DateTimeOffset(2024, 5, 1, 10, 0, 0, TimeSpan.Zero);
        foreach (ServiceInfo service in IamCatalog.Default.Services.OrderBy(static s => s.Prefix, StringComparer.Ordinal))
        {
            var names = service.Actions.Select(static a => a.Name)
                .Where(static n => n.StartsWith("List", StringComparison.Ordinal) || n.StartsWith("Describe", StringComparison.Ordinal) || n.StartsWith("Get", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal).Take(perService).ToList();
            if (names.Count < perService)
            {
                continue;
            }

            foreach (string name in names)
            {
                string action = service.Prefix + ":" + name;
                events.Add(Denied($"{service.Prefix}.amazonaws.com", name,
                    $"User: {User} is not authorized to perform: {action} because no identity-based policy allows the {action} action",
                    start + (spacing * events.Count)));
            }

            if (--services == 0)
            {
                break;
            }
        }

        return events;
    }

    /// <summary>One denied call by <see cref="User"/> with the given message.</summary>
    public static string Denied(string eventSource, string eventName, string message, DateTimeOffset time, string? requestParameters = null) =>
        new EventBuilder(eventSource, eventName)
            .With("requestParameters", requestParameters is null ? null : System.Text.Json.Nodes.JsonNode.Parse(requestParameters))
            .With("userIdentity", System.Text.Json.Nodes.JsonNode.Parse(
                $$"""{"type":"IAMUser","principalId":"AIDAPROBE","arn":"{{User}}","accountId":"123456789012","userName":"probe"}"""))
            .At(time.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture))
            .Error("AccessDenied", message)
            .Json();
}
