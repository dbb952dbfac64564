namespace TrailSift.Core.Commands;

/// <summary>The parsed options of one run, as an <see cref="AnalysisDescriptor"/> reads them (by long name).</summary>
public interface IAnalysisOptions
{
    /// <summary>True when the option was given.</summary>
    bool Has(string name);

    /// <summary>The last value of a single-valued option, or null.</summary>
    string? Get(string name);

    /// <summary>All values of a repeated option, comma lists split.</summary>
    IReadOnlyList<string> GetAll(string name);
}
