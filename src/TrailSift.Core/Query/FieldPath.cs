using System.Text;
using TrailSift.Core.Events;
using TrailSift.Core.Json;
using TrailSift.Core.Query.Syntax;

namespace TrailSift.Core.Query;

/// <summary>
/// A path to one value of an event, for <c>--fields</c> and <c>--by</c>: jq path syntax limited to
/// <c>.name</c>, <c>."name"</c>, <c>.["name"]</c> and <c>[n]</c> steps (<c>.userIdentity.arn</c>,
/// <c>eventName</c> with the leading dot optional, <c>.resources[0].ARN</c>).
/// </summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed class FieldPath
{
    private readonly Step[] _steps;

    private FieldPath(string text, Step[] steps, string lastName, Expr expression)
    {
        Text = text;
        _steps = steps;
        LastName = lastName;
        Expression = expression;
    }

    /// <summary>The path as given.</summary>
    public string Text { get; }

    /// <summary>The last property name on the path (<c>arn</c> for <c>.userIdentity.arn</c>), for column and key names.</summary>
    public string LastName { get; }

    /// <summary>The path as a filter expression.</summary>
    public Expr Expression { get; }

    /// <summary>Parses a field path; the leading dot may be left out.</summary>
    public static FieldPathParseResult Parse(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string trimmed = path.Trim();
        bool addDot = trimmed.Length > 0 && (char.IsAsciiLetter(trimmed[0]) || trimmed[0] == '_');
        string source = addDot ? "." + trimmed : trimmed;
        int shift = (addDot ? -1 : 0) + (path.Length - path.TrimStart().Length);
        if (source.Length == 0)
        {
            return FieldPathParseResult.Fail(new QueryError(path, 0, "expected a field path such as .userIdentity.arn"));
        }

        Expr? expr = Parser.Parse(source, out QueryError? error);
        if (expr is null)
        {
            return FieldPathParseResult.Fail(new QueryError(path, error!.Position + shift, error.Message));
        }

        var steps = new List<Step>();
        if (!Collect(expr, steps, out Expr? bad))
        {
            return FieldPathParseResult.Fail(new QueryError(
                path, Math.Max(0, bad!.Position + shift), "a field path may only use .name, .[\"name\"] and [number] steps"));
        }

        if (steps.Count == 0)
        {
            return FieldPathParseResult.Fail(new QueryError(path, 0, "a field path names at least one field"));
        }

        string last = string.Empty;
        foreach (Step s in steps)
        {
            if (s.Name is not null)
            {
                last = Encoding.UTF8.GetString(s.Name);
            }
        }

        return FieldPathParseResult.Ok(new FieldPath(path, [.. steps], last, expr));
    }

    /// <summary>The value at the path, or <see cref="JsonNode.Undefined"/> when a step is missing or hits a value of the wrong type.</summary>
    public JsonNode Evaluate(EventRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        JsonNode node = record.Root;
        foreach (Step s in _steps)
        {
            if (s.Name is byte[] name)
            {
                node = node.GetProperty(name);
            }
            else
            {
                node = node.GetElement(s.Index);
            }

            if (node.Kind == JsonKind.Undefined)
            {
                break;
            }
        }

        return node;
    }

    /// <inheritdoc/>
    public override string ToString() => Text;

    private static bool Collect(Expr expr, List<Step> steps, out Expr? bad)
    {
        bad = null;
        switch (expr)
        {
            case IdentityExpr:
                return true;
            case FieldExpr { Optional: false } f:
                if (!Collect(f.Target, steps, out bad))
                {
                    return false;
                }

                steps.Add(new Step(Encoding.UTF8.GetBytes(f.Name), 0));
                return true;
            case IndexExpr { Optional: false, Key: LiteralExpr { Kind: LiteralKind.String } key } i:
                if (!Collect(i.Target, steps, out bad))
                {
                    return false;
                }

                steps.Add(new Step(Encoding.UTF8.GetBytes(key.Text), 0));
                return true;
            case IndexExpr { Optional: false, Key: LiteralExpr { Kind: LiteralKind.Number } num } i when num.Number == Math.Floor(num.Number) && Math.Abs(num.Number) < int.MaxValue:
                if (!Collect(i.Target, steps, out bad))
                {
                    return false;
                }

                steps.Add(new Step(null, (int)num.Number));
                return true;
            case IndexExpr { Optional: false, Key: NegateExpr { Operand: LiteralExpr { Kind: LiteralKind.Number } neg } } i when neg.Number == Math.Floor(neg.Number) && neg.Number < int.MaxValue:
                if (!Collect(i.Target, steps, out bad))
                {
                    return false;
                }

                steps.Add(new Step(null, -(int)neg.Number));
                return true;
            default:
                bad = expr;
                return false;
        }
    }

    private readonly record struct Step(byte[]? Name, int Index);
}
