using System.Collections.Frozen;
using System.Text.Json;
using System.Xml.Linq;

namespace TrailSift.Core.Iam.Authorization.Live;

/// <summary>
/// Writes the result element of an IAM query-protocol answer as the JSON the AWS CLI prints for it, which the offline
/// readers take (<see cref="AuthorizationDetailsReader"/>, <see cref="AccessAdvisorReader"/>): a list (its items are
/// <c>member</c> elements, or it is one of IAM's list members and empty) becomes an array, an element with children an
/// object, a leaf a string — except IAM's Boolean and integer members, which become JSON booleans and numbers. Policy
/// documents stay as IAM sends them (URL-encoded JSON strings), which the reader decodes.
/// </summary>
/// <remarks>Stateless; thread-safe.</remarks>
public static class QueryResultJson
{
    // IAM's list-typed members in GetAccountAuthorizationDetails and GetServiceLastAccessedDetails: an empty one must
    // still be an array ("no tracked actions" differs from "not tracked").
    private static readonly FrozenSet<string> Lists = FrozenSet.Create(StringComparer.Ordinal,
        "UserDetailList", "GroupDetailList", "RoleDetailList", "Policies", "UserPolicyList", "GroupPolicyList", "RolePolicyList",
        "AttachedManagedPolicies", "GroupList", "Tags", "InstanceProfileList", "Roles", "PolicyVersionList",
        "ServicesLastAccessed", "TrackedActionsLastAccessed");

    private static readonly FrozenSet<string> Booleans = FrozenSet.Create(StringComparer.Ordinal,
        "IsTruncated", "IsDefaultVersion", "IsAttachable");

    private static readonly FrozenSet<string> Integers = FrozenSet.Create(StringComparer.Ordinal,
        "AttachmentCount", "PermissionsBoundaryUsageCount", "TotalAuthenticatedEntities", "MaxSessionDuration");

    /// <summary>The result element (<c>&lt;ActionResult&gt;</c>) of an answer, or null when the answer has none.</summary>
    public static XElement? Result(XDocument answer, string action)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return answer.Root?.Elements().FirstOrDefault(e => e.Name.LocalName == action + "Result");
    }

    /// <summary>Writes <paramref name="element"/>'s children as one JSON object, adding <paramref name="extra"/> members (strings) first.</summary>
    public static void WriteObject(Utf8JsonWriter writer, XElement element, IEnumerable<KeyValuePair<string, string>>? extra = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(element);
        writer.WriteStartObject();
        foreach ((string name, string value) in extra ?? [])
        {
            writer.WriteString(name, value);
        }

        foreach (XElement child in element.Elements())
        {
            writer.WritePropertyName(child.Name.LocalName);
            WriteValue(writer, child);
        }

        writer.WriteEndObject();
    }

    /// <summary>Writes one element as a JSON value by the rules above.</summary>
    public static void WriteValue(Utf8JsonWriter writer, XElement element)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(element);
        string name = element.Name.LocalName;
        bool hasChildren = element.HasElements;
        if (Lists.Contains(name) || (hasChildren && element.Elements().All(static e => e.Name.LocalName == "member")))
        {
            writer.WriteStartArray();
            foreach (XElement member in element.Elements())
            {
                WriteValue(writer, member);
            }

            writer.WriteEndArray();
        }
        else if (hasChildren)
        {
            WriteObject(writer, element);
        }
        else if (Booleans.Contains(name) && element.Value is "true" or "false")
        {
            writer.WriteBooleanValue(element.Value == "true");
        }
        else if (Integers.Contains(name) && long.TryParse(element.Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long n))
        {
            writer.WriteNumberValue(n);
        }
        else
        {
            writer.WriteStringValue(element.Value);
        }
    }
}
