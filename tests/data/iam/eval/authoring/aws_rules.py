"""Cases for issue #16: AWS's own rules (AwsRules.Table), VPC endpoint policies, KMS keys without a key policy in
the request, resource patterns with NotResource (resourceMatch every/any) and short ARNs. Each expected decision is
written by hand from the page named in "doc"."""
from cases_lib import *

ADMIN = pol(stmt(sid="AllowAll", action="*", resource="*"))
DOC_MANAGED = "IAM User Guide, access_policies_manage-edit-api ('AWS managed policies cannot be edited'); AWS Managed Policy reference"
DOC_SLR = "IAM API Reference, UnmodifiableEntity error ('service-linked roles are protected AWS resources'); API_DeleteRolePermissionsBoundary"
DOC_SSO = "AWS re:Post knowledge-center/identity-center-aws-reserved-sso ('this role is only modifiable by AWS'); IAM Identity Center UG, identity-center-and-iam-roles"
DOC_ALIAS = "AWS KMS Developer Guide, alias-create ('The alias/aws/ prefix is reserved for AWS managed key')"
DOC_GCI = "AWS STS API Reference, API_GetCallerIdentity ('you can still perform this operation' under an explicit deny)"
DOC_GST = "IAM User Guide, id_credentials_temp_control-access_getsessiontoken ('You cannot use policies to control authentication operations')"
DOC_SCP_SLR = "AWS Organizations User Guide, orgs_manage_policies_scps ('SCPs don't affect service-linked roles')"
DOC_VPCE = "Amazon VPC / PrivateLink Guide, vpc-endpoints-access (endpoint policies: must contain a Principal; do not override identity or resource policies; 'AWS': account grants only the root user)"
DOC_KMSKP = "AWS KMS Developer Guide, key-policies and key-policy-default (every key has a key policy; the default one allows the account so IAM policies decide)"
DOC_ARN = "IAM User Guide, access-analyzer-reference-policy-checks ('Missing ARN field': resource ARNs must have arn:partition:service:region:account:resource); matching of such entries is not documented"

AWS_POLICY = "arn:aws:iam::aws:policy/AdministratorAccess"
MY_POLICY = f"arn:aws:iam::{ACCT}:policy/mine"
SLR = f"arn:aws:iam::{ACCT}:role/aws-service-role/elasticmapreduce.amazonaws.com/AWSServiceRoleForEMRCleanup"
SLR_SESSION = f"arn:aws:sts::{ACCT}:assumed-role/AWSServiceRoleForEMRCleanup/ElasticMapReduceSession"
SSO_ROLE = f"arn:aws:iam::{ACCT}:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Admin_0123456789abcdef"
SSO_ROLE_REGION = f"arn:aws:iam::{ACCT}:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_Dev_0123456789abcdef"
SSO_SLR_SESSION = f"arn:aws:sts::{ACCT}:assumed-role/AWSServiceRoleForSSO/sso-session"
NO_ALLOW_SCP = pol(stmt(sid="DenyNothing", effect="Deny", action="ec2:DeleteVpc", resource="*"))


def rule_case(name, doc, request, decision, identity=None, text=None, **kw):
    expect = dict(kw)
    if text:
        expect["textContains"] = text if isinstance(text, list) else [text]
    return case(name, doc, inp(request, identity=[ADMIN] if identity is None else identity, **{k: expect.pop(k) for k in list(expect) if k in ("scps", "session")}), decision, **expect)


def denied_by_rule(name, doc, action, resource, text, principal=USER):
    return rule_case(name, doc, req(action=action, resource=resource, principal=principal), "ExplicitlyDenied",
                     reason="AwsRule", text=["denied by an AWS rule: " + text, "the policies alone: Allowed"])


