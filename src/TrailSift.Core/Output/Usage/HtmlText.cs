using System.Text;

namespace TrailSift.Core.Output.Usage;

/// <summary>
/// HTML escaping for text from logs, authorization details and policies: <c>&amp; &lt; &gt; " '</c> become entities, and
/// control characters (which HTML cannot carry) become U+FFFD, so no input can open a tag, end an attribute or hide text.
/// </summary>
/// <remarks>Stateless; thread-safe.</remarks>
internal static class HtmlText
{
    /// <summary>Text safe in element content and in quoted attribute values.</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var sb = new StringBuilder(text.Length + 16);
        foreach (char c in text)
        {
            switch (c)
            {
                case '&':
                    sb.Append("&amp;");
                    break;
                case '<':
                    sb.Append("&lt;");
                    break;
                case '>':
                    sb.Append("&gt;");
                    break;
                case '"':
                    sb.Append("&quot;");
                    break;
                case '\'':
                    sb.Append("&#39;");
                    break;
                default:
                    sb.Append(char.IsControl(c) && c != '\n' ? '\uFFFD' : c);
                    break;
            }
        }

        return sb.ToString();
    }
}
