using System.Collections.Immutable;
using TrailSift.Core.Iam.Evaluation.Internal;

namespace TrailSift.Core.Iam.Evaluation;

/// <summary>
/// The rules AWS applies after (or around) the policy decision, as data: protected entities no policy can open
/// (AWS managed policies, service-linked roles, IAM Identity Center's reserved roles, the <c>alias/aws/</c> KMS
/// aliases), calls that need no permission, and callers SCPs do not reach. Each row names its source page;
/// docs/simulate-request.md prints the table and tests/data/iam/eval/aws-rules.json has a case for each side of each row.
/// </summary>
/// <remarks>Static and immutable; thread-safe.</remarks>
public static class AwsRules
{
    private const string IamUserGuide = "https://docs.aws.amazon.com/IAM/latest/UserGuide/";

    private static readonly ImmutableArray<string> RoleChanges =
    [
        "iam:DeleteRole", "iam:UpdateAssumeRolePolicy", "iam:AttachRolePolicy", "iam:DetachRolePolicy",
        "iam:PutRolePolicy", "iam:DeleteRolePolicy", "iam:PutRolePermissionsBoundary", "iam:DeleteRolePermissionsBoundary",
    ];

    /// <summary>Every rule, in the order they are checked (deny rules first).</summary>
    public static ImmutableArray<AwsRule> Table { get; } =
    [
        new AwsRule
        {
            Id = "aws-managed-policies",
            Kind = AwsRuleKind.Deny,
            Actions = ["iam:CreatePolicy", "iam:CreatePolicyVersion", "iam:DeletePolicy", "iam:DeletePolicyVersion",
                "iam:SetDefaultPolicyVersion", "iam:TagPolicy", "iam:UntagPolicy"],
            Resources = ["arn:*:iam::aws:policy/*"],
            Statement = "AWS managed policies (arn:aws:iam::aws:policy/…) are created and administered by AWS; customers cannot create, edit, version, tag or delete them",
            SourceTitle = "IAM User Guide: Edit IAM policies (AWS API) — \"AWS managed policies cannot be edited\"; AWS Managed Policy reference: \"You cannot change the permissions defined in AWS managed policies\"",
            SourceUrl = IamUserGuide + "access_policies_manage-edit-api.html",
        },
        new AwsRule
        {
            Id = "service-linked-roles",
            Kind = AwsRuleKind.Deny,
            Actions = RoleChanges,
            Resources = ["arn:*:iam::*:role/aws-service-role/*"],
            Statement = "service-linked roles are protected: only the service that owns one can delete it (iam:DeleteServiceLinkedRole) or change its trust policy, permissions or boundary",
            ExemptsAwsCallers = true,
            SourceTitle = "IAM API Reference: UnmodifiableEntity — \"service-linked roles are protected AWS resources. Only the service that depends on the service-linked role can modify or delete the role\"; DeleteRolePermissionsBoundary: \"You cannot set the boundary for a service-linked role\"",
            SourceUrl = "https://docs.aws.amazon.com/IAM/latest/APIReference/API_DeleteRolePermissionsBoundary.html",
        },
        new AwsRule
        {
            Id = "identity-center-reserved-roles",
            Kind = AwsRuleKind.Deny,
            Actions = [.. RoleChanges, "iam:UpdateRole", "iam:UpdateRoleDescription"],
            Resources = ["arn:*:iam::*:role/aws-reserved/sso.amazonaws.com/*"],
            Statement = "roles IAM Identity Center creates for permission sets (/aws-reserved/sso.amazonaws.com/, AWSReservedSSO_…) are only modifiable by AWS; change the permission set instead",
            ExemptsAwsCallers = true,
            SourceTitle = "AWS re:Post Knowledge Center: \"Cannot perform the operation on the protected role 'AWSReservedSSO_…' - this role is only modifiable by AWS\"; IAM Identity Center User Guide: IAM roles created by IAM Identity Center",
            SourceUrl = "https://repost.aws/knowledge-center/identity-center-aws-reserved-sso",
        },
        new AwsRule
        {
            Id = "kms-aws-aliases",
            Kind = AwsRuleKind.Deny,
            Actions = ["kms:CreateAlias", "kms:UpdateAlias", "kms:DeleteAlias"],
            Resources = ["arn:*:kms:*:*:alias/aws/*"],
            Statement = "the alias/aws/ prefix is reserved for AWS managed keys; customers cannot create, update or delete such aliases",
            ExemptsAwsCallers = true,
            SourceTitle = "AWS KMS Developer Guide: Create aliases — \"The alias name for a customer managed key cannot begin with alias/aws/. The alias/aws/ prefix is reserved for AWS managed key\"",
            SourceUrl = "https://docs.aws.amazon.com/kms/latest/developerguide/alias-create.html",
        },
        new AwsRule
        {
            Id = "get-caller-identity",
            Kind = AwsRuleKind.Allow,
            Actions = ["sts:GetCallerIdentity"],
            Statement = "sts:GetCallerIdentity needs no permission and works even under an explicit deny",
            SourceTitle = "AWS STS API Reference: GetCallerIdentity — \"No permissions are required to perform this operation. If an administrator attaches a policy to your identity that explicitly denies access to the sts:GetCallerIdentity action, you can still perform this operation\"",
            SourceUrl = "https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html",
        },
        new AwsRule
        {
            Id = "get-session-token",
            Kind = AwsRuleKind.Allow,
            Actions = ["sts:GetSessionToken"],
            Statement = "sts:GetSessionToken needs no permission; policies cannot control authentication operations",
            SourceTitle = "IAM User Guide: Permissions for GetSessionToken — \"No permissions are required for a user to get a session token … You cannot use policies to control authentication operations\"",
            SourceUrl = IamUserGuide + "id_credentials_temp_control-access_getsessiontoken.html",
        },
        new AwsRule
        {
            Id = "scp-service-linked-roles",
            Kind = AwsRuleKind.ScpExempt,
            Statement = "SCPs do not affect service-linked roles",
            SourceTitle = "AWS Organizations User Guide: Service control policies (SCPs) — \"SCPs don't affect service-linked roles\"",
            SourceUrl = "https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps.html",
        },
    ];

