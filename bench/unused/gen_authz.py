#!/usr/bin/env python3
"""Writes an `aws iam get-account-authorization-details` page for the `unused` benchmark (docs/benchmarks.md).

    bench/unused/gen_authz.py [--roles 1000] [--policies 2000] [--seed 42] [--account 123456789012] > authz.json

The account of tools/TrailGen's synthetic trail: its 23 users and 13 roles (so the trail's calls are judged) plus
generated roles up to --roles, and --policies customer managed policies (two per role, a few shared by users), with
inline policies, a few permissions boundaries and instance profiles. Statements are in realistic shapes: service
wildcards (s3:*, ec2:Describe*), action lists, resource ARNs with wildcards, NotAction, and conditions on
aws:RequestedRegion, aws:SourceIp and (for one role of the trail, so the deferred path is measured) ec2:ResourceTag.
Documents are JSON objects, as the AWS CLI prints them. Deterministic for a seed.
"""
import argparse
import json
import random
import sys

USERS = ["alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi", "ivan", "judy", "mallory", "niaj",
         "olivia", "peggy", "rupert", "sybil", "trent", "victor", "walter", "yasmin", "terraform", "ci-deployer", "backup-bot"]
TRAIL_ROLES = ["app-api-role", "etl-reader-lambda-role", "ops-inventory-collector", "EMR_EC2_DefaultRole", "orders-service-task-role",
               "AWSReservedSSO_AdministratorAccess_4f1d2c3b5a697e80", "AWSReservedSSO_ReadOnly_8e7d6c5b4a392817", "github-actions-deploy",
               "datadog-integration-role", "image-resizer-lambda-role", "reporting-batch-role", "OrganizationAccountAccessRole",
               "EMR_DefaultRole_Restricted"]
BUCKETS = ["acme-raw-events", "acme-curated", "acme-emr-logs", "acme-static-assets", "acme-backups", "acme-athena-results"]
SHAPES = [
    (["s3:GetObject", "s3:PutObject", "s3:ListBucket"], "bucket"),
    (["s3:*"], "bucket"),
    (["ec2:Describe*"], "*"),
    (["ec2:RunInstances", "ec2:CreateTags", "ec2:TerminateInstances"], "*"),
    (["sqs:*"], "queue"),
    (["kms:Decrypt", "kms:GenerateDataKey", "kms:Encrypt"], "key"),
    (["lambda:InvokeFunction", "lambda:GetFunction"], "function"),
    (["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"], "log"),
    (["iam:Get*", "iam:List*"], "*"),
    (["sts:AssumeRole"], "role"),
    (["cloudwatch:PutMetricData", "cloudwatch:GetMetricData"], "*"),
    (["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query"], "table"),
    (["sns:Publish"], "topic"),
    (["secretsmanager:GetSecretValue"], "secret"),
]


def resource(kind, rng, account):
    region = rng.choice(["us-east-1", "eu-west-1", "*"])
    if kind == "bucket":
        b = rng.choice(BUCKETS)
        return [f"arn:aws:s3:::{b}", f"arn:aws:s3:::{b}/*"]
    if kind == "queue":
        return [f"arn:aws:sqs:{region}:{account}:{rng.choice(['AWS-ElasticMapReduce-*', 'orders-*', 'jobs'])}"]
    if kind == "key":
        return [f"arn:aws:kms:{region}:{account}:key/*"]
    if kind == "function":
        return [f"arn:aws:lambda:{region}:{account}:function:{rng.choice(['etl-reader', 'image-resizer', '*'])}"]
    if kind == "log":
        return [f"arn:aws:logs:{region}:{account}:log-group:/aws/lambda/*"]
    if kind == "role":
        return [f"arn:aws:iam::{account}:role/{rng.choice(TRAIL_ROLES)}"]
    if kind == "table":
        return [f"arn:aws:dynamodb:{region}:{account}:table/{rng.choice(['orders', 'sessions', '*'])}"]
    if kind == "topic":
        return [f"arn:aws:sns:{region}:{account}:alerts"]
    if kind == "secret":
        return [f"arn:aws:secretsmanager:{region}:{account}:secret:app/*"]
    return ["*"]


def statement(rng, account, sid, tag_condition=False):
    actions, kind = rng.choice(SHAPES)
    s = {"Sid": sid, "Effect": "Allow", "Action": actions if len(actions) > 1 else actions[0], "Resource": resource(kind, rng, account)}
    roll = rng.random()
    if tag_condition:
        s["Action"] = ["ec2:Describe*", "ec2:StartInstances", "ec2:StopInstances", "ec2:CreateTags"]
        s["Resource"] = "*"
        s["Condition"] = {"StringEqualsIfExists": {"ec2:ResourceTag/team": "ops"}}
    elif roll < 0.15:
        s["Condition"] = {"StringEquals": {"aws:RequestedRegion": ["us-east-1", "eu-west-1"]}}
    elif roll < 0.20:
        s["Condition"] = {"IpAddress": {"aws:SourceIp": ["198.51.100.0/24", "203.0.113.0/24"]}}
    elif roll < 0.23:
        s = {"Sid": sid, "Effect": "Deny", "NotAction": ["iam:*", "sts:*"], "Resource": "*",
             "Condition": {"StringNotEquals": {"aws:RequestedRegion": ["us-east-1", "eu-west-1"]}}}
    return s


