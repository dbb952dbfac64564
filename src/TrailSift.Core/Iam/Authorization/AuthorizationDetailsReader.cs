using System.Collections.Immutable;
using System.Text.Json;

namespace TrailSift.Core.Iam.Authorization;

/*! Iam/Authorization: the granted side of `trailsift unused`. Reads `aws iam get-account-authorization-details`
    output (several pages or files, merged) and Access Advisor reports, and resolves a principal's effective identity
    policies into the evaluator's PolicySet. Depends on Iam/Policy (parser), Iam/Evaluation (PolicySet) and Common. */

/// <summary>
/// Reads the output of <c>aws iam get-account-authorization-details</c>: one JSON object per page (or a JSON array of
/// pages), any number of pages or files, merged by ARN. Policy documents may be JSON objects (the AWS CLI's output),
/// JSON strings, or URL-encoded strings (the raw API's). A managed policy keeps only its default version's document.
/// Problems are collected as diagnostics; one bad entity or document never stops the rest.
/// </summary>
/// <remarks>Not thread-safe: one reader collects pages, then <see cref="Build"/> returns the immutable result.</remarks>
public sealed partial class AuthorizationDetailsReader
{
    private readonly Dictionary<string, IamEntity> _entities = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ManagedPolicy> _policies = new(StringComparer.Ordinal);
    private readonly List<string> _diagnostics = [];

    /// <summary>Pages read so far.</summary>
    public int Pages { get; private set; }

    /// <summary>
    /// Reads one file's text: one page object, a JSON array of pages, or several such values one after the other (pages
    /// appended to one file, as <c>aws iam get-account-authorization-details ... &gt;&gt; FILE</c> leaves them).
    /// </summary>
    /// <param name="utf8">The file's bytes.</param>
    /// <param name="source">The file name, for diagnostics.</param>
    /// <returns>
    /// False when the text is not JSON (trailing text after a value included: nothing of the file is read then) or holds no
    /// page; the reason is in the diagnostics.
    /// </returns>
    public bool Add(ReadOnlySpan<byte> utf8, string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        ReadOnlySpan<byte> json = utf8.StartsWith("\uFEFF"u8) ? utf8[3..] : utf8;
        var options = new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, AllowMultipleValues = true };
        int values = CountValues(json, options, out string? invalid);
        if (invalid is not null || values == 0)
        {
            _diagnostics.Add($"{source}: not JSON: {invalid ?? "the file holds no JSON value"}");
            return false;
        }

