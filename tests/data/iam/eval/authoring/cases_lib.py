"""Helpers for authoring the evaluator case files in tests/data/iam/eval/*.json.

The JSON files are what the test runner reads; these scripts are only a compact way to write them.
Every expected decision below is written by hand from the AWS documentation cited in each case's
"doc" field (or /work/shared/reference/notes/iam-eval.md, which summarises it), never computed.
Run `python3 generate.py` from this folder to rewrite the JSON files.
"""
import json
import os

ACCT = "111111111111"
OTHER = "222222222222"
USER = f"arn:aws:iam::{ACCT}:user/alice"
BOB = f"arn:aws:iam::{ACCT}:user/bob"
ROLE = f"arn:aws:iam::{ACCT}:role/app-role"
SESSION = f"arn:aws:sts::{ACCT}:assumed-role/app-role/session1"
FED = f"arn:aws:sts::{ACCT}:federated-user/bob"
ROOT = f"arn:aws:iam::{ACCT}:root"
XUSER = f"arn:aws:iam::{OTHER}:user/carol"
XROLE = f"arn:aws:iam::{OTHER}:role/partner"
XSESSION = f"arn:aws:sts::{OTHER}:assumed-role/partner/s1"
OBJ = "arn:aws:s3:::bucket/key.txt"

DOC_OPS = "IAM User Guide, reference_policies_elements_condition_operators"
DOC_MULTI = "IAM User Guide, reference_policies_condition-single-vs-multi-valued-context-keys"
DOC_VARS = "IAM User Guide, reference_policies_variables"
DOC_LOGIC = "IAM User Guide, reference_policies_evaluation-logic"
DOC_XACCT = "IAM User Guide, reference_policies_evaluation-logic-cross-account"
DOC_ACTION = "IAM User Guide, reference_policies_elements_action"
DOC_NOTACTION = "IAM User Guide, reference_policies_elements_notaction"
DOC_RESOURCE = "IAM User Guide, reference_policies_elements_resource"
DOC_NOTRESOURCE = "IAM User Guide, reference_policies_elements_notresource"
DOC_PRINCIPAL = "IAM User Guide, reference_policies_elements_principal"
DOC_NOTPRINCIPAL = "IAM User Guide, reference_policies_elements_notprincipal"
DOC_BOUNDARY = "IAM User Guide, access_policies_boundaries"
DOC_SESSION = "IAM User Guide, access_policies (session policies) and reference_policies_evaluation-logic"
DOC_SCP = "AWS Organizations User Guide, orgs_manage_policies_scps_evaluation"
DOC_RCP = "AWS Organizations User Guide, orgs_manage_policies_rcps_evaluation"
DOC_KMS = "AWS KMS Developer Guide, key-policy-default (key policies must allow)"
DOC_TRUST = "IAM User Guide, id_roles_terms-and-concepts (trust policy) and evaluation-logic"
DOC_NOTES = "iam-eval.md"


def stmt(effect="Allow", action="s3:GetObject", resource="*", sid=None, condition=None,
         principal=None, not_principal=None, not_action=None, not_resource=None, no_resource=False):
    s = {}
    if sid is not None:
        s["Sid"] = sid
    s["Effect"] = effect
    if principal is not None:
        s["Principal"] = principal
    if not_principal is not None:
        s["NotPrincipal"] = not_principal
    if not_action is not None:
        s["NotAction"] = not_action
    else:
        s["Action"] = action
    if not_resource is not None:
        s["NotResource"] = not_resource
    elif not no_resource:
        s["Resource"] = resource
    if condition is not None:
        s["Condition"] = condition
    return s


def pol(*statements, version="2012-10-17"):
    p = {}
    if version is not None:
        p["Version"] = version
    p["Statement"] = list(statements)
    return p


ALLOW_ALL = pol(stmt(action="*", resource="*", sid="AllowAll"))
FULL_ACCESS = pol(stmt(action="*", resource="*", sid="FullAWSAccess"))
RCP_FULL = pol(stmt(action="*", resource="*", sid="RCPFullAWSAccess", principal="*"))


def req(action="s3:GetObject", resource=OBJ, principal=USER, context=None, unknown=None,
        resource_account=None, wildcard_only=None, principal_account=None):
    r = {}
    if principal is not None:
        r["principal"] = principal
    r["action"] = action
    r["resource"] = resource
    if resource_account is not None:
        r["resourceAccount"] = resource_account
    if principal_account is not None:
        r["principalAccount"] = principal_account
    if wildcard_only is not None:
        r["wildcardOnlyAction"] = wildcard_only
    if context:
        r["context"] = context
    if unknown:
        r["unknownKeys"] = unknown
    return r


def inp(request, identity=None, boundaries=None, session=None, resource=None, scps=None, rcps=None, require=None,
        endpoints=None, missing_key_policy=None):
    i = {"request": request}
    if identity is not None:
        i["identityPolicies"] = identity
    if boundaries is not None:
        i["permissionBoundaries"] = boundaries
    if session is not None:
        i["sessionPolicy"] = session
    if resource is not None:
        i["resourcePolicy"] = resource
    if scps is not None:
        i["serviceControlPolicies"] = scps
    if rcps is not None:
        i["resourceControlPolicies"] = rcps
    if require is not None:
        i["requireResourcePolicyAllow"] = require
    if endpoints is not None:
        i["endpointPolicies"] = endpoints
    if missing_key_policy is not None:
        i["missingKeyPolicy"] = missing_key_policy
    return i


def case(name, doc, input, decision, **expect):
    e = {"decision": decision}
    for k in ("unknownKeys", "possibleDecisions", "matchedSids", "reason", "textContains"):
        if k in expect:
            e[k] = expect.pop(k)
    assert not expect, expect
    return {"name": name, "doc": doc, "input": input, "expect": e}


MISSING = object()


def cond_case(name, op, key, values, request_value, matches, doc=DOC_OPS, effect="Allow", context=None, **kw):
    """One condition in an identity policy. For Allow, a match gives Allowed; for Deny (with an allow-all
    statement beside it), a match gives ExplicitlyDenied."""
    ctx = dict(context or {})
    if request_value is not MISSING:
        ctx[key] = request_value
    condition = {op: {key: values}}
    if effect == "Allow":
        policy = pol(stmt(sid="Cond", action="s3:GetObject", resource="*", condition=condition))
        decision = "Allowed" if matches else "ImplicitlyDenied"
    else:
        policy = pol(stmt(sid="AllowAll", action="*", resource="*"),
                     stmt(sid="DenyCond", effect="Deny", action="s3:GetObject", resource="*", condition=condition))
        decision = "ExplicitlyDenied" if matches else "Allowed"
    return case(name, doc, inp(req(context=ctx, **kw), identity=[policy]), decision)


def write(filename, cases):
    names = set()
    for c in cases:
        assert c["name"] not in names, c["name"]
        names.add(c["name"])
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", filename)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(cases, f, indent=2, ensure_ascii=False)
        f.write("\n")
    print(f"{filename:40} {len(cases):4}")
    return len(cases)
