using System.Text;
using TrailSift.Core.Json;

namespace TrailSift.Core.Iam.Policy.Internal;

/*! Iam/Policy/Internal: what the policy parsers read from a JsonNode (kind names for messages, scalar text, the first
    property of a name), and the typed condition value parsers (numbers, dates, booleans, CIDR blocks, base-64)
    shared with the evaluator. */

/// <summary>How the policy and simulation-request parsers read <see cref="JsonNode"/>s of a <see cref="StrictJsonReader"/> document.</summary>
/// <remarks>Stateless; thread-safe.</remarks>
internal static class PolicyJson
{
    extension(JsonNode node)
    {
        /// <summary>The kind as diagnostics name it ("a string", "an array", ...).</summary>
        public string KindName => node.Kind switch
        {
            JsonKind.Null => "null",
            JsonKind.False or JsonKind.True => "a boolean",
            JsonKind.Number => "a number",
            JsonKind.String => "a string",
            JsonKind.Array => "an array",
            _ => "an object",
        };

        /// <summary>A string's decoded content or a number's source text; null for other kinds.</summary>
        public string? Text => node.Kind switch
        {
            JsonKind.String => node.GetString(),
            JsonKind.Number => Encoding.UTF8.GetString(node.RawJson),
            _ => null,
        };

        /// <summary>The value of the first property named <paramref name="name"/> (a repeated name is the linter's to report), or null.</summary>
        public JsonNode? FirstProperty(string name)
        {
            foreach (JsonNode.PropertyEnumerator property in node.EnumerateProperties())
            {
                if (property.Name.GetString() == name)
                {
                    return property.Value;
                }
            }

            return null;
        }
    }
}