def document(rng, account, prefix, n, tag_condition=False):
    return {"Version": "2012-10-17",
            "Statement": [statement(rng, account, f"{prefix}{i}", tag_condition and i == 0) for i in range(n)]}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--roles", type=int, default=1000)
    ap.add_argument("--policies", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--account", default="123456789012")
    a = ap.parse_args()
    rng = random.Random(a.seed)
    acct = a.account
    names = TRAIL_ROLES + [f"svc-{i:04d}-role" for i in range(max(0, a.roles - len(TRAIL_ROLES)))]
    names = names[:a.roles]
    policies = []
    for i in range(a.policies):
        tag = i == 2 * names.index("ops-inventory-collector") if "ops-inventory-collector" in names else False
        policies.append({
            "PolicyName": f"managed-{i:04d}", "PolicyId": f"ANPA{i:016d}", "Arn": f"arn:aws:iam::{acct}:policy/managed-{i:04d}",
            "Path": "/", "DefaultVersionId": "v2", "AttachmentCount": 1, "PermissionsBoundaryUsageCount": 0, "IsAttachable": True,
            "CreateDate": "2024-01-01T00:00:00Z", "UpdateDate": "2024-06-01T00:00:00Z",
            "PolicyVersionList": [
                {"Document": document(rng, acct, "V2S", rng.randint(2, 6), tag), "VersionId": "v2", "IsDefaultVersion": True, "CreateDate": "2024-06-01T00:00:00Z"},
                {"Document": document(rng, acct, "V1S", 2), "VersionId": "v1", "IsDefaultVersion": False, "CreateDate": "2024-01-01T00:00:00Z"},
            ]})
    boundary = policies[-1]["Arn"]
    roles = []
    for i, name in enumerate(names):
        attached = [{"PolicyName": p["PolicyName"], "PolicyArn": p["Arn"]}
                    for p in policies[2 * i:2 * i + 2]] if 2 * i + 1 < len(policies) else []
        role = {"Path": "/", "RoleName": name, "RoleId": f"AROA{i:017d}", "Arn": f"arn:aws:iam::{acct}:role/{name}",
                "CreateDate": "2024-01-01T00:00:00Z",
                "AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]},
                "InstanceProfileList": [], "RolePolicyList": [{"PolicyName": "inline", "PolicyDocument": document(rng, acct, "I", rng.randint(1, 3))}],
                "AttachedManagedPolicies": attached, "Tags": []}
        if name == "EMR_EC2_DefaultRole":
            role["InstanceProfileList"] = [{"Path": "/", "InstanceProfileName": name, "InstanceProfileId": "AIPA0000000000000001",
                                            "Arn": f"arn:aws:iam::{acct}:instance-profile/{name}", "CreateDate": "2024-01-01T00:00:00Z",
                                            "Roles": [{"Path": "/", "RoleName": name, "RoleId": f"AROA{i:017d}", "Arn": role["Arn"], "CreateDate": "2024-01-01T00:00:00Z"}]}]
        if i % 50 == 49:
            role["PermissionsBoundary"] = {"PermissionsBoundaryType": "Policy", "PermissionsBoundaryArn": boundary}
        roles.append(role)
    users = [{"Path": "/", "UserName": u, "UserId": f"AIDA{i:017d}", "Arn": f"arn:aws:iam::{acct}:user/{u}", "CreateDate": "2024-01-01T00:00:00Z",
              "UserPolicyList": [{"PolicyName": "inline", "PolicyDocument": document(rng, acct, "U", 2)}], "GroupList": ["engineers"],
              "AttachedManagedPolicies": [{"PolicyName": policies[i]["PolicyName"], "PolicyArn": policies[i]["Arn"]}], "Tags": []}
             for i, u in enumerate(USERS)]
    groups = [{"Path": "/", "GroupName": "engineers", "GroupId": "AGPA00000000000000001", "Arn": f"arn:aws:iam::{acct}:group/engineers",
               "CreateDate": "2024-01-01T00:00:00Z", "GroupPolicyList": [{"PolicyName": "read", "PolicyDocument": document(rng, acct, "G", 2)}],
               "AttachedManagedPolicies": []}]
    json.dump({"UserDetailList": users, "GroupDetailList": groups, "RoleDetailList": roles, "Policies": policies, "IsTruncated": False},
              sys.stdout, separators=(",", ":"))
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
