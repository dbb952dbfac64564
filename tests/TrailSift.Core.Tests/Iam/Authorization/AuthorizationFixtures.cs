using System.Text;
using TrailSift.Core.Iam.Authorization;
using TrailSift.Testing;

namespace TrailSift.Core.Tests.Iam.Authorization;

/// <summary>The authorization-details fixtures under tests/data/iam/authorization.</summary>
internal static class AuthorizationFixtures
{
    public const string Account = "111122223333";
    public const string AliceArn = "arn:aws:iam::111122223333:user/alice";
    public const string AppRoleArn = "arn:aws:iam::111122223333:role/service/app";

    public static string Folder => Path.Combine(RepoPaths.TestData, "iam", "authorization");

    /// <summary>Reads the named fixture files into one reader.</summary>
    public static AuthorizationDetailsReader Read(params string[] files)
    {
        var reader = new AuthorizationDetailsReader();
        foreach (string file in files)
        {
            reader.Add(File.ReadAllBytes(Path.Combine(Folder, file)), file);
        }

        return reader;
    }

    /// <summary>Both pages of the two-page fixture, merged.</summary>
    public static AuthorizationDetails TwoPages() => Read("page1.json", "page2.json").Build();

    /// <summary>Reads one in-memory text.</summary>
    public static AuthorizationDetails FromText(string json, string source = "inline.json")
    {
        var reader = new AuthorizationDetailsReader();
        reader.Add(Encoding.UTF8.GetBytes(json), source);
        return reader.Build();
    }
}
