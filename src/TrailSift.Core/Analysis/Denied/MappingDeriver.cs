using TrailSift.Core.Events;
using TrailSift.Core.Iam.Mapping;

namespace TrailSift.Core.Analysis.Denied;

/// <summary>
/// <see cref="IPermissionDeriver"/> over the IAM event mapping (<see cref="EventPermissionMapper"/>): the observed
/// (not implied) <c>(action, resource)</c> pairs of a mapped event; a <c>*</c> resource becomes null.
/// </summary>
/// <remarks>Immutable; thread-safe (the mapper is).</remarks>
internal sealed class MappingDeriver : IPermissionDeriver
{
    private readonly EventPermissionMapper _mapper;

    public MappingDeriver(EventPermissionMapper mapper)
    {
        _mapper = mapper;
    }

    /// <inheritdoc />
    public IReadOnlyList<DerivedPermission> Derive(EventRecord record)
    {
        EventPermissions mapped = _mapper.Map(record);
        if (mapped.Status != MappingStatus.Mapped || mapped.Permissions.IsEmpty)
        {
            return [];
        }

        var list = new List<DerivedPermission>(mapped.Permissions.Length + mapped.Implied.Length);
        foreach (RequiredPermission p in mapped.Permissions)
        {
            list.Add(new DerivedPermission(p.Action, p.Resource == "*" ? null : p.Resource, p.Implied, p.Note));
        }

        foreach (RequiredPermission p in mapped.Implied)
        {
            list.Add(new DerivedPermission(p.Action, p.Resource, Implied: true, p.Note));
        }

        return list;
    }
}
