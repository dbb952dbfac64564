using TrailSift.Core.Analysis.Usage;

namespace TrailSift.Core.Tests.Analysis.Usage;

/// <summary>
/// One call's distinct (action, resource) pairs (<see cref="CallPermissionSet"/>): the same answers as a hash set of the
/// pairs, below and past the short list's limit, call after call.
/// </summary>
public sealed class CallPermissionSetTests
{
    [Fact]
    public void Should_Answer_As_A_Hash_Set_Of_The_Pairs_When_Calls_Have_Few_Or_Many_Permissions()
    {
        // Given: calls of 0 to 40 pairs drawn from few actions and resources (repeats, equal texts in other strings)
        var random = new Random(15);
        string[] actions = ["s3:GetObject", "s3:PutObject", "kms:Decrypt"];
        string[] resources = [.. Enumerable.Range(0, 12).Select(static i => $"arn:aws:s3:::bucket/key-{i}")];
        var set = new CallPermissionSet();

        for (int call = 0; call < 300; call++)
        {
            var oracle = new HashSet<(string, string)>();
            set.Clear();
            int pairs = random.Next(call % 3 == 0 ? 41 : CallPermissionSet.ListLimit + 2);
            for (int p = 0; p < pairs; p++)
            {
                string action = actions[random.Next(actions.Length)];
                string resource = new([.. resources[random.Next(resources.Length)]]);

                // When
                bool added = set.Add(action, resource);

                // Then: new exactly when the hash set finds it new
                Assert.Equal(oracle.Add((action, resource)), added);
            }
        }
    }
}
