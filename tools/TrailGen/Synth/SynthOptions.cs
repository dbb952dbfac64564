using System.Globalization;

namespace TrailSift.Tools.TrailGen.Synth;

/// <summary>Options of a synthetic trail: where, how big, how many days and regions, and the seed.</summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record SynthOptions
{
    /// <summary>Command-line help.</summary>
    public const string Usage = """
        usage: trailgen --out DIR [--seed N] [--days N] [--start YYYY-MM-DD] [--target-bytes SIZE] [--big-file SIZE]
                        [--account ID] [--regions r1,r2] [--deny-rate P] [--threads N]
               trailgen story emr-launch --out DIR
          SIZE takes K, M or G suffixes (binary: 1M = 1 MiB). --target-bytes counts uncompressed JSON.
        """;

    /// <summary>Output root (AWSLogs/ is written under it).</summary>
    public required string Out { get; init; }

    /// <summary>Seed: the same seed and options give the same files.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Number of days.</summary>
    public int Days { get; init; } = 7;

    /// <summary>The first day (UTC).</summary>
    public DateTimeOffset Start { get; init; } = new(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Total uncompressed JSON bytes over all files (the big file included).</summary>
    public long TargetBytes { get; init; } = 1L << 30;

    /// <summary>Uncompressed size of the one big file (0: none).</summary>
    public long BigFileBytes { get; init; }

    /// <summary>The account whose trail it is.</summary>
    public string Account { get; init; } = "123456789012";

    /// <summary>Regions; the first gets most of the traffic and the global events.</summary>
    public IReadOnlyList<string> Regions { get; init; } = ["us-east-1", "eu-west-1"];

    /// <summary>Share of calls that are denied.</summary>
    public double DenyRate { get; init; } = 0.01;

    /// <summary>Worker threads.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>Parses command-line arguments; throws <see cref="ArgumentException"/> on bad input.</summary>
    public static SynthOptions Parse(string[] args)
    {
        var o = new SynthOptions { Out = "" };
        for (int i = 0; i < args.Length; i++)
        {
            string value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value");
            i++;
            o = args[i - 1] switch
            {
                "--out" => o with { Out = value },
                "--seed" => o with { Seed = ulong.Parse(value, CultureInfo.InvariantCulture) },
                "--days" => o with { Days = int.Parse(value, CultureInfo.InvariantCulture) },
                "--start" => o with { Start = DateTimeOffset.ParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal) },
                "--target-bytes" => o with { TargetBytes = ParseSize(value) },
                "--big-file" => o with { BigFileBytes = ParseSize(value) },
                "--account" => o with { Account = value },
                "--regions" => o with { Regions = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) },
                "--deny-rate" => o with { DenyRate = double.Parse(value, CultureInfo.InvariantCulture) },
                "--threads" => o with { Threads = int.Parse(value, CultureInfo.InvariantCulture) },
                _ => throw new ArgumentException($"unknown option {args[i - 1]}"),
            };
        }

        if (o.Out.Length == 0)
        {
            throw new ArgumentException("--out is required");
        }

        if (o.Days < 1 || o.Regions.Count == 0 || o.Threads < 1 || o.Account.Length != 12 || o.BigFileBytes >= o.TargetBytes)
        {
            throw new ArgumentException("need --days >= 1, at least one region, --threads >= 1, a 12-digit --account and --big-file < --target-bytes");
        }

        return o;
    }

    /// <summary>Parses <c>123</c>, <c>50K</c>, <c>100M</c>, <c>1G</c> (binary multiples).</summary>
    public static long ParseSize(string text)
    {
        string t = text.Trim().ToUpperInvariant().TrimEnd('B', 'I');
        long unit = 1;
        if (t.Length > 0 && char.IsLetter(t[^1]))
        {
            unit = t[^1] switch
            {
                'K' => 1L << 10,
                'M' => 1L << 20,
                'G' => 1L << 30,
                _ => throw new ArgumentException($"bad size {text}"),
            };
            t = t[..^1];
        }

        return (long)(double.Parse(t, CultureInfo.InvariantCulture) * unit);
    }
}
