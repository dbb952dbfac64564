namespace TrailSift.Testing;

/// <summary>
/// A filter of <c>tests/data/query/differential-filters.txt</c>, which the differential tests run through
/// jq and TrailSift. <see cref="MaySelectNothing"/> marks a filter that legitimately selects no event of the
/// sample or the corpus (a comment line just above it starts with "# may select nothing").
/// </summary>
public sealed record DifferentialFilter(string Text, bool MaySelectNothing)
{
    private const string MaySelectNothingMark = "# may select nothing";

    /// <summary>The filters of the data file, in file order.</summary>
    public static IReadOnlyList<DifferentialFilter> LoadAll()
    {
        var filters = new List<DifferentialFilter>();
        bool maySelectNothing = false;
        foreach (string line in File.ReadLines(Path.Combine(RepoPaths.TestData, "query", "differential-filters.txt")))
        {
            if (line.StartsWith('#'))
            {
                // The mark's explanation may go on over more comment lines.
                maySelectNothing |= line.StartsWith(MaySelectNothingMark, StringComparison.Ordinal);
            }
            else if (line.Trim().Length > 0)
            {
                filters.Add(new DifferentialFilter(line, maySelectNothing));
                maySelectNothing = false;
            }
            else
            {
                maySelectNothing = false;
            }
        }

        return filters;
    }
}
