namespace TrailSift.Core.Iam.Catalog;

/// <summary>
/// The value type of an IAM condition key. The <c>ArrayOf…</c> types mark multivalued keys, which policies
/// test with the <c>ForAllValues:</c> and <c>ForAnyValue:</c> set operators.
/// </summary>
/// <remarks>An immutable value; safe to share between threads.</remarks>
public enum ConditionKeyType
{
    /// <summary>A string.</summary>
    String,

    /// <summary>A set of strings.</summary>
    ArrayOfString,

    /// <summary>An ARN.</summary>
    Arn,

    /// <summary>A set of ARNs.</summary>
    ArrayOfArn,

    /// <summary>A Boolean.</summary>
    Bool,

    /// <summary>A set of Booleans.</summary>
    ArrayOfBool,

    /// <summary>A number.</summary>
    Numeric,

    /// <summary>A set of numbers.</summary>
    ArrayOfNumeric,

    /// <summary>A date and time.</summary>
    Date,

    /// <summary>A set of dates.</summary>
    ArrayOfDate,

    /// <summary>An IPv4 or IPv6 address or CIDR range.</summary>
    IPAddress,

    /// <summary>A set of IP addresses.</summary>
    ArrayOfIPAddress,

    /// <summary>Base64-encoded binary.</summary>
    Binary,

    /// <summary>A set of binary values.</summary>
    ArrayOfBinary,
}
