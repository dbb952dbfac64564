namespace TrailSift.Core.Iam.Authorization;

/// <summary>
/// Writes pages of <c>GetAccountAuthorizationDetails</c> output (each page one JSON object, as the live client returns
/// it) as one JSON array of those pages: the multi-page form <see cref="AuthorizationDetailsReader"/> reads back
/// (<c>unused --save-iam FILE</c>, then <c>--iam FILE</c>).
/// </summary>
public static class AuthorizationPagesWriter
{
    /// <summary>Writes <paramref name="pages"/> to <paramref name="output"/> as <c>[page,page,...]</c>, one page per line.</summary>
    /// <param name="pages">The pages, each a complete JSON object in UTF-8.</param>
    /// <param name="output">Where the array goes.</param>
    public static void Write(IReadOnlyList<byte[]> pages, Stream output)
    {
        ArgumentNullException.ThrowIfNull(pages);
        ArgumentNullException.ThrowIfNull(output);
        output.Write("["u8);
        for (int i = 0; i < pages.Count; i++)
        {
            output.Write(i == 0 ? "\n"u8 : ",\n"u8);
            output.Write(pages[i]);
        }

        output.Write("\n]\n"u8);
    }
}
