using System.Collections.Immutable;

namespace TrailSift.Core.Iam.Policy;

/// <summary>
/// One statement of a policy document. Element presence is modelled with nulls: a statement has
/// <see cref="Action"/> or <see cref="NotAction"/>, <see cref="Resource"/> or <see cref="NotResource"/>
/// (role trust policies have neither), and <see cref="Principal"/> or <see cref="NotPrincipal"/> only in
/// resource-based policies.
/// </summary>
/// <remarks>Immutable and thread-safe. Equality is structural (values, order and single-vs-array form).</remarks>
public sealed record Statement
{
    /// <summary>Position in the parsed document's <c>Statement</c> array (-1 when built in code); used for diagnostic paths.</summary>
    internal int SourceIndex { get; init; } = -1;

    /// <summary>True for a statement kept only so the linter can check it: its <c>Effect</c> was missing or invalid.</summary>
    internal bool EffectUnknown { get; init; }

    /// <summary>The <c>Sid</c>, or null.</summary>
    public string? Sid { get; init; }

    /// <summary>The <c>Effect</c>.</summary>
    public Effect Effect { get; init; }

    /// <summary>The <c>Principal</c> element, or null.</summary>
    public PolicyPrincipal? Principal { get; init; }

    /// <summary>The <c>NotPrincipal</c> element, or null.</summary>
    public PolicyPrincipal? NotPrincipal { get; init; }

    /// <summary>The <c>Action</c> element, or null.</summary>
    public PolicyValueList? Action { get; init; }

    /// <summary>The <c>NotAction</c> element, or null.</summary>
    public PolicyValueList? NotAction { get; init; }

    /// <summary>The <c>Resource</c> element, or null.</summary>
    public PolicyValueList? Resource { get; init; }

    /// <summary>The <c>NotResource</c> element, or null.</summary>
    public PolicyValueList? NotResource { get; init; }

    /// <summary>The <c>Condition</c> entries in document order (empty when there is no condition).</summary>
    public ImmutableArray<PolicyCondition> Conditions { get; init; } = [];

    /// <inheritdoc/>
    public bool Equals(Statement? other)
    {
        if (other is null)
        {
            return false;
        }

        if (!string.Equals(Sid, other.Sid, StringComparison.Ordinal) || Effect != other.Effect
            || !Equals(Principal, other.Principal) || !Equals(NotPrincipal, other.NotPrincipal)
            || !Equals(Action, other.Action) || !Equals(NotAction, other.NotAction)
            || !Equals(Resource, other.Resource) || !Equals(NotResource, other.NotResource)
            || Conditions.Length != other.Conditions.Length)
        {
            return false;
        }

        for (int i = 0; i < Conditions.Length; i++)
        {
            if (!Conditions[i].Equals(other.Conditions[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Sid, Effect, Action, NotAction, Resource, NotResource, Conditions.Length);
}
