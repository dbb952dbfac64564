using System.Collections.Immutable;

namespace TrailSift.Core.Iam.Catalog;

/// <summary>
/// A resource type of a service, e.g. S3 <c>object</c> with ARN template
/// <c>arn:${Partition}:s3:::${BucketName}/${ObjectName}</c>, and the condition keys that apply to it.
/// </summary>
/// <remarks>Immutable; safe to share between threads.</remarks>
public sealed class ResourceTypeInfo
{
    internal ResourceTypeInfo(string servicePrefix, string name, ArnTemplate arn, ImmutableArray<string> conditionKeys)
    {
        ServicePrefix = servicePrefix;
        Name = name;
        Arn = arn;
        ConditionKeys = conditionKeys;
    }

    /// <summary>The owning service prefix.</summary>
    public string ServicePrefix { get; }

    /// <summary>The resource type name in AWS spelling (<c>object</c>, <c>role</c>, <c>function alias</c>).</summary>
    public string Name { get; }

    /// <summary>The ARN template.</summary>
    public ArnTemplate Arn { get; }

    /// <summary>The condition keys that apply to this resource type.</summary>
    public ImmutableArray<string> ConditionKeys { get; }

    /// <summary>Returns <c>prefix:name</c>.</summary>
    public override string ToString() => $"{ServicePrefix}:{Name}";
}
