using TrailSift.Core.Events;
using TrailSift.Core.Iam.Catalog;
using TrailSift.Core.Json;

namespace TrailSift.Core.Iam.Mapping;

// Implied permissions: iam:PassRole, tag on create, session tags. None of them is logged by CloudTrail.
public sealed partial class EventPermissionMapper
{
    private static readonly string[] PassRoleVerbs = ["Create", "Update", "Put", "Start", "Run", "Register", "Modify", "Associate"];

    private void AddImplied(ImpliedRule rule, EventContext context, List<RequiredPermission> main, List<RequiredPermission> implied)
    {
        switch (rule.Kind)
        {
            case ImpliedKind.PassRole:
                foreach (string value in Values(rule, context))
                {
                    AddPassRole(value, context, rule.Why, implied);
                }

                break;
            case ImpliedKind.PassRoleOfInstanceProfile:
                foreach (string value in Values(rule, context))
                {
                    string profile = value.StartsWith("arn:", StringComparison.Ordinal)
                        ? value
                        : $"arn:{context.Partition}:iam::{context.Account}:instance-profile/{value}";
                    implied.Add(new RequiredPermission("iam:PassRole", "*", "role", PermissionSource.Unknown,
                        $"the role inside instance profile {profile}; its ARN is not in the event", Implied: true)
                    {
                        InstanceProfileArn = profile,
                    });
                }

                break;
            case ImpliedKind.SameResource:
                if (AnyPresent(rule, context))
                {
                    AddSameResource(rule, context, main, implied);
                }

                break;
            case ImpliedKind.Ec2TagSpecifications:
                AddEc2TagSpecifications(rule, context, main, implied);
                break;
        }
    }

    private static void AddPassRole(string value, EventContext context, string why, List<RequiredPermission> implied)
    {
        if (value.StartsWith("arn:", StringComparison.Ordinal))
        {
            if (value.Contains(":role/", StringComparison.Ordinal))
            {
                implied.Add(new RequiredPermission("iam:PassRole", value, "role", PermissionSource.RequestParameter, why, Implied: true));
            }

            return;
        }

        implied.Add(new RequiredPermission("iam:PassRole", $"arn:{context.Partition}:iam::{context.Account}:role/{value}", "role",
            PermissionSource.RequestParameter, why + "; the event gives the role name only, so the ARN assumes no path", Implied: true));
    }

    private void AddSameResource(ImpliedRule rule, EventContext context, List<RequiredPermission> main, List<RequiredPermission> implied)
    {
        if (!Catalog.TryGetAction(rule.Action, out ActionInfo? action))
        {
            return;
        }

        int before = implied.Count;
        foreach (RequiredPermission permission in main)
        {
            if (permission.Resource != "*" && (action.ResourceTypes.IsEmpty || !action.FindResourceTypes(permission.Resource).IsEmpty))
            {
                string? type = action.FindResourceTypes(permission.Resource) is { IsEmpty: false } types ? types[0].Name : null;
                implied.Add(permission with { Action = action.FullName, ResourceType = type, Note = rule.Why, Implied = true });
            }
        }

        if (implied.Count == before && ActionPlanFor(action.FullName, rule.Operation) is { } plan)
        {
            var built = new List<RequiredPermission>();
            AddResources(plan, context, built, []);
            foreach (RequiredPermission permission in built)
            {
                implied.Add(permission with { Note = permission.Note is null ? rule.Why : rule.Why + "; " + permission.Note, Implied = true });
            }
        }
    }

