using System.Text;

namespace TrailSift.Core.Iam.Evaluation.Internal;

/// <summary>
/// A policy value containing policy variables (<c>${aws:username}</c>, <c>${aws:PrincipalTag/team, 'none'}</c>,
/// <c>${*}</c>, <c>${?}</c>, <c>${$}</c>), split once at compile time into literal and variable parts.
/// Immutable; thread-safe.
/// </summary>
internal sealed class VariableTemplate
{
    private readonly Part[] _parts;

    private VariableTemplate(Part[] parts, string source)
    {
        _parts = parts;
        Source = source;
    }

    public string Source { get; }

    /// <summary>The keys this template reads.</summary>
    public IEnumerable<string> Keys
    {
        get
        {
            foreach (Part part in _parts)
            {
                if (part.Key is not null)
                {
                    yield return part.Key;
                }
            }
        }
    }

    /// <summary>Returns a template, or null when the value has no well-formed variable.</summary>
    public static VariableTemplate? TryCompile(string value)
    {
        int start = value.IndexOf("${", StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        var parts = new List<Part>();
        int position = 0;
        while (start >= 0)
        {
            int end = value.IndexOf('}', start + 2);
            if (end < 0)
            {
                break;
            }

            if (start > position)
            {
                parts.Add(Part.Literal(value[position..start]));
            }

            parts.Add(ParseVariable(value.AsSpan(start + 2, end - start - 2)));
            position = end + 1;
            start = value.IndexOf("${", position, StringComparison.Ordinal);
        }

        if (parts.Count == 0)
        {
            return null;
        }

        if (position < value.Length)
        {
            parts.Add(Part.Literal(value[position..]));
        }

        return new VariableTemplate([.. parts], value);
    }

    /// <summary>
    /// Substitutes the variables. For a pattern (<c>StringLike</c>, <c>ArnLike</c>, <c>Resource</c>) the
    /// substituted values and <c>${*}</c>/<c>${?}</c> become literal characters, never wildcards.
    /// </summary>
    /// <returns>True with the text; False when a variable cannot be resolved (missing or multivalued key
    /// without a default); Unknown when a variable reads an unknown key (noted in <paramref name="state"/>).</returns>
    public Tri Resolve(RequestContext context, bool forPattern, out string? text, EvaluationState? state)
    {
        text = null;
        var builder = new StringBuilder(Source.Length + 16);
        Tri result = Tri.True;
        foreach (Part part in _parts)
        {
            if (part.Key is null)
            {
                builder.Append(part.Text);
                continue;
            }

            if (part.Text is null && part.Key is "*" or "?" or "$")
            {
                builder.Append(Special(part.Key[0], forPattern));
                continue;
            }

            if (context.IsUnknown(part.Key))
            {
                state?.NoteUnknown(part.Key);
                result = Tri.Unknown;
                continue;
            }

            string? value = context.TryGetValue(part.Key, out ContextValue found) && !found.IsMultiValued ? found[0] : part.Text;
            if (value is null)
            {
                if (result == Tri.True)
                {
                    result = Tri.False;
                }

                continue;
            }

            AppendLiteral(builder, value, forPattern);
        }

        if (result == Tri.True)
        {
            text = builder.ToString();
        }

        return result == Tri.Unknown ? Tri.Unknown : result;
    }

    private static char Special(char c, bool forPattern) => c switch
    {
        '*' => forPattern ? WildcardMatch.LiteralStar : '*',
        '?' => forPattern ? WildcardMatch.LiteralQuestion : '?',
        _ => c,
    };

    private static void AppendLiteral(StringBuilder builder, string value, bool forPattern)
    {
        if (!forPattern)
        {
            builder.Append(value);
            return;
        }

        foreach (char c in value)
        {
            builder.Append(c is '*' or '?' ? Special(c, forPattern: true) : c);
        }
    }

    private static Part ParseVariable(ReadOnlySpan<char> inner)
    {
        inner = inner.Trim();
        if (inner is "*" or "?" or "$")
        {
            return new Part(inner.ToString(), null);
        }

        int comma = inner.IndexOf(',');
        if (comma < 0)
        {
            return new Part(inner.ToString(), null);
        }

        string key = inner[..comma].Trim().ToString();
        ReadOnlySpan<char> fallback = inner[(comma + 1)..].Trim();
        if (fallback.Length >= 2 && fallback[0] == '\'' && fallback[^1] == '\'')
        {
            fallback = fallback[1..^1];
        }

        return new Part(key, fallback.ToString());
    }

    /// <summary>A literal (Key null, Text set) or a variable (Key set, Text = default or null).</summary>
    private readonly record struct Part(string? Key, string? Text)
    {
        public static Part Literal(string text) => new(null, text);
    }
}