    /// <summary>The first rule of <paramref name="kind"/> that applies to <paramref name="request"/>, or null.</summary>
    public static AwsRule? Find(AwsRuleKind kind, RequestContext request)
    {
        ArgumentNullException.ThrowIfNull(request);
        foreach (AwsRule rule in Table)
        {
            if (rule.Kind == kind && Applies(rule, request))
            {
                return rule;
            }
        }

        return null;
    }

    /// <summary>True when an Allow or Deny rule names <paramref name="action"/> (its outcome then depends on the resource too).</summary>
    internal static bool ConcernsAction(string action)
    {
        bool actionIsPattern = WildcardMatch.HasWildcard(action);
        foreach (AwsRule rule in Table)
        {
            foreach (string pattern in rule.Kind == AwsRuleKind.ScpExempt ? [] : rule.Actions)
            {
                if (WildcardMatch.IsMatch(pattern, action, ignoreCase: true, actionIsPattern))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>True when the caller is a service-linked-role session or role: its role is under
    /// <c>/aws-service-role/</c>, or, for a session (whose ARN has no path), named <c>AWSServiceRoleFor…</c> as every
    /// service-linked role is.</summary>
    internal static bool IsServiceLinkedRole(PrincipalInfo caller) =>
        caller.Kind switch
        {
            PrincipalKind.Role => caller.Text.Contains(":role/aws-service-role/", StringComparison.Ordinal),
            PrincipalKind.AssumedRoleSession => caller.RoleName?.StartsWith("AWSServiceRoleFor", StringComparison.OrdinalIgnoreCase) == true,
            _ => false,
        };

    private static bool Applies(AwsRule rule, RequestContext request)
    {
        PrincipalInfo caller = request.PrincipalInfo;
        if (rule.Kind == AwsRuleKind.ScpExempt)
        {
            return IsServiceLinkedRole(caller);
        }

        if (rule.ExemptsAwsCallers && (caller.Kind == PrincipalKind.Service || IsServiceLinkedRole(caller)))
        {
            return false;
        }

        bool action = false;
        foreach (string pattern in rule.Actions)
        {
            action |= WildcardMatch.IsMatch(pattern, request.Action, ignoreCase: true, request.ActionIsPattern);
        }

        if (!action)
        {
            return false;
        }

        foreach (string resource in rule.Resources)
        {
            ArnSegments segments = ArnSegments.Split(resource);

            // A request pattern is refused when any resource it stands for is protected (every), or when all are (any).
            bool hit = request.ResourceIsPattern && request.ResourceMatch == ResourceMatchMode.Every
                ? ResourcePattern.Intersects(resource, segments, request.Resource)
                : ResourcePattern.Matches(resource, segments, request.Resource, request.ResourceIsPattern);
            if (hit)
            {
                return true;
            }
        }

        return false;
    }
}
