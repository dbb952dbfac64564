using System.Globalization;
using System.Text;

namespace TrailSift.Core.Query.Syntax;

/// <summary>A constant: <c>null</c>, <c>true</c>, <c>false</c>, a number or a string.</summary>
/// <param name="Kind">Which constant.</param>
/// <param name="Text">For numbers the source text (<c>1e2</c>); for strings the decoded value; empty otherwise.</param>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed record LiteralExpr(LiteralKind Kind, string Text) : Expr
{
    /// <summary>The number's value as a double (jq 1.6 numbers are doubles).</summary>
    public double Number => Kind == LiteralKind.Number ? Lexer.ParseNumber(Text) : double.NaN;

    internal override int PrintPrecedence => Precedence.Postfix;

    /// <summary>A string literal.</summary>
    public static LiteralExpr String(string value) => new(LiteralKind.String, value);

    /// <summary>A number literal from its value.</summary>
    public static LiteralExpr FromNumber(double value) => new(LiteralKind.Number, value.ToString("R", CultureInfo.InvariantCulture));

    internal override void Print(StringBuilder sb)
    {
        switch (Kind)
        {
            case LiteralKind.Null: sb.Append("null"); break;
            case LiteralKind.False: sb.Append("false"); break;
            case LiteralKind.True: sb.Append("true"); break;
            case LiteralKind.Number: sb.Append(Text); break;
            default: AppendJsonString(sb, Text); break;
        }
    }

    /// <summary>Appends <paramref name="value"/> as a JSON string literal.</summary>
    internal static void AppendJsonString(StringBuilder sb, string value)
    {
        sb.Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (c < 0x20 || c == 0x7f)
                    {
                        sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        sb.Append('"');
    }
}
