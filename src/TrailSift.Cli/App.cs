using System.Reflection;
using TrailSift.Cli.Commands;
using TrailSift.Cli.Settings;
using TrailSift.Core.Commands;

namespace TrailSift.Cli;

/// <summary>The whole command line as a function: arguments and an environment in, an exit code out.</summary>
public static class App
{
    /// <summary>The commands, in help order.</summary>
    public static IReadOnlyList<ICommand> Commands { get; } =
        [new QueryCommand(), new CountCommand(), new DeniedCommand(), new AnalysisCommand(new ActionsAnalysis()), new PolicyCommand(), new CheckCommand(), new SimulateCommand(), new LintCommand(), new UnusedCommand(), new SyncCommand(), new JqCommand(), new RecordCommand(), new Completion.CompletionCommand()];

    /// <summary>Runs the command line; never throws for user errors.</summary>
    public static int Run(string[] args, AppEnvironment env) => RunWith(args, env, Commands);

    /// <summary>Runs the command line against <paramref name="commands"/> (tests register a command here as <see cref="Commands"/> would).</summary>
    internal static int RunWith(string[] args, AppEnvironment env, IReadOnlyList<ICommand> commands)
    {
        // Everything on stderr (per-input errors quote log content) reaches the terminal escaped.
        using var resources = new Composition.RunResources();
        env = env with { Stderr = Core.Output.TerminalTextWriter.Guard(env.Stderr, color: false), Resources = resources };
        using Composition.InterruptHook? interrupts = env.HandleInterrupts ? Composition.InterruptHook.Register(resources) : null;
        try
        {
            return Dispatch(args, env, commands);
        }
        catch (OperationCanceledException) when (resources.Interrupted)
        {
            // Ctrl-C during a scan or sync: downloads in flight are cancelled (resources disposes the sources after them).
            env.Stderr.WriteLine("trailsift: interrupted");
            return ExitCodes.Interrupted;
        }
        catch (IOException e) when (IsBrokenPipe(e))
        {
            // `trailsift query ... | head` closes the pipe: end quietly, as ripgrep does.
            return ExitCodes.Results;
        }
        catch (IOException e)
        {
            // Any other write failure (a full disk, a closed stdout) is an error, never a silent success.
            // Standard error is a TolerantWriter in the real console, so this cannot throw again there.
            env.Stderr.WriteLine($"trailsift: cannot write output: {e.Message.TrimEnd('.')}");
            return ExitCodes.Error;
        }
    }

    private static int Dispatch(string[] args, AppEnvironment env, IReadOnlyList<ICommand> commands)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            if (args.Length > 1 && Find(commands, args[1]) is { } c)
            {
                env.Stderr.Flush();
                WriteOut(env, HelpText.ForCommand(CommandLine.For(c)));
                return ExitCodes.Results;
            }

            WriteOut(env, HelpText.Overview(CommandLine.Root));
            return args.Length == 0 ? ExitCodes.Error : ExitCodes.Results;
        }

        if (args[0] is "--version" or "-V")
        {
            WriteOut(env, $"trailsift {Version}\n");
            return ExitCodes.Results;
        }

        ICommand? command = Find(commands, args[0]);
        if (command is null)
        {
            env.Stderr.WriteLine($"trailsift: unknown command '{args[0]}' (try 'trailsift --help')");
            return ExitCodes.Error;
        }

        if (command is JqCommand jq)
        {
            // jq prints its help for -h/--help wherever it appears before "--", and exits 0.
            if (args[1..].TakeWhile(a => a != "--").Any(a => a is "-h" or "--help"))
            {
                WriteOut(env, HelpText.ForCommand(CommandLine.For(command)));
                return ExitCodes.Results;
            }

            return jq.RunRaw(args[1..], env);
        }

        string[]? expanded = ResponseFiles.Expand(args[1..], out string? error);
        ParsedArgs parsed = expanded is null ? new ParsedArgs() : CommandLine.Parse(command, expanded, out error);
        if (error is null && parsed.Get(ScanOptions.Color.Name) is string color)
        {
            switch (color)
            {
                case "always":
                    env = env with { NoColor = false, ForceColor = true };
                    break;
                case "never":
                    env = env with { NoColor = true };
                    break;
                case "auto":
                    break;
                default:
                    error = $"--color: expected auto, always or never, got '{color}'";
                    break;
            }
        }

        if (error is not null)
        {
            env.Stderr.WriteLine($"trailsift {command.Name}: {error}");
            env.Stderr.WriteLine($"usage: trailsift {command.Usage}");
            return ExitCodes.Error;
        }

        if (parsed.Has(ScanOptions.Help.Name))
        {
            WriteOut(env, HelpText.ForCommand(CommandLine.For(command)));
            return ExitCodes.Results;
        }

        int code = command.Run(parsed, env);
        if (parsed.Has(ScanOptions.Stats.Name))
        {
            Composition.ProcessFigures.Write(env.Stderr, "end");
        }

        return code;
    }

    private static ICommand? Find(IReadOnlyList<ICommand> commands, string name)
    {
        foreach (ICommand c in commands)
        {
            if (c.Name == name)
            {
                return c;
            }
        }

        return null;
    }

    /// <summary>The version, without build metadata.</summary>
    public static string Version =>
        typeof(App).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    private static void WriteOut(AppEnvironment env, string text)
    {
        byte[] bytes = System.Text.Encoding.UTF8.GetBytes(text);
        env.Stdout.Write(bytes);
        env.Stdout.Flush();
    }

    private static bool IsBrokenPipe(IOException e) =>
        e.HResult == 32 || e.Message.Contains("Broken pipe", StringComparison.OrdinalIgnoreCase)
        || e.InnerException is IOException inner && IsBrokenPipe(inner);
}
