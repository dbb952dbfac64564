namespace TrailSift.Core.Commands;

/// <summary>How an <see cref="AnalysisOption"/> takes its value.</summary>
public enum AnalysisOptionArity
{
    /// <summary>A switch: present or not.</summary>
    Flag,

    /// <summary>Exactly one value (<c>--x V</c> or <c>--x=V</c>).</summary>
    Single,

    /// <summary>One value per occurrence; repeatable (values may also be comma-separated).</summary>
    Repeated,
}
