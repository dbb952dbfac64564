namespace TrailSift.Core.Iam.Policy;

/// <summary>
/// A problem found while parsing a policy: a JSON path such as <c>Statement[2].Condition</c>, the byte offset
/// of the offending value in the parsed text, and a message.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
/// <param name="Severity">Error or warning.</param>
/// <param name="Path">The JSON path of the offending element (empty for the document itself).</param>
/// <param name="Offset">Byte offset of the offending value in the UTF-8 text that was parsed.</param>
/// <param name="Message">What is wrong, in lower case, without a trailing period.</param>
public sealed record PolicyDiagnostic(DiagnosticSeverity Severity, string Path, long Offset, string Message)
{
    /// <summary>Formats as <c>Path: message</c>, for example <c>Statement[2].Condition: unknown operator "StringEqual"</c>.</summary>
    public override string ToString() => Path.Length == 0 ? Message : Path + ": " + Message;
}