        // Each user, group, role and policy is parsed on its own: a document of the whole file (megabytes for a thousand
        // roles) would leave its rented buffers in the shared array pool for the rest of the run.
        var reader = new Utf8JsonReader(json, options);
        bool any = false;
        for (int value = 1; reader.Read(); value++)
        {
            // A single value keeps the paths it always had; several are told apart by their position in the file.
            string root = values == 1 ? string.Empty : $"(value {value})";
            if (reader.TokenType == JsonTokenType.StartArray)
            {
                int index = 0;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    any |= AddPage(ref reader, source, $"{root}[{index++}]");
                }
            }
            else
            {
                any |= AddPage(ref reader, source, root);
            }
        }

        return any;
    }

    /// <summary>The merged details.</summary>
    public AuthorizationDetails Build() => new(_entities.Values, _policies.Values, _diagnostics);

    // The number of JSON values in the text, or the parser's reason why it is not a sequence of JSON values.
    private static int CountValues(ReadOnlySpan<byte> json, JsonReaderOptions options, out string? invalid)
    {
        invalid = null;
        int values = 0;
        try
        {
            var reader = new Utf8JsonReader(json, options);
            while (reader.Read())
            {
                reader.Skip();
                values++;
            }
        }
        catch (JsonException e)
        {
            invalid = e.Message;
        }

        return values;
    }

    // The reader is on the page's first token; it is left on its last.
    private bool AddPage(ref Utf8JsonReader reader, string source, string path)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            _diagnostics.Add($"{source}: {Root(path)}: a page must be a JSON object");
            return false;
        }

        // Where each list starts (the last one when a name repeats, as a document's lookup finds it).
        Utf8JsonReader users = default, groups = default, roles = default, policies = default;
        bool hasUsers = false, hasGroups = false, hasRoles = false, hasPolicies = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            bool isUsers = reader.ValueTextEquals("UserDetailList"u8), isGroups = reader.ValueTextEquals("GroupDetailList"u8);
            bool isRoles = reader.ValueTextEquals("RoleDetailList"u8), isPolicies = reader.ValueTextEquals("Policies"u8);
            reader.Read();
            if (isUsers)
            {
                users = reader;
                hasUsers = true;
            }
            else if (isGroups)
            {
                groups = reader;
                hasGroups = true;
            }
            else if (isRoles)
            {
                roles = reader;
                hasRoles = true;
            }
            else if (isPolicies)
            {
                policies = reader;
                hasPolicies = true;
            }

            reader.Skip();
        }

        if (hasUsers)
        {
            ForEach(ref users, source, Join(path, "UserDetailList"), (item, itemPath) => AddEntity(item, IamEntityKind.User, source, itemPath));
        }

        if (hasGroups)
        {
            ForEach(ref groups, source, Join(path, "GroupDetailList"), (item, itemPath) => AddEntity(item, IamEntityKind.Group, source, itemPath));
        }

        if (hasRoles)
        {
            ForEach(ref roles, source, Join(path, "RoleDetailList"), (item, itemPath) => AddEntity(item, IamEntityKind.Role, source, itemPath));
        }

        if (hasPolicies)
        {
            ForEach(ref policies, source, Join(path, "Policies"), (item, itemPath) => AddPolicy(item, source, itemPath));
        }

        bool any = hasUsers || hasGroups || hasRoles || hasPolicies;
        if (!any)
        {
            _diagnostics.Add($"{source}: {Root(path)}: no UserDetailList, GroupDetailList, RoleDetailList or Policies: not authorization details");
            return false;
        }

        Pages++;
        return true;
    }

    private void AddEntity(JsonElement item, IamEntityKind kind, string source, string path)
    {
        string nameField = kind switch { IamEntityKind.User => "UserName", IamEntityKind.Group => "GroupName", _ => "RoleName" };
        string? name = Text(item, nameField);
        string? arn = Text(item, "Arn");
        if (name is null || arn is null)
        {
            _diagnostics.Add($"{source}: {path}: no {nameField} or Arn; skipped");
            return;
        }

        string policyList = kind switch { IamEntityKind.User => "UserPolicyList", IamEntityKind.Group => "GroupPolicyList", _ => "RolePolicyList" };
        var entity = new IamEntity
        {
            Kind = kind,
            Name = name,
            Arn = arn,
            Path = Text(item, "Path") ?? "/",
            InlinePolicies = ReadInline(item, policyList, source, Join(path, policyList)),
            AttachedPolicyArns = ReadAttached(item),
            GroupNames = kind == IamEntityKind.User ? Strings(item, "GroupList") : [],
            PermissionsBoundaryArn = item.TryGetProperty("PermissionsBoundary", out JsonElement boundary) && boundary.ValueKind == JsonValueKind.Object
                ? Text(boundary, "PermissionsBoundaryArn")
                : null,
            InstanceProfiles = kind == IamEntityKind.Role ? ReadProfiles(item) : [],
        };
        if (!_entities.TryAdd(arn, entity))
        {
            _diagnostics.Add($"{source}: {path}: {arn} appears more than once; the last one read is used");
            _entities[arn] = entity;
        }
    }

    private ImmutableArray<InlinePolicy> ReadInline(JsonElement item, string listName, string source, string path)
    {
        var found = ImmutableArray.CreateBuilder<InlinePolicy>();
        if (item.TryGetProperty(listName, out JsonElement list) && list.ValueKind == JsonValueKind.Array)
        {
            int index = 0;
            foreach (JsonElement policy in list.EnumerateArray())
            {
                string itemPath = $"{path}[{index++}]";
                string? name = policy.ValueKind == JsonValueKind.Object ? Text(policy, "PolicyName") : null;
                if (name is null || !policy.TryGetProperty("PolicyDocument", out JsonElement document))
                {
                    _diagnostics.Add($"{source}: {itemPath}: no PolicyName or PolicyDocument; skipped");
                    continue;
                }

                if (ReadDocument(document, source, itemPath + ".PolicyDocument") is { } parsed)
                {
                    found.Add(new InlinePolicy(name, parsed));
                }
            }
        }

        return found.ToImmutable();
    }

    private static ImmutableArray<string> ReadAttached(JsonElement item)
    {
        var found = ImmutableArray.CreateBuilder<string>();
        if (item.TryGetProperty("AttachedManagedPolicies", out JsonElement list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (JsonElement attached in list.EnumerateArray())
            {
                if (attached.ValueKind == JsonValueKind.Object && Text(attached, "PolicyArn") is string arn)
                {
                    found.Add(arn);
                }
            }
        }

        return found.ToImmutable();
    }

    private static ImmutableArray<InstanceProfile> ReadProfiles(JsonElement role)
    {
        var found = ImmutableArray.CreateBuilder<InstanceProfile>();
        if (role.TryGetProperty("InstanceProfileList", out JsonElement list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (JsonElement profile in list.EnumerateArray())
            {
                if (profile.ValueKind != JsonValueKind.Object || Text(profile, "Arn") is not string arn)
                {
                    continue;
                }

                var roles = ImmutableArray.CreateBuilder<string>();
                if (profile.TryGetProperty("Roles", out JsonElement inner) && inner.ValueKind == JsonValueKind.Array)
                {
                    foreach (JsonElement r in inner.EnumerateArray())
                    {
                        if (r.ValueKind == JsonValueKind.Object && Text(r, "Arn") is string roleArn)
                        {
                            roles.Add(roleArn);
                        }
                    }
                }

                // The profile sits in this role's InstanceProfileList, so it holds this role even when Roles is left out.
                if (roles.Count == 0 && Text(role, "Arn") is string self)
                {
                    roles.Add(self);
                }

                found.Add(new InstanceProfile(arn, Text(profile, "InstanceProfileName") ?? arn[(arn.LastIndexOf('/') + 1)..], roles.ToImmutable()));
            }
        }

        return found.ToImmutable();
    }

    // The reader is on the list's first token.
    private void ForEach(ref Utf8JsonReader items, string source, string path, Action<JsonElement, string> add)
    {
        if (items.TokenType != JsonTokenType.StartArray)
        {
            _diagnostics.Add($"{source}: {path}: must be an array");
            return;
        }

        int index = 0;
        while (items.Read() && items.TokenType != JsonTokenType.EndArray)
        {
            string itemPath = $"{path}[{index++}]";
            using JsonDocument item = JsonDocument.ParseValue(ref items);
            if (item.RootElement.ValueKind != JsonValueKind.Object)
            {
                _diagnostics.Add($"{source}: {itemPath}: must be an object; skipped");
                continue;
            }

            try
            {
                add(item.RootElement, itemPath);
            }
            catch (InvalidOperationException e) when (e.InnerException is null || e.InnerException is ArgumentException)
            {
                // JsonElement.GetString refuses an escaped lone surrogate ("\ud800"): valid JSON, not a text.
                _diagnostics.Add($"{source}: {itemPath}: a text in it is not valid Unicode ({e.Message}); skipped");
            }
        }
    }

    private static string? Text(JsonElement item, string name) =>
        item.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static ImmutableArray<string> Strings(JsonElement item, string name) =>
        item.TryGetProperty(name, out JsonElement list) && list.ValueKind == JsonValueKind.Array
            ? [.. list.EnumerateArray().Where(static v => v.ValueKind == JsonValueKind.String).Select(static v => v.GetString()!)]
            : [];

    private static string Join(string path, string name) => path.Length == 0 ? name : path + "." + name;

    private static string Root(string path) => path.Length == 0 ? "(root)" : path;
}
