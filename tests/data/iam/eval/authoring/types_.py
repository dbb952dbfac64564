from cases_lib import *

ALLOW_S3 = pol(stmt(sid="AllowS3", action="s3:*", resource="*"))


def identity_cases():
    L = DOC_LOGIC
    return [
        case("No policies means implicit deny", L, inp(req(), identity=[]), "ImplicitlyDenied", reason="NoAllow"),
        case("A matching Allow allows", L, inp(req(), identity=[ALLOW_S3]), "Allowed", matchedSids=["AllowS3"], reason="Allowed"),
        case("A Deny in the same policy overrides the Allow", L,
             inp(req(), identity=[pol(stmt(sid="A", action="s3:*"), stmt(sid="D", effect="Deny", action="s3:GetObject"))]), "ExplicitlyDenied",
             matchedSids=["A", "D"], reason="ExplicitDeny"),
        case("A Deny in another policy overrides the Allow", L,
             inp(req(), identity=[ALLOW_S3, pol(stmt(sid="D", effect="Deny", action="s3:Get*"))]), "ExplicitlyDenied"),
        case("Identity policies are a union", L,
             inp(req(), identity=[pol(stmt(sid="Ec2", action="ec2:*")), ALLOW_S3]), "Allowed", matchedSids=["AllowS3"]),
        case("An Allow whose condition fails does not allow", L,
             inp(req(), identity=[pol(stmt(condition={"Bool": {"aws:SecureTransport": "true"}}))]), "ImplicitlyDenied"),
        case("A Deny whose condition fails does not deny", L,
             inp(req(context={"aws:SecureTransport": "true"}),
                 identity=[pol(stmt(sid="A", action="*"), stmt(sid="D", effect="Deny", action="*", condition={"Bool": {"aws:SecureTransport": "false"}}))]), "Allowed",
             matchedSids=["A"]),
        case("A Statement written as a single object", "IAM User Guide, reference_policies_elements_statement",
             inp(req(), identity=[{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:GetObject", "Resource": OBJ}}]), "Allowed"),
        case("A Deny for another action does not apply", L,
             inp(req(), identity=[pol(stmt(sid="A", action="s3:*"), stmt(sid="D", effect="Deny", action="s3:DeleteObject"))]), "Allowed", matchedSids=["A"]),
        case("An Allow for another resource does not allow", L,
             inp(req(), identity=[pol(stmt(resource="arn:aws:s3:::other/*"))]), "ImplicitlyDenied"),
        case("A Deny with a wildcard action", L,
             inp(req(action="s3:DeleteObject"), identity=[ALLOW_S3, pol(stmt(effect="Deny", action="s3:Delete*"))]), "ExplicitlyDenied"),
        case("The root user is allowed without identity policies", DOC_NOTES + " §1 other global rules",
             inp(req(principal=ROOT), identity=[]), "Allowed"),
        case("An SCP Deny still applies to the root user", DOC_SCP,
             inp(req(principal=ROOT), scps=[[FULL_ACCESS, pol(stmt(effect="Deny", action="s3:*"))]]), "ExplicitlyDenied"),
        case("Several matching Allows are all traced", L,
             inp(req(), identity=[pol(stmt(sid="One", action="s3:GetObject"), stmt(sid="Two", action="s3:Get*"), stmt(sid="Three", action="ec2:*"))]),
             "Allowed", matchedSids=["One", "Two"]),
        case("A role session uses its role's identity policies", L, inp(req(principal=SESSION), identity=[ALLOW_S3]), "Allowed"),
    ]


def scp_cases():
    S = DOC_SCP
    deny_region = pol(stmt(sid="DenyRegions", effect="Deny", action="*", resource="*",
                           condition={"StringNotEquals": {"aws:RequestedRegion": ["us-east-1"]}}))
    only_get = pol(stmt(action="s3:GetObject", resource="*"))
    return [
        case("FullAWSAccess at one level allows", S, inp(req(), identity=[ALLOW_S3], scps=[[FULL_ACCESS]]), "Allowed"),
        case("FullAWSAccess at every level allows", S, inp(req(), identity=[ALLOW_S3], scps=[[FULL_ACCESS], [FULL_ACCESS], [FULL_ACCESS]]), "Allowed"),
        case("A level without a matching Allow denies", S,
             inp(req(), identity=[ALLOW_S3], scps=[[FULL_ACCESS], [pol(stmt(action="ec2:*"))]]), "ImplicitlyDenied", reason="ServiceControlPolicyLacksAllow"),
        case("An SCP Deny denies", S, inp(req(), identity=[ALLOW_S3], scps=[[FULL_ACCESS, pol(stmt(effect="Deny", action="s3:*"))]]), "ExplicitlyDenied"),
        case("An SCP region Deny denies outside the region", S,
             inp(req(context={"aws:RequestedRegion": "eu-west-1"}), identity=[ALLOW_S3], scps=[[FULL_ACCESS, deny_region]]), "ExplicitlyDenied"),
        case("An SCP region Deny spares the allowed region", S,
             inp(req(context={"aws:RequestedRegion": "us-east-1"}), identity=[ALLOW_S3], scps=[[FULL_ACCESS, deny_region]]), "Allowed"),
        case("SCPs do not grant", S, inp(req(), identity=[], scps=[[FULL_ACCESS]]), "ImplicitlyDenied", reason="NoAllow"),
        case("An empty SCP level allows nothing", S, inp(req(), identity=[ALLOW_S3], scps=[[FULL_ACCESS], []]), "ImplicitlyDenied"),
        case("An allow-list SCP at the account level allows the listed action", S,
             inp(req(), identity=[ALLOW_S3], scps=[[FULL_ACCESS], [only_get]]), "Allowed"),
        case("An allow-list SCP at the account level denies other actions", S,
             inp(req(action="s3:PutObject"), identity=[ALLOW_S3], scps=[[FULL_ACCESS], [only_get]]), "ImplicitlyDenied"),
        case("SCPs do not apply to service principals", DOC_NOTES + " §1 SCPs (principals of member accounts)",
             inp(req(principal="cloudtrail.amazonaws.com", action="s3:PutObject"),
                 resource=pol(stmt(principal={"Service": "cloudtrail.amazonaws.com"}, action="s3:PutObject", resource="arn:aws:s3:::bucket/*")),
                 scps=[[pol(stmt(effect="Deny", action="*"))]]), "Allowed"),
        case("An SCP Deny with NotAction", S,
             inp(req(), identity=[ALLOW_S3], scps=[[FULL_ACCESS, pol(stmt(effect="Deny", not_action=["iam:*"]))]]), "ExplicitlyDenied"),
        case("An SCP Allow with a condition (full IAM language) that matches", "AWS Security Blog, SCPs support full IAM language (2025)",
             inp(req(context={"aws:RequestedRegion": "us-east-1"}), identity=[ALLOW_S3],
                 scps=[[pol(stmt(action="s3:*", condition={"StringEquals": {"aws:RequestedRegion": "us-east-1"}}))]]), "Allowed"),
        case("An SCP Allow with a condition (full IAM language) that fails", "AWS Security Blog, SCPs support full IAM language (2025)",
             inp(req(context={"aws:RequestedRegion": "eu-west-1"}), identity=[ALLOW_S3],
                 scps=[[pol(stmt(action="s3:*", condition={"StringEquals": {"aws:RequestedRegion": "us-east-1"}}))]]), "ImplicitlyDenied"),
        case("An SCP Allow with NotResource", "AWS Security Blog, SCPs support full IAM language (2025)",
             inp(req(), identity=[ALLOW_S3], scps=[[pol(stmt(action="*", not_resource="arn:aws:s3:::secret/*"))]]), "Allowed"),
        case("An SCP without Allow blocks a same-account resource-policy grant", DOC_NOTES + " §1 (shortcut never bypasses SCPs)",
             inp(req(), resource=pol(stmt(principal={"AWS": USER}, action="s3:GetObject", resource=OBJ)), scps=[[pol(stmt(action="ec2:*"))]]),
             "ImplicitlyDenied"),
        case("An SCP Deny exempting an admin role spares the role's sessions", S,
             inp(req(principal=f"arn:aws:sts::{ACCT}:assumed-role/Admin/s"), identity=[ALLOW_S3],
                 scps=[[FULL_ACCESS, pol(stmt(effect="Deny", action="s3:*", condition={"ArnNotLike": {"aws:PrincipalArn": f"arn:aws:iam::{ACCT}:role/Admin"}}))]]),
             "Allowed"),
        case("An SCP Deny exempting an admin role denies other sessions", S,
             inp(req(principal=SESSION), identity=[ALLOW_S3],
                 scps=[[FULL_ACCESS, pol(stmt(effect="Deny", action="s3:*", condition={"ArnNotLike": {"aws:PrincipalArn": f"arn:aws:iam::{ACCT}:role/Admin"}}))]]),
             "ExplicitlyDenied"),
        case("SCPs, boundary and identity all allowing", S,
             inp(req(), identity=[ALLOW_S3], boundaries=[ALLOW_S3], scps=[[FULL_ACCESS], [FULL_ACCESS]]), "Allowed"),
    ]


def rcp_cases():
    R = DOC_RCP
    org_guard = pol(stmt(sid="EnforceOrgIdentities", effect="Deny", principal="*", action="s3:*", resource="*",
                         condition={"StringNotEqualsIfExists": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"},
                                    "BoolIfExists": {"aws:PrincipalIsAWSService": "false"}}))
    deputy = pol(stmt(sid="ConfusedDeputy", effect="Deny", principal="*", action="s3:*", resource="*",
                      condition={"StringNotEqualsIfExists": {"aws:SourceAccount": ACCT}, "Bool": {"aws:PrincipalIsAWSService": "true"}}))
    svc_grant = pol(stmt(principal={"Service": "cloudtrail.amazonaws.com"}, action="s3:PutObject", resource="arn:aws:s3:::bucket/*"))
    return [
        case("RCPFullAWSAccess allows", R, inp(req(), identity=[ALLOW_S3], rcps=[[RCP_FULL]]), "Allowed"),
        case("An RCP org guard allows principals of the organisation", R,
             inp(req(context={"aws:PrincipalOrgID": "o-a1b2c3d4e5"}), identity=[ALLOW_S3], rcps=[[RCP_FULL, org_guard]]), "Allowed"),
        case("An RCP org guard denies principals of another organisation", R,
             inp(req(context={"aws:PrincipalOrgID": "o-zzzzzzzzzz"}), identity=[ALLOW_S3], rcps=[[RCP_FULL, org_guard]]), "ExplicitlyDenied"),
        case("An RCP org guard spares AWS service principals", R,
             inp(req(principal="cloudtrail.amazonaws.com", action="s3:PutObject"), resource=svc_grant, rcps=[[RCP_FULL, org_guard]]), "Allowed"),
        case("An RCP level without an Allow denies", R,
             inp(req(), identity=[ALLOW_S3], rcps=[[RCP_FULL], []]), "ImplicitlyDenied", reason="ResourceControlPolicyLacksAllow"),
        case("An RCP denying plain HTTP", R,
             inp(req(context={"aws:SecureTransport": "false"}), identity=[ALLOW_S3],
                 rcps=[[RCP_FULL, pol(stmt(effect="Deny", principal="*", action="s3:*", condition={"Bool": {"aws:SecureTransport": "false"}}))]]), "ExplicitlyDenied"),
        case("RCPs do not grant", R, inp(req(), identity=[], rcps=[[RCP_FULL]]), "ImplicitlyDenied", reason="NoAllow"),
        case("An RCP confused-deputy guard allows the expected source account", R,
             inp(req(principal="cloudtrail.amazonaws.com", action="s3:PutObject", context={"aws:SourceAccount": ACCT}), resource=svc_grant, rcps=[[RCP_FULL, deputy]]),
             "Allowed"),
        case("An RCP confused-deputy guard denies another source account", R,
             inp(req(principal="cloudtrail.amazonaws.com", action="s3:PutObject", context={"aws:SourceAccount": OTHER}), resource=svc_grant, rcps=[[RCP_FULL, deputy]]),
             "ExplicitlyDenied"),
        case("An RCP Deny at a lower level denies", R,
             inp(req(), identity=[ALLOW_S3], rcps=[[RCP_FULL], [RCP_FULL, pol(stmt(effect="Deny", principal="*", action="s3:GetObject"))]]), "ExplicitlyDenied"),
        case("An RCP Deny for another action does not apply", R,
             inp(req(), identity=[ALLOW_S3], rcps=[[RCP_FULL, pol(stmt(effect="Deny", principal="*", action="s3:DeleteObject"))]]), "Allowed"),
        case("An RCP applies to a cross-account caller", R,
             inp(req(principal=XUSER, resource_account=ACCT, context={"aws:PrincipalOrgID": "o-zzzzzzzzzz"}), identity=[ALLOW_S3],
                 resource=pol(stmt(principal={"AWS": XUSER}, action="s3:GetObject", resource=OBJ)), rcps=[[RCP_FULL, org_guard]]), "ExplicitlyDenied"),
        case("An RCP Deny limited by NotResource", R,
             inp(req(), identity=[ALLOW_S3], rcps=[[RCP_FULL, pol(stmt(effect="Deny", principal="*", action="s3:*", not_resource="arn:aws:s3:::bucket/*"))]]), "Allowed"),
    ]


def boundary_cases():
    PB = DOC_BOUNDARY
    no_s3 = pol(stmt(sid="BoundaryEc2", action="ec2:*"))
    def rp(principal):
        return pol(stmt(sid="Bucket", principal={"AWS": principal}, action="s3:GetObject", resource=OBJ))
    return [
        case("Identity and boundary both allow", PB, inp(req(), identity=[ALLOW_S3], boundaries=[ALLOW_S3]), "Allowed"),
        case("Boundary without an Allow denies", PB, inp(req(), identity=[ALLOW_S3], boundaries=[no_s3]), "ImplicitlyDenied", reason="PermissionsBoundaryLacksAllow"),
        case("A boundary does not grant", PB, inp(req(), identity=[], boundaries=[ALLOW_S3]), "ImplicitlyDenied", reason="NoAllow"),
        case("A boundary Deny denies", PB, inp(req(), identity=[ALLOW_S3], boundaries=[pol(stmt(action="*"), stmt(effect="Deny", action="s3:GetObject"))]), "ExplicitlyDenied"),
        case("A boundary Allow whose condition fails", PB,
             inp(req(context={"aws:RequestedRegion": "eu-west-1"}), identity=[ALLOW_S3],
                 boundaries=[pol(stmt(action="s3:*", condition={"StringEquals": {"aws:RequestedRegion": "us-east-1"}}))]), "ImplicitlyDenied"),
        case("The boundary is an intersection with identity policies (inside)", PB,
             inp(req(), identity=[ALLOW_S3], boundaries=[pol(stmt(action="s3:GetObject"))]), "Allowed"),
        case("The boundary is an intersection with identity policies (outside)", PB,
             inp(req(action="s3:PutObject"), identity=[ALLOW_S3], boundaries=[pol(stmt(action="s3:GetObject"))]), "ImplicitlyDenied"),
        case("Same account: a resource policy naming the user overrides a boundary implicit deny", DOC_NOTES + " §2 (IAM user row)",
             inp(req(), boundaries=[no_s3], resource=rp(USER)), "Allowed"),
        case("Same account: a resource policy naming the role does not override a boundary implicit deny", DOC_NOTES + " §2 (role row)",
             inp(req(principal=SESSION), boundaries=[no_s3], resource=rp(ROLE)), "ImplicitlyDenied", reason="PermissionsBoundaryLacksAllow"),
        case("Same account: a resource policy naming the session overrides a boundary implicit deny", DOC_NOTES + " §2 (role session row)",
             inp(req(principal=SESSION), boundaries=[no_s3], resource=rp(SESSION)), "Allowed"),
        case("Same account: a resource policy naming the account does not override the boundary", DOC_NOTES + " §2 (account row)",
             inp(req(), identity=[ALLOW_S3], boundaries=[no_s3], resource=rp(ROOT)), "ImplicitlyDenied"),
        case("Cross-account: a resource policy naming the user does not override the boundary", DOC_XACCT,
             inp(req(principal=XUSER, resource_account=ACCT), identity=[ALLOW_S3], boundaries=[no_s3], resource=rp(XUSER)), "ImplicitlyDenied"),
        case("A boundary Deny beats a resource policy Allow", DOC_LOGIC,
             inp(req(), boundaries=[pol(stmt(action="*"), stmt(effect="Deny", action="s3:*"))], resource=rp(USER)), "ExplicitlyDenied"),
        case("Same account: a resource policy naming the user with the boundary allowing", PB,
             inp(req(), boundaries=[ALLOW_S3], resource=rp(USER)), "Allowed"),
    ]


def session_cases():
    SP = DOC_SESSION
    no_s3 = pol(stmt(sid="SessionEc2", action="ec2:*"))
    def rp(principal):
        return pol(stmt(sid="Bucket", principal={"AWS": principal}, action="s3:GetObject", resource=OBJ))
    return [
        case("A role session without a session policy uses its role's permissions", SP, inp(req(principal=SESSION), identity=[ALLOW_S3]), "Allowed"),
        case("Session policy and identity both allow", SP, inp(req(principal=SESSION), identity=[ALLOW_S3], session=ALLOW_S3), "Allowed"),
        case("A session policy without an Allow denies", SP,
             inp(req(principal=SESSION), identity=[ALLOW_S3], session=no_s3), "ImplicitlyDenied", reason="SessionPolicyLacksAllow"),
        case("A session policy does not grant", SP, inp(req(principal=SESSION), identity=[], session=ALLOW_S3), "ImplicitlyDenied", reason="NoAllow"),
        case("A session policy Deny denies", SP,
             inp(req(principal=SESSION), identity=[ALLOW_S3], session=pol(stmt(action="*"), stmt(effect="Deny", action="s3:GetObject"))), "ExplicitlyDenied"),
        case("A federated-user session without a session policy is denied", DOC_NOTES + " §1 step 8",
             inp(req(principal=FED), identity=[ALLOW_S3]), "ImplicitlyDenied"),
        case("A federated-user session with an allowing session policy", SP,
             inp(req(principal=FED), identity=[ALLOW_S3], session=ALLOW_S3), "Allowed"),
        case("Same account: a resource policy naming the session overrides a session-policy implicit deny", DOC_NOTES + " §2 (role session row)",
             inp(req(principal=SESSION), session=no_s3, resource=rp(SESSION)), "Allowed"),
        case("Same account: a resource policy naming the role does not override a session-policy implicit deny", DOC_NOTES + " §2 (role row)",
             inp(req(principal=SESSION), session=no_s3, resource=rp(ROLE)), "ImplicitlyDenied", reason="SessionPolicyLacksAllow"),
        case("Same account: a resource policy naming the federated user overrides the session policy", DOC_NOTES + " §2 (federated-user row)",
             inp(req(principal=FED), session=no_s3, resource=rp(FED)), "Allowed"),
        case("Same account: a resource policy naming the role overrides an identity implicit deny", DOC_NOTES + " §2 (role row)",
             inp(req(principal=SESSION), identity=[], resource=rp(ROLE)), "Allowed"),
        case("A role ARN with a path in the resource policy names the session's role", DOC_PRINCIPAL + " (role principals)",
             inp(req(principal=SESSION), identity=[], resource=rp(f"arn:aws:iam::{ACCT}:role/team/app-role")), "Allowed"),
        case("A session policy Allow whose condition fails", SP,
             inp(req(principal=SESSION, context={"aws:SourceIp": "198.51.100.1"}), identity=[ALLOW_S3],
                 session=pol(stmt(action="s3:*", condition={"IpAddress": {"aws:SourceIp": "203.0.113.0/24"}}))), "ImplicitlyDenied"),
        case("Session policy, boundary and identity all allowing", SP,
             inp(req(principal=SESSION), identity=[ALLOW_S3], boundaries=[ALLOW_S3], session=ALLOW_S3), "Allowed"),
        case("A session policy that allows another resource only", SP,
             inp(req(principal=SESSION), identity=[ALLOW_S3], session=pol(stmt(action="s3:*", resource="arn:aws:s3:::other/*"))), "ImplicitlyDenied"),
    ]
