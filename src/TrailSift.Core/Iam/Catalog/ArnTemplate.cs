using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace TrailSift.Core.Iam.Catalog;

/// <summary>
/// A Service Authorization Reference ARN template such as <c>arn:${Partition}:s3:::${BucketName}/${ObjectName}</c>:
/// literal text, <c>${Name}</c> variables and the occasional literal <c>*</c>. It can be filled
/// (<see cref="Build"/>), tested against a concrete ARN (<see cref="Matches(string)"/>) and used to pull the
/// variables out of one (<see cref="TryExtract"/>).
/// </summary>
/// <remarks>
/// <para>Matching rules. Literals compare ignoring case. A variable matches one or more characters and never
/// crosses into the next literal: it takes the shortest text after which the rest of the template still
/// matches. What a variable may contain depends on where it is and what it names:</para>
/// <list type="bullet">
/// <item>in the partition, service, region and account fields, and for ordinary names and IDs: no <c>/</c> and
/// no <c>:</c>, so <c>arn:aws:s3:::bucket/key</c> is an S3 object, not a bucket;</item>
/// <item>path-like variables (names ending in <c>Path</c>, such as <c>RoleNameWithPath</c>, plus
/// <c>LogGroupName</c>, <c>LogStreamName</c>, <c>SecretId</c>, <c>RepositoryName</c> and <c>ParameterNameWithoutLeadingSlash</c>):
/// <c>/</c> allowed, <c>:</c> not;</item>
/// <item>S3-style object keys (<c>ObjectName</c>, <c>ObjectPath</c>): anything.</item>
/// </list>
/// <para>A literal <c>*</c> in the template matches any text (none included) within its field, and anything in
/// the resource part. Immutable; safe to share between threads.</para>
/// </remarks>
public sealed partial class ArnTemplate
{
    private const int HeaderColons = 5;

    private readonly ArnTemplateSegment[] _segments;

    // A few resource types list several ARN forms separated by ", " (API Gateway v1 and v2, Greengrass);
    // such a template matches when any form matches and builds with the first form it can fill.
    private readonly ArnTemplate[] _alternatives = [];

    private ArnTemplate(string template, ArnTemplateSegment[] segments, ImmutableArray<string> variables)
    {
        Template = template;
        _segments = segments;
        Variables = variables;
    }

    private ArnTemplate(string template, ArnTemplate[] alternatives)
        : this(template, alternatives[0]._segments, alternatives.SelectMany(a => a.Variables).Distinct(StringComparer.Ordinal).ToImmutableArray())
    {
        _alternatives = alternatives;
    }

    /// <summary>The alternative ARN forms when the catalog lists several for one resource type (otherwise just this one).</summary>
    public IReadOnlyList<ArnTemplate> Forms => _alternatives.Length > 0 ? _alternatives : [this];

    /// <summary>The parsed pieces of the (first) form, for tests that check matching against a reference.</summary>
    internal ReadOnlySpan<ArnTemplateSegment> Segments => _segments;

    /// <summary>The template text.</summary>
    public string Template { get; }

    /// <summary>The variable names in order of appearance, without duplicates (<c>Partition</c>, <c>BucketName</c>, …).</summary>
    public ImmutableArray<string> Variables { get; }

    /// <summary>Parses a template; throws <see cref="FormatException"/> on an unclosed <c>${</c> or an empty name.</summary>
    public static ArnTemplate Parse(string template)
    {
        ArgumentNullException.ThrowIfNull(template);
        return TryParse(template, out ArnTemplate? parsed)
            ? parsed
            : throw new FormatException($"Not a valid ARN template: '{template}'.");
    }

