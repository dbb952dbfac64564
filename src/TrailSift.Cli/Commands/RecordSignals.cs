using System.Globalization;
using System.Runtime.InteropServices;

namespace TrailSift.Cli.Commands;

/// <summary>
/// SIGINT and SIGTERM while <c>record</c> runs. While COMMAND runs, TrailSift stays (to collect what COMMAND did) and
/// passes the signal on with <c>kill(2)</c> — except a SIGINT while TrailSift is in its terminal's foreground process
/// group: that one came from the terminal (Ctrl-C), which sent it to COMMAND as well, and a second SIGINT would mean
/// "force quit" to many programs. While TrailSift waits for CloudTrail, a signal stops the wait after the lookups in
/// progress. Either way the run is marked interrupted.
/// </summary>
internal sealed class RecordSignals : IDisposable
{
    private const int SigInt = 2;
    private const int SigTerm = 15;

    private readonly PosixSignalRegistration _int;
    private readonly PosixSignalRegistration _term;
    private readonly CancellationTokenSource _stop = new();
    private int _child;
    private string? _received;

    public RecordSignals()
    {
        _int = PosixSignalRegistration.Create(PosixSignal.SIGINT, On);
        _term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, On);
    }

    /// <summary>The first signal received (<c>SIGINT</c>, <c>SIGTERM</c>), or null.</summary>
    public string? Received => Volatile.Read(ref _received);

    /// <summary>Cancelled at the first signal.</summary>
    public CancellationToken Stop => _stop.Token;

    /// <summary>The running child's pid (0: none), to which signals are passed on.</summary>
    public int Child
    {
        get => Volatile.Read(ref _child);
        set => Volatile.Write(ref _child, value);
    }

    private void On(PosixSignalContext context)
    {
        context.Cancel = true;
        string name = context.Signal == PosixSignal.SIGINT ? "SIGINT" : "SIGTERM";
        Interlocked.CompareExchange(ref _received, name, null);
        int child = Child;
        if (child > 0 && !(context.Signal == PosixSignal.SIGINT && InForegroundGroup()))
        {
            _ = Kill(child, context.Signal == PosixSignal.SIGINT ? SigInt : SigTerm);
        }

        try
        {
            _stop.Cancel();
        }
        catch (ObjectDisposedException)
        {
        }
    }

    // /proc/self/stat: "pid (comm) state ppid pgrp session tty_nr tpgid ...": tpgid, the foreground process group of the
    // controlling terminal (-1 without one), equals pgrp when a Ctrl-C there reaches this process's whole group.
    private static bool InForegroundGroup()
    {
        try
        {
            string stat = File.ReadAllText("/proc/self/stat");
            string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return fields.Length > 5 && int.TryParse(fields[2], CultureInfo.InvariantCulture, out int pgrp)
                && int.TryParse(fields[5], CultureInfo.InvariantCulture, out int tpgid) && tpgid == pgrp;
        }
        catch (IOException)
        {
            return false;
        }
    }

    [DllImport("libc.so.6", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    public void Dispose()
    {
        _int.Dispose();
        _term.Dispose();
        _stop.Dispose();
    }
}
