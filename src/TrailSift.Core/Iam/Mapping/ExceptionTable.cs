using System.Collections.Frozen;
using System.Collections.Immutable;

namespace TrailSift.Core.Iam.Mapping;

/// <summary>One parsed line of the exception table.</summary>
/// <remarks>Immutable; thread-safe.</remarks>
internal sealed record ExceptionEntry(string Prefix, string Operation, ImmutableArray<ActionSpec> Actions, string? Handler, string Line);

/// <summary>
/// Calls whose permission has another name than the event, or that need several permissions: S3 head, list,
/// multipart and copy calls, KMS <c>ReEncrypt</c>, DynamoDB batch and transaction calls, SQS and SNS batches,
/// EC2 tagging, API Gateway, Budgets, Glue, … (the lines are in <c>ExceptionTable.Data.cs</c>).
/// </summary>
/// <remarks>Parsed once into a frozen dictionary; thread-safe.</remarks>
internal static partial class ExceptionTable
{
    private static readonly Lazy<FrozenDictionary<string, ExceptionEntry>> s_entries = new(Build);

    /// <summary>All entries keyed <c>prefix Operation</c> (any case); a service-wide entry uses <c>*</c>.</summary>
    public static FrozenDictionary<string, ExceptionEntry> Entries => s_entries.Value;

    /// <summary>The entry for an operation, else the service-wide entry, else null.</summary>
    public static ExceptionEntry? Find(string prefix, string operation) =>
        Entries.TryGetValue(prefix + " " + operation, out ExceptionEntry? entry) ? entry
        : Entries.TryGetValue(prefix + " *", out entry) ? entry
        : null;

    /// <summary>Parses one line; throws <see cref="FormatException"/> on bad syntax.</summary>
    internal static ExceptionEntry Parse(string line)
    {
        int arrow = line.IndexOf("=>", StringComparison.Ordinal);
        string[] head = arrow < 0 ? [] : line[..arrow].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (head.Length != 2)
        {
            throw new FormatException($"Bad exception line '{line}'.");
        }

        string body = line[(arrow + 2)..].Trim();
        if (body.StartsWith('@'))
        {
            return new ExceptionEntry(head[0], head[1], [], body[1..], line);
        }

        var specs = ImmutableArray.CreateBuilder<ActionSpec>();
        foreach (string part in body.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            specs.Add(ActionSpec.Parse(part));
        }

        return new ExceptionEntry(head[0], head[1], specs.ToImmutable(), null, line);
    }

    private static FrozenDictionary<string, ExceptionEntry> Build()
    {
        var map = new Dictionary<string, ExceptionEntry>(StringComparer.OrdinalIgnoreCase);
        foreach (string line in Lines)
        {
            ExceptionEntry entry = Parse(line);
            map.Add(entry.Prefix + " " + entry.Operation, entry);
        }

        return map.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }
}
