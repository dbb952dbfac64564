using System.Text.Json;
using TrailSift.Core.Iam.Catalog;
using Xunit.Abstractions;

namespace TrailSift.Core.Tests.Iam.Catalog;

// Compares the embedded catalog with the read-only reference copy of the same package in ../shared.
public class IamCatalogReferenceTests(ITestOutputHelper output)
{
    // The version /work/shared/reference/README.md documents for its iam-data copy.
    private const string ReferenceVersion = "0.21.202609261";

    [SharedReferenceFact]
    public void Should_Contain_Every_Reference_Action_And_Resource_Type_When_Compared()
    {
        // Given
        string data = SharedReference.IamDataDirectory!;
        IamCatalog catalog = IamCatalog.Default;
        var differences = new List<string>();
        int actions = 0, resourceTypes = 0, keys = 0;

        // When
        foreach (string file in Directory.EnumerateFiles(Path.Combine(data, "actions"), "*.json"))
        {
            string prefix = Path.GetFileNameWithoutExtension(file);
            foreach (JsonProperty action in ReadObject(file).EnumerateObject())
            {
                actions++;
                string name = action.Value.GetProperty("name").GetString()!;
                if (!catalog.TryGetAction($"{prefix}:{name}", out ActionInfo? info) || info.Name != name)
                {
                    differences.Add($"action {prefix}:{name} missing");
                }
            }
        }

        foreach (string file in Directory.EnumerateFiles(Path.Combine(data, "resourceTypes"), "*.json"))
        {
            string prefix = Path.GetFileNameWithoutExtension(file);
            catalog.TryGetService(prefix, out ServiceInfo? service);
            foreach (JsonProperty type in ReadObject(file).EnumerateObject())
            {
                resourceTypes++;
                string name = type.Value.GetProperty("key").GetString()!;
                string arn = type.Value.GetProperty("arn").GetString()!;
                if (service is null || !service.TryGetResourceType(name, out ResourceTypeInfo? info))
                {
                    differences.Add($"resource type {prefix}:{name} missing");
                }
                else if (info.Arn.Template != arn)
                {
                    differences.Add($"resource type {prefix}:{name} ARN {info.Arn.Template} != {arn}");
                }
            }
        }

        foreach (string file in Directory.EnumerateFiles(Path.Combine(data, "conditionKeys"), "*.json"))
        {
            string prefix = Path.GetFileNameWithoutExtension(file);
            catalog.TryGetService(prefix, out ServiceInfo? service);
            foreach (JsonProperty key in ReadObject(file).EnumerateObject())
            {
                keys++;
                string name = key.Value.GetProperty("key").GetString()!;
                if (service is null || !service.TryGetConditionKey(name, out _))
                {
                    differences.Add($"condition key {name} missing from {prefix}");
                }
            }
        }

        // Then
        output.WriteLine($"reference: {actions} actions, {resourceTypes} resource types, {keys} condition keys; " +
            $"catalog {catalog.Source.Version}: {catalog.ActionCount} / {catalog.ResourceTypeCount} / {catalog.ConditionKeyCount}");
        foreach (string difference in differences)
        {
            output.WriteLine(difference);
        }

        Assert.InRange(actions, 10_000, 100_000);
        if (catalog.Source.Version == ReferenceVersion)
        {
            Assert.Empty(differences);
            Assert.Equal(actions, catalog.ActionCount);
            Assert.Equal(resourceTypes, catalog.ResourceTypeCount);
            Assert.Equal(keys, catalog.ConditionKeyCount);
        }
        else
        {
            // A newer package may retire a few entries; more than 1% means something broke.
            Assert.InRange(differences.Count, 0, (actions + resourceTypes) / 100);
        }
    }

    [Fact]
    public void Should_Fit_Every_Reference_Template_When_Matching_Its_Own_Sample()
    {
        // Given: for each template, a sample ARN made by filling every variable with a plain token.
        IamCatalog catalog = IamCatalog.Default;
        var failures = new List<string>();
        int checkedTemplates = 0;

        // When
        foreach (ServiceInfo service in catalog.Services)
        {
            foreach (ResourceTypeInfo type in service.ResourceTypes)
            {
                checkedTemplates++;
                foreach (ArnTemplate form in type.Arn.Forms)
                {
                    var values = new Dictionary<string, string>();
                    foreach (string variable in form.Variables)
                    {
                        values[variable] = "v" + variable.ToLowerInvariant();
                    }

                    string sample = form.Build(values);
                    if (!type.Arn.TryExtract(sample, out var extracted) || extracted.Count != values.Count)
                    {
                        failures.Add($"{type}: {type.Arn.Template} does not fit {sample}");
                    }
                }
            }
        }

        // Then
        foreach (string failure in failures)
        {
            output.WriteLine(failure);
        }

        Assert.Equal(catalog.ResourceTypeCount, checkedTemplates);
        Assert.Empty(failures);
    }

    private static JsonElement ReadObject(string file)
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(file));
        return document.RootElement.Clone();
    }
}
