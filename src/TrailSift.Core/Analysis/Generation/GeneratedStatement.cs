using System.Collections.Immutable;
using TrailSift.Core.Iam.Policy;

namespace TrailSift.Core.Analysis.Generation;

/// <summary>One statement of a generated policy with its evidence: the actions behind it before compression, and
/// each resource pattern with the calls it covers.</summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record GeneratedStatement
{
    /// <summary>The statement as written.</summary>
    public required Statement Statement { get; init; }

    /// <summary>The index of the document holding it (0-based).</summary>
    public int Document { get; init; }

    /// <summary>The actions it grants, before compression, sorted.</summary>
    public ImmutableArray<string> Actions { get; init; } = [];

    /// <summary>The resource patterns with their evidence.</summary>
    public ImmutableArray<GeneratedResource> Resources { get; init; } = [];

    /// <summary>Remarks on the statement (compressed actions, resources the events could not show).</summary>
    public ImmutableArray<string> Notes { get; init; } = [];

    /// <summary>The statement id.</summary>
    public string Sid => Statement.Sid ?? string.Empty;
}
