using System.Text;
using TrailSift.Tools.TrailGen.Common;

namespace TrailSift.Tools.TrailGen.Synth;

/// <summary>How a service reports a denial.</summary>
public enum DenialStyle
{
    /// <summary><c>AccessDenied</c> with the reason-bearing message (IAM, STS, CloudWatch).</summary>
    Standard,

    /// <summary><c>AccessDeniedException</c> (JSON-protocol services: KMS, Lambda, EMR, Logs).</summary>
    JsonService,

    /// <summary>EC2 with an encoded authorization message that CloudTrail truncates at about 1 KB.</summary>
    Ec2Encoded,

    /// <summary>EC2 reads: the same prefix without a resource or blob.</summary>
    Ec2Plain,

    /// <summary>S3: a quoted resource, or a bare <c>Access Denied</c> (cross-account, older records).</summary>
    S3,

    /// <summary>SQS: the action in lower case.</summary>
    Sqs,
}

/// <summary>Error codes and messages of denied calls, in the formats services really write (see reference notes).</summary>
/// <remarks>Stateless; thread-safe.</remarks>
public static class Denials
{
    private const string Blob = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    /// <summary>The (errorCode, errorMessage) of a denied call.</summary>
    public static (string Code, string Message) For(Prng rng, DenialStyle style, string principal, string action, string? resource)
    {
        switch (style)
        {
            case DenialStyle.Ec2Encoded:
            {
                var sb = new StringBuilder("You are not authorized to perform this operation. ");
                sb.Append(Message(rng, principal, action, resource, quote: false)).Append(". Encoded authorization failure message: ");
                while (sb.Length < 1023)
                {
                    sb.Append(Blob[rng.Next(Blob.Length)]);
                }

                return ("Client.UnauthorizedOperation", sb.Append("...").ToString());
            }

            case DenialStyle.Ec2Plain:
                return ("Client.UnauthorizedOperation", "You are not authorized to perform this operation. "
                    + $"User: {principal} is not authorized to perform: {action} because no identity-based policy allows the {action} action");
            case DenialStyle.S3:
                return ("AccessDenied", rng.Chance(0.3) ? "Access Denied" : Message(rng, principal, action, resource, quote: true));
            case DenialStyle.Sqs:
                return ("AccessDenied", Message(rng, principal, action.ToLowerInvariant(), resource, quote: false));
            case DenialStyle.JsonService:
                return ("AccessDeniedException", Message(rng, principal, action, resource, quote: false));
            default:
                return ("AccessDenied", Message(rng, principal, action, resource, quote: false));
        }
    }

    private static string Message(Prng rng, string principal, string action, string? resource, bool quote)
    {
        string on = resource is null ? "" : quote ? $" on resource: \"{resource}\"" : $" on resource: {resource}";
        double r = rng.NextDouble();
        string reason = r switch
        {
            < 0.70 => $"because no identity-based policy allows the {action} action",
            < 0.80 => "with an explicit deny in an identity-based policy",
            < 0.88 => "with an explicit deny in a service control policy",
            < 0.93 => $"because no permissions boundary allows the {action} action",
            < 0.97 => $"because no resource-based policy allows the {action} action",
            _ => $"because no session policy allows the {action} action",
        };
        return $"User: {principal} is not authorized to perform: {action}{on} {reason}";
    }
}
