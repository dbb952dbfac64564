using System.Text;
using TrailSift.Core.Events;
using TrailSift.Core.Json;

namespace TrailSift.Core.Query.Shortcuts;

/// <summary>
/// <c>--principal</c>: the caller's ARN, the role behind an assumed-role session, a user or role name, an access key
/// id (<c>AKIA…</c>/<c>ASIA…</c>, the <c>userIdentity.accessKeyId</c> the call was signed with), <c>user/NAME</c>
/// (an IAM user), <c>role/NAME</c> (sessions of that role) or <c>root</c> (the account's root user). IAM names are
/// unique case-insensitively, so names and ARNs compare ignoring ASCII case; key ids compare exactly.
/// </summary>
/// <remarks>Immutable; thread-safe.</remarks>
public sealed class PrincipalPredicate : IEventPredicate
{
    private readonly string _wanted;
    private readonly bool _isArn;
    private readonly Form _form;
    private readonly byte[] _keyId = [];

    /// <summary>Creates the predicate.</summary>
    public PrincipalPredicate(string principal)
    {
        _wanted = principal.Trim();
        _isArn = _wanted.StartsWith("arn:", StringComparison.OrdinalIgnoreCase);
        (_form, _wanted) = _wanted switch
        {
            _ when _isArn => (Form.ArnOrName, _wanted),
            "root" => (Form.Root, _wanted),
            _ when IsAccessKeyId(_wanted) => (Form.AccessKey, _wanted),
            _ when _wanted.StartsWith("user/", StringComparison.Ordinal) => (Form.User, LastSegment(_wanted)),
            _ when _wanted.StartsWith("role/", StringComparison.Ordinal) => (Form.Role, LastSegment(_wanted)),
            _ => (Form.ArnOrName, _wanted),
        };
        if (_form == Form.AccessKey)
        {
            _keyId = Encoding.UTF8.GetBytes(_wanted);
        }
    }

    private enum Form
    {
        ArnOrName,
        AccessKey,
        User,
        Role,
        Root,
    }

    /// <inheritdoc />
    public bool Matches(EventRecord record)
    {
        const StringComparison ic = StringComparison.OrdinalIgnoreCase;
        if (_form == Form.AccessKey)
        {
            JsonNode key = record.UserIdentity.GetProperty("accessKeyId"u8);
            return key.Kind == JsonKind.String && key.StringEquals(_keyId);
        }

        PrincipalIdentity id = PrincipalIdentity.From(record.UserIdentity);
        return _form switch
        {
            Form.Root => id.Type == "Root",
            Form.User => id.Type == "IAMUser" && string.Equals(id.Name, _wanted, ic),
            Form.Role => id.IssuerName is not null && string.Equals(id.IssuerName, _wanted, ic)
                && (id.Type == "AssumedRole" || id.IssuerArn?.Contains(":role/", ic) == true),
            _ => id.Matches(_wanted, _isArn),
        };
    }

    // AKIA (long-term) and ASIA (temporary) key ids: the prefix and 16 upper-case letters or digits.
    private static bool IsAccessKeyId(string text) =>
        text.Length == 20 && (text.StartsWith("AKIA", StringComparison.Ordinal) || text.StartsWith("ASIA", StringComparison.Ordinal))
        && text.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c));

    private static string LastSegment(string text) => text[(text.LastIndexOf('/') + 1)..];
}
