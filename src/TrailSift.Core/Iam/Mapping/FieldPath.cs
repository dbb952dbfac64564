using System.Text;
using TrailSift.Core.Events;
using TrailSift.Core.Json;

namespace TrailSift.Core.Iam.Mapping;

/// <summary>
/// A dotted path into <c>requestParameters</c> or <c>responseElements</c>, such as
/// <c>instancesSet.items.instanceId</c>. Property names compare ignoring case (CloudTrail writes
/// <c>dBInstanceIdentifier</c> where the SDK says <c>DBInstanceIdentifier</c>), arrays met on the way are iterated,
/// and a final <c>*keys</c> segment yields an object's property names (DynamoDB <c>requestItems</c>). A leading
/// <c>@</c> in the text means <c>responseElements</c>.
/// </summary>
/// <remarks>Immutable; thread-safe.</remarks>
internal sealed class FieldPath
{
    private const string KeysSegment = "*keys";
    private readonly byte[][] _segments;
    private readonly bool _keys;

    private FieldPath(string text, bool fromResponse, byte[][] segments, bool keys)
    {
        Text = text;
        FromResponse = fromResponse;
        _segments = segments;
        _keys = keys;
    }

    /// <summary>The path as written (without <c>@</c>).</summary>
    public string Text { get; }

    /// <summary>Whether the path reads <c>responseElements</c>.</summary>
    public bool FromResponse { get; }

    /// <summary>Parses <c>[@]a.b.c[.*keys]</c>; <c>[]</c> after a name is accepted and ignored.</summary>
    public static FieldPath Parse(string text)
    {
        bool response = text.StartsWith('@');
        string body = response ? text[1..] : text;
        string[] parts = body.Replace("[]", string.Empty, StringComparison.Ordinal).Split('.');
        bool keys = parts.Length > 1 && parts[^1] == KeysSegment;
        int count = keys ? parts.Length - 1 : parts.Length;
        var segments = new byte[count][];
        for (int i = 0; i < count; i++)
        {
            segments[i] = Encoding.UTF8.GetBytes(parts[i]);
        }

        return new FieldPath(body, response, segments, keys);
    }

    /// <summary>Adds every string value at the path under <paramref name="root"/> to <paramref name="values"/>.</summary>
    public void Collect(JsonNode root, List<string> values) => Walk(root, 0, values);

    /// <summary>The first string value at the path, or null.</summary>
    public string? First(JsonNode root)
    {
        var values = new List<string>(1);
        Walk(root, 0, values);
        return values.Count > 0 ? values[0] : null;
    }

    /// <summary>Whether anything other than null is present at the path.</summary>
    public bool IsPresent(JsonNode root) => Present(root, 0);

    private void Walk(JsonNode node, int index, List<string> values)
    {
        if (node.Kind == JsonKind.Array)
        {
            foreach (JsonNode element in node.EnumerateChildren())
            {
                Walk(element, index, values);
            }

            return;
        }

        if (index == _segments.Length)
        {
            if (_keys && node.Kind == JsonKind.Object)
            {
                foreach (JsonNode.PropertyEnumerator property in node.EnumerateProperties())
                {
                    values.Add(property.Name.GetString());
                }
            }
            else if (!_keys && node.Kind == JsonKind.String)
            {
                string value = TextCache.Get(node);
                if (value.Length > 0)
                {
                    values.Add(value);
                }
            }
            else if (!_keys && node.Kind == JsonKind.Number)
            {
                values.Add(Encoding.UTF8.GetString(node.RawJson));
            }

            return;
        }

        Walk(node.GetPropertyIgnoreAsciiCase(_segments[index]), index + 1, values);
    }

    private bool Present(JsonNode node, int index)
    {
        if (node.Kind == JsonKind.Array && index < _segments.Length)
        {
            foreach (JsonNode element in node.EnumerateChildren())
            {
                if (Present(element, index))
                {
                    return true;
                }
            }

            return false;
        }

        if (index == _segments.Length)
        {
            return !node.IsNullOrUndefined && !(node.Kind == JsonKind.Array && node.ChildCount == 0);
        }

        return Present(node.GetPropertyIgnoreAsciiCase(_segments[index]), index + 1);
    }

    /// <summary>Returns the path text.</summary>
    public override string ToString() => FromResponse ? "@" + Text : Text;
}
