namespace TrailSift.Core.Sources;

/*! Sources: finding and opening log objects (local trees, stdin; S3 and the CloudTrail API plug in through
    ILogSource) and pruning them by their CloudTrail path before opening. Knows nothing about JSON. Depends on Common. */

/// <summary>
/// One kind of input a PATH argument can name (standard input, local files and directories, later S3
/// prefixes and the CloudTrail API). A source lists log objects lazily, in output order, and prunes by the
/// CloudTrail layout through the shared <see cref="SourceScope"/> before anything is opened.
/// </summary>
/// <remarks>Implementations are stateless apart from their configuration; thread-safe.</remarks>
public interface ILogSource
{
    /// <summary>True when <paramref name="argument"/> names an input of this source (e.g. <c>-</c>, an existing path, <c>s3://…</c>).</summary>
    bool Claims(string argument);

    /// <summary>True when the objects this source lists can be opened more than once (a file can, standard input cannot).</summary>
    bool CanReadTwice { get; }

    /// <summary>The objects <paramref name="argument"/> names, in output order; problems go to <see cref="SourceScope.ReportError"/>.</summary>
    IAsyncEnumerable<LogObject> ListAsync(string argument, SourceScope scope, CancellationToken cancel);
}
