using System.Text.Json;
using System.Xml.Linq;

namespace TrailSift.Core.Aws;

/// <summary>
/// Reads an AWS error answer: JSON 1.1 (<c>{"__type":"…#ThrottlingException","message":"…"}</c> or the
/// <c>x-amzn-ErrorType</c> header) and query/XML (<c>&lt;ErrorResponse&gt;&lt;Error&gt;&lt;Code&gt;…</c>, or S3's <c>&lt;Error&gt;</c>).
/// </summary>
internal static class AwsErrorReader
{
    public static AwsServiceException Read(HttpResponseMessage response, byte[] body)
    {
        string? requestId = Header(response, "x-amzn-RequestId") ?? Header(response, "x-amz-request-id");
        string? code = Header(response, "x-amzn-ErrorType");
        string? message = null;
        if (body.Length > 0 && body[0] == (byte)'{')
        {
            (string? c, string? m) = FromJson(body);
            code = c ?? code;
            message = m;
        }
        else if (body.Length > 0)
        {
            (string? c, string? m, string? id) = FromXml(body);
            code = c ?? code;
            message = m;
            requestId ??= id;
        }

        code = Shorten(code) ?? $"Http{(int)response.StatusCode}";
        return new AwsServiceException(code, message ?? response.ReasonPhrase ?? "no message", response.StatusCode, requestId);
    }

    // "com.amazonaws.cloudtrail.v20131101#ThrottlingException" and "ThrottlingException:http://..." name the code.
    private static string? Shorten(string? code)
    {
        if (code is null)
        {
            return null;
        }

        int hash = code.LastIndexOf('#');
        code = hash >= 0 ? code[(hash + 1)..] : code;
        int colon = code.IndexOf(':', StringComparison.Ordinal);
        return colon >= 0 ? code[..colon] : code;
    }

    private static (string? Code, string? Message) FromJson(byte[] body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            JsonElement root = doc.RootElement;
            string? code = root.TryGetProperty("__type", out JsonElement t) ? t.GetString() : root.TryGetProperty("code", out JsonElement c) ? c.GetString() : null;
            string? message = root.TryGetProperty("message", out JsonElement m) ? m.GetString() : root.TryGetProperty("Message", out JsonElement m2) ? m2.GetString() : null;
            return (code, message);
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    private static (string? Code, string? Message, string? RequestId) FromXml(byte[] body)
    {
        try
        {
            using var stream = new MemoryStream(body);
            XDocument doc = XDocument.Load(stream);
            XElement? error = doc.Descendants().FirstOrDefault(e => e.Name.LocalName == "Error");
            string? Child(XElement? parent, string name) => parent?.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value;
            string? requestId = doc.Descendants().FirstOrDefault(e => e.Name.LocalName == "RequestId")?.Value;
            return (Child(error, "Code"), Child(error, "Message"), requestId);
        }
        catch (System.Xml.XmlException)
        {
            return (null, null, null);
        }
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out IEnumerable<string>? values) ? values.FirstOrDefault() : null;
}
