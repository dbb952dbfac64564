using TrailSift.Core.Common;
using TrailSift.Core.Events;
using TrailSift.Core.Iam.Mapping;
using TrailSift.Core.Json;

namespace TrailSift.Core.Analysis.Generation;

/// <summary>
/// Reads an event's permissions through the IAM knowledge mapping (<see cref="EventPermissionMapper"/>). One
/// refinement for policies: the mapping leaves <c>iam:PassRole</c> for an instance profile on <c>*</c> (the
/// event names the profile, not its role); here it becomes the role of the profile's name, which is how the
/// console, <c>aws emr create-default-roles</c> and most templates create them, and the assumption is noted.
/// </summary>
/// <remarks>Thread-safe (the mapper is; the rest is stateless).</remarks>
public sealed class MappedPermissionReader : ICallPermissionReader
{
    private readonly EventPermissionMapper _mapper;

    /// <summary>Creates a reader over <paramref name="mapper"/>.</summary>
    public MappedPermissionReader(EventPermissionMapper mapper)
    {
        ArgumentNullException.ThrowIfNull(mapper);
        _mapper = mapper;
    }

    /// <inheritdoc />
    public CallPermissions Read(EventRecord record)
    {
        CallPermissions permissions = From(_mapper.Map(record));
        if (permissions.Created.Count == 0)
        {
            return permissions;
        }

        // Tags given at creation (EC2: the tag specification of the resource's type).
        var tags = new Dictionary<string, IReadOnlyList<KeyValuePair<string, string>>>(StringComparer.Ordinal);
        JsonNode request = record.Root.GetProperty("requestParameters"u8);
        foreach ((string arn, string type) in permissions.CreatedTypes)
        {
            List<KeyValuePair<string, string>> given = TagReader.RequestTags(request, type);
            if (given.Count > 0)
            {
                tags[arn] = given;
            }
        }

        // Values the creation fixes (an instance's profile), by the new resource's id.
        var attributes = new Dictionary<string, IReadOnlyList<KeyValuePair<string, string>>>(StringComparer.Ordinal);
        foreach ((string id, var values, _) in CreationAttributes.Read(record))
        {
            foreach ((string arn, _) in permissions.CreatedTypes)
            {
                if (!values.IsEmpty && arn.EndsWith("/" + id, StringComparison.Ordinal))
                {
                    attributes[arn] = values;
                }
            }
        }

        return permissions with { CreatedTags = tags, CreatedAttributes = attributes };
    }

    /// <summary>Converts a mapping result: observed permissions, then implied ones (flagged).</summary>
    public static CallPermissions From(EventPermissions mapped)
    {
        ArgumentNullException.ThrowIfNull(mapped);
        switch (mapped.Status)
        {
            case MappingStatus.Unmapped:
                return CallPermissions.Unmapped;
            case MappingStatus.Permissionless:
            case MappingStatus.NotApiCall:
                return CallPermissions.NoPermission;
        }

        var tuples = new List<RequiredPermission>(mapped.Permissions.Length + mapped.Implied.Length);
        foreach (RequiredPermission p in mapped.Permissions)
        {
            tuples.Add(Convert(p, p.Implied));
        }

        foreach (RequiredPermission p in mapped.Implied)
        {
            tuples.Add(Convert(p, implied: true));
        }

        var created = new List<string>(mapped.Created.Length);
        var types = new List<(string, string)>(mapped.Created.Length);
        foreach (CreatedResource resource in mapped.Created)
        {
            created.Add(resource.Arn);
            types.Add((resource.Arn, resource.ResourceType));
        }

        return new CallPermissions(CallKind.Mapped, tuples) { Created = created, CreatedTypes = types };
    }

    private static RequiredPermission Convert(RequiredPermission p, bool implied)
    {
        if (p.SameNameRoleArn is { } role)
        {
            // The assumption is stated with the evidence.
            return p with
            {
                Resource = role, ResourceType = "role", Implied = implied, InstanceProfileArn = null, CreateAction = null,
                Note = $"the role inside instance profile {p.InstanceProfileArn} is assumed to have the profile's name; the event does not name it",
            };
        }

        // When the mapping could not read part of the resource, its reason travels with the evidence.
        string? note = p.Source is PermissionSource.Unknown or PermissionSource.Created or PermissionSource.ErrorMessage ? p.Note : null;
        return p.Implied == implied && ReferenceEquals(p.Note, note) ? p : p with { Implied = implied, Note = note };
    }
}
