using TrailSift.Core.Iam.Catalog;
using TrailSift.Core.Iam.Mapping;

namespace TrailSift.Core.Tests.Iam.Mapping;

/// <summary>
/// The mapper skips its search for created resources when an operation's name starts with no verb of creation:
/// checked against asking <c>CreatesType</c> for every catalog action and resource type name.
/// </summary>
public class CreateVerbTests
{
    [Fact]
    public void Should_Create_No_Type_When_Operation_Starts_With_No_Create_Verb()
    {
        // Given
        var types = IamCatalog.Default.Services.SelectMany(s => s.ResourceTypes).Select(t => t.Name).Distinct(StringComparer.Ordinal).ToList();
        var operations = IamCatalog.Default.Services.SelectMany(s => s.Actions).Select(a => a.Name).Distinct(StringComparer.Ordinal).ToList();
        int creating = 0;
        foreach (string operation in operations)
        {
            // When
            bool verb = EventPermissionMapper.StartsWithCreateVerb(operation);

            // Then
            creating += verb ? 1 : 0;
            if (!verb)
            {
                Assert.DoesNotContain(types, type => EventPermissionMapper.CreatesType(operation, type));
            }
        }

        Assert.True(creating > 100, creating.ToString());
    }
}
