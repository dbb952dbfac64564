using System.Diagnostics.CodeAnalysis;

namespace TrailSift.Core.Iam.Mapping;

/// <summary>
/// Reads the verb and the table (and index) of a DynamoDB PartiQL statement: <c>SELECT … FROM "t"."i"</c>,
/// <c>INSERT INTO "t"</c>, <c>UPDATE "t"</c>, <c>DELETE FROM "t"</c>. Enough to choose the
/// <c>dynamodb:PartiQL…</c> action and its resource, not a PartiQL parser.
/// </summary>
/// <remarks>Static and stateless; thread-safe.</remarks>
internal static class PartiQlStatement
{
    public static bool TryParse(string statement, [NotNullWhen(true)] out string? verb, [NotNullWhen(true)] out string? table, out string? index)
    {
        verb = null;
        table = null;
        index = null;
        string[] words = statement.Split([' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 2)
        {
            return false;
        }

        string first = words[0].ToUpperInvariant();
        string? after = first switch
        {
            "SELECT" => "FROM",
            "DELETE" => "FROM",
            "INSERT" => "INTO",
            "UPDATE" => null,
            _ => string.Empty,
        };
        if (after is { Length: 0 })
        {
            return false;
        }

        string? target = after is null ? words[1] : null;
        for (int i = 1; target is null && i < words.Length - 1; i++)
        {
            if (words[i].Equals(after, StringComparison.OrdinalIgnoreCase))
            {
                target = words[i + 1];
            }
        }

        if (target is null)
        {
            return false;
        }

        // "table"."index" or "table"; quotes are optional in PartiQL.
        string[] parts = target.TrimEnd(';').Split("\".\"", StringSplitOptions.None);
        table = parts[0].Trim('"');
        index = parts.Length > 1 ? parts[1].Trim('"') : null;
        verb = char.ToUpperInvariant(first[0]) + first[1..].ToLowerInvariant();
        return table.Length > 0;
    }
}
