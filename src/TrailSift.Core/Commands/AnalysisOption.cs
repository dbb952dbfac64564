namespace TrailSift.Core.Commands;

/// <summary>One option of an <see cref="AnalysisDescriptor"/>, as help, completion and the parser show it.</summary>
/// <param name="Name">The long name without dashes.</param>
/// <param name="Arity">How the option takes its value.</param>
/// <param name="Help">One line of help; a value list <c>a | b | c (…)</c> at its start is what completion offers.</param>
/// <param name="ValueName">The value as help shows it, e.g. <c>FORMAT</c>.</param>
/// <param name="Short">The one-letter alias, if any.</param>
/// <param name="Group">The help section the option is listed under.</param>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record AnalysisOption(string Name, AnalysisOptionArity Arity, string Help, string? ValueName = null, char? Short = null, string Group = "Options");
