using System.Collections.Immutable;
using TrailSift.Core.Events;
using TrailSift.Core.Iam.Catalog;
using TrailSift.Core.Json;

namespace TrailSift.Core.Iam.Mapping;

// Resources for one action: the resources field, ARN-valued parameters, then ARN templates filled from the event.
public sealed partial class EventPermissionMapper
{
    // Beyond this many combinations of multi-valued variables, the unknown part becomes '*'.
    private const int MaxCombinations = 64;

    /// <summary>One value found for a template variable.</summary>
    private readonly record struct Found(string Value, string? Account, bool FromResponse, bool WholeArn, bool Created = false);

    private static void AddResources(ActionPlan plan, EventContext context, List<RequiredPermission> output,
        ImmutableArray<(string Variable, FieldPath Path)> overrides)
    {
        string action = plan.Action.FullName;
        string? ruleNote = plan.RuleNote;
        if (plan.Types.IsEmpty)
        {
            output.Add(plan.Star(ActionPlan.StarKind.NoTypes, static (p, note) => new RequiredPermission(p.Action.FullName, "*", null,
                p.FromException ? PermissionSource.ExceptionTable : PermissionSource.CatalogDefault, note)));
            return;
        }

        int before = output.Count;
        if (plan.UseResourcesField)
        {
            foreach (string arn in context.Resources)
            {
                foreach (TypePlan type in plan.Types)
                {
                    if (type.Template.Matches(arn))
                    {
                        output.Add(new RequiredPermission(action, arn, type.Type.Name, PermissionSource.ResourcesField, ruleNote));
                        break;
                    }
                }
            }

            if (output.Count > before)
            {
                return;
            }
        }

        // Several required types of which the event names none are usually alternatives (bedrock:InvokeModel on a
        // model, a profile or a router): one '*' with a note says more than a pattern per type.
        int required = 0;
        foreach (TypePlan type in plan.Types)
        {
            required += type.Type.Required ? 1 : 0;
        }

        List<TypePlan>? silent = null;
        foreach (TypePlan type in plan.Types)
        {
            int start = output.Count;
            AddType(action, type, context, output, ruleNote, overrides.IsEmpty, collapseUnknown: required > 1);
            if (output.Count == start && type.Type.Required)
            {
                (silent ??= []).Add(type);
            }
        }

        // When the event names some of the required types, the others are needed too (ec2:RunInstances on the
        // instance and network interface of a failed launch): report them as patterns after all.
        if (required > 1 && AnyFromEvent(output, before))
        {
            foreach (TypePlan type in silent ?? [])
            {
                AddType(action, type, context, output, ruleNote, overrides.IsEmpty, collapseUnknown: false);
            }
        }

        if (required > 1 && !AnyFromEvent(output, before))
        {
            // Only variable-less types were emitted (bedrock's marketplace endpoint): alternatives too.
            output.RemoveRange(before, output.Count - before);
        }

        if (output.Count == before && required == 0)
        {
            output.Add(plan.Star(ActionPlan.StarKind.OptionalUnnamed, static (p, _) => new RequiredPermission(p.Action.FullName, "*", null,
                p.FromException ? PermissionSource.ExceptionTable : PermissionSource.CatalogDefault,
                $"the event names no resource of the optional types {Names(p.Types)}")));
        }
        else if (output.Count == before)
        {
            output.Add(plan.Star(ActionPlan.StarKind.Unidentified, static (p, _) => new RequiredPermission(p.Action.FullName, "*", null,
                PermissionSource.Unknown, $"no resource of type {Names(p.Types)} could be identified in the event")));
        }
    }

