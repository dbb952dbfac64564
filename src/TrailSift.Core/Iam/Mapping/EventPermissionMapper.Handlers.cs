using System.Collections.Concurrent;
using TrailSift.Core.Iam.Catalog;

namespace TrailSift.Core.Iam.Mapping;

// Exception-table rules that need code: S3 copy and multi-delete, DynamoDB PartiQL, EC2 tagging, API Gateway.
public sealed partial class EventPermissionMapper
{
    private static readonly FieldPath CopySource = FieldPath.Parse("x-amz-copy-source");
    private static readonly FieldPath BucketName = FieldPath.Parse("bucketName");
    private static readonly FieldPath[] Statements =
        [FieldPath.Parse("statement"), FieldPath.Parse("statements.statement"), FieldPath.Parse("transactStatements.statement")];
    private static readonly FieldPath TaggedIds = FieldPath.Parse("resourcesSet.items.resourceId");

    private readonly ConcurrentDictionary<string, ActionPlan?> _actionPlans = new(StringComparer.OrdinalIgnoreCase);

    private bool RunHandler(OperationPlan plan, EventContext context, List<RequiredPermission> output, List<string> notes)
    {
        switch (plan.Handler)
        {
            case "s3copy":
                return S3Copy(plan, context, output, notes);
            case "s3deleteobjects":
                return S3DeleteObjects(plan, context, output);
            case "partiql":
                return PartiQl(plan, context, output, notes);
            case "ec2tags":
                return Ec2Tags(plan, context, output);
            case "apigateway":
                return ApiGateway(plan, context, output, notes);
            default:
                notes.Add($"unknown handler '{plan.Handler}'");
                return false;
        }
    }

    /// <summary>The actions a handler may emit, for <see cref="Describe"/>.</summary>
    private static IEnumerable<string> HandlerActions(OperationPlan plan) => plan.Handler switch
    {
        "s3copy" => ["s3:PutObject", "s3:GetObject"],
        "s3deleteobjects" => ["s3:DeleteObject"],
        "partiql" => ["dynamodb:PartiQLSelect", "dynamodb:PartiQLInsert", "dynamodb:PartiQLUpdate", "dynamodb:PartiQLDelete"],
        "ec2tags" => [plan.Prefix + ":" + plan.Operation],
        "apigateway" => ApiGatewayVerb(plan.Operation) is { } verb ? ["apigateway:" + verb] : [],
        _ => [],
    };

    /// <summary>The plan of one catalog action (as if it were the event's own), cached.</summary>
    private ActionPlan? ActionPlanFor(string action, string operation) =>
        _actionPlans.GetOrAdd(action + "|" + operation, _ => Catalog.TryGetAction(action, out ActionInfo? info) ? PlanAction(info, null, operation) : null);

    private bool S3Copy(OperationPlan plan, EventContext context, List<RequiredPermission> output, List<string> notes)
    {
        if (ActionPlanFor("s3:PutObject", plan.Operation) is { } put)
        {
            AddResources(put, context, output, []);
        }

        string? source = CopySource.First(context.Request);
        if (source is null)
        {
            output.Add(new RequiredPermission("s3:GetObject", "*", null, PermissionSource.Unknown, "the copy source is not in the event"));
            return true;
        }

        // x-amz-copy-source: [/]bucket/key[?versionId=…], URL-encoded.
        string decoded = Uri.UnescapeDataString(source).TrimStart('/');
        int query = decoded.IndexOf("?versionId=", StringComparison.Ordinal);
        bool versioned = query >= 0;
        string path = versioned ? decoded[..query] : decoded;
        int slash = path.IndexOf('/');
        if (slash <= 0 || slash == path.Length - 1)
        {
            notes.Add($"copy source '{source}' is not bucket/key");
            return true;
        }

        string action = versioned ? "s3:GetObjectVersion" : "s3:GetObject";
        output.Add(new RequiredPermission(action, $"arn:{context.Partition}:s3:::{path}", "object", PermissionSource.RequestParameter,
            "copy source (x-amz-copy-source) needs read access; action from the exception table"));
        return true;
    }

    private static bool S3DeleteObjects(OperationPlan plan, EventContext context, List<RequiredPermission> output)
    {
        int before = output.Count;
        foreach (string arn in context.Resources)
        {
            // Objects, not the bucket: an object ARN has a '/' after the bucket name.
            if (arn.IndexOf('/', StringComparison.Ordinal) > 0 && arn.StartsWith("arn:", StringComparison.Ordinal) && arn.Contains(":s3:::", StringComparison.Ordinal))
            {
                output.Add(new RequiredPermission("s3:DeleteObject", arn, "object", PermissionSource.ResourcesField, "action from the exception table"));
            }
        }

        if (output.Count == before)
        {
            string? bucket = BucketName.First(context.Request);
            output.Add(bucket is null
                ? new RequiredPermission("s3:DeleteObject", "*", null, PermissionSource.Unknown, "neither the bucket nor the keys are in the event")
                : new RequiredPermission("s3:DeleteObject", $"arn:{context.Partition}:s3:::{bucket}/*", "object", PermissionSource.Unknown,
                    "the keys of DeleteObjects are not in the event (s3:DeleteObjectVersion for versioned keys)"));
        }

        return true;
    }

