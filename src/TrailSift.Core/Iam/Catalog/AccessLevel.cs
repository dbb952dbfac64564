namespace TrailSift.Core.Iam.Catalog;

/// <summary>
/// The access level the Service Authorization Reference gives an action. Some actions carry two levels
/// (<c>"Tagging, Write"</c>, <c>"Permissions management, Write"</c>), hence the flags.
/// </summary>
/// <remarks>An immutable value; safe to share between threads.</remarks>
[Flags]
public enum AccessLevel
{
    /// <summary>No level recorded.</summary>
    None = 0,

    /// <summary>List: enumerates resources without reading their contents.</summary>
    List = 1,

    /// <summary>Read: reads contents or attributes.</summary>
    Read = 2,

    /// <summary>Write: creates, changes or deletes resources.</summary>
    Write = 4,

    /// <summary>Permissions management: grants or changes permissions.</summary>
    PermissionsManagement = 8,

    /// <summary>Tagging: changes tags only.</summary>
    Tagging = 16,
}