    private static void AddType(string action, TypePlan type, EventContext context, List<RequiredPermission> output,
        string? ruleNote, bool allowArnParameters, bool collapseUnknown)
    {
        // An ARN-valued request parameter that fits the template is the resource itself (topicArn, policyArn, …).
        if (allowArnParameters)
        {
            bool any = false;
            foreach (JsonNode.PropertyEnumerator property in context.Request.EnumerateProperties())
            {
                JsonNode value = property.Value;
                if (value.Kind == JsonKind.String && value.RawStringContent.StartsWith("arn:"u8))
                {
                    string arn = TextCache.Get(value);
                    if (type.Template.Matches(arn))
                    {
                        output.Add(new RequiredPermission(action, arn, type.Type.Name, PermissionSource.RequestParameter, ruleNote));
                        any = true;
                    }
                }
            }

            if (any)
            {
                return;
            }
        }

        int count = type.Variables.Length;
        var values = new List<Found>[count];
        List<string> missing = ScratchLists<string>.Rent();
        try
        {
            bool anyFilled = false, fromResponse = false, created = false;
            for (int i = 0; i < count; i++)
            {
                values[i] = Resolve(type, type.Variables[i].Name, type.Variables[i].Paths, context);
                if (values[i].Count == 0)
                {
                    missing.Add(type.Variables[i].Name);
                    continue;
                }

                bool whole = false;
                foreach (Found found in values[i])
                {
                    if (found.WholeArn && found.Created)
                    {
                        // A new resource's ARN from the response: authorised before it existed.
                        AddCreated(context, found.Value, type.Type.Name);
                        output.Add(new RequiredPermission(action, BuildWithContext(type.Template, context), type.Type.Name,
                            PermissionSource.Created, CreatedNote(context, ruleNote)));
                        whole = true;
                    }
                    else if (found.WholeArn)
                    {
                        output.Add(new RequiredPermission(action, found.Value, type.Type.Name,
                            found.FromResponse ? PermissionSource.ResponseElement : PermissionSource.RequestParameter, ruleNote));
                        whole = true;
                    }

                    fromResponse |= found.FromResponse;
                    created |= found.Created;
                }

                if (whole)
                {
                    return;
                }

                anyFilled = true;
            }

            if (created)
            {
                // An optional type counts only when the event names it completely, new ids included: the cluster
                // RunJobFlow creates is elasticmapreduce:AddTags' cluster, never its cluster/<new id>/session/<unknown>.
                if (type.Type.Required || missing.Count == 0)
                {
                    AddCreatedType(action, type, values, context, output, ruleNote);
                }

                return;
            }

            if (!anyFilled && context.MessageArn is { } named && type.Template.Matches(named))
            {
                // A denied call whose request does not name the resource; the denial message does, and it fits.
                output.Add(new RequiredPermission(action, named, type.Type.Name, PermissionSource.ErrorMessage,
                    "named by the denial message" + (ruleNote is null ? string.Empty : "; " + ruleNote)));
                return;
            }

            if (count == 0)
            {
                if (!type.Type.Required)
                {
                    return;
                }

                // A template with no variables of its own (ssm opsitemgroup/default): the resource is fully known.
                output.Add(new RequiredPermission(action, BuildWithContext(type.Template, context), type.Type.Name,
                    PermissionSource.CatalogDefault, ruleNote));
                return;
            }

            // An optional type counts only when the event names it completely; a required one is reported even
            // when part of it (or all of it) is unknown.
            if (!type.Type.Required && (!anyFilled || missing.Count > 0))
            {
                return;
            }

            if (!anyFilled && collapseUnknown)
            {
                return;
            }

            if (!anyFilled && missing.TrueForAll(static m => m.EndsWith("Id", StringComparison.Ordinal))
                && Creates(context, type.Type.ResourceType?.ServicePrefix ?? string.Empty, type.Type.Name))
            {
                // Nothing names it because the call brings it into being and AWS assigns its id (a denied launch, the
                // network interface RunInstances adds). A name the request would give (a queue's) is just unknown.
                output.Add(new RequiredPermission(action, BuildWithContext(type.Template, context), type.Type.Name,
                    PermissionSource.Created, CreatedNote(context, ruleNote)));
                return;
            }

            string? note = missing.Count == 0 ? ruleNote
                : $"{string.Join(", ", missing)} not in the event" + (ruleNote is null ? string.Empty : "; " + ruleNote);
            PermissionSource source = !anyFilled ? PermissionSource.Unknown
                : fromResponse ? PermissionSource.ResponseElement : PermissionSource.RequestParameter;
            List<string> arns = ScratchLists<string>.Rent();
            BuildArns(type, values, context, arns);
            foreach (string arn in arns)
            {
                output.Add(new RequiredPermission(action, arn, type.Type.Name, source, note));
            }

            ScratchLists<string>.Return(arns);
        }
        finally
        {
            // The lists go back to this thread's spares: nothing the output holds refers to them.
            ScratchLists<string>.Return(missing);
            foreach (List<Found>? list in values)
            {
                if (list is not null)
                {
                    ScratchLists<Found>.Return(list);
                }
            }
        }
    }

