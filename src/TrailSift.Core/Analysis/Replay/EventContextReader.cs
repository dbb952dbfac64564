using System.Globalization;
using System.Net;
using TrailSift.Core.Common;
using TrailSift.Core.Events;
using TrailSift.Core.Iam.Evaluation;
using TrailSift.Core.Json;

namespace TrailSift.Core.Analysis.Replay;

/// <summary>
/// Reads the request context a CloudTrail event reveals, after the table "Context values recoverable from a
/// CloudTrail record" in the IAM evaluation notes: caller keys from <c>userIdentity</c>, network keys from
/// <c>sourceIPAddress</c>/<c>vpcEndpointId</c>, <c>aws:SecureTransport</c> from <c>tlsDetails</c>,
/// <c>aws:ViaAWSService</c>/<c>aws:CalledVia</c> from <c>invokedBy</c>, time and region keys, request tags, and the
/// service keys request parameters show (docs/check.md lists them). What CloudTrail does not record (principal tags,
/// organisation ids, most service keys) is left unknown; nothing is guessed.
/// </summary>
/// <remarks>Stateless; thread-safe.</remarks>
public static class EventContextReader
{
    /// <summary>Keys the request context derives itself (<see cref="RequestContext"/>), so they are never unknown.</summary>
    private static readonly string[] DerivedKeys = ["aws:ResourceAccount", "aws:PrincipalIsAWSService", "aws:PrincipalServiceName"];

    /// <summary>aws:SourceIp, then the keys a call not through a VPC endpoint has no value for.</summary>
    private static readonly string[] NetworkKeys =
        ["aws:SourceIp", "aws:SourceVpce", "aws:SourceVpc", "aws:SourceVpcArn", "aws:VpcSourceIp", "aws:VpceAccount", "aws:VpceOrgID", "aws:VpceOrgPaths"];

    /// <summary>Reads the context of <paramref name="record"/>.</summary>
    public static ReplayContext Read(EventRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return Read(record, PrincipalResolver.Resolve(record.UserIdentity), selection: null);
    }

    /// <summary>
    /// Reads the context of <paramref name="record"/>, whose caller is already resolved (<paramref name="caller"/>, from
    /// <see cref="PrincipalResolver.Resolve(EventRecord)"/>). With a <paramref name="selection"/> (a principal's policy
    /// keys), only those keys: for each the same value, absence or unknownness as a full read, and the same caller,
    /// account and time, but no other key, request tags or created ids.
    /// </summary>
    public static ReplayContext Read(EventRecord record, ResolvedPrincipal caller, ContextKeySelection? selection)
    {
        ArgumentNullException.ThrowIfNull(record);
        return Fill(record, caller, new ReplayContext { Ticks = record.EventTimeTicks ?? 0, Selection = selection });
    }

    /// <summary>
    /// As <see cref="Read(EventRecord, ResolvedPrincipal, ContextKeySelection?)"/>, into <paramref name="reuse"/> (emptied
    /// first): a scan worker reads every call into one context, valid until the next call.
    /// </summary>
    internal static ReplayContext Read(EventRecord record, ResolvedPrincipal caller, ContextKeySelection? selection, ReplayContext reuse)
    {
        ArgumentNullException.ThrowIfNull(record);
        reuse.Reset(record.EventTimeTicks ?? 0, selection);
        return Fill(record, caller, reuse);
    }