def rule_cases():
    c = []
    # AWS managed policies
    for action in ("iam:CreatePolicyVersion", "iam:DeletePolicy", "iam:SetDefaultPolicyVersion", "iam:TagPolicy"):
        c.append(denied_by_rule(f"An administrator cannot {action.split(':')[1]} an AWS managed policy", DOC_MANAGED,
                                action, AWS_POLICY, "AWS managed policies"))
    c.append(rule_case("An administrator can version a customer managed policy", DOC_MANAGED,
                       req(action="iam:CreatePolicyVersion", resource=MY_POLICY), "Allowed", reason="Allowed"))
    c.append(rule_case("Attaching an AWS managed policy is not a change to it", DOC_MANAGED,
                       req(action="iam:AttachRolePolicy", resource=f"arn:aws:iam::{ACCT}:role/app-role"), "Allowed", reason="Allowed"))
    c.append(rule_case("The AWS managed policy rule also holds without any allow", DOC_MANAGED,
                       req(action="iam:DeletePolicy", resource=AWS_POLICY), "ExplicitlyDenied", identity=[],
                       reason="AwsRule", text="the policies alone: ImplicitlyDenied"))
    # service-linked roles
    for action in ("iam:DeleteRole", "iam:UpdateAssumeRolePolicy", "iam:AttachRolePolicy", "iam:PutRolePermissionsBoundary"):
        c.append(denied_by_rule(f"An administrator cannot {action.split(':')[1]} on a service-linked role", DOC_SLR,
                                action, SLR, "service-linked roles are protected"))
    c.append(rule_case("A service-linked role is deleted through DeleteServiceLinkedRole", DOC_SLR,
                       req(action="iam:DeleteServiceLinkedRole", resource=SLR), "Allowed", reason="Allowed"))
    c.append(rule_case("The description of a service-linked role can be edited", DOC_SLR,
                       req(action="iam:UpdateRoleDescription", resource=SLR), "Allowed", reason="Allowed"))
    c.append(rule_case("An ordinary role can be deleted", DOC_SLR,
                       req(action="iam:DeleteRole", resource=f"arn:aws:iam::{ACCT}:role/app-role"), "Allowed", reason="Allowed"))
    c.append(rule_case("The owning service's service-linked role session may delete the role", DOC_SLR,
                       req(action="iam:DeleteRole", resource=SLR, principal=SLR_SESSION), "Allowed", reason="Allowed"))
    # IAM Identity Center reserved roles
    for action, role in (("iam:PutRolePolicy", SSO_ROLE), ("iam:UpdateAssumeRolePolicy", SSO_ROLE), ("iam:DeleteRole", SSO_ROLE_REGION),
                         ("iam:UpdateRole", SSO_ROLE)):
        suffix = " (Region path)" if role == SSO_ROLE_REGION else ""
        c.append(denied_by_rule(f"An administrator cannot {action.split(':')[1]} on an IAM Identity Center role{suffix}", DOC_SSO,
                                action, role, "roles IAM Identity Center creates"))
    c.append(rule_case("Reading an IAM Identity Center role is not protected", DOC_SSO,
                       req(action="iam:GetRole", resource=SSO_ROLE), "Allowed", reason="Allowed"))
    c.append(rule_case("IAM Identity Center's service-linked role manages its reserved roles", DOC_SSO,
                       req(action="iam:PutRolePolicy", resource=SSO_ROLE, principal=SSO_SLR_SESSION), "Allowed", reason="Allowed"))
    c.append(rule_case("A role whose path only resembles aws-reserved is not protected", DOC_SSO,
                       req(action="iam:PutRolePolicy", resource=f"arn:aws:iam::{ACCT}:role/my-aws-reserved/sso.amazonaws.com/x"), "Allowed", reason="Allowed"))
    # KMS aliases
    for action in ("kms:CreateAlias", "kms:UpdateAlias", "kms:DeleteAlias"):
        c.append(denied_by_rule(f"A customer cannot {action.split(':')[1]} under alias/aws/", DOC_ALIAS,
                                action, f"arn:aws:kms:us-east-1:{ACCT}:alias/aws/s3", "the alias/aws/ prefix is reserved"))
    c.append(rule_case("A customer alias may start with aws- (not aws/)", DOC_ALIAS,
                       req(action="kms:CreateAlias", resource=f"arn:aws:kms:us-east-1:{ACCT}:alias/aws-backup-key"), "Allowed", reason="Allowed"))
    c.append(rule_case("A customer alias outside alias/aws/ can be created", DOC_ALIAS,
                       req(action="kms:CreateAlias", resource=f"arn:aws:kms:us-east-1:{ACCT}:alias/app/data"), "Allowed", reason="Allowed"))
    c.append(rule_case("A service principal is not bound by the alias/aws/ rule", DOC_ALIAS,
                       req(action="kms:CreateAlias", resource=f"arn:aws:kms:us-east-1:{ACCT}:alias/aws/s3", principal="s3.amazonaws.com"),
                       "ImplicitlyDenied", identity=[], reason="ResourcePolicyLacksAllow"))
    # calls that need no permission
    deny_sts = pol(stmt(sid="DenySts", effect="Deny", action="sts:*", resource="*"))
    c.append(rule_case("GetCallerIdentity is allowed under an explicit deny", DOC_GCI,
                       req(action="sts:GetCallerIdentity", resource="*"), "Allowed", identity=[deny_sts], reason="AwsRule",
                       text=["allowed by an AWS rule: sts:GetCallerIdentity needs no permission", "the policies alone: ExplicitlyDenied"]))
    c.append(rule_case("GetCallerIdentity is allowed without any policy", DOC_GCI,
                       req(action="sts:GetCallerIdentity", resource="*"), "Allowed", identity=[], reason="AwsRule",
                       text="the policies alone: ImplicitlyDenied"))
    c.append(rule_case("GetCallerIdentity is allowed under an SCP without an allow", DOC_GCI,
                       req(action="sts:GetCallerIdentity", resource="*"), "Allowed", reason="AwsRule", scps=[[NO_ALLOW_SCP]]))
    c.append(rule_case("GetCallerIdentity is allowed under a session policy that allows nothing", DOC_GCI,
                       req(action="sts:GetCallerIdentity", resource="*", principal=SESSION), "Allowed", reason="AwsRule",
                       session=pol(stmt(sid="OnlyS3", action="s3:GetObject", resource="*"))))
    c.append(rule_case("GetAccessKeyInfo needs a permission and an explicit deny refuses it", DOC_GCI,
                       req(action="sts:GetAccessKeyInfo", resource="*"), "ExplicitlyDenied", identity=[deny_sts], reason="ExplicitDeny"))
    c.append(rule_case("GetSessionToken is allowed under an explicit deny", DOC_GST,
                       req(action="sts:GetSessionToken", resource="*"), "Allowed", identity=[deny_sts], reason="AwsRule",
                       text="allowed by an AWS rule: sts:GetSessionToken needs no permission"))
    c.append(rule_case("GetFederationToken needs a permission and an explicit deny refuses it", DOC_GST,
                       req(action="sts:GetFederationToken", resource="*"), "ExplicitlyDenied", identity=[deny_sts], reason="ExplicitDeny"))
    # SCPs and service-linked roles
    c.append(rule_case("An SCP without an allow does not limit a service-linked role", DOC_SCP_SLR,
                       req(action="ec2:TerminateInstances", resource=f"arn:aws:ec2:us-east-1:{ACCT}:instance/i-0123456789abcdef0", principal=SLR_SESSION),
                       "Allowed", reason="Allowed", scps=[[NO_ALLOW_SCP]], text="SCPs not applied: SCPs do not affect service-linked roles"))
    c.append(rule_case("An SCP without an allow limits an ordinary role session", DOC_SCP_SLR,
                       req(action="ec2:TerminateInstances", resource=f"arn:aws:ec2:us-east-1:{ACCT}:instance/i-0123456789abcdef0", principal=SESSION),
                       "ImplicitlyDenied", reason="ServiceControlPolicyLacksAllow", scps=[[NO_ALLOW_SCP]]))
    return c


