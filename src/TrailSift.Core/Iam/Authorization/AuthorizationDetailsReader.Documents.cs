using System.Collections.Immutable;
using System.Text.Json;
using TrailSift.Core.Iam.Policy;

namespace TrailSift.Core.Iam.Authorization;

// Policy documents in their three encodings, and managed policies with their default version.
public sealed partial class AuthorizationDetailsReader
{
    /// <summary>
    /// Decodes a policy document given as a JSON object, a JSON string holding the document, or a URL-encoded string
    /// (the IAM API's encoding, RFC 3986). Returns null and records why when it cannot be parsed.
    /// </summary>
    internal PolicyDocument? ReadDocument(JsonElement value, string source, string path)
    {
        string? text = value.ValueKind switch
        {
            JsonValueKind.Object => value.GetRawText(),
            JsonValueKind.String => Decode(value.GetString()!),
            _ => null,
        };
        if (text is null)
        {
            _diagnostics.Add($"{source}: {path}: a policy document must be an object or a string, not {value.ValueKind.ToString().ToLowerInvariant()}");
            return null;
        }

        PolicyParseResult result = PolicyParser.Parse(text);
        if (!result.Succeeded || result.Document is null)
        {
            string reasons = string.Join("; ", result.Diagnostics.Where(static d => d.Severity == DiagnosticSeverity.Error));
            _diagnostics.Add($"{source}: {path}: not a valid policy: {reasons}");
            return null;
        }

        return result.Document;
    }

    /// <summary>A string document: JSON text as is; otherwise URL-decoded (<c>%7B%22Version%22…</c>).</summary>
    internal static string Decode(string text)
    {
        ReadOnlySpan<char> trimmed = text.AsSpan().TrimStart();
        if (trimmed.StartsWith('{') || !text.Contains('%', StringComparison.Ordinal))
        {
            return text;
        }

        try
        {
            return Uri.UnescapeDataString(text);
        }
        catch (UriFormatException)
        {
            return text;
        }
    }

    private void AddPolicy(JsonElement item, string source, string path)
    {
        string? arn = Text(item, "Arn");
        string? name = Text(item, "PolicyName");
        if (arn is null || name is null)
        {
            _diagnostics.Add($"{source}: {path}: no Arn or PolicyName; skipped");
            return;
        }

        string? defaultId = Text(item, "DefaultVersionId");
        var versionIds = ImmutableArray.CreateBuilder<string>();
        JsonElement? chosen = null;
        string? flaggedDefault = null;
        if (item.TryGetProperty("PolicyVersionList", out JsonElement versions) && versions.ValueKind == JsonValueKind.Array)
        {
            foreach (JsonElement version in versions.EnumerateArray())
            {
                if (version.ValueKind != JsonValueKind.Object || Text(version, "VersionId") is not string id)
                {
                    continue;
                }

                versionIds.Add(id);
                bool isDefault = version.TryGetProperty("IsDefaultVersion", out JsonElement flag) && flag.ValueKind == JsonValueKind.True;
                if (isDefault)
                {
                    flaggedDefault = id;
                }

                // DefaultVersionId names the default; IsDefaultVersion decides only when DefaultVersionId is absent.
                if (defaultId is not null ? id == defaultId : isDefault)
                {
                    chosen = version;
                }
            }
        }

        if (defaultId is not null && flaggedDefault is not null && flaggedDefault != defaultId)
        {
            _diagnostics.Add($"{source}: {path}: DefaultVersionId is {defaultId} but {flaggedDefault} is marked IsDefaultVersion; {defaultId} is used");
        }

        PolicyDocument? document = null;
        if (chosen is JsonElement version2 && version2.TryGetProperty("Document", out JsonElement body))
        {
            document = ReadDocument(body, source, $"{path}.PolicyVersionList[{defaultId ?? flaggedDefault}].Document");
        }
        else
        {
            _diagnostics.Add($"{source}: {path}: {arn}: the default version{(defaultId is null ? string.Empty : " " + defaultId)} is not in PolicyVersionList; its permissions are unknown");
        }

        var policy = new ManagedPolicy
        {
            Arn = arn,
            Name = name,
            DefaultVersionId = defaultId ?? flaggedDefault,
            Document = document,
            VersionIds = versionIds.ToImmutable(),
        };
        if (!_policies.TryAdd(arn, policy))
        {
            // Pages repeat a policy only when files from different runs are merged: keep the one with a document.
            if (policy.Document is not null || _policies[arn].Document is null)
            {
                _policies[arn] = policy;
            }
        }
    }
}
