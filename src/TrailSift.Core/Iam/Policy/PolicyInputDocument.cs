namespace TrailSift.Core.Iam.Policy;

/// <summary>
/// One policy document found in an input by <see cref="PolicyInputReader"/>: its label when the input held several
/// (<c>#2</c>), where it was inside a wrapper (<c>PolicyVersion.Document</c>), and the parse result, whose diagnostic
/// paths start with that wrapper path.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
/// <param name="Label">Null for the only document of the input, otherwise <c>#n</c> (1-based).</param>
/// <param name="WrapperPath">Where the document sat in CLI output (<c>PolicyVersion.Document</c>), or empty.</param>
/// <param name="Parsed">The parse result.</param>
public sealed record PolicyInputDocument(string? Label, string WrapperPath, PolicyParseResult Parsed);
