using TrailSift.Core.Aws;

namespace TrailSift.Core.Sources.Remote.CloudTrail;

/// <summary>How the <c>cloudtrail:</c> source reaches the API and which lookup attribute it sends.</summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record CloudTrailSourceSettings
{
    /// <summary>Credentials, region and endpoints (<c>AWS_ENDPOINT_URL_CLOUDTRAIL</c>, <c>AWS_ENDPOINT_URL</c>).</summary>
    public AwsSettings Aws { get; init; } = new();

    /// <summary>The one server-side filter, chosen by the command (<see cref="LookupAttributes.Choose"/>), or null for the window alone.</summary>
    public LookupAttribute? Attribute { get; init; }

    /// <summary>The clock of the default window, signatures and pacing.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}
