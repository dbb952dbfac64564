namespace TrailSift.Core.Common;

/// <summary>Raised by <see cref="OutputLimit"/> once its outputs are written: ends the scan like a closed pipe, and is not an error.</summary>
public sealed class OutputLimitReachedException() : IOException("output limit reached");
