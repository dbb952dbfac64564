using TrailSift.Core.Iam.Policy;

namespace TrailSift.Core.Iam.Evaluation.Internal;

/*! Iam/Evaluation/Internal: the compiled form of a policy set (statements with pre-split ARN patterns, parsed
    condition values, variable templates), IAM wildcard and ARN segment matching, and Kleene three-valued logic
    for unknown keys. WildcardMatch and ArnSegments are kept apart from Common's matcher on purpose, so the two
    can be unified later. Depends on Iam/Policy and the BCL. */

/// <summary>A policy document compiled for one role in a <see cref="PolicySet"/>. Immutable; thread-safe.</summary>
internal sealed class CompiledPolicy
{
    public CompiledPolicy(PolicyDocument document, PolicyType type, int level, int index)
    {
        Document = document;
        Type = type;
        Level = level;
        Index = index;
        bool variables = document.SupportsVariables;
        Statements = new CompiledStatement[document.Statements.Length];
        for (int i = 0; i < Statements.Length; i++)
        {
            Statements[i] = new CompiledStatement(document.Statements[i], i, variables);
        }
    }

    public PolicyDocument Document { get; }

    public PolicyType Type { get; }

    public int Level { get; }

    public int Index { get; }

    public CompiledStatement[] Statements { get; }

    /// <summary>True for policy types whose statements name principals.</summary>
    public bool HasPrincipals => Type is PolicyType.ResourcePolicy or PolicyType.ResourceControlPolicy or PolicyType.EndpointPolicy;
}
