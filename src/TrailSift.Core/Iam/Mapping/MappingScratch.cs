namespace TrailSift.Core.Iam.Mapping;

/// <summary>
/// The lists one <see cref="EventPermissionMapper.Map"/> call fills before it builds its immutable result, kept per
/// thread and cleared after each call so that mapping allocates only what the result holds.
/// </summary>
/// <remarks>One per thread ([ThreadStatic]); a nested call (none today) would get fresh lists.</remarks>
internal sealed class MappingScratch
{
    [ThreadStatic]
    private static MappingScratch? t_free;

    public List<RequiredPermission> Permissions { get; } = [];

    public List<RequiredPermission> Implied { get; } = [];

    public List<string> Notes { get; } = [];

    /// <summary>This thread's spare scratch, else a new one; empty.</summary>
    public static MappingScratch Rent()
    {
        MappingScratch scratch = t_free ?? new MappingScratch();
        t_free = null;
        return scratch;
    }

    /// <summary>Clears the lists and keeps them as the thread's spare; the caller must not use them again.</summary>
    public void Return()
    {
        Permissions.Clear();
        Implied.Clear();
        Notes.Clear();
        t_free = this;
    }
}
