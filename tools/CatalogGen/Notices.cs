namespace TrailSift.Tools.CatalogGen;

/// <summary>
/// Keeps the package's section of <c>THIRD-PARTY-NOTICES</c> current: name, version, source, use and the
/// licence text from the downloaded package. Other sections of the file are left untouched.
/// </summary>
/// <remarks>Stateless.</remarks>
internal static class Notices
{
    private const string Rule = "================================================================================";

    public static void Update(string path, SourceInfo source, string licenseText)
    {
        string begin = $"--- BEGIN {source.Package} ---";
        string end = $"--- END {source.Package} ---";
        string section = string.Join('\n',
            begin,
            $"{source.Package} {source.Version}",
            "https://www.npmjs.com/package/" + source.Package + (source.Repository is null ? "" : " (" + source.Repository + ")"),
            "Licence: MIT",
            "Used for: the embedded IAM catalog src/TrailSift.Core/Iam/Catalog/Data/iam-catalog.json.gz,",
            "generated from the package's data by tools/CatalogGen.",
            "",
            licenseText.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd(),
            end);

        string text = File.Exists(path)
            ? File.ReadAllText(path)
            : $"THIRD-PARTY NOTICES\n\nTrailSift includes material from the third-party projects below, each under its own licence.\n\n{Rule}\n";
        int from = text.IndexOf(begin, StringComparison.Ordinal);
        int to = text.IndexOf(end, StringComparison.Ordinal);
        text = from >= 0 && to > from
            ? string.Concat(text.AsSpan(0, from), section, text.AsSpan(to + end.Length))
            : text + section + "\n" + Rule + "\n";
        File.WriteAllText(path, text);
    }
}
