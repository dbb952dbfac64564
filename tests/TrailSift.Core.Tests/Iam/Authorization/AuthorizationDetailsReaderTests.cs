using TrailSift.Core.Iam.Authorization;
using TrailSift.Core.Iam.Policy;

namespace TrailSift.Core.Tests.Iam.Authorization;

public sealed class AuthorizationDetailsReaderTests
{
    [Fact]
    public void Should_Merge_Entities_And_Policies_When_Two_Pages_Are_Read()
    {
        // Given / When
        AuthorizationDetailsReader reader = AuthorizationFixtures.Read("page1.json", "page2.json");
        AuthorizationDetails details = reader.Build();

        // Then
        Assert.Equal(2, reader.Pages);
        Assert.Equal(["alice"], details.Users.Select(u => u.Name));
        Assert.Equal(["devs"], details.Groups.Select(g => g.Name));
        Assert.Equal(["app"], details.Roles.Select(r => r.Name));
        Assert.Equal(2, details.Policies.Count);
        Assert.Empty(details.Diagnostics);
    }

    [Fact]
    public void Should_Read_Same_Result_When_Pages_Come_As_One_Array()
    {
        // Given
        string array = "[" + File.ReadAllText(Path.Combine(AuthorizationFixtures.Folder, "page1.json")) + ","
            + File.ReadAllText(Path.Combine(AuthorizationFixtures.Folder, "page2.json")) + "]";

        // When
        AuthorizationDetails details = AuthorizationFixtures.FromText(array);

        // Then
        Assert.Equal(3, details.Users.Length + details.Groups.Length + details.Roles.Length);
        Assert.Equal(2, details.Policies.Count);
    }

    [Fact]
    public void Should_Decode_Each_Encoding_When_Documents_Are_Objects_Json_Strings_Or_Url_Encoded()
    {
        // Given / When
        AuthorizationDetails details = AuthorizationFixtures.TwoPages();

        // Then: object (alice), URL-encoded string (devs), JSON string (app), URL-encoded managed version (boundary)
        Assert.Equal("AliceS3", details.Users[0].InlinePolicies[0].Document.Statements[0].Sid);
        Assert.Equal("GroupReadLogs", details.Groups[0].InlinePolicies[0].Document.Statements[0].Sid);
        Assert.Equal(["sqs:SendMessage"], details.Roles[0].InlinePolicies[0].Document.Statements[0].Action!.Values.ToArray());
        PolicyDocument boundary = details.Policies["arn:aws:iam::111122223333:policy/dev-boundary"].Document!;
        Assert.Equal(["s3:*", "logs:*", "ec2:Describe*"], boundary.Statements[0].Action!.Values.ToArray());
    }

    [Fact]
    public void Should_Keep_Default_Version_When_Managed_Policy_Lists_Several()
    {
        // Given / When
        ManagedPolicy policy = AuthorizationFixtures.TwoPages().Policies["arn:aws:iam::111122223333:policy/dynamo-access"];

        // Then: v2 is the default, v3 (dynamodb:*) is newer but not in force
        Assert.Equal("v2", policy.DefaultVersionId);
        Assert.Equal(["v3", "v2", "v1"], policy.VersionIds.ToArray());
        Assert.Equal(["dynamodb:GetItem", "dynamodb:Query"], policy.Document!.Statements[0].Action!.Values.ToArray());
    }

    [Fact]
    public void Should_Read_Instance_Profiles_When_Role_Lists_Them()
    {
        // Given
        AuthorizationDetails details = AuthorizationFixtures.TwoPages();

        // When
        var byArn = details.RolesOfInstanceProfile("arn:aws:iam::111122223333:instance-profile/app-profile");
        var byPathlessName = details.RolesOfInstanceProfile("arn:aws:iam::111122223333:instance-profile/other/app-profile");

        // Then
        Assert.Equal([AuthorizationFixtures.AppRoleArn], byArn.ToArray());
        Assert.Equal([AuthorizationFixtures.AppRoleArn], byPathlessName.ToArray());
        Assert.Empty(details.RolesOfInstanceProfile("arn:aws:iam::111122223333:instance-profile/unknown"));
    }

