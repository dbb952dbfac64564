namespace TrailSift.Tools.TrailGen.Synth;

/// <summary>One caller of the synthetic account and the fixed parts of its <c>userIdentity</c>.</summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record SynthPrincipal(
    string Type, string Arn, string Name, string PrincipalId, string AccessKeyId, string? RoleArn,
    string SourceIp, string UserAgent, string? InvokedBy, bool Console)
{
    /// <summary>The role id (AROA…) of an assumed role.</summary>
    public string? RoleId { get; init; }
}
