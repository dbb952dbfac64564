namespace TrailSift.Core.Iam.Mapping;

/// <summary>
/// Turns a CloudTrail <c>eventName</c> into the API operation name: Lambda and CloudFront append the API version
/// (<c>GetFunction20150331v2</c>, <c>CreateDistribution2020_05_31</c>), which is removed. A genuine <c>V2</c> that is
/// part of the name (<c>ListObjectsV2</c>) is kept.
/// </summary>
/// <remarks>Static and stateless; thread-safe.</remarks>
internal static class OperationNames
{
    /// <summary>
    /// Removes a trailing <c>(19|20)YY[_]MM[_]DD</c> date with an optional <c>v&lt;digits&gt;</c> after it. Written
    /// by hand rather than as a regex: it runs once per distinct event name, but stays allocation-free when nothing matches.
    /// </summary>
    public static string Normalize(string eventName)
    {
        ReadOnlySpan<char> name = eventName;
        int end = name.Length;

        // Optional "v<digits>" at the very end.
        int i = end;
        while (i > 0 && char.IsAsciiDigit(name[i - 1]))
        {
            i--;
        }

        if (i < end && i > 0 && name[i - 1] == 'v')
        {
            end = i - 1;
        }

        // The date: 8 digits, or YYYY_MM_DD.
        int dateStart;
        if (end >= 8 && IsDigits(name.Slice(end - 8, 8)))
        {
            dateStart = end - 8;
        }
        else if (end >= 10 && IsDigits(name.Slice(end - 10, 4)) && name[end - 6] == '_' && IsDigits(name.Slice(end - 5, 2))
            && name[end - 3] == '_' && IsDigits(name.Slice(end - 2, 2)))
        {
            dateStart = end - 10;
        }
        else
        {
            return eventName;
        }

        bool century = name[dateStart] == '2' && name[dateStart + 1] == '0' || name[dateStart] == '1' && name[dateStart + 1] == '9';
        // Keep names that are all digits or that have a digit right before the date (not a version suffix).
        if (!century || dateStart == 0 || char.IsAsciiDigit(name[dateStart - 1]))
        {
            return eventName;
        }

        return eventName[..dateStart];
    }

    private static bool IsDigits(ReadOnlySpan<char> text)
    {
        foreach (char c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
