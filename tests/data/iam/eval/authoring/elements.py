from cases_lib import *


def variables_cases():
    home = "arn:aws:s3:::bucket/home/${aws:username}/*"
    V = DOC_VARS
    def r(resource, version="2012-10-17", principal=USER, target="arn:aws:s3:::bucket/home/alice/file.txt", context=None, unknown=None):
        return inp(req(resource=target, principal=principal, context=context, unknown=unknown),
                   identity=[pol(stmt(sid="Home", resource=resource), version=version)])
    def c(name, op, key, value, ctx, decision, version="2012-10-17", principal=USER, doc=V):
        return case(name, doc, inp(req(context=ctx, principal=principal),
                                   identity=[pol(stmt(sid="Cond", condition={op: {key: value}}), version=version)]), decision)
    return [
        case("aws:username in Resource grants the user's home folder", V, r(home), "Allowed"),
        case("aws:username in Resource does not grant another user's folder", V, r(home, target="arn:aws:s3:::bucket/home/bob/file.txt"), "ImplicitlyDenied"),
        case("Version 2008-10-17 leaves variables as literal text", V + " (Version element)", r(home, version="2008-10-17"), "ImplicitlyDenied"),
        case("A policy without Version leaves variables as literal text", V + " (Version element)", r(home, version=None), "ImplicitlyDenied"),
        case("Version 2008-10-17 matches the literal variable text", V + " (Version element)",
             r(home, version="2008-10-17", target="arn:aws:s3:::bucket/home/${aws:username}/x"), "Allowed"),
        case("A variable with a missing key makes the Resource match nothing", V + " (no value)", r(home, principal=SESSION), "ImplicitlyDenied"),
        case("A variable default is used when the key is missing", V + " (default values)",
             r("arn:aws:s3:::bucket/${aws:PrincipalTag/team, 'none'}/*", target="arn:aws:s3:::bucket/none/x"), "Allowed"),
        case("A variable default is not used when the key is present", V + " (default values)",
             r("arn:aws:s3:::bucket/${aws:PrincipalTag/team, 'none'}/*", target="arn:aws:s3:::bucket/none/x", context={"aws:PrincipalTag/team": "blue"}), "ImplicitlyDenied"),
        case("Principal tag variable in Resource", V, r("arn:aws:s3:::bucket/${aws:PrincipalTag/team}/*", target="arn:aws:s3:::bucket/blue/x",
                                                      context={"aws:PrincipalTag/team": "blue"}), "Allowed"),
        case("Variable names are case-insensitive", DOC_NOTES + " §5", r("arn:aws:s3:::bucket/home/${AWS:UserName}/*"), "Allowed"),
        case("aws:userid variable in Resource", V, r("arn:aws:s3:::bucket/${aws:userid}/*", target="arn:aws:s3:::bucket/AIDAEXAMPLE/x",
                                                   context={"aws:userid": "AIDAEXAMPLE"}), "Allowed"),
        case("A variable in the account segment is not substituted", DOC_NOTES + " §6 variables (resource part only)",
             inp(req(resource=f"arn:aws:sqs:us-east-1:{ACCT}:queue"),
                 identity=[pol(stmt(resource="arn:aws:sqs:us-east-1:${aws:PrincipalAccount}:queue"))]), "ImplicitlyDenied"),
        case("A substituted value is literal, not a wildcard", V,
             r("arn:aws:s3:::bucket/${aws:PrincipalTag/team}/*", target="arn:aws:s3:::bucket/blue/x", context={"aws:PrincipalTag/team": "b*"}), "ImplicitlyDenied"),
        c("StringLike with aws:username in the value", "StringLike", "s3:prefix", "home/${aws:username}/*", {"s3:prefix": "home/alice/docs"}, "Allowed"),
        c("StringLike with aws:username rejects another prefix", "StringLike", "s3:prefix", "home/${aws:username}/*", {"s3:prefix": "home/bob/docs"}, "ImplicitlyDenied"),
        c("StringEquals with two tag variables (match)", "StringEquals", "aws:ResourceTag/team", "${aws:PrincipalTag/team}",
          {"aws:ResourceTag/team": "blue", "aws:PrincipalTag/team": "blue"}, "Allowed", doc="IAM User Guide, introduction_attribute-based-access-control"),
        c("StringEquals with two tag variables (mismatch)", "StringEquals", "aws:ResourceTag/team", "${aws:PrincipalTag/team}",
          {"aws:ResourceTag/team": "red", "aws:PrincipalTag/team": "blue"}, "ImplicitlyDenied", doc="IAM User Guide, introduction_attribute-based-access-control"),
        c("StringEquals with an unresolvable variable fails", "StringEquals", "aws:ResourceTag/team", "${aws:PrincipalTag/team}",
          {"aws:ResourceTag/team": "blue"}, "ImplicitlyDenied", doc=DOC_NOTES + " §6 variables (unresolvable)"),
        c("StringNotEquals with an unresolvable variable matches", "StringNotEquals", "s3:prefix", "${aws:username}",
          {"s3:prefix": "x"}, "Allowed", principal=SESSION, doc=DOC_NOTES + " §6 variables (unresolvable)"),
        c("${*} is a literal asterisk in StringLike (match)", "StringLike", "s3:prefix", "a${*}", {"s3:prefix": "a*"}, "Allowed", doc=V + " (special characters)"),
        c("${*} is a literal asterisk in StringLike (no wildcard)", "StringLike", "s3:prefix", "a${*}", {"s3:prefix": "abc"}, "ImplicitlyDenied", doc=V + " (special characters)"),
        c("${?} is a literal question mark", "StringLike", "s3:prefix", "a${?}", {"s3:prefix": "a?"}, "Allowed", doc=V + " (special characters)"),
        c("${?} does not match another character", "StringLike", "s3:prefix", "a${?}", {"s3:prefix": "ab"}, "ImplicitlyDenied", doc=V + " (special characters)"),
        c("${$} is a literal dollar sign", "StringEquals", "s3:prefix", "cost${$}", {"s3:prefix": "cost$"}, "Allowed", doc=V + " (special characters)"),
        c("ArnLike with the principal account variable", "ArnLike", "aws:SourceArn", "arn:aws:sqs:us-east-1:${aws:PrincipalAccount}:*",
          {"aws:SourceArn": f"arn:aws:sqs:us-east-1:{ACCT}:q"}, "Allowed", principal=SESSION),
        c("A multivalued key cannot be used as a variable", "StringEquals", "s3:prefix", "${aws:TagKeys}",
          {"s3:prefix": "a", "aws:TagKeys": ["a"]}, "ImplicitlyDenied", doc=V + " (single-valued keys only)"),
        c("Version 2008-10-17 compares a condition variable literally (no substitution)", "StringEquals", "s3:prefix", "${aws:username}",
          {"s3:prefix": "alice"}, "ImplicitlyDenied", version="2008-10-17", doc=V + " (Version element)"),
        c("Version 2008-10-17 compares a condition variable literally (literal match)", "StringEquals", "s3:prefix", "${aws:username}",
          {"s3:prefix": "${aws:username}"}, "Allowed", version="2008-10-17", doc=V + " (Version element)"),
        c("Variables are not substituted in Numeric operators", "NumericEquals", "s3:max-keys", "${aws:MultiFactorAuthAge}",
          {"s3:max-keys": "5", "aws:MultiFactorAuthAge": "5"}, "ImplicitlyDenied", doc=V + " (where you can use variables)"),
    ]


