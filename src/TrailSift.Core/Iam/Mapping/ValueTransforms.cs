using System.Diagnostics.CodeAnalysis;
using TrailSift.Core.Common;
using TrailSift.Core.Iam.Catalog;

namespace TrailSift.Core.Iam.Mapping;

/// <summary>
/// Turns a request value into the text of an ARN template variable: a full ARN that fits the template is the
/// resource itself; queue URLs give the queue name (and its account); Lambda names lose their qualifier and
/// partial-ARN prefix; IAM names gain the request's <c>path</c>; SSM parameter names lose the leading slash;
/// Secrets Manager names gain the <c>-??????</c> suffix AWS appends; KMS aliases are told apart from key ids.
/// </summary>
/// <remarks>Static and stateless; thread-safe.</remarks>
internal static class ValueTransforms
{
    private static readonly FieldPath PathField = FieldPath.Parse("path");

    public static bool TryTransform(ArnTemplate template, string variable, string value, EventContext context,
        [NotNullWhen(true)] out string? text, out string? account, out bool wholeArn)
    {
        text = null;
        account = null;
        wholeArn = false;
        if (value.StartsWith("arn:", StringComparison.Ordinal))
        {
            if (template.Matches(value))
            {
                text = value;
                wholeArn = true;
                return true;
            }

            return TryFromForeignArn(variable, value, out text, out account);
        }

        switch (variable)
        {
            case "QueueName":
                return TryQueue(value, out text, out account);
            case "FunctionName":
                text = FunctionName(value, out account);
                return text.Length > 0;
            case "SecretId":
                // AWS appends '-' and six random characters to the secret name in its ARN.
                text = value + "-??????";
                return true;
            case "ParameterNameWithoutLeadingSlash":
                text = value.TrimStart('/');
                return text.Length > 0;
            case "KeyId":
                // An alias is not a key id; the key behind it is not in the request.
                if (value.StartsWith("alias/", StringComparison.Ordinal))
                {
                    return false;
                }

                text = value;
                return true;
            case "Alias":
                text = value.StartsWith("alias/", StringComparison.Ordinal) ? value["alias/".Length..] : null;
                return text is { Length: > 0 };
            case "BucketName":
                text = value.StartsWith("s3://", StringComparison.Ordinal) ? value[5..].Split('/')[0] : value;
                return text.Length > 0 && !text.Contains('/', StringComparison.Ordinal);
            default:
                break;
        }

        if (variable.EndsWith("NameWithPath", StringComparison.Ordinal))
        {
            string? path = PathField.First(context.Request);
            text = path is { Length: > 1 } ? path.Trim('/') + "/" + value : value;
            return true;
        }

        text = value;
        return true;
    }

    /// <summary>The parts of an ARN of another shape that still name the variable (a qualified function ARN, a role ARN).</summary>
    private static bool TryFromForeignArn(string variable, string value, [NotNullWhen(true)] out string? text, out string? account)
    {
        text = null;
        account = null;
        if (!Arn.TryParse(value, out Arn arn))
        {
            return false;
        }

        if (variable == "FunctionName" && arn.Service == "lambda")
        {
            text = FunctionName(value, out account);
            return text.Length > 0;
        }

        return false;
    }

    private static bool TryQueue(string value, [NotNullWhen(true)] out string? name, out string? account)
    {
        // https://sqs.<region>.amazonaws.com/<account>/<name>, or the legacy https://queue.amazonaws.com/… form.
        name = null;
        account = null;
        if (!value.StartsWith("https://", StringComparison.OrdinalIgnoreCase) && !value.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
        {
            name = value;
            return value.Length > 0 && !value.Contains('/', StringComparison.Ordinal);
        }

        string[] parts = value.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 4)
        {
            return false;
        }

        account = parts[^2];
        name = parts[^1];
        return name.Length > 0;
    }

    private static string FunctionName(string value, out string? account)
    {
        // name, name:qualifier, 123456789012:function:name[:qualifier], arn:aws:lambda:r:a:function:name[:qualifier]
        account = null;
        string rest = value;
        int marker = rest.IndexOf(":function:", StringComparison.Ordinal);
        if (marker >= 0)
        {
            string head = rest[..marker];
            int lastColon = head.LastIndexOf(':');
            account = lastColon >= 0 ? head[(lastColon + 1)..] : head;
            rest = rest[(marker + ":function:".Length)..];
        }

        int colon = rest.IndexOf(':');
        return colon >= 0 ? rest[..colon] : rest;
    }
}
