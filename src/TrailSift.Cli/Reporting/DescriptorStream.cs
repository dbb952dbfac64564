using System.Runtime.InteropServices;

namespace TrailSift.Cli.Reporting;

/// <summary>
/// A write-only stream over a process file descriptor (1 or 2) that calls <c>write(2)</c> through the runtime's
/// native shim. <see cref="Console.OpenStandardOutput()"/> initialises the terminal on its first write, which sends
/// terminfo's <c>keypad_xmit</c> (<c>ESC[?1h ESC=</c>) to the terminal on every run; TrailSift never reads keys, so it
/// writes the descriptors itself. Failures are <see cref="IOException"/>s whose <see cref="Exception.HResult"/> is the
/// errno (32 for a closed pipe).
/// </summary>
/// <remarks>Thread-safe as <c>write(2)</c> is; unbuffered.</remarks>
public sealed class DescriptorStream(int descriptor) : WriteOnlyStream
{
    private const int EINTR = 4, EAGAIN = 11;

    /// <summary>Standard output or error, or null where the shim is not there (Windows): use the Console streams then.</summary>
    public static Stream? TryOpen(int descriptor) => OperatingSystem.IsWindows() ? null : new DescriptorStream(descriptor);

    /// <inheritdoc />
    public override void Flush()
    {
    }

    /// <inheritdoc />
    public override void Write(ReadOnlySpan<byte> buffer)
    {
        while (buffer.Length > 0)
        {
            int n = NativeWrite(descriptor, ref MemoryMarshal.GetReference(buffer), buffer.Length);
            if (n >= 0)
            {
                buffer = buffer[n..];
                continue;
            }

            int errno = Marshal.GetLastPInvokeError();
            if (errno == EINTR)
            {
                continue;
            }

            if (errno == EAGAIN)
            {
                Thread.Sleep(1); // a non-blocking descriptor that is full: wait for the reader
                continue;
            }

            throw new IOException(errno == 32 ? "Broken pipe" : Marshal.GetPInvokeErrorMessage(errno), errno);
        }
    }

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Write", SetLastError = true)]
    private static extern int NativeWrite(nint descriptor, ref byte buffer, int size);
}
