namespace TrailSift.Core.Iam.Catalog;

/// <summary>
/// A condition key and its value type, e.g. <c>aws:SourceIp</c> (IPAddress) or <c>s3:prefix</c> (String).
/// Parameterised keys keep their template spelling (<c>aws:RequestTag/${TagKey}</c>,
/// <c>s3:ExistingObjectTag/&lt;key&gt;</c>); <see cref="IamCatalog.TryGetConditionKey"/> resolves concrete keys
/// such as <c>aws:RequestTag/Owner</c> to them.
/// </summary>
/// <remarks>Immutable; safe to share between threads.</remarks>
public sealed class ConditionKeyInfo
{
    internal ConditionKeyInfo(string servicePrefix, string key, ConditionKeyType type)
    {
        ServicePrefix = servicePrefix;
        Key = key;
        Type = type;
    }

    /// <summary>The service the key is documented under; <c>aws</c> for global keys.</summary>
    public string ServicePrefix { get; }

    /// <summary>The key in AWS spelling.</summary>
    public string Key { get; }

    /// <summary>The value type.</summary>
    public ConditionKeyType Type { get; }

    /// <summary>Whether the key holds a set of values (an <c>ArrayOf…</c> type).</summary>
    public bool IsMultivalued => Type is ConditionKeyType.ArrayOfString or ConditionKeyType.ArrayOfArn
        or ConditionKeyType.ArrayOfBool or ConditionKeyType.ArrayOfNumeric or ConditionKeyType.ArrayOfDate
        or ConditionKeyType.ArrayOfIPAddress or ConditionKeyType.ArrayOfBinary;

    /// <summary>Whether the key is a template with a parameter, such as <c>aws:ResourceTag/${TagKey}</c>.</summary>
    public bool IsParameterized => Key.Contains("${", StringComparison.Ordinal) || Key.Contains('<', StringComparison.Ordinal);

    /// <summary>Whether the key is a global <c>aws:</c> key.</summary>
    public bool IsGlobal => ServicePrefix == IamCatalog.GlobalPrefix;

    /// <summary>Returns <c>Key (Type)</c>.</summary>
    public override string ToString() => $"{Key} ({Type})";
}
