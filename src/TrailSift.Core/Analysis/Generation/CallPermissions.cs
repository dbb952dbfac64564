using TrailSift.Core.Iam.Mapping;

namespace TrailSift.Core.Analysis.Generation;

/// <summary>What one event needed, as policy generation sees it: its kind and the permissions behind it.</summary>
/// <remarks>Immutable; thread-safe.</remarks>
/// <param name="Kind">Mapped, unmapped or needing no permission.</param>
/// <param name="Permissions">The permissions (observed and implied); empty unless <see cref="CallKind.Mapped"/>.</param>
public sealed record CallPermissions(CallKind Kind, IReadOnlyList<RequiredPermission> Permissions)
{
    /// <summary>The ARNs of the resources the call creates (see <c>EventPermissions.Created</c>).</summary>
    public IReadOnlyList<string> Created { get; init; } = [];

    /// <summary>The created resources with their catalog resource type, in <see cref="Created"/> order.</summary>
    public IReadOnlyList<(string Arn, string Type)> CreatedTypes { get; init; } = [];

    /// <summary>The tags the creating request gives each created resource (by ARN); absent when it gives none.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<KeyValuePair<string, string>>> CreatedTags { get; init; } =
        new Dictionary<string, IReadOnlyList<KeyValuePair<string, string>>>();

    /// <summary>
    /// The condition-key values the creating event states for each created resource (by ARN; <c>ec2:InstanceProfile</c>,
    /// see <c>Events.CreationAttributes</c>); absent when it states none.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<KeyValuePair<string, string>>> CreatedAttributes { get; init; } =
        new Dictionary<string, IReadOnlyList<KeyValuePair<string, string>>>();

    /// <summary>An unmapped call.</summary>
    public static CallPermissions Unmapped { get; } = new(CallKind.Unmapped, []);

    /// <summary>A call that needs no permission.</summary>
    public static CallPermissions NoPermission { get; } = new(CallKind.NoPermission, []);
}
