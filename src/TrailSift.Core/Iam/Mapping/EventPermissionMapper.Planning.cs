using System.Collections.Immutable;
using TrailSift.Core.Iam.Catalog;

namespace TrailSift.Core.Iam.Mapping;

// Building the per-(eventSource, eventName) plan: prefix, operation, status, actions and resource types.
public sealed partial class EventPermissionMapper
{
    private static readonly string[] CreationVerbs = ["Create", "Run", "Allocate", "Register", "Import", "Copy", "Publish", "Request", "Start", "Put"];

    private OperationPlan BuildPlan(string eventSource, string eventName)
    {
        string operation = OperationNames.Normalize(eventName);
        string? prefix = ServicePrefixes.FromEventSource(eventSource);
        if (prefix is null)
        {
            return Fixed(string.Empty, operation, MappingStatus.Unmapped, $"eventSource '{eventSource}' is not an AWS service host (*.amazonaws.com)");
        }

        if (operation.Length == 0)
        {
            return Fixed(prefix, operation, MappingStatus.NotApiCall, "no eventName: not an API call record");
        }

        if (CallClassification.PermissionlessReason(prefix, operation) is { } why)
        {
            return Fixed(prefix, operation, MappingStatus.Permissionless, why);
        }

        if (!Catalog.TryGetService(prefix, out ServiceInfo? service))
        {
            return Fixed(prefix, operation, MappingStatus.Unmapped, $"service prefix '{prefix}' (from {eventSource}) is not in the catalog");
        }

        var notes = new List<string>();
        if (!string.Equals(operation, eventName, StringComparison.Ordinal))
        {
            notes.Add($"API-version suffix removed: {eventName} → {operation}");
        }

        ImmutableArray<ImpliedRule> implied = ImpliedTable.For(prefix, operation);
        ExceptionEntry? entry = ExceptionTable.Find(prefix, operation);
        bool defaultExists = service.TryGetAction(operation, out ActionInfo? direct);
        if (entry is not null && (entry.Handler is null || !entry.Operation.Equals("*", StringComparison.Ordinal) || !defaultExists))
        {
            return PlanFromException(prefix, operation, entry, notes, implied);
        }

        if (!defaultExists)
        {
            notes.Add($"no catalog action {prefix}:{operation}; not invented");
            return Fixed(prefix, operation, MappingStatus.Unmapped, [.. notes]);
        }

        return new OperationPlan
        {
            Prefix = prefix, Operation = operation, Status = MappingStatus.Mapped, Notes = [.. notes],
            Actions = [PlanAction(direct!, null, operation)], Implied = implied,
        };
    }

    private OperationPlan PlanFromException(string prefix, string operation, ExceptionEntry entry, List<string> notes,
        ImmutableArray<ImpliedRule> implied)
    {
        var actions = ImmutableArray.CreateBuilder<ActionPlan>();
        var names = new List<string>();
        foreach (ActionSpec spec in entry.Actions)
        {
            if (Catalog.TryGetAction(spec.Action, out ActionInfo? info))
            {
                actions.Add(PlanAction(info, spec, operation));
                names.Add(info.FullName);
            }
            else
            {
                notes.Add($"exception-table action {spec.Action} is not in the catalog; dropped");
            }
        }

        if (entry.Handler is null && actions.Count == 0)
        {
            return Fixed(prefix, operation, MappingStatus.Unmapped, [.. notes]);
        }

        notes.Add(entry.Handler is null
            ? $"exception table: {operation} needs {string.Join(" / ", names)}"
            : $"exception table: {operation} is mapped by the '{entry.Handler}' rule");
        return new OperationPlan
        {
            Prefix = prefix, Operation = operation, Status = MappingStatus.Mapped, Notes = [.. notes],
            Actions = actions.ToImmutable(), Handler = entry.Handler, Implied = implied,
        };
    }

    private static ActionPlan PlanAction(ActionInfo action, ActionSpec? spec, string operation)
    {
        bool responseFallback = false;
        foreach (string verb in CreationVerbs)
        {
            responseFallback |= operation.StartsWith(verb, StringComparison.Ordinal);
        }

        var types = ImmutableArray.CreateBuilder<TypePlan>(action.ResourceTypes.Length);
        foreach (ActionResourceType type in action.ResourceTypes)
        {
            if (type.ResourceType is not { } info)
            {
                continue;
            }

            var variables = ImmutableArray.CreateBuilder<(string, ImmutableArray<FieldPath>)>();
            foreach (string variable in info.Arn.Variables)
            {
                if (variable is "Partition" or "Region" or "Account")
                {
                    continue;
                }

                ImmutableArray<FieldPath> paths = OverridePaths(spec, variable)
                    ?? ParameterConventions.PathsFor(info.ServicePrefix, variable, responseFallback);
                variables.Add((variable, paths));
            }

            types.Add(new TypePlan { Type = type, Template = info.Arn, Variables = variables.ToImmutable() });
        }

        return new ActionPlan { Action = action, Spec = spec, Types = types.ToImmutable() };
    }

    private static ImmutableArray<FieldPath>? OverridePaths(ActionSpec? spec, string variable)
    {
        if (spec is null)
        {
            return null;
        }

        foreach ((string name, FieldPath path) in spec.Overrides)
        {
            if (name.Equals(variable, StringComparison.OrdinalIgnoreCase))
            {
                return [path];
            }
        }

        return null;
    }

    private static OperationPlan Fixed(string prefix, string operation, MappingStatus status, params string[] notes) => new()
    {
        Prefix = prefix,
        Operation = operation,
        Status = status,
        Notes = [.. notes],
        FixedResult = new EventPermissions { ServicePrefix = prefix, OperationName = operation, Status = status, Notes = [.. notes] },
    };
}
