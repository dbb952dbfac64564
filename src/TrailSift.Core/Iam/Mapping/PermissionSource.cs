namespace TrailSift.Core.Iam.Mapping;

/// <summary>Where an <c>(action, resource)</c> pair came from.</summary>
/// <remarks>A plain enum; thread-safe.</remarks>
public enum PermissionSource
{
    /// <summary>The default rule: the action is the event name and it supports only <c>"*"</c>.</summary>
    CatalogDefault,

    /// <summary>The action comes from our exception table and supports only <c>"*"</c>.</summary>
    ExceptionTable,

    /// <summary>The resource is an ARN from the event's <c>resources</c> field.</summary>
    ResourcesField,

    /// <summary>The resource was built from <c>requestParameters</c> through the catalog's ARN template.</summary>
    RequestParameter,

    /// <summary>The resource was built from <c>responseElements</c> (its id exists only after creation).</summary>
    ResponseElement,

    /// <summary>The resource cannot be known from the event: a pattern with <c>*</c> in place of the unknown part.</summary>
    Unknown,

    /// <summary>
    /// The call creates the resource: AWS authorises it before the new id exists, so the resource is the ARN pattern
    /// with <c>*</c> in place of the id (<c>instance/*</c>); the id the response shows is in <see cref="EventPermissions.Created"/>.
    /// </summary>
    Created,

    /// <summary>An ARN the denial message names, accepted only when it fits one of the action's ARN templates.</summary>
    ErrorMessage,
}