    private static ReplayContext Fill(EventRecord record, ResolvedPrincipal caller, ReplayContext context)
    {
        foreach (string key in DerivedKeys)
        {
            context.MarkAbsent(key);
        }

        ReadIdentity(record.UserIdentity, caller, context);
        ReadRequest(record, context);
        JsonNode parameters = record.Root.GetProperty("requestParameters"u8);
        if (parameters.Kind == JsonKind.Object)
        {
            // The parameters were logged, so a request without tags had none.
            if (context.Selection is null || context.Selection.ContainsPrefix("aws:RequestTag/") || context.Wants("aws:TagKeys"))
            {
                context.RequestTags.AddRange(TagReader.RequestTags(parameters));
            }

            context.MarkAbsentPrefix("aws:RequestTag/");
            context.MarkAbsent("aws:TagKeys");
            if (context.RequestTags.Count > 0)
            {
                // (Most calls carry no tags: no list for them.)
                var keys = new List<string>(context.RequestTags.Count);
                foreach (KeyValuePair<string, string> tag in context.RequestTags)
                {
                    context.SetList("aws:RequestTag/" + tag.Key, tag.Value);
                    keys.Add(tag.Key);
                }

                context.SetList("aws:TagKeys", new ContextValue(keys));
            }

            ServiceKeys.Read(record, parameters, context);
        }

        if (context.Selection is null)
        {
            foreach (JsonNode item in TagReader.Items(record.Root.GetProperty("responseElements"u8).GetProperty("instancesSet"u8)))
            {
                if (Text(item.GetProperty("instanceId"u8)) is string id)
                {
                    context.CreatedIds.Add(id);
                }
            }
        }

        return context;
    }

    private static void ReadIdentity(JsonNode identity, ResolvedPrincipal caller, ReplayContext context)
    {
        PrincipalIdentity who = caller.Identity;
        string? type = Text(identity.GetProperty("type"u8));
        string? account = Text(identity.GetProperty("accountId"u8));
        context.IdentityType = type;
        context.PrincipalAccount = account;
        // The caller's own ARN (a session's, not its role's); the root user's is derived when the event leaves it out.
        context.Principal = who.Arn ?? (caller.Kind == CallerKind.Root ? caller.Key : null);
        context.PrincipalKey = caller.Key ?? context.Principal;
        // A session's aws:PrincipalArn is its role's ARN with the role's path: unknown when the issuer is not shown.
        context.Set("aws:PrincipalArn", who.IssuerArn ?? (type == "AssumedRole" ? null : who.Arn));
        context.Set("aws:PrincipalAccount", account);
        if (context.Wants("aws:userid"))
        {
            context.Set("aws:userid", Text(identity.GetProperty("principalId"u8)));
        }

        context.Set("aws:PrincipalType", type switch
        {
            "IAMUser" => "User",
            "AssumedRole" => "AssumedRole",
            "FederatedUser" => "FederatedUser",
            "Root" => "Account",
            _ => null,
        });
        if (type == "IAMUser" && context.Wants("aws:username"))
        {
            context.Set("aws:username", Text(identity.GetProperty("userName"u8)));
        }
        else if (type is "AssumedRole" or "FederatedUser" or "Root")
        {
            context.MarkAbsent("aws:username");
        }

        if (context.WantsAny("aws:MultiFactorAuthPresent", "aws:MultiFactorAuthAge", "aws:TokenIssueTime", "aws:SourceIdentity"))
        {
            ReadSession(identity, type, context);
        }

        // invokedBy: the call was made by an AWS service. A service-role session shows it too, so ViaAWSService may
        // overstate forward-access sessions; docs/check.md says so.
        if (!context.WantsAny("aws:ViaAWSService", "aws:CalledVia", "aws:CalledViaFirst", "aws:CalledViaLast"))
        {
            return;
        }

        string? invokedBy = Text(identity.GetProperty("invokedBy"u8));
        context.Set("aws:ViaAWSService", invokedBy is null ? "false" : "true");
        if (invokedBy is null)
        {
            context.MarkAbsent("aws:CalledVia");
            context.MarkAbsent("aws:CalledViaFirst");
            context.MarkAbsent("aws:CalledViaLast");
        }
        else
        {
            context.SetList("aws:CalledVia", new ContextValue([invokedBy]));
            context.Set("aws:CalledViaFirst", invokedBy);
            context.Set("aws:CalledViaLast", invokedBy);
        }
    }