def ep(*statements):
    return pol(*statements)


BUCKET_OBJ = "arn:aws:s3:::bucket/key.txt"


def endpoint_cases():
    c = []
    allow_s3 = pol(stmt(sid="ReadObjects", action="s3:GetObject", resource="*"))
    full = ep(stmt(sid="Full", principal="*", action="*", resource="*"))
    c.append(case("The default endpoint policy lets identity policies decide", DOC_VPCE,
                  inp(req(), identity=[allow_s3], endpoints=[full]), "Allowed", reason="Allowed", matchedSids=["Full", "ReadObjects"]))
    c.append(case("An endpoint policy for another bucket refuses the call", DOC_VPCE,
                  inp(req(), identity=[allow_s3], endpoints=[ep(stmt(sid="OtherBucket", principal="*", action="s3:*", resource="arn:aws:s3:::other/*"))]),
                  "ImplicitlyDenied", reason="EndpointPolicyLacksAllow", textContains=["the VPC endpoint policy does not allow the caller",
                  "endpointPolicies[0] statement 0 \"OtherBucket\" Allow: not matched (resource)"]))
    c.append(case("An endpoint policy does not grant without an identity allow", DOC_VPCE,
                  inp(req(), identity=[], endpoints=[full]), "ImplicitlyDenied", reason="NoAllow"))
    c.append(case("An explicit deny in the endpoint policy wins", DOC_VPCE,
                  inp(req(action="s3:DeleteObject"), identity=[ADMIN],
                      endpoints=[ep(stmt(sid="Full", principal="*", action="*", resource="*"),
                                    stmt(sid="NoDeletes", effect="Deny", principal="*", action="s3:DeleteObject", resource="*"))]),
                  "ExplicitlyDenied", reason="ExplicitDeny", textContains="explicit deny in endpointPolicies[0]"))
    c.append(case("An endpoint statement without a Principal never applies", DOC_VPCE,
                  inp(req(), identity=[allow_s3], endpoints=[ep(stmt(sid="NoPrincipal", action="*", resource="*"))]),
                  "ImplicitlyDenied", reason="EndpointPolicyLacksAllow", textContains="\"NoPrincipal\" Allow: not matched (principal)"))
    c.append(case("An endpoint Deny without a Principal never applies", DOC_VPCE,
                  inp(req(), identity=[allow_s3], endpoints=[ep(stmt(sid="Full", principal="*", action="*", resource="*"),
                                                              stmt(sid="NoPrincipalDeny", effect="Deny", action="*", resource="*"))]),
                  "Allowed", reason="Allowed"))
    c.append(case("An endpoint policy naming the user allows it", DOC_VPCE,
                  inp(req(), identity=[allow_s3], endpoints=[ep(stmt(sid="Alice", principal={"AWS": USER}, action="*", resource="*"))]),
                  "Allowed", reason="Allowed"))
    c.append(case("An endpoint policy naming another user refuses the caller", DOC_VPCE,
                  inp(req(), identity=[allow_s3], endpoints=[ep(stmt(sid="Bob", principal={"AWS": BOB}, action="*", resource="*"))]),
                  "ImplicitlyDenied", reason="EndpointPolicyLacksAllow"))
    c.append(case("An endpoint policy naming the role allows its sessions", DOC_VPCE,
                  inp(req(principal=SESSION), identity=[allow_s3], endpoints=[ep(stmt(sid="AppRole", principal={"AWS": ROLE}, action="*", resource="*"))]),
                  "Allowed", reason="Allowed"))
    c.append(case("An endpoint policy naming the account admits only its root user", DOC_VPCE,
                  inp(req(), identity=[allow_s3], endpoints=[ep(stmt(sid="Account", principal={"AWS": ACCT}, action="*", resource="*"))]),
                  "ImplicitlyDenied", reason="EndpointPolicyLacksAllow"))
    c.append(case("An endpoint policy naming the account admits the root user", DOC_VPCE,
                  inp(req(principal=ROOT), endpoints=[ep(stmt(sid="Account", principal={"AWS": ACCT}, action="*", resource="*"))]),
                  "Allowed", reason="Allowed"))
    own = ep(stmt(sid="OwnAccountResources", principal="*", action="*", resource="*",
                  condition={"StringEquals": {"aws:ResourceAccount": ACCT}}))
    c.append(case("Same account: an endpoint policy limited to own-account resources allows", DOC_VPCE,
                  inp(req(resource_account=ACCT), identity=[allow_s3], endpoints=[own]), "Allowed", reason="Allowed"))
    xbucket = pol(stmt(sid="Partner", principal={"AWS": f"arn:aws:iam::{ACCT}:root"}, action="s3:GetObject", resource="arn:aws:s3:::bucket/*"))
    c.append(case("Cross account: an endpoint policy limited to own-account resources refuses another account's bucket", DOC_VPCE,
                  inp(req(resource_account=OTHER), identity=[allow_s3], resource=xbucket, endpoints=[own]),
                  "ImplicitlyDenied", reason="EndpointPolicyLacksAllow"))
    c.append(case("Cross account: identity, bucket policy and endpoint policy all allow", DOC_VPCE,
                  inp(req(resource_account=OTHER), identity=[allow_s3], resource=xbucket, endpoints=[full]), "Allowed", reason="Allowed"))
    c.append(case("Cross account: the endpoint policy does not stand in for the bucket policy", DOC_VPCE,
                  inp(req(resource_account=OTHER), identity=[allow_s3], endpoints=[full]), "ImplicitlyDenied", reason="ResourcePolicyLacksAllow"))
    c.append(case("Cross account: an endpoint policy naming the external caller allows it", DOC_VPCE,
                  inp(req(principal=XUSER, resource_account=ACCT), identity=[allow_s3],
                      resource=pol(stmt(sid="Carol", principal={"AWS": XUSER}, action="s3:GetObject", resource="*")),
                      endpoints=[ep(stmt(sid="Carol", principal={"AWS": XUSER}, action="s3:GetObject", resource="*"))]),
                  "Allowed", reason="Allowed"))
    c.append(case("An endpoint condition on an unknown key is undecidable", DOC_VPCE,
                  inp(req(unknown=["aws:PrincipalOrgID"]), identity=[allow_s3],
                      endpoints=[ep(stmt(sid="Org", principal="*", action="*", resource="*", condition={"StringEquals": {"aws:PrincipalOrgID": "o-abc"}}))]),
                  "ImplicitlyDenied", unknownKeys=["aws:PrincipalOrgID"], possibleDecisions=["ImplicitlyDenied", "Allowed"]))
    return c


