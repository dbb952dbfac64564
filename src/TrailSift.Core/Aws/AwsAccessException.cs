namespace TrailSift.Core.Aws;

/// <summary>AWS cannot be reached as configured: no credentials, an unknown profile, a malformed endpoint. The message is for the user.</summary>
public sealed class AwsAccessException : Exception
{
    /// <summary>Creates the exception.</summary>
    public AwsAccessException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
