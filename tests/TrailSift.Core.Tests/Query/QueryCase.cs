namespace TrailSift.Core.Tests.Query;

/// <summary>One data-driven case: a filter and either (input, expected) or an expected error.</summary>
public sealed record QueryCase(string Id, string Filter, string? Input, bool Expected, string? ErrorMessage, string? CaretLine);