    [Fact]
    public void Should_Report_And_Continue_When_Parts_Are_Broken()
    {
        // Given: a user without Arn, a role with an invalid policy, a policy whose default version is missing
        const string json = """
            {"UserDetailList":[{"UserName":"nobody"}],
             "RoleDetailList":[{"RoleName":"r","Arn":"arn:aws:iam::111122223333:role/r",
               "RolePolicyList":[{"PolicyName":"bad","PolicyDocument":{"Statement":[{"Effect":"Maybe","Action":"s3:GetObject","Resource":"*"}]}},
                                 {"PolicyName":"good","PolicyDocument":"{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:ListAllMyBuckets\",\"Resource\":\"*\"}]}"}]}],
             "Policies":[{"PolicyName":"p","Arn":"arn:aws:iam::111122223333:policy/p","DefaultVersionId":"v9","PolicyVersionList":[{"VersionId":"v1","IsDefaultVersion":false,"Document":{}}]}]}
            """;

        // When
        AuthorizationDetails details = AuthorizationFixtures.FromText(json, "broken.json");

        // Then
        Assert.Empty(details.Users);
        IamEntity role = Assert.Single(details.Roles);
        Assert.Equal(["good"], role.InlinePolicies.Select(p => p.Name));
        Assert.Null(details.Policies["arn:aws:iam::111122223333:policy/p"].Document);
        Assert.Equal(3, details.Diagnostics.Length);
        Assert.All(details.Diagnostics, d => Assert.StartsWith("broken.json: ", d, StringComparison.Ordinal));
        Assert.Contains(details.Diagnostics, d => d.Contains("UserDetailList[0]: no UserName or Arn", StringComparison.Ordinal));
        Assert.Contains(details.Diagnostics, d => d.Contains("RolePolicyList[0].PolicyDocument: not a valid policy", StringComparison.Ordinal));
        Assert.Contains(details.Diagnostics, d => d.Contains("default version v9 is not in PolicyVersionList", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_Skip_The_Item_With_A_Diagnostic_When_A_Name_Holds_A_Lone_Surrogate_Escape()
    {
        // Given: a role whose inline policy's name escapes a lone surrogate (valid JSON, no text), and a sound role
        const string json = """
            {"RoleDetailList":[
               {"RoleName":"bad","Arn":"arn:aws:iam::111122223333:role/bad",
                "RolePolicyList":[{"PolicyName":"p\ud800","PolicyDocument":{"Version":"2012-10-17","Statement":[]}}]},
               {"RoleName":"good","Arn":"arn:aws:iam::111122223333:role/good","RolePolicyList":[]}]}
            """;

        // When
        AuthorizationDetails details = AuthorizationFixtures.FromText(json, "lone.json");

        // Then: the sound role is read, the other named in a diagnostic
        Assert.Equal(["good"], details.Roles.Select(r => r.Name));
        string diagnostic = Assert.Single(details.Diagnostics);
        Assert.StartsWith("lone.json: RoleDetailList[0]: a text in it is not valid Unicode", diagnostic, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Read_Each_Item_On_Its_Own_And_The_Last_List_When_A_Page_Repeats_A_Name()
    {
        // Given: pages as an array with a page that is not an object, an item that is not an object, a list that is not
        // an array, and RoleDetailList twice (the last one counts, as a JSON document's lookup finds it)
        const string json = """
            [7,
             {"RoleDetailList":[{"RoleName":"old","Arn":"arn:aws:iam::111122223333:role/old"}],
              "UserDetailList":[3,{"UserName":"u","Arn":"arn:aws:iam::111122223333:user/u","UserPolicyList":[]}],
              "GroupDetailList":{"GroupName":"g"},
              "RoleDetailList":[{"RoleName":"new","Arn":"arn:aws:iam::111122223333:role/new","RolePolicyList":[{"PolicyName":"p",
                "PolicyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}}]}]}]
            """;
        var reader = new AuthorizationDetailsReader();

        // When
        bool added = reader.Add(System.Text.Encoding.UTF8.GetBytes(json), "p.json");
        AuthorizationDetails details = reader.Build();

        // Then
        Assert.True(added);
        Assert.Equal(1, reader.Pages);
        Assert.Equal(["arn:aws:iam::111122223333:user/u"], details.Users.Select(u => u.Arn));
        IamEntity role = Assert.Single(details.Roles);
        Assert.Equal(("new", "s3:GetObject"), (role.Name, role.InlinePolicies.Single().Document.Statements.Single().Action!.Values.Single()));
        Assert.Equal(
            ["p.json: [0]: a page must be a JSON object", "p.json: [1].UserDetailList[0]: must be an object; skipped",
             "p.json: [1].GroupDetailList: must be an array"],
            details.Diagnostics.ToArray());
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \n")]
    [InlineData("{\"RoleDetailList\":[{\"RoleName\":\"r\"")]
    [InlineData("{\"RoleDetailList\":[]} {")]
    [InlineData("{\"RoleDetailList\":[]} x")]
    public void Should_Add_Nothing_When_The_Text_Is_Not_A_Sequence_Of_Json_Values(string text)
    {
        // Given
        var reader = new AuthorizationDetailsReader();

        // When
        bool added = reader.Add(System.Text.Encoding.UTF8.GetBytes(text), "t.json");

        // Then: refused with the parser's reason; a first value followed by text that is not JSON is not read either
        Assert.False(added);
        AuthorizationDetails details = reader.Build();
        Assert.StartsWith("t.json: not JSON: ", Assert.Single(details.Diagnostics), StringComparison.Ordinal);
        Assert.Empty(details.Roles);
    }

    [Fact]
    public void Should_Read_Every_Page_When_Pages_Are_Appended_To_One_File()
    {
        // Given: two pages written one after the other (`... >> authz.json`), then an array of pages, and a bad page
        const string Text = """
            {"RoleDetailList":[{"RoleName":"a","Arn":"arn:aws:iam::111122223333:role/a","RolePolicyList":[],"AttachedManagedPolicies":[]}],"IsTruncated":true}
            {"RoleDetailList":[{"RoleName":"b","Arn":"arn:aws:iam::111122223333:role/b","RolePolicyList":[],"AttachedManagedPolicies":[]}],"IsTruncated":false}
            [{"UserDetailList":[{"UserName":"u","Arn":"arn:aws:iam::111122223333:user/u"}]}, 7]
            """;
        var reader = new AuthorizationDetailsReader();

        // When
        bool added = reader.Add(System.Text.Encoding.UTF8.GetBytes(Text), "p.json");

        // Then: every page is merged; the bad one is named by its value's place in the file
        Assert.True(added);
        AuthorizationDetails details = reader.Build();
        Assert.Equal(["a", "b"], details.Roles.Select(r => r.Name).Order(StringComparer.Ordinal));
        Assert.Equal(["u"], details.Users.Select(u => u.Name));
        Assert.Equal(["p.json: (value 3)[1]: a page must be a JSON object"], details.Diagnostics.ToArray());
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"Records\":[]}")]
    [InlineData("42")]
    public void Should_Refuse_Text_When_It_Is_Not_Authorization_Details(string text)
    {
        // Given
        var reader = new AuthorizationDetailsReader();

        // When
        bool added = reader.Add(System.Text.Encoding.UTF8.GetBytes(text), "x.json");

        // Then
        Assert.False(added);
        Assert.StartsWith("x.json: ", Assert.Single(reader.Build().Diagnostics), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("%7B%22Version%22%3A%222012-10-17%22%7D", "{\"Version\":\"2012-10-17\"}")]
    [InlineData("{\"a\":\"50%\"}", "{\"a\":\"50%\"}")]
    [InlineData("%ZZ", "%ZZ")]
    public void Should_Decode_Only_Url_Encoded_Text_When_Given_A_String(string text, string expected)
    {
        Assert.Equal(expected, AuthorizationDetailsReader.Decode(text));
    }
}
