using TrailSift.Cli.Reporting;
using TrailSift.Cli.Settings;
using TrailSift.Core.Events;
using TrailSift.Core.Query;
using TrailSift.Core.Query.Shortcuts;
using TrailSift.Core.Sources;
using TrailSift.Core.Sources.Remote;

namespace TrailSift.Cli.Composition;

/// <summary>Turns parsed arguments into a <see cref="ScanPlan"/>: compiles the filter, the shortcut options and the source set.</summary>
public static class ScanPlanBuilder
{
    /// <summary>
    /// Builds the plan. The first positional is the filter unless a source claims it as an input
    /// (<see cref="SourceRegistry.IsInput"/>: <c>-</c>, an existing path, ...). The rest are inputs; none reads
    /// standard input.
    /// </summary>
    /// <returns>The plan, or null after a usage error was written (exit code 2).</returns>
    /// <param name="args">The parsed arguments.</param>
    /// <param name="env">The process environment.</param>
    /// <param name="reporter">Where usage errors go.</param>
    /// <param name="extra">More predicates every selected event must pass.</param>
    /// <param name="programs">True for <c>query</c>: a jq program runs as jq (<see cref="EventFilter.Parse"/>); else the filter must select events (<see cref="EventFilter.ParseCondition"/>).</param>
    public static ScanPlan? Build(ParsedArgs args, AppEnvironment env, ConsoleReporter reporter, IReadOnlyList<IEventPredicate>? extra = null, bool programs = false)
    {
        var positionals = new List<string>(args.Positionals);
        string filter = ".";
        int? io = null;
        if (args.Get(ScanOptions.Io.Name) is string iv)
        {
            if (!int.TryParse(iv, out int n) || n < 1 || n > 1024)
            {
                return Usage(reporter, $"--io: expected a number from 1 to 1024, got '{iv}'");
            }

            io = n;
        }

        if (RemoteSources.Source(args, env, reporter.Message, io) is not { } s3)
        {
            return null;
        }

        SourceRegistry registry = SourceRegistry.Default(env.Stdin, s3, CloudTrailSources.Source(args, env));
        if (positionals.Count > 0 && !FilterArgument.IsPath(registry, positionals[0]))
        {
            filter = positionals[0];
            positionals.RemoveAt(0);
        }

        EventFilterParseResult parsed = programs ? EventFilter.Parse(filter, args.Has("jq")) : EventFilter.ParseCondition(filter);
        if (!parsed.Success)
        {
            env.Stderr.WriteLine("trailsift: " + parsed.Error);
            return null;
        }

        var parts = new List<IEventPredicate> { parsed.Filter!.Predicate };
        if (ScanPlanWindow.Read(args, env.Time.GetUtcNow(), reporter.Message) is not { } prune)
        {
            return null;
        }

        // The window goes first so that it sees every record: its span of event times tells "no data there" from "nothing found".
        WindowSpan? window = prune.Since is not null || prune.Until is not null ? new WindowSpan(prune.Since, prune.Until) : null;
        if (window is not null)
        {
            parts.Insert(0, window);
        }

        AddShortcuts(args, parts);
        if (extra is not null)
        {
            parts.AddRange(extra);
        }

        int threads = env.ProcessorCount;
        if (args.Get(ScanOptions.Threads.Name) is string t && (!int.TryParse(t, out threads) || threads < 1 || threads > 256))
        {
            return Usage(reporter, $"--threads: expected a number from 1 to 256, got '{t}'");
        }

        if (positionals.Count == 0 && env.StdinIsTerminal)
        {
            return Usage(reporter, "no input: give files or directories, or pipe logs to standard input");
        }

        IEventPredicate predicate = parts.Count == 1 ? parts[0] : new AllOfPredicate(parts);
        bool progress = env.StderrIsTerminal && !args.Has(ScanOptions.NoProgress.Name);
        return new ScanPlan(registry, positionals, prune, predicate, threads, args.Has(ScanOptions.Stats.Name), progress, filter)
        {
            Filter = parsed.Filter,
            FollowLinks = args.Has(ScanOptions.Follow.Name),
            IoConcurrency = io ?? (args.Positionals.Any(S3Uri.IsS3) ? s3.Settings.Concurrency : 16),
            Window = window,
        };
    }

    private static void AddShortcuts(ParsedArgs args, List<IEventPredicate> parts)
    {
        if (args.GetAll(ScanOptions.Event.Name) is { Count: > 0 } events)
        {
            parts.Add(new FieldValuePredicate(static r => r.EventName, events, TextMatch.EqualsIgnoreCase));
        }

        if (args.GetAll(ScanOptions.Source.Name) is { Count: > 0 } sources)
        {
            var hosts = new List<string>();
            foreach (string h in sources)
            {
                hosts.Add(h.Contains('.', StringComparison.Ordinal) ? h : h + ".amazonaws.com");
            }

            parts.Add(new FieldValuePredicate(static r => r.EventSource, hosts, TextMatch.EqualsIgnoreCase));
        }

        if (args.Get(ScanOptions.Principal.Name) is string principal)
        {
            parts.Add(new PrincipalPredicate(principal));
        }

        if (args.Has(ScanOptions.Error.Name))
        {
            IReadOnlyList<string> codes = args.GetAll(ScanOptions.Error.Name);
            parts.Add(codes.Count > 0
                ? new FieldValuePredicate(static r => r.ErrorCode, codes, TextMatch.EqualsIgnoreCase)
                : new ErrorPredicate(deniedOnly: false));
        }

        if (args.Has(ScanOptions.Denied.Name))
        {
            parts.Add(new ErrorPredicate(deniedOnly: true));
        }

        if (args.GetAllRaw(ScanOptions.Agent.Name) is { Count: > 0 } agents)
        {
            parts.Add(new FieldValuePredicate(static r => r.UserAgent, agents, TextMatch.ContainsIgnoreCase));
        }

        if (args.GetAll(ScanOptions.Region.Name) is { Count: > 0 } regions)
        {
            parts.Add(new FieldValuePredicate(static r => r.AwsRegion, regions, TextMatch.EqualsIgnoreCase));
        }

        if (args.GetAll(ScanOptions.Account.Name) is { Count: > 0 } accounts)
        {
            parts.Add(new AccountPredicate(accounts));
        }

        foreach (string text in args.GetAllRaw(ScanOptions.Grep.Name))
        {
            parts.Add(new GrepPredicate(text));
        }
    }

    private static ScanPlan? Usage(ConsoleReporter reporter, string message)
    {
        reporter.Message(message);
        return null;
    }
}