    // The ARN of every combination of the variables' values, in order (the first variable varies fastest).
    private static void BuildArns(TypePlan type, List<Found>[] values, EventContext context, List<string> arns)
    {
        long total = 1;
        foreach (List<Found> list in values)
        {
            total *= Math.Max(1, list.Count);
        }

        TemplateVariables variables = TemplateVariables.Rent();
        if (total > MaxCombinations)
        {
            // Keep single values, wildcard the multi-valued ones.
            AddContext(variables, context, null);
            for (int i = 0; i < values.Length; i++)
            {
                if (values[i].Count == 1)
                {
                    variables[type.Variables[i].Name] = values[i][0].Value;
                }
            }

            arns.Add(type.Template.Build(variables, "*"));
            variables.Return();
            return;
        }

        Span<int> index = values.Length <= 16 ? stackalloc int[values.Length] : new int[values.Length];
        index.Clear();
        while (true)
        {
            string? account = null;
            for (int i = 0; i < values.Length; i++)
            {
                if (values[i].Count > 0)
                {
                    Found found = values[i][index[i]];
                    variables[type.Variables[i].Name] = found.Value;
                    account ??= found.Account;
                }
            }

            AddContext(variables, context, account);
            arns.Add(type.Template.Build(variables, "*"));
            variables.Clear();
            int k = 0;
            while (k < values.Length && (values[k].Count <= 1 || ++index[k] == values[k].Count))
            {
                index[k] = 0;
                k++;
            }

            if (k == values.Length)
            {
                variables.Return();
                return;
            }
        }
    }

    // Partition, Region (when known) and Account (the value's own, else the event's; when known), unless set already.
    private static void AddContext(TemplateVariables variables, EventContext context, string? account)
    {
        variables.TryAdd("Partition", context.Partition);
        if (context.Region.Length > 0)
        {
            variables.TryAdd("Region", context.Region);
        }

        string acct = account ?? context.Account;
        if (acct.Length > 0)
        {
            variables.TryAdd("Account", acct);
        }
    }

    // The template filled with the event's partition, region and account only ('*' for the rest).
    private static string BuildWithContext(ArnTemplate template, EventContext context)
    {
        TemplateVariables variables = TemplateVariables.Rent();
        AddContext(variables, context, null);
        string arn = template.Build(variables, "*");
        variables.Return();
        return arn;
    }

    private static List<Found> Resolve(TypePlan type, string variable, ImmutableArray<FieldPath> paths, EventContext context)
    {
        List<Found> result = ScratchLists<Found>.Rent();
        List<string> raw = ScratchLists<string>.Rent();
        foreach (FieldPath path in paths)
        {
            raw.Clear();
            path.Collect(path.FromResponse ? context.Response : context.Request, raw);
            foreach (string value in raw)
            {
                if (ValueTransforms.TryTransform(type.Template, variable, value, context, out string? text, out string? account, out bool wholeArn))
                {
                    result.Add(new Found(text, account, path.FromResponse, wholeArn, ParameterConventions.NamesCreatedResource(path)));
                }
            }

            if (result.Count > 0)
            {
                break;
            }
        }

        ScratchLists<string>.Return(raw);
        return result;
    }

    private static bool AnyFromEvent(List<RequiredPermission> output, int start)
    {
        for (int i = start; i < output.Count; i++)
        {
            if (output[i].Source != PermissionSource.CatalogDefault)
            {
                return true;
            }
        }

        return false;
    }

    private static string Names(ImmutableArray<TypePlan> types)
    {
        var names = new List<string>(types.Length);
        foreach (TypePlan type in types)
        {
            names.Add(type.Type.Required ? type.Type.Name + "*" : type.Type.Name);
        }

        return string.Join(", ", names);
    }
}
