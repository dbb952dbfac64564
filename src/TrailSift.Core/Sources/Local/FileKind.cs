namespace TrailSift.Core.Sources.Local;

/// <summary>What a directory entry is, after following symbolic links.</summary>
public enum FileKind
{
    /// <summary>The entry vanished or cannot be examined.</summary>
    Missing,

    /// <summary>A regular file: the only kind read while walking.</summary>
    Regular,

    /// <summary>A directory.</summary>
    Directory,

    /// <summary>A FIFO, socket or device: skipped while walking (reading one could block forever).</summary>
    Special,
}
