namespace TrailSift.Core.Iam.Authorization;

/// <summary>The kinds of IAM entities in an authorization-details document.</summary>
/// <remarks>An enum; thread-safe.</remarks>
public enum IamEntityKind
{
    /// <summary>An IAM user (<c>UserDetailList</c>).</summary>
    User,

    /// <summary>An IAM group (<c>GroupDetailList</c>).</summary>
    Group,

    /// <summary>An IAM role (<c>RoleDetailList</c>).</summary>
    Role,
}
