namespace TrailSift.Core.Commands;

/// <summary>One <c>--format</c> value of an <see cref="AnalysisDescriptor"/>.</summary>
/// <param name="Name">The value, matched case-insensitively.</param>
/// <param name="JsonArray">
/// True when the output is the run's JSON lines gathered into one array (docs/json-output.md): the Cli wraps standard
/// output, the printers write as for NDJSON.
/// </param>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record AnalysisFormat(string Name, bool JsonArray = false);