    private void AddEc2TagSpecifications(ImpliedRule rule, EventContext context, List<RequiredPermission> main, List<RequiredPermission> implied)
    {
        if (!Catalog.TryGetAction(rule.Action, out ActionInfo? action))
        {
            return;
        }

        foreach (string resourceType in Values(rule, context))
        {
            ResourceTypeInfo? type = null;
            foreach (ActionResourceType candidate in action.ResourceTypes)
            {
                if (candidate.ResourceType is { } info && info.Name.Equals(resourceType, StringComparison.OrdinalIgnoreCase))
                {
                    type = info;
                }
            }

            if (type is null)
            {
                implied.Add(new RequiredPermission(action.FullName, "*", null, PermissionSource.Unknown,
                    $"{rule.Why}; resource type '{resourceType}' is not one of {action.FullName}'s", Implied: true));
                continue;
            }

            // Tags given at creation are authorised on the new resource, before its id exists (the
            // ec2:CreateAction condition key names the creating call).
            int before = implied.Count;
            foreach (RequiredPermission permission in main)
            {
                if (permission.Resource != "*" && type.Arn.Matches(permission.Resource)
                    && (permission.Source == PermissionSource.Created || !permission.Resource.EndsWith("/*", StringComparison.Ordinal)))
                {
                    implied.Add(permission with
                    {
                        Action = action.FullName, ResourceType = type.Name, Note = rule.Why, Implied = true, CreateAction = context.Operation,
                    });
                }
            }

            if (implied.Count == before)
            {
                implied.Add(new RequiredPermission(action.FullName, BuildWithContext(type.Arn, context), type.Name,
                    PermissionSource.Created, rule.Why + "; the new resource's id does not exist when the tags are authorised", Implied: true)
                {
                    CreateAction = context.Operation,
                });
            }
        }
    }

    private static void AddGenericPassRole(OperationPlan plan, EventContext context, List<RequiredPermission> implied)
    {
        // Any other call that hands a role ARN to a service in a top-level …RoleArn field needs iam:PassRole on it.
        if (!plan.HandsRoles(HandsRoles))
        {
            return;
        }

        foreach (ImpliedRule rule in plan.Implied)
        {
            if (rule.Kind is ImpliedKind.PassRole or ImpliedKind.PassRoleOfInstanceProfile)
            {
                return;
            }
        }

        foreach (JsonNode.PropertyEnumerator property in context.Request.EnumerateProperties())
        {
            JsonNode value = property.Value;
            if (value.Kind != JsonKind.String || !value.RawStringContent.StartsWith("arn:"u8))
            {
                continue;
            }

            string name = TextCache.Get(property.Name);
            string arn = TextCache.Get(value);
            if (name.EndsWith("RoleArn", StringComparison.OrdinalIgnoreCase) && arn.Contains(":role/", StringComparison.Ordinal))
            {
                implied.Add(new RequiredPermission("iam:PassRole", arn, "role", PermissionSource.RequestParameter,
                    $"generic rule: {plan.Prefix}:{plan.Operation} hands the role in '{name}' to the service; iam:PassRole is not logged",
                    Implied: true));
            }
        }
    }

    private static List<string> Values(ImpliedRule rule, EventContext context)
    {
        var values = new List<string>();
        foreach (FieldPath path in rule.Paths)
        {
            path.Collect(path.FromResponse ? context.Response : context.Request, values);
            if (values.Count > 0)
            {
                // The paths of one rule are alternatives for PassRoleOfInstanceProfile (arn or name), but each
                // names another role for PassRole (serviceRole, autoScalingRole).
                if (rule.Kind == ImpliedKind.PassRoleOfInstanceProfile)
                {
                    break;
                }
            }
        }

        return values;
    }

    private static bool AnyPresent(ImpliedRule rule, EventContext context)
    {
        foreach (FieldPath path in rule.Paths)
        {
            if (path.IsPresent(path.FromResponse ? context.Response : context.Request))
            {
                return true;
            }
        }

        return false;
    }

    // Whether the generic iam:PassRole rule looks at the plan's requests: a service other than iam and sts, an operation
    // named with a verb that may hand a role over.
    private static bool HandsRoles(OperationPlan plan) => plan.Prefix is not ("iam" or "sts") && StartsWithAny(plan.Operation, PassRoleVerbs);

    private static bool StartsWithAny(string text, string[] prefixes)
    {
        foreach (string prefix in prefixes)
        {
            if (text.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
