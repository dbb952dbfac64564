using TrailSift.Core.Iam.Catalog;

namespace TrailSift.Core.Tests.Iam.Catalog;

/// <summary>
/// Matching skips the ends a literal cannot start at and spans a variable with a vectorised search: checked against
/// the plain backtracking it replaced (every end tried, every character asked), over the whole catalog.
/// </summary>
public class ArnTemplateMatchingOracleTests
{
    private static readonly string[] Values =
        ["x", "AbC", "a/b", "a:b", "a/b:c", "s3", "/", ":", "*", "ß", "K", "k", "\u212A", "\u0131", "abc/def/ghi", "123456789012", "us-east-1", "aws"];

    // Literals after a variable that start with a letter, in either case or beyond ASCII (the catalog's start with ':' or '/').
    private static readonly string[] Made =
    [
        "arn:${Partition}:svc:::${Name}key${Other}", "arn:${Partition}:svc:::${Name}KEY${Other}", "arn:aws:svc:::${Name}k${Other}",
        "arn:aws:svc:::${Name}\u212A${Other}", "arn:aws:svc:::${Name}ß/${Other}", "arn:aws:svc:::${Name}s:${Other}*x",
    ];

    [Fact]
    public void Should_Match_As_Plain_Backtracking_When_Any_Catalog_Template_Meets_Filled_And_Altered_Arns()
    {
        // Given
        IEnumerable<ArnTemplate> templates = IamCatalog.Default.Services.SelectMany(s => s.ResourceTypes).Select(t => t.Arn)
            .Concat(Made.Select(ArnTemplate.Parse));
        int compared = 0;
        foreach (ArnTemplate template in templates)
        {
            foreach (string arn in Candidates(template))
            {
                // When
                bool strict = template.Matches(arn), loose = template.MatchesLoosely(arn);

                // Then
                Assert.True(strict == Reference(template, arn, loose: false), $"{template} on {arn}");
                Assert.True(loose == Reference(template, arn, loose: true), $"{template} loosely on {arn}");
                compared++;
            }
        }

        Assert.True(compared > 10_000, compared.ToString());
    }

    private static IEnumerable<string> Candidates(ArnTemplate template)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (ArnTemplate form in template.Forms)
        {
            for (int v = 0; v < Values.Length; v++)
            {
                var filled = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                int i = v;
                foreach (string name in form.Variables)
                {
                    filled[name] = Values[i++ % Values.Length];
                }

                string arn = form.Build(filled, "*");
                foreach (string candidate in new[]
                         {
                             arn, arn.ToUpperInvariant(), arn.ToLowerInvariant(), arn[..^1], arn + "/", arn + ":x", arn.Replace(':', '/'),
                             arn.Replace('/', ':'), "arn:aws:s3:::bucket/key/part", "arn:aws:iam::123456789012:role/a/b",
                         })
                {
                    if (seen.Add(candidate))
                    {
                        yield return candidate;
                    }
                }
            }
        }
    }

    // The matching before: the template's forms, each by trying every end of each variable, shortest first.
    private static bool Reference(ArnTemplate template, string arn, bool loose)
    {
        foreach (ArnTemplate form in template.Forms)
        {
            if (From(form.Segments.ToArray(), 0, arn, 0, loose))
            {
                return true;
            }
        }

        return false;
    }

    private static bool From(ArnTemplateSegment[] segments, int index, string arn, int position, bool loose)
    {
        if (index == segments.Length)
        {
            return position == arn.Length;
        }

        ArnTemplateSegment segment = segments[index];
        if (segment.Kind == ArnSegmentKind.Literal)
        {
            return arn.AsSpan(position).StartsWith(segment.Text, StringComparison.OrdinalIgnoreCase)
                && From(segments, index + 1, arn, position + segment.Text.Length, loose);
        }

        bool isLast = index == segments.Length - 1;
        if (isLast && loose)
        {
            return arn.Length > position;
        }

        int limit = position;
        while (limit < arn.Length && segment.Allows(arn[limit]))
        {
            limit++;
        }

        int shortest = segment.Kind == ArnSegmentKind.Variable ? position + 1 : position;
        if (isLast)
        {
            return limit == arn.Length && shortest <= limit;
        }

        for (int end = shortest; end <= limit; end++)
        {
            if (From(segments, index + 1, arn, end, loose))
            {
                return true;
            }
        }

        return false;
    }
}
