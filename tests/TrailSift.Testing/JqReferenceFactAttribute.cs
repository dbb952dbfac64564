namespace TrailSift.Testing;

/// <summary>A fact that needs the jq 1.7.1 reference (Node + jq-wasm); skipped with the reason when it is missing.</summary>
public sealed class JqReferenceFactAttribute : FactAttribute
{
    public JqReferenceFactAttribute()
    {
        if (JqReference.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