    private bool PartiQl(OperationPlan plan, EventContext context, List<RequiredPermission> output, List<string> notes)
    {
        var statements = new List<string>();
        foreach (FieldPath path in Statements)
        {
            path.Collect(context.Request, statements);
        }

        foreach (string statement in statements)
        {
            if (!PartiQlStatement.TryParse(statement, out string? verb, out string? table, out string? index))
            {
                notes.Add("a PartiQL statement could not be read");
                continue;
            }

            string action = "dynamodb:PartiQL" + verb;
            string arn = index is null
                ? $"arn:{context.Partition}:dynamodb:{context.Region}:{context.Account}:table/{table}"
                : $"arn:{context.Partition}:dynamodb:{context.Region}:{context.Account}:table/{table}/index/{index}";
            string? type = Catalog.FindResourceTypes(action, arn) is { IsEmpty: false } types ? types[0].Name : null;
            output.Add(new RequiredPermission(action, arn, type, PermissionSource.RequestParameter, "PartiQL verb and table read from the statement"));
        }

        if (statements.Count == 0)
        {
            notes.Add($"{plan.Operation}: the PartiQL statement is not in the event, so the verb (Select/Insert/Update/Delete) is unknown");
        }

        return output.Count > 0;
    }

    private bool Ec2Tags(OperationPlan plan, EventContext context, List<RequiredPermission> output)
    {
        if (!Catalog.TryGetAction(plan.Prefix + ":" + plan.Operation, out ActionInfo? action))
        {
            return false;
        }

        var ids = new List<string>();
        TaggedIds.Collect(context.Request, ids);
        foreach (string id in ids)
        {
            ResourceTypeInfo? type = Ec2ResourceIds.TypeOf(action, id);
            if (type is null)
            {
                output.Add(new RequiredPermission(action.FullName, "*", null, PermissionSource.Unknown, $"the resource type of id '{id}' is not known"));
                continue;
            }

            TemplateVariables variables = TemplateVariables.Rent();
            AddContext(variables, context, null);
            foreach (string variable in type.Arn.Variables)
            {
                variables.TryAdd(variable, id);
            }

            output.Add(new RequiredPermission(action.FullName, type.Arn.Build(variables, "*"), type.Name, PermissionSource.RequestParameter,
                "resource type from the EC2 id prefix"));
            variables.Return();
        }

        if (ids.Count == 0)
        {
            output.Add(new RequiredPermission(action.FullName, "*", null, PermissionSource.Unknown, "no resource ids in the event"));
        }

        return true;
    }

    private bool ApiGateway(OperationPlan plan, EventContext context, List<RequiredPermission> output, List<string> notes)
    {
        string? verb = ApiGatewayVerb(plan.Operation);
        if (verb is null || !Catalog.TryGetAction("apigateway:" + verb, out ActionInfo? action))
        {
            notes.Add($"no HTTP verb known for API Gateway {plan.Operation}; not invented");
            return false;
        }

        string path = ApiGatewayPaths.Build(plan.Operation, context.Request);
        string arn = $"arn:{context.Partition}:apigateway:{context.Region}::{path}";
        string? type = action.FindResourceTypes(arn) is { IsEmpty: false } types ? types[0].Name : null;
        output.Add(new RequiredPermission(action.FullName, arn, type, PermissionSource.RequestParameter,
            "API Gateway management calls are HTTP-verb actions on the resource path; path built from the request ids"));
        return true;
    }

    private static string? ApiGatewayVerb(string operation)
    {
        (string Prefix, string Verb)[] verbs =
        [
            ("Get", "GET"), ("Create", "POST"), ("Put", "PUT"), ("Update", "PATCH"), ("Delete", "DELETE"),
            ("Import", "PUT"), ("TagResource", "PUT"), ("UntagResource", "DELETE"), ("Flush", "DELETE"), ("Test", "POST"),
            ("Generate", "POST"), ("Reimport", "PUT"),
        ];
        foreach ((string prefix, string verb) in verbs)
        {
            if (operation.StartsWith(prefix, StringComparison.Ordinal))
            {
                return verb;
            }
        }

        return null;
    }
}
