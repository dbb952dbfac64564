namespace TrailSift.Core.Analysis.Generation;

/// <summary>A resource a principal of the input created (the first successful call that did), keyed by its ARN.</summary>
/// <remarks>An immutable record; thread-safe.</remarks>
/// <param name="Arn">The new resource's ARN (a new id from the response, or the name the request gave).</param>
/// <param name="Principal">The principal that created it.</param>
/// <param name="Ticks">When (UTC ticks; 0 when unknown).</param>
/// <param name="EventName">The creating call (<c>RunInstances</c>).</param>
public sealed record WorkloadResource(string Arn, string Principal, long Ticks, string EventName);
