using System.Text;

namespace TrailSift.Core.Aws;

/// <summary>The body of a query-protocol call: <c>Action=…&amp;Version=…&amp;Name=Value…</c>, form-encoded (RFC 3986 unreserved characters kept).</summary>
public static class AwsQueryForm
{
    /// <summary>Encodes the form.</summary>
    public static byte[] Encode(string action, string version, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var text = new StringBuilder();
        text.Append("Action=").Append(Uri.EscapeDataString(action)).Append("&Version=").Append(Uri.EscapeDataString(version));
        foreach ((string name, string value) in parameters)
        {
            text.Append('&').Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>Decodes a form body into its pairs, in order.</summary>
    public static List<KeyValuePair<string, string>> Decode(string body)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (string part in body.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            int eq = part.IndexOf('=', StringComparison.Ordinal);
            string name = eq < 0 ? part : part[..eq];
            string value = eq < 0 ? string.Empty : part[(eq + 1)..];
            pairs.Add(new(Uri.UnescapeDataString(name.Replace('+', ' ')), Uri.UnescapeDataString(value.Replace('+', ' '))));
        }

        return pairs;
    }
}
