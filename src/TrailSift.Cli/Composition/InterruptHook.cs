using System.Runtime.InteropServices;

namespace TrailSift.Cli.Composition;

/// <summary>
/// Ctrl-C (SIGINT) in the real console. During a scan or a sync (<see cref="RunResources.Interruptible"/>) the first
/// SIGINT cancels the run: listings and GETs in flight are cancelled, partial cache files are removed, and the run
/// ends with <see cref="ExitCodes.Interrupted"/>. A run that does not end within <see cref="Grace"/> (blocked in a
/// system call, such as opening a FIFO nobody writes to) is ended with that code anyway; a second SIGINT ends the
/// process at once. Outside a scan the signal keeps its default effect (and <c>record</c> handles its own).
/// </summary>
/// <remarks>Thread-safe; one per run, disposed with it.</remarks>
internal sealed class InterruptHook : IDisposable
{
    /// <summary>How long an interrupted run may take to stop.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(3);

    private readonly PosixSignalRegistration _registration;

    private InterruptHook(RunResources resources)
    {
        _registration = PosixSignalRegistration.Create(PosixSignal.SIGINT, context =>
        {
            if (resources.TryInterrupt())
            {
                context.Cancel = true;
                _ = Task.Delay(Grace).ContinueWith(static _ => Environment.Exit(ExitCodes.Interrupted), TaskScheduler.Default);
            }
        });
    }

    /// <summary>Starts handling SIGINT for the run that owns <paramref name="resources"/>.</summary>
    public static InterruptHook Register(RunResources resources) => new(resources);

    /// <inheritdoc />
    public void Dispose() => _registration.Dispose();
}
