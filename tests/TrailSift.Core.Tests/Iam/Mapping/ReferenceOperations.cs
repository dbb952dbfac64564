using System.Text.Json;
using TrailSift.Core.Iam.Mapping;

namespace TrailSift.Core.Tests.Iam.Mapping;

/// <summary>
/// The operations each IAM service prefix has according to the reference data in <c>../shared/reference</c>:
/// the SDK methods of iam-dataset's map.json (through its prefix → SDK service table) plus the SAR action names of
/// iam-data. Read at test time only; nothing is copied into the project.
/// </summary>
internal static class ReferenceOperations
{
    private static readonly Lazy<HashSet<string>?> s_operations = new(Read);

    public static HashSet<string>? Load() => s_operations.Value;

    /// <summary>"source name" → "prefix operation" in lower case.</summary>
    public static string Key(string pair)
    {
        int space = pair.IndexOf(' ');
        string prefix = ServicePrefixes.FromEventSource(pair[..space]) ?? string.Empty;
        return (prefix + " " + OperationNames.Normalize(pair[(space + 1)..])).ToLowerInvariant();
    }

    private static HashSet<string>? Read()
    {
        if (SharedFolder.Reference is not { } reference)
        {
            return null;
        }

        var set = new HashSet<string>(StringComparer.Ordinal);
        using (JsonDocument map = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(reference, "iam-dataset", "map.json"))))
        {
            var sdkToPrefix = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            foreach (JsonProperty service in map.RootElement.GetProperty("service_sdk_mappings").EnumerateObject())
            {
                foreach (JsonElement sdk in service.Value.EnumerateArray())
                {
                    if (!sdkToPrefix.TryGetValue(sdk.GetString()!, out List<string>? prefixes))
                    {
                        sdkToPrefix[sdk.GetString()!] = prefixes = [];
                    }

                    prefixes.Add(service.Name);
                }
            }

            foreach (JsonProperty method in map.RootElement.GetProperty("sdk_method_iam_mappings").EnumerateObject())
            {
                int dot = method.Name.IndexOf('.');
                if (dot > 0 && sdkToPrefix.TryGetValue(method.Name[..dot], out List<string>? prefixes))
                {
                    foreach (string prefix in prefixes)
                    {
                        set.Add((prefix + " " + method.Name[(dot + 1)..]).ToLowerInvariant());
                    }
                }
            }
        }

        string actions = Path.Combine(reference, "iam-data", "data", "actions");
        foreach (string file in Directory.EnumerateFiles(actions, "*.json"))
        {
            string prefix = Path.GetFileNameWithoutExtension(file);
            using JsonDocument doc = JsonDocument.Parse(File.ReadAllBytes(file));
            foreach (JsonProperty action in doc.RootElement.EnumerateObject())
            {
                set.Add((prefix + " " + action.Name).ToLowerInvariant());
            }
        }

        return set;
    }
}