def wildcard_cases():
    W = DOC_ACTION
    RS = DOC_RESOURCE
    def a(name, action_pattern, action, decision, doc=W):
        return case(name, doc, inp(req(action=action), identity=[pol(stmt(action=action_pattern))]), decision)
    def r(name, resource_pattern, resource, decision, doc=RS, action="s3:GetObject", **kw):
        return case(name, doc, inp(req(action=action, resource=resource, **kw), identity=[pol(stmt(action="*", resource=resource_pattern))]), decision)
    logs = f"arn:aws:logs:us-east-1:{ACCT}"
    return [
        a("Service wildcard matches every action of the service", "s3:*", "s3:GetObject", "Allowed"),
        a("Action names are case-insensitive", "S3:getobject", "s3:GetObject", "Allowed"),
        a("Prefix wildcard matches", "s3:Get*", "s3:GetObject", "Allowed"),
        a("Prefix wildcard does not match another verb", "s3:Get*", "s3:PutObject", "ImplicitlyDenied"),
        a("A lone star matches every action of every service", "*", "dynamodb:GetItem", "Allowed"),
        a("A wildcard may appear anywhere in the name", "s3:*Object", "s3:GetObject", "Allowed"),
        a("Question mark matches one character", "s3:Get?bject", "s3:GetObject", "Allowed", DOC_NOTES + " §4 (? accepted)"),
        a("Another service's wildcard does not match", "iam:*", "s3:GetObject", "ImplicitlyDenied"),
        a("An action entry with a comma never matches", "s3:GetObject,s3:PutObject", "s3:GetObject", "ImplicitlyDenied", DOC_NOTES + " §4 malformed actions"),
        a("An action entry with leading whitespace never matches", " s3:GetObject", "s3:GetObject", "ImplicitlyDenied", DOC_NOTES + " §4 malformed actions"),
        case("One matching entry in an action list is enough", W, inp(req(), identity=[pol(stmt(action=["ec2:RunInstances", "s3:GetObject"]))]), "Allowed"),
        r("Resource star matches everything", "*", OBJ, "Allowed"),
        r("Star in the resource part spans slashes", "arn:aws:s3:::bucket/*", "arn:aws:s3:::bucket/folder/sub/file", "Allowed"),
        r("A folder pattern does not match another folder", "arn:aws:s3:::bucket/folder/*", "arn:aws:s3:::bucket/other/x", "ImplicitlyDenied"),
        r("A bucket ARN does not match an object ARN", "arn:aws:s3:::bucket", OBJ, "ImplicitlyDenied"),
        r("A bucket name prefix wildcard spans into the object key", "arn:aws:s3:::bucket*", OBJ, "Allowed"),
        r("Star in the resource part spans colons", f"{logs}:log-group:/aws/lambda/*:*", f"{logs}:log-group:/aws/lambda/fn:log-stream:abc", "Allowed",
          DOC_NOTES + " §4 Resource", action="logs:PutLogEvents"),
        r("Wildcard in the region segment", f"arn:aws:dynamodb:*:{ACCT}:table/Books", f"arn:aws:dynamodb:us-west-2:{ACCT}:table/Books", "Allowed", action="dynamodb:GetItem"),
        r("Another account does not match", f"arn:aws:dynamodb:*:{ACCT}:table/Books", f"arn:aws:dynamodb:us-west-2:{OTHER}:table/Books", "ImplicitlyDenied",
          action="dynamodb:GetItem", resource_account=ACCT),
        r("An empty region in the policy matches only an empty region", f"arn:aws:sqs::{ACCT}:queue", f"arn:aws:sqs:us-east-1:{ACCT}:queue", "ImplicitlyDenied",
          DOC_NOTES + " §4 Resource", action="sqs:SendMessage"),
        r("The resource part is case-sensitive", "arn:aws:s3:::Bucket/*", OBJ, "ImplicitlyDenied", DOC_NOTES + " §5"),
        r("Partition and service segments are case-insensitive", "arn:AWS:S3:::bucket/*", OBJ, "Allowed", DOC_NOTES + " §5 (iam-simulate)"),
        r("Question mark in the resource matches one character", "arn:aws:s3:::bucket/file?.txt", "arn:aws:s3:::bucket/file1.txt", "Allowed"),
        r("Wildcard in the account segment", "arn:aws:iam::*:role/*", ROLE, "Allowed", action="iam:GetRole"),
        r("A wildcard-only action is not granted by a specific ARN pattern", "arn:aws:s3:::*", "*", "ImplicitlyDenied",
          DOC_NOTES + " §4 wildcard-only actions", action="s3:ListAllMyBuckets", wildcard_only=True),
        r("A wildcard-only action is granted by Resource star", "*", "*", "Allowed", DOC_NOTES + " §4 wildcard-only actions",
          action="s3:ListAllMyBuckets", wildcard_only=True),
        r("A wildcard-only action ignores the request's ARN", "arn:aws:s3:::bucket", "arn:aws:s3:::bucket", "ImplicitlyDenied",
          DOC_NOTES + " §4 wildcard-only actions", action="s3:ListAllMyBuckets", wildcard_only=True),
        case("A wildcard-only action is granted by NotResource that does not exclude star", DOC_NOTES + " §4 wildcard-only actions",
             inp(req(action="s3:ListAllMyBuckets", resource="*", wildcard_only=True),
                 identity=[pol(stmt(action="s3:*", not_resource="arn:aws:s3:::secret"))]), "Allowed"),
        r("A request pattern is covered by the same pattern", "arn:aws:s3:::bucket/*", "arn:aws:s3:::bucket/*", "Allowed", DOC_NOTES + " §4 Resource (request patterns)"),
        r("A request pattern is not covered by a narrower pattern", "arn:aws:s3:::bucket/a*", "arn:aws:s3:::bucket/*", "ImplicitlyDenied", DOC_NOTES + " §4 Resource (request patterns)"),
        r("A request pattern is not covered by a question mark", "arn:aws:s3:::bucket/?", "arn:aws:s3:::bucket/*", "ImplicitlyDenied", DOC_NOTES + " §4 Resource (request patterns)"),
        case("One matching entry in a resource list is enough", RS,
             inp(req(), identity=[pol(stmt(resource=["arn:aws:s3:::other/*", "arn:aws:s3:::bucket/*"]))]), "Allowed"),
    ]