KEY = f"arn:aws:kms:us-east-1:{ACCT}:key/1234abcd-12ab-34cd-56ef-1234567890ab"


def kms_cases():
    c = []
    allow_kms = pol(stmt(sid="UseKeys", action="kms:Decrypt", resource="*"))
    c.append(case("Without a key policy the decision depends on it", DOC_KMSKP,
                  inp(req(action="kms:Decrypt", resource=KEY), identity=[allow_kms]), "Allowed",
                  unknownKeys=[], possibleDecisions=["Allowed", "ImplicitlyDenied", "ExplicitlyDenied"],
                  textContains="no key policy given: the decision depends on it (under the default key policy, which allows 111111111111, it would be Allowed)"))
    c.append(case("Without a key policy or an identity allow the decision still depends on the key policy", DOC_KMSKP,
                  inp(req(action="kms:Decrypt", resource=KEY), identity=[]), "ImplicitlyDenied",
                  unknownKeys=[], possibleDecisions=["Allowed", "ImplicitlyDenied", "ExplicitlyDenied"]))
    c.append(case("Without a key policy an explicit deny still decides", DOC_KMSKP,
                  inp(req(action="kms:Decrypt", resource=KEY), identity=[pol(stmt(sid="NoKms", effect="Deny", action="kms:*", resource="*"))]),
                  "ExplicitlyDenied", reason="ExplicitDeny"))
    c.append(case("Assuming the default key policy, the identity allow decides", DOC_KMSKP,
                  inp(req(action="kms:Decrypt", resource=KEY), identity=[allow_kms], missing_key_policy="default"), "Allowed",
                  reason="Allowed", textContains="assumed the default key policy, which allows 111111111111"))
    c.append(case("Assuming the default key policy, no identity allow is an implicit deny", DOC_KMSKP,
                  inp(req(action="kms:Decrypt", resource=KEY), identity=[], missing_key_policy="default"), "ImplicitlyDenied", reason="NoAllow"))
    c.append(case("Assuming the default key policy, another account's caller is refused", DOC_KMSKP,
                  inp(req(action="kms:Decrypt", resource=KEY, principal=XUSER), identity=[allow_kms], missing_key_policy="default"),
                  "ImplicitlyDenied", reason="ResourcePolicyLacksAllow"))
    c.append(case("Creating a key involves no key policy", DOC_KMSKP,
                  inp(req(action="kms:CreateKey", resource="*"), identity=[pol(stmt(sid="Create", action="kms:CreateKey", resource="*"))]),
                  "Allowed", reason="Allowed"))
    c.append(case("An alias is not a key: no key policy takes part", DOC_KMSKP,
                  inp(req(action="kms:CreateAlias", resource=f"arn:aws:kms:us-east-1:{ACCT}:alias/app"), identity=[pol(stmt(sid="Alias", action="kms:CreateAlias", resource="*"))]),
                  "Allowed", reason="Allowed"))
    return c


