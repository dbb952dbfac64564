using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using TrailSift.Core.Analysis.Generation;

namespace TrailSift.Core.Output.Policy;

/// <summary>
/// Writes one policy per principal into a directory (<c>policy --per-principal DIR</c>): the policy files (split
/// JSON policies as <c>name.1.json</c>, … so each file is a policy; Terraform and YAML hold several documents in
/// one file), an optional <c>name.explain.txt</c>, and <c>index.tsv</c> naming each file's principal and unmapped calls.
/// </summary>
/// <remarks>Stateless; thread-safe for distinct directories.</remarks>
public static class PolicyDirectoryWriter
{
    /// <summary>What was written.</summary>
    public sealed record Summary(string Index, long Statements, long UnmappedCalls);

    /// <summary>
    /// The longest file stem written (ASCII, so bytes): a longer one is cut and given a hash of the whole stem, so that
    /// the stem with a uniqueness suffix, a document number and <c>.explain.txt</c> stays under the 255-byte file-name limit.
    /// </summary>
    public const int MaxStemLength = 200;

    /// <summary>
    /// Creates <paramref name="directory"/> if needed and checks that a file can be created in it; returns why it
    /// cannot be used (not a directory, not writable, …), or null when it can.
    /// </summary>
    public static string? Unusable(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (File.Exists(directory))
        {
            return "not a directory";
        }

        string probe = Path.Combine(directory, $".trailsift-probe-{Environment.ProcessId}-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(directory);
            using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
            {
            }

            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            return Reason(e);
        }
    }

    /// <summary>A one-line reason for a failure to create or write in the directory.</summary>
    public static string Reason(Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error switch
        {
            UnauthorizedAccessException => "not writable (permission denied)",
            FileNotFoundException => "not writable (cannot create a file in it)",
            DirectoryNotFoundException => "a parent directory is missing or is not a directory",
            PathTooLongException => "path too long",
            _ => error.Message.ReplaceLineEndings(" "),
        };
    }

    /// <summary>Writes the policies <paramref name="generate"/> makes for <paramref name="principals"/> into <paramref name="directory"/>.</summary>
    public static Summary Write(string directory, ImmutableArray<PrincipalEvidence> principals, Func<PrincipalEvidence, GeneratedPolicy> generate,
        PolicyFormat format, bool explain)
    {
        ArgumentNullException.ThrowIfNull(generate);
        Directory.CreateDirectory(directory);
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var index = new StringBuilder("file\tprincipal\tdocuments\tstatements\tcalls\tmapped_calls\tunmapped_calls\tunmapped_events\n");
        long statements = 0, unmappedCalls = 0;
        foreach (PrincipalEvidence evidence in principals)
        {
            GeneratedPolicy policy = generate(evidence);
            string name = UniqueName(FileStem(evidence.Principal), used);
            string file = WritePolicyFiles(directory, name, policy, format);
            if (explain)
            {
                WriteFile(Path.Combine(directory, name + ".explain.txt"), w => PolicyExplanationWriter.Write(policy, w));
            }

            long unmapped = 0;
            var unmappedNames = new List<string>();
            foreach (UnmappedCall u in evidence.Unmapped)
            {
                unmapped += u.Calls;
                unmappedNames.Add($"{u.EventSource} {u.EventName} ({u.Calls})");
            }

            statements += policy.Statements.Length;
            unmappedCalls += unmapped;
            index.Append(CultureInfo.InvariantCulture,
                $"{file}\t{evidence.Principal}\t{policy.Documents.Length}\t{policy.Statements.Length}\t{evidence.Calls}\t{evidence.MappedCalls}\t{unmapped}\t{string.Join(", ", unmappedNames)}\n");
        }

        string indexText = index.ToString();
        File.WriteAllText(Path.Combine(directory, "index.tsv"), indexText, new UTF8Encoding(false));
        return new Summary(indexText, statements, unmappedCalls);
    }

    /// <summary>The last name of a principal ARN (role or user name), for Terraform data-source names.</summary>
    public static string ShortName(string principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        int slash = principal.LastIndexOf('/');
        return slash >= 0 ? principal[(slash + 1)..] : principal;
    }

    // Writes a principal's policy; returns the file names, comma-separated.
    private static string WritePolicyFiles(string directory, string name, GeneratedPolicy policy, PolicyFormat format)
    {
        string extension = PolicyPrinter.Extension(format);
        if (format != PolicyFormat.Json || !policy.IsSplit)
        {
            WriteFile(Path.Combine(directory, name + extension), w => PolicyPrinter.Write(policy, format, ShortName(policy.Principal), w));
            return name + extension;
        }

        var files = new List<string>();
        for (int i = 0; i < policy.Documents.Length; i++)
        {
            string file = $"{name}.{i + 1}{extension}";
            GeneratedPolicy one = policy with { Documents = [policy.Documents[i]] };
            WriteFile(Path.Combine(directory, file), w => PolicyPrinter.Write(one, format, ShortName(policy.Principal), w));
            files.Add(file);
        }

        return string.Join(',', files);
    }

    private static void WriteFile(string path, Action<TextWriter> write)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false)) { NewLine = "\n" };
        write(writer);
    }

    /// <summary><c>arn:aws:iam::123456789012:role/x/Name</c> → <c>123456789012_role_x_Name</c>.</summary>
    private static string FileStem(string principal)
    {
        string[] parts = principal.Split(':', 6);
        string stem = parts.Length == 6 ? parts[4] + "_" + parts[5].Replace('/', '_') : principal;
        return Shorten(PolicyPrinter.SafeName(stem));
    }

    /// <summary>A stem longer than <see cref="MaxStemLength"/> → its start, <c>_</c> and 16 hex digits of its SHA-256.</summary>
    internal static string Shorten(string stem)
    {
        if (stem.Length <= MaxStemLength)
        {
            return stem;
        }

        string hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(stem)).AsSpan(0, 8));
        return stem[..(MaxStemLength - hash.Length - 1)] + "_" + hash;
    }

    private static string UniqueName(string stem, HashSet<string> used)
    {
        string name = stem;
        for (int n = 2; !used.Add(name); n++)
        {
            name = $"{stem}_{n}";
        }

        return name;
    }
}