    /// <summary>Parses a template; returns false on an unclosed <c>${</c> or an empty variable name.</summary>
    public static bool TryParse(string? template, [NotNullWhen(true)] out ArnTemplate? parsed)
    {
        parsed = null;
        if (template is null)
        {
            return false;
        }

        if (template.Contains(", ", StringComparison.Ordinal))
        {
            string[] forms = template.Split(", ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var alternatives = new ArnTemplate[forms.Length];
            for (int f = 0; f < forms.Length; f++)
            {
                if (!TryParse(forms[f], out ArnTemplate? form))
                {
                    return false;
                }

                alternatives[f] = form;
            }

            parsed = new ArnTemplate(template, alternatives);
            return true;
        }

        var segments = new List<ArnTemplateSegment>();
        var variables = ImmutableArray.CreateBuilder<string>();
        int colons = 0, literalStart = 0, i = 0;
        while (i < template.Length)
        {
            char c = template[i];
            bool isVariable = c == '$' && i + 1 < template.Length && template[i + 1] == '{';
            if (!isVariable && c != '*')
            {
                if (c == ':')
                {
                    colons++;
                }

                i++;
                continue;
            }

            AddLiteral(segments, template, literalStart, i);
            bool inHeader = colons < HeaderColons;
            if (c == '*')
            {
                segments.Add(new ArnTemplateSegment(ArnSegmentKind.Star, "*", inHeader ? ArnCharClass.Segment : ArnCharClass.Any));
                i++;
            }
            else
            {
                int close = template.IndexOf('}', i + 2);
                if (close < 0 || close == i + 2)
                {
                    return false;
                }

                string name = template[(i + 2)..close];
                segments.Add(new ArnTemplateSegment(ArnSegmentKind.Variable, name, inHeader ? ArnCharClass.Segment : ClassOf(name)));
                if (!variables.Contains(name))
                {
                    variables.Add(name);
                }

                i = close + 1;
            }

            literalStart = i;
        }

        AddLiteral(segments, template, literalStart, template.Length);
        parsed = new ArnTemplate(template, [.. segments], variables.ToImmutable());
        return true;
    }

    /// <summary>
    /// Fills the variables from <paramref name="variables"/>. A variable with no value gets
    /// <paramref name="missing"/> (for example <c>"*"</c> to build an ARN pattern); when
    /// <paramref name="missing"/> is null a missing variable throws <see cref="KeyNotFoundException"/>.
    /// Literal <c>*</c>s in the template are kept.
    /// </summary>
    public string Build(IReadOnlyDictionary<string, string> variables, string? missing = null)
    {
        ArgumentNullException.ThrowIfNull(variables);
        if (_alternatives.Length > 0)
        {
            foreach (ArnTemplate form in _alternatives)
            {
                if (HasAll(form.Variables, variables))
                {
                    return form.Build(variables, missing);
                }
            }

            return _alternatives[0].Build(variables, missing);
        }

        // Most ARNs fit a stack buffer, so only the result is allocated.
        Span<char> buffer = stackalloc char[256];
        int length = 0;
        foreach (ArnTemplateSegment segment in _segments)
        {
            string text = segment.Kind != ArnSegmentKind.Variable ? segment.Text
                : variables.TryGetValue(segment.Text, out string? value) ? value
                : missing ?? throw new KeyNotFoundException($"No value for ${{{segment.Text}}} in '{Template}'.");
            if (!text.TryCopyTo(buffer[length..]))
            {
                return BuildLong(variables, missing);
            }

            length += text.Length;
        }

        return new string(buffer[..length]);
    }

    private static bool HasAll(ImmutableArray<string> names, IReadOnlyDictionary<string, string> variables)
    {
        foreach (string name in names)
        {
            if (!variables.ContainsKey(name))
            {
                return false;
            }
        }

        return true;
    }

    private string BuildLong(IReadOnlyDictionary<string, string> variables, string? missing)
    {
        var text = new StringBuilder(Template.Length + 32);
        foreach (ArnTemplateSegment segment in _segments)
        {
            if (segment.Kind != ArnSegmentKind.Variable)
            {
                text.Append(segment.Text);
            }
            else if (variables.TryGetValue(segment.Text, out string? value))
            {
                text.Append(value);
            }
            else
            {
                text.Append(missing ?? throw new KeyNotFoundException($"No value for ${{{segment.Text}}} in '{Template}'."));
            }
        }

        return text.ToString();
    }

    /// <summary>Returns the template text.</summary>
    public override string ToString() => Template;

    private static void AddLiteral(List<ArnTemplateSegment> segments, string template, int start, int end)
    {
        if (end > start)
        {
            segments.Add(new ArnTemplateSegment(ArnSegmentKind.Literal, template[start..end], ArnCharClass.Segment));
        }
    }

    private static ArnCharClass ClassOf(string name)
    {
        // Names whose values AWS documents as keys or paths; everything else is one segment. Keeping ordinary
        // names to one segment is what tells a bucket from an object and a function from its alias.
        if (name.Equals("ObjectName", StringComparison.OrdinalIgnoreCase) || name.Equals("ObjectPath", StringComparison.OrdinalIgnoreCase))
        {
            return ArnCharClass.Any;
        }

        return name.EndsWith("Path", StringComparison.OrdinalIgnoreCase)
            || name.Equals("LogGroupName", StringComparison.OrdinalIgnoreCase)
            || name.Equals("LogStreamName", StringComparison.OrdinalIgnoreCase)
            || name.Equals("SecretId", StringComparison.OrdinalIgnoreCase)
            || name.Equals("RepositoryName", StringComparison.OrdinalIgnoreCase)
            || name.Equals("ParameterNameWithoutLeadingSlash", StringComparison.OrdinalIgnoreCase)
            ? ArnCharClass.Path
            : name.Equals("StreamLabel", StringComparison.OrdinalIgnoreCase)
            ? ArnCharClass.Any // DynamoDB stream labels are timestamps with colons
            : ArnCharClass.Segment;
    }
}
