using System.Runtime.InteropServices;

namespace TrailSift.Core.Sources.Local;

/// <summary>
/// The kind, size and device+inode of a path (following symbolic links), from the .NET runtime's own native
/// shim (<c>SystemNative_Stat</c> in libSystem.Native, which every .NET install on Linux and macOS ships): the
/// BCL tells a FIFO or a socket from a regular file by no public API, and has no inode for cycle detection.
/// On Windows, or if the shim is missing, falls back to <see cref="FileSystemInfo"/> (no special files, no inode).
/// </summary>
/// <remarks>Immutable value.</remarks>
public readonly record struct FileIdentity(FileKind Kind, long Length, long Device, long Inode)
{
    private const int TypeMask = 0xF000, Fifo = 0x1000, CharDevice = 0x2000, Directory = 0x4000, BlockDevice = 0x6000, Regular = 0x8000, Socket = 0xC000;
    private static bool s_nativeMissing = OperatingSystem.IsWindows();

    /// <summary>True when <see cref="Device"/> and <see cref="Inode"/> identify the file (the native shim answered).</summary>
    public bool HasInode => Inode != 0 || Device != 0;

    /// <summary>Examines <paramref name="path"/>, following symbolic links.</summary>
    public static FileIdentity Of(string path)
    {
        if (!Volatile.Read(ref s_nativeMissing))
        {
            try
            {
                if (NativeStat(path, out NativeFileStatus s) != 0)
                {
                    return new FileIdentity(FileKind.Missing, 0, 0, 0);
                }

                FileKind kind = (s.Mode & TypeMask) switch
                {
                    Regular => FileKind.Regular,
                    Directory => FileKind.Directory,
                    Fifo or CharDevice or BlockDevice or Socket => FileKind.Special,
                    _ => FileKind.Special,
                };
                return new FileIdentity(kind, s.Size, s.Dev, s.Ino);
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                Volatile.Write(ref s_nativeMissing, true);
            }
        }

        return Managed(path);
    }

    private static FileIdentity Managed(string path)
    {
        if (System.IO.Directory.Exists(path))
        {
            return new FileIdentity(FileKind.Directory, 0, 0, 0);
        }

        var info = new FileInfo(path);
        return info.Exists ? new FileIdentity(FileKind.Regular, info.Length, 0, 0) : new FileIdentity(FileKind.Missing, 0, 0, 0);
    }

    // The runtime's FileStatus (src/native/libs/System.Native/pal_io.h): the same layout on every platform.
    [StructLayout(LayoutKind.Sequential)]
    private struct NativeFileStatus
    {
        public int Flags;
        public int Mode;
        public uint Uid;
        public uint Gid;
        public long Size;
        public long ATime;
        public long ATimeNsec;
        public long MTime;
        public long MTimeNsec;
        public long CTime;
        public long CTimeNsec;
        public long BirthTime;
        public long BirthTimeNsec;
        public long Dev;
        public long RDev;
        public long Ino;
        public uint UserFlags;
    }

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat", CharSet = CharSet.Ansi, BestFitMapping = false)]
    private static extern int NativeStat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, out NativeFileStatus output);
}
