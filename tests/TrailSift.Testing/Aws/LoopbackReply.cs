using System.Security;
using System.Text;

namespace TrailSift.Testing.Aws;

/// <summary>What the loopback endpoint answers to one call.</summary>
/// <param name="Status">The HTTP status.</param>
/// <param name="ContentType">The content type.</param>
/// <param name="Body">The body.</param>
public sealed record LoopbackReply(int Status, string ContentType, byte[] Body)
{
    /// <summary>A 200 JSON 1.1 answer.</summary>
    public static LoopbackReply Json(string json) => new(200, "application/x-amz-json-1.1", Encoding.UTF8.GetBytes(json));

    /// <summary>A 200 XML answer.</summary>
    public static LoopbackReply Xml(string xml) => new(200, "text/xml", Encoding.UTF8.GetBytes(xml));

    /// <summary>A query-protocol result: <c>&lt;ActionResponse xmlns&gt;&lt;ActionResult&gt;inner&lt;/ActionResult&gt;&lt;ResponseMetadata&gt;…</c>.</summary>
    public static LoopbackReply QueryResult(string action, string xmlns, string innerXml, string requestId) =>
        Xml($"<{action}Response xmlns=\"{xmlns}\"><{action}Result>{innerXml}</{action}Result><ResponseMetadata><RequestId>{requestId}</RequestId></ResponseMetadata></{action}Response>");

    /// <summary>An error in the protocol's own format (JSON <c>__type</c>, query <c>ErrorResponse</c>, REST <c>Error</c>).</summary>
    public static LoopbackReply Error(AwsProtocol protocol, int status, string code, string message, string requestId = "loopback")
    {
        string text = protocol switch
        {
            AwsProtocol.Json => $"{{\"__type\":\"{code}\",\"message\":{System.Text.Json.JsonSerializer.Serialize(message)}}}",
            AwsProtocol.Query => $"<ErrorResponse><Error><Type>{(status >= 500 ? "Receiver" : "Sender")}</Type><Code>{code}</Code><Message>{SecurityElement.Escape(message)}</Message></Error><RequestId>{requestId}</RequestId></ErrorResponse>",
            _ => $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>{code}</Code><Message>{SecurityElement.Escape(message)}</Message><RequestId>{requestId}</RequestId></Error>",
        };
        return new LoopbackReply(status, protocol == AwsProtocol.Json ? "application/x-amz-json-1.1" : "text/xml", Encoding.UTF8.GetBytes(text));
    }
}
