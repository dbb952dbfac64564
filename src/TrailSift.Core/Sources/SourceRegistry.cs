using System.Runtime.CompilerServices;
using TrailSift.Core.Sources.Local;
using TrailSift.Core.Sources.Remote;
using TrailSift.Core.Sources.Remote.CloudTrail;

namespace TrailSift.Core.Sources;

/// <summary>
/// The sources a PATH argument may name, asked in order; the first that claims an argument lists it. This
/// is the one place that decides whether a command-line word is an input (rather than a filter): a new
/// source is one <see cref="ILogSource"/> class plus one line in <see cref="Default"/>.
/// </summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed class SourceRegistry
{
    private readonly IReadOnlyList<ILogSource> _sources;

    /// <summary>Creates a registry over <paramref name="sources"/>, asked in order.</summary>
    public SourceRegistry(IReadOnlyList<ILogSource> sources)
    {
        _sources = sources;
    }

    /// <summary>
    /// The registry of the command line: standard input (<c>-</c>), <c>s3://</c> paths (through <paramref name="s3"/>,
    /// configured by the caller; default settings when null), the CloudTrail event history (<c>cloudtrail:</c>, through
    /// <paramref name="cloudTrail"/>) and local paths.
    /// </summary>
    public static SourceRegistry Default(Stream stdin, S3LogSource? s3 = null, CloudTrailLogSource? cloudTrail = null) => new(
    [
        new StandardInputSource(stdin),
        s3 ?? new S3LogSource(new S3Settings()),
        cloudTrail ?? new CloudTrailLogSource(new CloudTrailSourceSettings()),
        new LocalFileSource(),
    ]);

    /// <summary>
    /// True when <paramref name="argument"/> names an input of some source. <c>.</c> is never an input (it is
    /// jq's identity filter; write <c>./</c> for the current directory).
    /// </summary>
    public bool IsInput(string argument) => argument != "." && Find(argument) is not null;

    /// <summary>The arguments to list: <paramref name="paths"/>, or standard input when there are none.</summary>
    public static IReadOnlyList<string> InputsOrStandardInput(IReadOnlyList<string> paths) => paths.Count > 0 ? paths : ["-"];

    /// <summary>True when every object the arguments name can be read twice (standard input and FIFOs cannot).</summary>
    public bool CanReadTwice(IReadOnlyList<string> arguments)
    {
        foreach (string argument in InputsOrStandardInput(arguments))
        {
            if (Find(argument) is { CanReadTwice: false })
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Lists the objects of every argument in turn (standard input when there are none), in output order.</summary>
    public async IAsyncEnumerable<LogObject> ListAsync(IReadOnlyList<string> arguments, SourceScope scope,
        [EnumeratorCancellation] CancellationToken cancel = default)
    {
        foreach (string argument in InputsOrStandardInput(arguments))
        {
            if (Find(argument) is not { } source)
            {
                scope.ReportError(argument, "no such file or directory");
                continue;
            }

            await foreach (LogObject o in source.ListAsync(argument, scope, cancel).WithCancellation(cancel).ConfigureAwait(false))
            {
                yield return o;
            }
        }
    }

    private ILogSource? Find(string argument)
    {
        foreach (ILogSource source in _sources)
        {
            if (source.Claims(argument))
            {
                return source;
            }
        }

        return null;
    }
}
