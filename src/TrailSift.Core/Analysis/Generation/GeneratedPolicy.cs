using System.Collections.Immutable;
using TrailSift.Core.Iam.Policy;

namespace TrailSift.Core.Analysis.Generation;

/// <summary>
/// A least-privilege policy generated for one principal: one document, or several when the policy is larger than
/// the size limit, with the evidence behind each statement and what CloudTrail could not show.
/// </summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record GeneratedPolicy
{
    /// <summary>The principal the policy is for.</summary>
    public required string Principal { get; init; }

    /// <summary>The documents, in order; more than one when the policy was split.</summary>
    public ImmutableArray<PolicyDocument> Documents { get; init; } = [];

    /// <summary>The size of each document in characters without whitespace.</summary>
    public ImmutableArray<int> Sizes { get; init; } = [];

    /// <summary>The size limit the documents were packed to.</summary>
    public int MaxSize { get; init; }

    /// <summary>The statements with their evidence, in document order.</summary>
    public ImmutableArray<GeneratedStatement> Statements { get; init; } = [];

    /// <summary>The principal's evidence the policy was made from.</summary>
    public required PrincipalEvidence Evidence { get; init; }

    /// <summary>Facts about the input.</summary>
    public required InputFacts Facts { get; init; }

    /// <summary>Things the reader must know: what CloudTrail could not show, what was left out, splitting.</summary>
    public ImmutableArray<string> Notes { get; init; } = [];

    /// <summary>True when the policy is split over several documents.</summary>
    public bool IsSplit => Documents.Length > 1;

    /// <summary>True when some document is larger than <see cref="MaxSize"/> (a single statement that cannot be split further).</summary>
    public bool ExceedsMaxSize
    {
        get
        {
            foreach (int size in Sizes)
            {
                if (size > MaxSize)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
