namespace TrailSift.Core.Iam.Catalog;

/// <summary>What a segment of an <see cref="ArnTemplate"/> is.</summary>
internal enum ArnSegmentKind
{
    /// <summary>Literal text, compared ignoring case.</summary>
    Literal,

    /// <summary>A <c>${Name}</c> variable: one or more characters.</summary>
    Variable,

    /// <summary>A literal <c>*</c> in the template: any characters, possibly none.</summary>
    Star,
}

/// <summary>Which characters a variable or star may span.</summary>
internal enum ArnCharClass
{
    /// <summary>Neither <c>/</c> nor <c>:</c>: one path segment (names, IDs, regions, accounts).</summary>
    Segment,

    /// <summary><c>/</c> allowed, <c>:</c> not: IAM paths, log group names, SSM parameter names.</summary>
    Path,

    /// <summary>Anything: S3 object keys and template stars in the resource part.</summary>
    Any,
}

/// <summary>One parsed piece of an ARN template.</summary>
/// <remarks>Immutable; safe to share between threads.</remarks>
internal readonly record struct ArnTemplateSegment(ArnSegmentKind Kind, string Text, ArnCharClass CharClass)
{
    public bool Allows(char c) => CharClass switch
    {
        ArnCharClass.Segment => c is not ('/' or ':'),
        ArnCharClass.Path => c != ':',
        _ => true,
    };

    /// <summary>How many characters from the start of <paramref name="text"/> the segment may span (<see cref="Allows"/> each).</summary>
    public int Extent(ReadOnlySpan<char> text)
    {
        int stop = CharClass switch
        {
            ArnCharClass.Segment => text.IndexOfAny('/', ':'),
            ArnCharClass.Path => text.IndexOf(':'),
            _ => -1,
        };
        return stop < 0 ? text.Length : stop;
    }
}