def rq(resource, match=None, **kw):
    r = req(resource=resource, **kw)
    if match is not None:
        r["resourceMatch"] = match
    return r


def pattern_cases():
    c = []
    ALL = "arn:aws:s3:::bucket/*"
    allow_not_private = pol(stmt(sid="AllButPrivate", action="s3:GetObject", not_resource="arn:aws:s3:::bucket/private/*"))
    allow_not_other = pol(stmt(sid="AllButOther", action="s3:GetObject", not_resource="arn:aws:s3:::other/*"))
    allow_public = pol(stmt(sid="Public", action="s3:GetObject", resource="arn:aws:s3:::bucket/public/*"))
    allow_bucket = pol(stmt(sid="Bucket", action="s3:GetObject", resource=ALL))
    deny_secret = pol(stmt(sid="Bucket", action="s3:GetObject", resource=ALL),
                      stmt(sid="NoSecret", effect="Deny", action="s3:GetObject", resource="arn:aws:s3:::bucket/secret.txt"))
    deny_outside_public = pol(stmt(sid="Bucket", action="s3:GetObject", resource=ALL),
                              stmt(sid="OnlyPublic", effect="Deny", action="s3:GetObject", not_resource="arn:aws:s3:::bucket/public/*"))
    c.append(case("Every: an Allow with NotResource excluding part of the pattern does not allow it", DOC_NOTRESOURCE,
                  inp(rq(ALL), identity=[allow_not_private]), "ImplicitlyDenied", reason="NoAllow"))
    c.append(case("Every: an Allow with NotResource excluding another bucket allows the pattern", DOC_NOTRESOURCE,
                  inp(rq(ALL), identity=[allow_not_other]), "Allowed"))
    c.append(case("Every: an Allow with NotResource excluding a wildcard that meets the pattern does not allow it", DOC_NOTRESOURCE,
                  inp(rq("arn:aws:s3:::bucket/2024/*"), identity=[pol(stmt(sid="NoCsv", action="s3:GetObject", not_resource="arn:aws:s3:::bucket/*.csv"))]),
                  "ImplicitlyDenied"))
    c.append(case("Every: an Allow on part of the pattern does not allow it", DOC_RESOURCE,
                  inp(rq(ALL), identity=[allow_public]), "ImplicitlyDenied"))
    c.append(case("Every: a Deny on one object of the pattern denies it", DOC_RESOURCE,
                  inp(rq(ALL), identity=[deny_secret]), "ExplicitlyDenied", reason="ExplicitDeny"))
    c.append(case("Every: a Deny with NotResource outside part of the pattern denies it", DOC_NOTRESOURCE,
                  inp(rq(ALL), identity=[deny_outside_public]), "ExplicitlyDenied", reason="ExplicitDeny"))
    c.append(case("Every: a Deny on another bucket does not touch the pattern", DOC_RESOURCE,
                  inp(rq(ALL), identity=[pol(stmt(sid="Bucket", action="s3:GetObject", resource=ALL),
                                            stmt(sid="NoOther", effect="Deny", action="s3:GetObject", resource="arn:aws:s3:::other/*"))]),
                  "Allowed"))
    c.append(case("Every is the default reading and can be given explicitly", DOC_NOTRESOURCE,
                  inp(rq(ALL, "every"), identity=[allow_not_private]), "ImplicitlyDenied"))
    c.append(case("Any: an Allow with NotResource excluding part of the pattern allows it", DOC_NOTRESOURCE,
                  inp(rq(ALL, "any"), identity=[allow_not_private]), "Allowed"))
    c.append(case("Any: an Allow with NotResource excluding the whole pattern does not allow it", DOC_NOTRESOURCE,
                  inp(rq("arn:aws:s3:::bucket/private/2024/*", "any"), identity=[allow_not_private]), "ImplicitlyDenied"))
    c.append(case("Any: an Allow on part of the pattern allows it", DOC_RESOURCE,
                  inp(rq(ALL, "any"), identity=[allow_public]), "Allowed"))
    c.append(case("Any: an Allow on another bucket does not allow the pattern", DOC_RESOURCE,
                  inp(rq(ALL, "any"), identity=[pol(stmt(sid="Other", action="s3:GetObject", resource="arn:aws:s3:::other/*"))]), "ImplicitlyDenied"))
    c.append(case("Any: a Deny on one object leaves the rest of the pattern allowed", DOC_RESOURCE,
                  inp(rq(ALL, "any"), identity=[deny_secret]), "Allowed"))
    c.append(case("Any: a Deny covering the whole pattern denies it", DOC_RESOURCE,
                  inp(rq("arn:aws:s3:::bucket/private/*", "any"), identity=[pol(stmt(sid="Bucket", action="s3:GetObject", resource=ALL),
                      stmt(sid="NoPrivate", effect="Deny", action="s3:GetObject", resource="arn:aws:s3:::bucket/private/*"))]),
                  "ExplicitlyDenied"))
    c.append(case("Any: a Deny with NotResource outside part of the pattern leaves that part allowed", DOC_NOTRESOURCE,
                  inp(rq(ALL, "any"), identity=[deny_outside_public]), "Allowed"))
    c.append(case("A request without a pattern is not affected by resourceMatch", DOC_NOTRESOURCE,
                  inp(rq("arn:aws:s3:::bucket/private/a.txt", "any"), identity=[allow_not_private]), "ImplicitlyDenied"))
    c.append(case("Every: an Allow on the whole bucket allows the pattern", DOC_RESOURCE,
                  inp(rq(ALL), identity=[allow_bucket]), "Allowed"))
    # short ARNs
    key = 'Resource "arn:aws:s3" (fewer than six ARN fields)'
    c.append(case("A Deny on a short ARN is undecidable, never ignored", DOC_ARN,
                  inp(req(), identity=[pol(stmt(sid="AllowAll", action="*", resource="*"),
                                          stmt(sid="ShortDeny", effect="Deny", action="s3:*", resource="arn:aws:s3"))]),
                  "Allowed", unknownKeys=[key], possibleDecisions=["Allowed", "ExplicitlyDenied"]))
    c.append(case("An Allow on a short ARN is undecidable", DOC_ARN,
                  inp(req(), identity=[pol(stmt(sid="ShortAllow", action="s3:GetObject", resource="arn:aws:s3"))]),
                  "ImplicitlyDenied", unknownKeys=[key], possibleDecisions=["ImplicitlyDenied", "Allowed"]))
    c.append(case("A NotResource short ARN in a Deny is undecidable", DOC_ARN,
                  inp(req(), identity=[pol(stmt(sid="AllowAll", action="*", resource="*"),
                                          stmt(sid="ShortNot", effect="Deny", action="s3:*", not_resource="arn:aws:s3"))]),
                  "Allowed", unknownKeys=[key], possibleDecisions=["Allowed", "ExplicitlyDenied"]))
    return c
