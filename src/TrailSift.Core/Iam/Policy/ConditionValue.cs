namespace TrailSift.Core.Iam.Policy;

/// <summary>One value of a condition: its text and the JSON kind it was written as.</summary>
/// <remarks>An immutable value type; thread-safe.</remarks>
/// <param name="Text">The string content, or the number or boolean text as written.</param>
/// <param name="Kind">The JSON kind.</param>
public readonly record struct ConditionValue(string Text, ConditionValueKind Kind)
{
    /// <summary>A string value.</summary>
    public static ConditionValue String(string text) => new(text, ConditionValueKind.String);

    /// <inheritdoc/>
    public override string ToString() => Text;
}
