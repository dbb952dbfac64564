using System.Diagnostics;
using TrailSift.Tools.TrailGen.Common;

namespace TrailSift.Tools.TrailGen.Synth;

/*! Synth: seeded synthetic trails for benchmarks. SyntheticTrail plans one file per region and
 *  five-minute period, sized by region and time of day, and writes them in parallel; each file's
 *  content depends only on (seed, region, period), so the thread count never changes the output.
 *  Depends on Common only. */

/// <summary>Plans and writes a synthetic CloudTrail tree.</summary>
/// <remarks>Stateless; thread-safe (each file gets its own generator and writer).</remarks>
public static class SyntheticTrail
{
    private const int PeriodsPerDay = 288;

    /// <summary>Writes the tree described by <paramref name="options"/>; progress goes to <paramref name="log"/>.</summary>
    public static SynthReport Generate(SynthOptions options, TextWriter log)
    {
        var clock = Stopwatch.StartNew();
        List<FilePlan> plans = Plan(options);
        var pool = new PrincipalPool(options.Account, options.Seed);
        long events = 0, denied = 0, json = 0, gzip = 0;
        int done = 0;

        // Biggest first so the 100 MiB file does not end up alone at the tail of the run.
        plans.Sort((a, b) => b.Budget.CompareTo(a.Budget));
        Parallel.ForEach(plans, new ParallelOptions { MaxDegreeOfParallelism = options.Threads }, plan =>
        {
            var result = FileWriter.Write(plan, options, pool);
            Interlocked.Add(ref events, result.Events);
            Interlocked.Add(ref denied, result.Denied);
            Interlocked.Add(ref json, result.JsonBytes);
            Interlocked.Add(ref gzip, new FileInfo(plan.Path).Length);
            int n = Interlocked.Increment(ref done);
            if (n % 500 == 0)
            {
                log.WriteLine($"trailgen: {n}/{plans.Count} files");
            }
        });

        return new SynthReport(plans.Count, events, denied, json, gzip, clock.Elapsed);
    }

    /// <summary>One file per region and period; budgets follow region weight, a daily curve and noise.</summary>
    public static List<FilePlan> Plan(SynthOptions options)
    {
        var rng = Prng.Derive(options.Seed, 7);
        var plans = new List<FilePlan>(options.Days * PeriodsPerDay * options.Regions.Count);
        var weights = new List<double>(plans.Capacity);
        int bigDay = options.Days / 2, bigPeriod = 12 * 12;
        FilePlan? big = null;
        for (int day = 0; day < options.Days; day++)
        {
            for (int period = 0; period < PeriodsPerDay; period++)
            {
                for (int r = 0; r < options.Regions.Count; r++)
                {
                    DateTimeOffset start = options.Start.AddDays(day).AddMinutes(5 * period);
                    string region = options.Regions[r];
                    string path = AwsLogsLayout.LogFile(options.Out, options.Account, region, start + AwsLogsLayout.FilePeriod, rng.Alphanumeric(16));
                    var plan = new FilePlan(r, region, start, path, 0);
                    if (options.BigFileBytes > 0 && r == 0 && day == bigDay && period == bigPeriod)
                    {
                        big = plan with { Budget = options.BigFileBytes };
                        continue;
                    }

                    // Office hours in UTC peak around 15:00; other regions see a sixth of the traffic.
                    double hour = period / 12.0;
                    double daily = 0.35 + Math.Exp(-Math.Pow((hour - 15) / 4.5, 2));
                    double weight = (r == 0 ? 1.0 : 0.16) * daily * (0.4 + 1.2 * rng.NextDouble());
                    plans.Add(plan);
                    weights.Add(weight);
                }
            }
        }

        double total = 0;
        foreach (double w in weights)
        {
            total += w;
        }

        long rest = options.TargetBytes - (big?.Budget ?? 0);
        for (int i = 0; i < plans.Count; i++)
        {
            plans[i] = plans[i] with { Budget = Math.Max(2048, (long)(rest * weights[i] / total)) };
        }

        if (big is not null)
        {
            plans.Add(big);
        }

        return plans;
    }
}
