using System.Text.Json;
using TrailSift.Core.Iam.Evaluation;
using TrailSift.Core.Iam.Policy;

namespace TrailSift.Core.Tests.Analysis.Usage;

/// <summary>
/// Random policy sets for the exactness oracle of <see cref="TrailSift.Core.Analysis.Usage.RequestJudge"/>, built around
/// given actions and resources so that their entries match some requests and not others: exact and wildcard actions
/// (<c>s3:*</c>, <c>s3:Get*</c>, <c>*</c>, NotAction), resource entries cut at any point and ended with <c>*</c>, with
/// <c>?</c>, other regions and accounts, NotResource, <c>*</c>, short ARNs and policy variables, duplicated entries, Deny
/// statements, conditions on the keys a trail shows, hides or derives, and permissions boundaries. Deterministic for a seed.
/// </summary>
internal static class GeneratedPolicies
{
    private static readonly string[] Regions = ["us-east-1", "eu-west-1", "*", "us-*"];
    private static readonly string[] Accounts = ["123456789012", "111122223333", "*", ""];

    private static readonly (string Operator, string Key, string[] Values)[] Conditions =
    [
        ("StringEquals", "aws:RequestedRegion", ["us-east-1", "eu-west-1"]),
        ("StringNotEquals", "aws:RequestedRegion", ["us-east-1"]),
        ("IpAddress", "aws:SourceIp", ["10.0.0.0/8", "203.0.113.0/24", "192.0.2.0/24"]),
        ("NotIpAddress", "aws:SourceIp", ["198.51.100.0/24"]),
        ("Bool", "aws:MultiFactorAuthPresent", ["true"]),
        ("StringLike", "aws:PrincipalTag/team", ["data*"]),
        ("Null", "aws:SourceVpce", ["true"]),
        ("ArnLike", "aws:PrincipalArn", ["arn:aws:iam::*:role/*"]),
        ("StringEquals", "aws:ResourceAccount", ["123456789012"]),
        ("StringEquals", "aws:PrincipalAccount", ["123456789012"]),
        ("StringEqualsIfExists", "aws:UserAgent", ["aws-cli*"]),
        ("StringEquals", "iam:PassedToService", ["ec2.amazonaws.com", "elasticmapreduce.amazonaws.com"]),
        ("StringEquals", "ec2:CreateAction", ["RunInstances"]),
        ("ForAnyValue:StringEquals", "aws:CalledVia", ["cloudformation.amazonaws.com"]),
        ("Bool", "aws:ViaAWSService", ["false"]),
        ("StringEquals", "aws:PrincipalType", ["AssumedRole", "User"]),
        ("StringLike", "aws:userid", ["AROA*"]),
        ("StringEquals", "s3:prefix", ["logs/"]),
        ("ForAllValues:StringEquals", "aws:TagKeys", ["team", "env"]),
        ("StringEquals", "aws:RequestTag/team", ["data"]),
        ("StringEqualsIfExists", "ec2:ResourceTag/team", ["ops", "data"]),
        ("StringLike", "aws:ResourceTag/Name", ["*"]),
    ];

    /// <summary>A policy set of one to three identity policies and sometimes a boundary.</summary>
    public static PolicySet Set(Random random, IReadOnlyList<string> actions, IReadOnlyList<string> resources, out string json)
    {
        var identity = new List<PolicyDocument>();
        var texts = new List<string>();
        int count = random.Next(1, 4);
        for (int i = 0; i < count; i++)
        {
            string text = Document(random, actions, resources, random.Next(1, 7));
            texts.Add(text);
            identity.Add(Parse(text));
        }

        PolicyDocument? boundary = null;
        if (random.Next(4) == 0)
        {
            string text = Document(random, actions, resources, random.Next(1, 4));
            texts.Add("boundary: " + text);
            boundary = Parse(text);
        }

        json = string.Join("\n", texts);
        return new PolicySet(identityPolicies: identity, permissionBoundaries: boundary is null ? null : [boundary]);
    }

    /// <summary>A policy document with <paramref name="statements"/> statements.</summary>
    public static string Document(Random random, IReadOnlyList<string> actions, IReadOnlyList<string> resources, int statements)
    {
        var list = new List<Dictionary<string, object>>();
        for (int i = 0; i < statements; i++)
        {
            var statement = new Dictionary<string, object> { ["Effect"] = random.Next(5) == 0 ? "Deny" : "Allow" };
            statement[random.Next(10) == 0 ? "NotAction" : "Action"] = Many(random, () => Action(random, actions));
            statement[random.Next(10) == 0 ? "NotResource" : "Resource"] = Many(random, () => Resource(random, resources));
            if (random.Next(3) == 0)
            {
                var conditions = new Dictionary<string, object>();
                for (int c = random.Next(1, 3); c > 0; c--)
                {
                    (string op, string key, string[] values) = Conditions[random.Next(Conditions.Length)];
                    conditions[op] = new Dictionary<string, object> { [key] = values.Take(random.Next(1, values.Length + 1)).ToArray() };
                }

                statement["Condition"] = conditions;
            }

            list.Add(statement);
        }

        return JsonSerializer.Serialize(new Dictionary<string, object> { ["Version"] = "2012-10-17", ["Statement"] = list });
    }

    private static PolicyDocument Parse(string json)
    {
        PolicyParseResult result = PolicyParser.Parse(json);
        Assert.True(result.Succeeded, json + ": " + string.Join("; ", result.Diagnostics));
        return result.Document!;
    }

    private static string[] Many(Random random, Func<string> one)
    {
        var values = new List<string>();
        for (int n = random.Next(1, 4); n > 0; n--)
        {
            values.Add(one());
        }

        // Sometimes an entry twice: the classes count distinct entries.
        if (random.Next(8) == 0)
        {
            values.Add(values[0]);
        }

        return [.. values];
    }

    private static string Action(Random random, IReadOnlyList<string> actions)
    {
        string action = actions[random.Next(actions.Count)];
        int colon = action.IndexOf(':', StringComparison.Ordinal);
        return random.Next(6) switch
        {
            0 => action[..(colon + 1)] + "*",
            1 => action[..Math.Min(action.Length, colon + 1 + random.Next(1, 5))] + "*",
            2 => random.Next(4) == 0 ? "*" : action.ToLowerInvariant(),
            _ => action,
        };
    }

    private static string Resource(Random random, IReadOnlyList<string> resources)
    {
        string resource = resources[random.Next(resources.Count)];
        string[] parts = resource.Split(':', 6);
        switch (random.Next(12))
        {
            case 0:
                return "*";
            case 1:
                // Cut anywhere and ended with a wildcard.
                return resource[..random.Next(resource.Length + 1)] + "*";
            case 2 when parts.Length == 6:
                parts[3] = Regions[random.Next(Regions.Length)];
                return string.Join(':', parts);
            case 3 when parts.Length == 6:
                parts[4] = Accounts[random.Next(Accounts.Length)];
                return string.Join(':', parts);
            case 4 when resource.Length > 0:
                int at = random.Next(resource.Length);
                return resource[..at] + "?" + resource[(at + 1)..];
            case 5 when parts.Length == 6:
                return string.Join(':', parts[..5]) + ":" + parts[5].ToUpperInvariant();
            case 6:
                return random.Next(3) switch
                {
                    0 => "arn:aws:s3",
                    1 => "arn:aws:iam::*:user/${aws:username}",
                    _ => "arn:aws:s3:::${aws:PrincipalAccount}-*",
                };
            default:
                return resource;
        }
    }
}
