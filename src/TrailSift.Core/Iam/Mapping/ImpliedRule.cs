using System.Collections.Immutable;

namespace TrailSift.Core.Iam.Mapping;

/// <summary>What an <see cref="ImpliedRule"/> emits.</summary>
internal enum ImpliedKind
{
    /// <summary><c>iam:PassRole</c> on the role named (by ARN or name) at the paths.</summary>
    PassRole,

    /// <summary><c>iam:PassRole</c> on the role inside the instance profile at the paths: unknown, so <c>*</c> with a note.</summary>
    PassRoleOfInstanceProfile,

    /// <summary>The action on the same resources as the call itself, when the trigger path is present (tag on create, session tags).</summary>
    SameResource,

    /// <summary><c>ec2:CreateTags</c> on each resource type of <c>tagSpecificationSet</c>.</summary>
    Ec2TagSpecifications,
}

/// <summary>One permission CloudTrail never logs but a call needs.</summary>
/// <remarks>Immutable; thread-safe.</remarks>
internal sealed record ImpliedRule(string Prefix, string Operation, string Action, ImpliedKind Kind, ImmutableArray<FieldPath> Paths, string Why);