    // MFA, token and source-identity keys from the session context, or their absence for long-term keys.
    private static void ReadSession(JsonNode identity, string? type, ReplayContext context)
    {
        JsonNode session = identity.GetProperty("sessionContext"u8);
        JsonNode attributes = session.GetProperty("attributes"u8);
        if (session.Kind == JsonKind.Object)
        {
            string? mfa = Text(attributes.GetProperty("mfaAuthenticated"u8));
            context.Set("aws:MultiFactorAuthPresent", mfa);
            if (mfa == "false")
            {
                context.MarkAbsent("aws:MultiFactorAuthAge");
            }

            if (Text(attributes.GetProperty("creationDate"u8)) is string created)
            {
                context.Set("aws:TokenIssueTime", created);
            }

            context.Set("aws:SourceIdentity", Text(session.GetProperty("sourceIdentity"u8)));
            context.MarkAbsent("aws:SourceIdentity");
        }
        else if (type is "IAMUser" or "Root" && Text(identity.GetProperty("accessKeyId"u8)) is { } key
            && key.StartsWith("AKIA", StringComparison.Ordinal))
        {
            // Long-term access keys (AKIA…; temporary ones are ASIA…): AWS sets no MFA or token keys at all.
            context.MarkAbsent("aws:MultiFactorAuthPresent");
            context.MarkAbsent("aws:MultiFactorAuthAge");
            context.MarkAbsent("aws:TokenIssueTime");
            context.MarkAbsent("aws:SourceIdentity");
        }
    }

    private static void ReadRequest(EventRecord record, ReplayContext context)
    {
        JsonNode root = record.Root;
        if (context.Wants("aws:RequestedRegion"))
        {
            context.Set("aws:RequestedRegion", Text(record.AwsRegion));
        }

        if (context.Wants("aws:UserAgent"))
        {
            context.Set("aws:UserAgent", Text(record.UserAgent));
        }

        if (context.WantsAny("aws:CurrentTime", "aws:EpochTime") && record.EventTime is DateTimeOffset time)
        {
            context.Set("aws:CurrentTime", time.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            context.Set("aws:EpochTime", time.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        }

        if (context.Wants("aws:SecureTransport") && root.GetProperty("tlsDetails"u8).Kind == JsonKind.Object)
        {
            context.Set("aws:SecureTransport", "true");
        }

        if (!context.WantsAny(NetworkKeys))
        {
            return;
        }

        string? endpoint = Text(root.GetProperty("vpcEndpointId"u8));
        string? source = Text(root.GetProperty("sourceIPAddress"u8));
        if (endpoint is not null)
        {
            context.Set("aws:SourceVpce", endpoint);
            context.MarkAbsent("aws:SourceIp");
        }
        else
        {
            foreach (string key in NetworkKeys.AsSpan(1))
            {
                context.MarkAbsent(key);
            }

            // A service name (elasticmapreduce.amazonaws.com) is not an address: the key stays unknown.
            if (source is not null && IsAddress(source))
            {
                context.Set("aws:SourceIp", source);
            }
        }
    }

    // Recurring values (accounts, regions, addresses, agents) are made into strings once per thread (TextCache).
    internal static string? Text(JsonNode node) => TextCache.Text(node);

    // Whether each recent source text parses as an address, by string instance (TextCache gives a recurring text one).
    [ThreadStatic]
    private static InstanceMemo<bool>? t_addresses;

    /// <summary>
    /// <see cref="IPAddress.TryParse(string?, out IPAddress?)"/>'s answer for <paramref name="text"/>, kept per thread
    /// for the last text of each of 64 slots (chosen by the instance), so a recurring address is parsed once; asked of
    /// <see cref="IPAddress.IsValid(ReadOnlySpan{char})"/>, which answers as TryParse does (the same checks) without
    /// making the address.
    /// </summary>
    internal static bool IsAddress(string text) =>
        (t_addresses ??= new InstanceMemo<bool>(64)).GetOrAdd(text, 0, static (t, unused) => IPAddress.IsValid(t));
}