def not_element_cases():
    NA = DOC_NOTACTION
    NR = DOC_NOTRESOURCE
    deny_all_but = pol(stmt(sid="AllowAll", action="*"), stmt(sid="DenyAllButIam", effect="Deny", not_action=["iam:*", "sts:*"], resource="*"))
    deny_not_res = pol(stmt(sid="AllowAll", action="*"), stmt(sid="DenyElsewhere", effect="Deny", action="s3:*", not_resource=["arn:aws:s3:::allowed", "arn:aws:s3:::allowed/*"]))
    return [
        case("Allow NotAction grants actions not listed", NA, inp(req(), identity=[pol(stmt(not_action="iam:*"))]), "Allowed"),
        case("Allow NotAction does not grant listed actions", NA, inp(req(action="iam:CreateUser"), identity=[pol(stmt(not_action="iam:*"))]), "ImplicitlyDenied"),
        case("Allow NotAction grants other services' actions", NA, inp(req(action="dynamodb:GetItem", resource=f"arn:aws:dynamodb:us-east-1:{ACCT}:table/T"),
                                                                     identity=[pol(stmt(not_action="s3:*"))]), "Allowed"),
        case("Deny NotAction denies everything not listed", NA, inp(req(), identity=[deny_all_but]), "ExplicitlyDenied", matchedSids=["AllowAll", "DenyAllButIam"]),
        case("Deny NotAction spares listed actions", NA, inp(req(action="iam:ListUsers", resource="*"), identity=[deny_all_but]), "Allowed", matchedSids=["AllowAll"]),
        case("A malformed NotAction entry counts as not listed", DOC_NOTES + " §4 malformed actions",
             inp(req(), identity=[pol(stmt(not_action="s3:GetObject,s3:PutObject"))]), "Allowed"),
        case("NotAction names are case-insensitive", NA, inp(req(), identity=[pol(stmt(not_action="S3:GETOBJECT"))]), "ImplicitlyDenied"),
        case("NotAction with a wildcard pattern", NA, inp(req(action="s3:GetObjectTagging"), identity=[pol(stmt(not_action="s3:Get*"))]), "ImplicitlyDenied"),
        case("Allow NotResource grants resources not listed", NR, inp(req(), identity=[pol(stmt(action="s3:*", not_resource="arn:aws:s3:::secret/*"))]), "Allowed"),
        case("Allow NotResource does not grant listed resources", NR,
             inp(req(resource="arn:aws:s3:::secret/a"), identity=[pol(stmt(action="s3:*", not_resource="arn:aws:s3:::secret/*"))]), "ImplicitlyDenied"),
        case("NotResource covers other services' resources", NR,
             inp(req(action="dynamodb:GetItem", resource=f"arn:aws:dynamodb:us-east-1:{ACCT}:table/T"),
                 identity=[pol(stmt(action="*", not_resource="arn:aws:s3:::secret/*"))]), "Allowed"),
        case("Deny NotResource denies resources outside the list", NR, inp(req(), identity=[deny_not_res]), "ExplicitlyDenied"),
        case("Deny NotResource spares listed resources", NR, inp(req(resource="arn:aws:s3:::allowed/x"), identity=[deny_not_res]), "Allowed"),
        case("NotAction and NotResource together", NA,
             inp(req(action="ec2:DescribeInstances", resource="*"), identity=[pol(stmt(not_action="iam:*", not_resource="arn:aws:s3:::secret/*"))]), "Allowed"),
        case("NotAction with a failing condition does not apply", NA,
             inp(req(context={"aws:RequestedRegion": "eu-west-1"}),
                 identity=[pol(stmt(not_action="iam:*", condition={"StringEquals": {"aws:RequestedRegion": "us-east-1"}}))]), "ImplicitlyDenied"),
        case("Deny NotAction region guard with an allowed global service", "IAM User Guide, reference_policies_examples_aws_deny-requested-region",
             inp(req(action="iam:ListRoles", resource="*", context={"aws:RequestedRegion": "us-east-1"}),
                 identity=[pol(stmt(sid="AllowAll", action="*"),
                               stmt(sid="DenyOutsideEU", effect="Deny", not_action=["iam:*", "sts:*"], resource="*",
                                    condition={"StringNotEquals": {"aws:RequestedRegion": ["eu-west-1", "eu-central-1"]}}))]), "Allowed"),
        case("Deny NotAction region guard denies a regional service outside the regions", "IAM User Guide, reference_policies_examples_aws_deny-requested-region",
             inp(req(action="ec2:RunInstances", resource="*", context={"aws:RequestedRegion": "us-east-1"}),
                 identity=[pol(stmt(sid="AllowAll", action="*"),
                               stmt(sid="DenyOutsideEU", effect="Deny", not_action=["iam:*", "sts:*"], resource="*",
                                    condition={"StringNotEquals": {"aws:RequestedRegion": ["eu-west-1", "eu-central-1"]}}))]), "ExplicitlyDenied"),
    ]
