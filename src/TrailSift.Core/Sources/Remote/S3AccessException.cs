namespace TrailSift.Core.Sources.Remote;

/// <summary>An S3 problem a user can act on, with a one-line message (no credentials, access denied, no such bucket, expired token).</summary>
public sealed class S3AccessException : Exception
{
    /// <summary>Creates the exception.</summary>
    public S3AccessException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }

    /// <summary>Creates the exception.</summary>
    public S3AccessException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public S3AccessException(string message)
        : base(message)
    {
    }
}
