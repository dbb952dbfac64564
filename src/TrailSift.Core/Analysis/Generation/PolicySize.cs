using TrailSift.Core.Iam.Policy;

namespace TrailSift.Core.Analysis.Generation;

/// <summary>Measures policies the way IAM's size quota does: characters of the JSON, whitespace not counted.</summary>
/// <remarks>Stateless; thread-safe.</remarks>
public static class PolicySize
{
    /// <summary>The size of a document.</summary>
    public static int Of(PolicyDocument document) => CountNonWhitespace(PolicyWriter.WriteToString(document, indented: false));

    /// <summary>The size of one statement object.</summary>
    public static int Of(Statement statement) =>
        Of(new PolicyDocument { Version = PolicyDocument.Version2012, Statements = [statement] }) - EmptyDocumentSize;

    /// <summary>The size of <c>{"Version":"2012-10-17","Statement":[]}</c>.</summary>
    public static int EmptyDocumentSize { get; } = CountNonWhitespace(PolicyWriter.WriteToString(
        new PolicyDocument { Version = PolicyDocument.Version2012, Statements = [] }, indented: false));

    /// <summary>Characters of <paramref name="text"/> that are not whitespace.</summary>
    public static int CountNonWhitespace(string text)
    {
        int n = 0;
        foreach (char c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                n++;
            }
        }

        return n;
    }
}
