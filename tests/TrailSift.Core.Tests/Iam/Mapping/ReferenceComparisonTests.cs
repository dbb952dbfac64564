using System.Text.Json;
using TrailSift.Core.Iam.Mapping;
using Xunit.Abstractions;

namespace TrailSift.Core.Tests.Iam.Mapping;

/// <summary>
/// Compares our exception table with iam-dataset's SDK-method map (read from ../shared/reference at test time,
/// skipped when absent) and prints every disagreement. Our table wins where the reference is known to be wrong
/// (e.g. its sqs:DeleteMessageBatch), so the test only requires that most entries share an action with it.
/// </summary>
public sealed class ReferenceComparisonTests(ITestOutputHelper output)
{
    [SharedCorpusFact]
    public void Should_Agree_With_The_Reference_Map_On_Most_Exception_Entries()
    {
        // Given
        string mapFile = Path.Combine(SharedFolder.Reference!, "iam-dataset", "map.json");
        using JsonDocument map = JsonDocument.Parse(File.ReadAllBytes(mapFile));
        JsonElement methods = map.RootElement.GetProperty("sdk_method_iam_mappings");
        JsonElement sdkNames = map.RootElement.GetProperty("service_sdk_mappings");

        // When
        int compared = 0, agreeing = 0;
        foreach (ExceptionEntry entry in ExceptionTable.Entries.Values.OrderBy(e => e.Line, StringComparer.Ordinal))
        {
            if (entry.Handler is not null || !sdkNames.TryGetProperty(entry.Prefix, out JsonElement sdks))
            {
                continue;
            }

            foreach (JsonElement sdk in sdks.EnumerateArray())
            {
                if (!methods.TryGetProperty(sdk.GetString() + "." + entry.Operation, out JsonElement mappings))
                {
                    continue;
                }

                var theirs = mappings.EnumerateArray().Select(m => m.GetProperty("action").GetString()!).ToHashSet(StringComparer.OrdinalIgnoreCase);
                var ours = entry.Actions.Select(a => a.Action).ToHashSet(StringComparer.OrdinalIgnoreCase);
                compared++;
                if (ours.Overlaps(theirs))
                {
                    agreeing++;
                }

                if (!ours.SetEquals(theirs))
                {
                    output.WriteLine($"{entry.Prefix} {entry.Operation}: ours {string.Join(", ", ours.Order())}; reference {string.Join(", ", theirs.Order())}");
                }

                break;
            }
        }

        // Then
        output.WriteLine($"{agreeing} of {compared} entries share an action with the reference");
        Assert.True(compared > 0 && agreeing >= compared * 0.8, $"{agreeing} of {compared}");
    }
}
