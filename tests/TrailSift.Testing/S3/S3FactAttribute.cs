namespace TrailSift.Testing.S3;

/// <summary>A fact that needs the s3rver test server (Node and tests/node_modules/s3rver, installed by test.sh); skipped with the reason when absent.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class S3FactAttribute : FactAttribute
{
    /// <summary>Skips when Node or s3rver is missing.</summary>
    public S3FactAttribute()
    {
        if (S3Server.MissingReason is { } reason)
        {
            Skip = reason;
        }
    }
}
