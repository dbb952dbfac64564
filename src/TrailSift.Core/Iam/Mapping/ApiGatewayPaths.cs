using System.Text;
using TrailSift.Core.Events;
using TrailSift.Core.Json;

namespace TrailSift.Core.Iam.Mapping;

/// <summary>
/// Builds the API Gateway resource path of a management call (<c>/restapis/a1b2/resources/c3d4/methods/GET</c>)
/// from the ids in its request. Collection calls (<c>GetRestApis</c>, <c>CreateStage</c>) end with the collection.
/// </summary>
/// <remarks>Static and stateless; thread-safe.</remarks>
internal static class ApiGatewayPaths
{
    // (request field, path segment) for the children of an API, deepest last.
    private static readonly (string Field, string Segment)[] RestChildren =
    [
        ("resourceId", "resources"), ("httpMethod", "methods"), ("stageName", "stages"), ("deploymentId", "deployments"),
        ("authorizerId", "authorizers"), ("modelName", "models"), ("requestValidatorId", "requestvalidators"),
        ("documentationPartId", "documentation/parts"),
    ];

    private static readonly (string Field, string Segment)[] HttpChildren =
    [
        ("routeId", "routes"), ("integrationId", "integrations"), ("stageName", "stages"), ("deploymentId", "deployments"),
        ("authorizerId", "authorizers"), ("modelId", "models"),
    ];

    private static readonly (string Field, string Segment)[] TopLevel =
    [
        ("domainName", "domainnames"), ("usagePlanId", "usageplans"), ("apiKey", "apikeys"), ("vpcLinkId", "vpclinks"),
        ("clientCertificateId", "clientcertificates"),
    ];

    // Resources that exist once per account and region: their path is the singular noun (/account).
    private static readonly string[] Singletons = ["account"];

    public static string Build(string operation, JsonNode request)
    {
        var path = new StringBuilder();
        if (Text(request, "apiId") is { } apiId)
        {
            path.Append("/apis/").Append(apiId);
            AppendChildren(path, request, HttpChildren, operation);
        }
        else if (Text(request, "restApiId") is { } restApiId)
        {
            path.Append("/restapis/").Append(restApiId);
            AppendChildren(path, request, RestChildren, operation);
        }
        else
        {
            foreach ((string field, string segment) in TopLevel)
            {
                if (Text(request, field) is { } id)
                {
                    return path.Append('/').Append(segment).Append('/').Append(id).ToString();
                }
            }

            path.Append('/').Append(Collection(operation));
        }

        return path.ToString();
    }

    private static void AppendChildren(StringBuilder path, JsonNode request, (string Field, string Segment)[] children, string operation)
    {
        bool any = false;
        foreach ((string field, string segment) in children)
        {
            if (Text(request, field) is { } id)
            {
                path.Append('/').Append(segment).Append('/').Append(id);
                any = true;
            }
        }

        if (!any && !IsWholeApi(operation))
        {
            path.Append('/').Append(Collection(operation));
        }
    }

    private static bool IsWholeApi(string operation) =>
        operation.EndsWith("RestApi", StringComparison.Ordinal) || operation.EndsWith("Api", StringComparison.Ordinal);

    /// <summary>The collection a call works on: <c>GetRestApis</c> → <c>restapis</c>, <c>CreateStage</c> → <c>stages</c>.</summary>
    private static string Collection(string operation)
    {
        int start = 0;
        while (start + 1 < operation.Length && !char.IsUpper(operation[start + 1]))
        {
            start++;
        }

        string noun = operation[(start + 1)..].ToLowerInvariant();
        return noun.Length == 0 ? "*" : Singletons.Contains(noun) || noun.EndsWith('s') ? noun : noun + "s";
    }

    private static string? Text(JsonNode request, string field)
    {
        JsonNode node = request.GetPropertyIgnoreAsciiCase(Encoding.UTF8.GetBytes(field));
        return node.Kind == JsonKind.String && node.GetString() is { Length: > 0 } value ? value : null;
    }
}
