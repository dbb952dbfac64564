using System.Collections.Immutable;

namespace TrailSift.Core.Iam.Mapping;

/// <summary>
/// One action an exception-table entry emits, with its conditions (<c>?path</c>: only when present,
/// <c>!path</c>: only when absent) and template-variable overrides (<c>Var=path</c>).
/// </summary>
/// <remarks>Immutable; thread-safe.</remarks>
internal sealed class ActionSpec
{
    public ActionSpec(string action, ImmutableArray<FieldPath> whenPresent, ImmutableArray<FieldPath> whenAbsent,
        ImmutableArray<(string Variable, FieldPath Path)> overrides)
    {
        Action = action;
        WhenPresent = whenPresent;
        WhenAbsent = whenAbsent;
        Overrides = overrides;
    }

    /// <summary>The action as written in the table (<c>s3:GetObject</c>).</summary>
    public string Action { get; }

    public ImmutableArray<FieldPath> WhenPresent { get; }

    public ImmutableArray<FieldPath> WhenAbsent { get; }

    public ImmutableArray<(string Variable, FieldPath Path)> Overrides { get; }

    /// <summary>Parses <c>action [?path] [!path] [Var=path]…</c>.</summary>
    public static ActionSpec Parse(string text)
    {
        string[] words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var present = ImmutableArray.CreateBuilder<FieldPath>();
        var absent = ImmutableArray.CreateBuilder<FieldPath>();
        var overrides = ImmutableArray.CreateBuilder<(string, FieldPath)>();
        for (int i = 1; i < words.Length; i++)
        {
            string word = words[i];
            int eq = word.IndexOf('=');
            if (word[0] == '?')
            {
                present.Add(FieldPath.Parse(word[1..]));
            }
            else if (word[0] == '!')
            {
                absent.Add(FieldPath.Parse(word[1..]));
            }
            else if (eq > 0)
            {
                overrides.Add((word[..eq], FieldPath.Parse(word[(eq + 1)..])));
            }
            else
            {
                throw new FormatException($"Bad action spec word '{word}' in '{text}'.");
            }
        }

        return new ActionSpec(words[0], present.ToImmutable(), absent.ToImmutable(), overrides.ToImmutable());
    }

    /// <summary>Whether the conditions hold for the request.</summary>
    public bool Applies(EventContext context)
    {
        foreach (FieldPath path in WhenPresent)
        {
            if (!path.IsPresent(path.FromResponse ? context.Response : context.Request))
            {
                return false;
            }
        }

        foreach (FieldPath path in WhenAbsent)
        {
            if (path.IsPresent(path.FromResponse ? context.Response : context.Request))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether the spec carries conditions, so its outcome depends on the event.</summary>
    public bool IsConditional => !WhenPresent.IsEmpty || !WhenAbsent.IsEmpty;
}
