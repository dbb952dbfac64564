from cases_lib import *

S = DOC_OPS + "#Conditions_String"
R = "aws:RequestedRegion"


def string_cases():
    c = cond_case
    return [
        c("StringEquals matches the exact value", "StringEquals", R, "us-east-1", "us-east-1", True, S),
        c("StringEquals is case-sensitive", "StringEquals", R, "us-east-1", "US-EAST-1", False, S),
        c("StringEquals with several values ORs them", "StringEquals", R, ["eu-west-1", "us-east-1"], "us-east-1", True, S),
        c("StringEquals fails when no value matches", "StringEquals", R, ["eu-west-1", "us-west-2"], "us-east-1", False, S),
        c("StringEquals is false when the key is missing", "StringEquals", R, "us-east-1", MISSING, False, DOC_NOTES + " §6 block semantics"),
        c("StringEquals treats an asterisk literally", "StringEquals", R, "us-*", "us-east-1", False, S),
        c("StringEquals matches a literal asterisk", "StringEquals", R, "us-*", "us-*", True, S),
        c("StringEquals matches an empty string", "StringEquals", "s3:prefix", "", "", True, S),
        c("StringEquals compares a JSON number policy value as text", "StringEquals", "s3:max-keys", 5, "5", True, S),
        c("StringNotEquals matches a different value", "StringNotEquals", R, "us-east-1", "eu-west-1", True, S),
        c("StringNotEquals fails on the same value", "StringNotEquals", R, "us-east-1", "us-east-1", False, S),
        c("StringNotEquals with several values is a NOR (value listed)", "StringNotEquals", R, ["eu-west-1", "us-east-1"], "us-east-1", False, DOC_NOTES + " §6 negated operators"),
        c("StringNotEquals with several values is a NOR (value not listed)", "StringNotEquals", R, ["eu-west-1", "us-east-1"], "ap-south-1", True, DOC_NOTES + " §6 negated operators"),
        c("StringNotEquals is true when the key is missing", "StringNotEquals", R, "us-east-1", MISSING, True, DOC_NOTES + " §6 missing key"),
        c("StringNotEquals is case-sensitive", "StringNotEquals", R, "us-east-1", "US-EAST-1", True, S),
        c("StringEqualsIgnoreCase ignores case", "StringEqualsIgnoreCase", R, "US-East-1", "us-east-1", True, S),
        c("StringEqualsIgnoreCase fails on another value", "StringEqualsIgnoreCase", R, "US-East-1", "us-east-2", False, S),
        c("StringEqualsIgnoreCase is false when missing", "StringEqualsIgnoreCase", R, "us-east-1", MISSING, False, S),
        c("StringNotEqualsIgnoreCase fails on a value differing only in case", "StringNotEqualsIgnoreCase", R, "US-EAST-1", "us-east-1", False, S),
        c("StringNotEqualsIgnoreCase matches another value", "StringNotEqualsIgnoreCase", R, "US-EAST-1", "eu-west-1", True, S),
        c("StringNotEqualsIgnoreCase is true when missing", "StringNotEqualsIgnoreCase", R, "US-EAST-1", MISSING, True, S),
        c("StringLike star matches across slashes", "StringLike", "s3:prefix", "home/alice/*", "home/alice/docs/a.txt", True, S),
        c("StringLike fails outside the pattern", "StringLike", "s3:prefix", "home/alice/*", "home/bob/x", False, S),
        c("StringLike question mark matches one character", "StringLike", "s3:prefix", "a?c", "abc", True, S),
        c("StringLike question mark does not match two characters", "StringLike", "s3:prefix", "a?c", "abbc", False, S),
        c("StringLike star matches the empty string", "StringLike", "s3:prefix", "*", "", True, S),
        c("StringLike is case-sensitive", "StringLike", "s3:prefix", "Home/*", "home/x", False, S),
        c("StringLike is false when missing", "StringLike", "s3:prefix", "home/*", MISSING, False, S),
        c("StringLike with a star in the middle", "StringLike", "s3:prefix", "logs/*/2024/*", "logs/app/2024/01.gz", True, S),
        c("StringNotLike matches outside the pattern", "StringNotLike", "s3:prefix", "home/alice/*", "home/bob/x", True, S),
        c("StringNotLike fails inside the pattern", "StringNotLike", "s3:prefix", "home/alice/*", "home/alice/x", False, S),
        c("StringNotLike with several patterns is a NOR", "StringNotLike", "s3:prefix", ["tmp/*", "home/*"], "home/x", False, DOC_NOTES + " §6 negated operators"),
        c("StringNotLike is true when missing", "StringNotLike", "s3:prefix", "home/*", MISSING, True, DOC_NOTES + " §6 missing key"),
        c("StringEqualsIfExists is true when missing", "StringEqualsIfExists", R, "us-east-1", MISSING, True, DOC_OPS + "#Conditions_IfExists"),
        c("StringEqualsIfExists still compares a present key (mismatch)", "StringEqualsIfExists", R, "us-east-1", "eu-west-1", False, DOC_OPS + "#Conditions_IfExists"),
        c("StringEqualsIfExists still compares a present key (match)", "StringEqualsIfExists", R, "us-east-1", "us-east-1", True, DOC_OPS + "#Conditions_IfExists"),
        c("StringLikeIfExists is true when missing", "StringLikeIfExists", "s3:prefix", "home/*", MISSING, True, DOC_OPS + "#Conditions_IfExists"),
        c("StringNotEqualsIfExists fails on a listed present value", "StringNotEqualsIfExists", R, "us-east-1", "us-east-1", False, DOC_OPS + "#Conditions_IfExists"),
        c("StringNotLikeIfExists is true when missing", "StringNotLikeIfExists", "s3:prefix", "home/*", MISSING, True, DOC_OPS + "#Conditions_IfExists"),
        c("StringEqualsIgnoreCaseIfExists is true when missing", "StringEqualsIgnoreCaseIfExists", R, "US-EAST-1", MISSING, True, DOC_OPS + "#Conditions_IfExists"),
        c("Condition key names are case-insensitive", "StringEquals", "AWS:RequestedRegion", "us-east-1", MISSING, True, DOC_NOTES + " §5", context={"aws:requestedregion": "us-east-1"}),
        c("Deny with StringNotEquals applies when the key is missing", "StringNotEquals", R, "us-east-1", MISSING, True, DOC_NOTES + " §6 missing key", effect="Deny"),
        c("Deny with StringNotEqualsIfExists applies when the key is missing", "StringNotEqualsIfExists", R, "us-east-1", MISSING, True, DOC_NOTES + " §6 IfExists with Deny", effect="Deny"),
        c("Deny with StringEquals does not apply when the key is missing", "StringEquals", R, "us-east-1", MISSING, False, DOC_NOTES + " §6 missing key", effect="Deny"),
        c("Deny with StringLike applies on a match", "StringLike", "s3:prefix", "secret/*", "secret/a", True, S, effect="Deny"),
        case("Keys under one operator are ANDed (both match)", DOC_OPS + " (evaluation of multiple keys)",
             inp(req(context={R: "us-east-1", "s3:prefix": "home/"}),
                 identity=[pol(stmt(condition={"StringEquals": {R: "us-east-1", "s3:prefix": "home/"}}))]), "Allowed"),
        case("Keys under one operator are ANDed (one fails)", DOC_OPS + " (evaluation of multiple keys)",
             inp(req(context={R: "us-east-1", "s3:prefix": "tmp/"}),
                 identity=[pol(stmt(condition={"StringEquals": {R: "us-east-1", "s3:prefix": "home/"}}))]), "ImplicitlyDenied"),
        case("Operators in one block are ANDed (both match)", DOC_OPS + " (evaluation of multiple operators)",
             inp(req(context={R: "us-east-1", "aws:SourceIp": "203.0.113.5"}),
                 identity=[pol(stmt(condition={"StringEquals": {R: "us-east-1"}, "IpAddress": {"aws:SourceIp": "203.0.113.0/24"}}))]), "Allowed"),
        case("Operators in one block are ANDed (one fails)", DOC_OPS + " (evaluation of multiple operators)",
             inp(req(context={R: "us-east-1", "aws:SourceIp": "198.51.100.5"}),
                 identity=[pol(stmt(condition={"StringEquals": {R: "us-east-1"}, "IpAddress": {"aws:SourceIp": "203.0.113.0/24"}}))]), "ImplicitlyDenied"),
    ]


N = DOC_OPS + "#Conditions_Numeric"
K = "s3:max-keys"


def numeric_cases():
    c = cond_case
    return [
        c("NumericEquals matches an equal integer", "NumericEquals", K, "10", "10", True, N),
        c("NumericEquals compares numbers, not text", "NumericEquals", K, "10", "10.0", True, N),
        c("NumericEquals fails on another number", "NumericEquals", K, "10", "11", False, N),
        c("NumericEquals accepts a JSON number in the policy", "NumericEquals", K, 10, "10", True, N),
        c("NumericEquals is false for a non-numeric request value", "NumericEquals", K, "10", "ten", False, N),
        c("NumericEquals is false when missing", "NumericEquals", K, "10", MISSING, False, N),
        c("NumericNotEquals matches another number", "NumericNotEquals", K, "10", "11", True, N),
        c("NumericNotEquals with several values is a NOR", "NumericNotEquals", K, ["10", "11"], "11", False, DOC_NOTES + " §6 negated operators"),
        c("NumericNotEquals is true when missing", "NumericNotEquals", K, "10", MISSING, True, DOC_NOTES + " §6 missing key"),
        c("NumericLessThan matches a smaller value", "NumericLessThan", K, "10", "9", True, N),
        c("NumericLessThan fails on an equal value", "NumericLessThan", K, "10", "10", False, N),
        c("NumericLessThanEquals matches an equal value", "NumericLessThanEquals", K, "10", "10", True, N),
        c("NumericLessThanEquals fails on a larger decimal", "NumericLessThanEquals", K, "10", "10.5", False, N),
        c("NumericGreaterThan matches a larger value", "NumericGreaterThan", K, "10", "11", True, N),
        c("NumericGreaterThan fails on an equal value", "NumericGreaterThan", K, "10", "10", False, N),
        c("NumericGreaterThanEquals matches an equal value", "NumericGreaterThanEquals", K, "10", "10", True, N),
        c("NumericGreaterThanEquals fails on a smaller decimal", "NumericGreaterThanEquals", K, "10", "9.99", False, N),
        c("Numeric operators accept decimals", "NumericLessThan", K, "0.5", "0.25", True, N),
        c("Numeric operators accept negative numbers", "NumericLessThan", K, "-1", "-5", True, N),
        c("NumericLessThan is false when missing", "NumericLessThan", K, "10", MISSING, False, N),
        c("NumericLessThanIfExists is true when missing", "NumericLessThanIfExists", K, "10", MISSING, True, DOC_OPS + "#Conditions_IfExists"),
        c("NumericLessThanIfExists compares a present value", "NumericLessThanIfExists", K, "10", "20", False, DOC_OPS + "#Conditions_IfExists"),
        c("NumericLessThan on aws:MultiFactorAuthAge within an hour", "NumericLessThan", "aws:MultiFactorAuthAge", "3600", "300", True,
          "IAM User Guide, reference_policies_condition-keys#condition-keys-multifactorauthage"),
        c("Deny NumericGreaterThan on an old MFA authentication", "NumericGreaterThan", "aws:MultiFactorAuthAge", "3600", "7200", True,
          "IAM User Guide, reference_policies_condition-keys#condition-keys-multifactorauthage", effect="Deny"),
        c("NumericGreaterThanEqualsIfExists is true when missing", "NumericGreaterThanEqualsIfExists", K, "1", MISSING, True, DOC_OPS + "#Conditions_IfExists"),
    ]


D = DOC_OPS + "#Conditions_Date"
T = "aws:CurrentTime"


def date_cases():
    c = cond_case
    return [
        c("DateGreaterThan matches a later time", "DateGreaterThan", T, "2020-01-01T00:00:00Z", "2021-06-01T00:00:00Z", True, D),
        c("DateGreaterThan fails on an earlier time", "DateGreaterThan", T, "2020-01-01T00:00:00Z", "2019-12-31T23:59:59Z", False, D),
        c("DateLessThan matches an earlier time", "DateLessThan", T, "2020-01-01T00:00:00Z", "2019-06-01T00:00:00Z", True, D),
        c("DateLessThan fails on the same instant", "DateLessThan", T, "2020-01-01T00:00:00Z", "2020-01-01T00:00:00Z", False, D),
        c("DateLessThanEquals matches the same instant", "DateLessThanEquals", T, "2020-01-01T00:00:00Z", "2020-01-01T00:00:00Z", True, D),
        c("DateGreaterThanEquals matches the same instant", "DateGreaterThanEquals", T, "2020-01-01T00:00:00Z", "2020-01-01T00:00:00Z", True, D),
        c("DateEquals compares instants across offsets", "DateEquals", T, "2020-01-01T00:00:00Z", "2020-01-01T01:00:00+01:00", True, D),
        c("DateNotEquals matches another instant", "DateNotEquals", T, "2020-01-01T00:00:00Z", "2020-01-02T00:00:00Z", True, D),
        c("DateNotEquals fails on the same instant", "DateNotEquals", T, "2020-01-01T00:00:00Z", "2020-01-01T00:00:00Z", False, D),
        c("Date operators accept epoch seconds in the policy", "DateGreaterThan", T, "1577836800", "2020-06-01T00:00:00Z", True, D),
        c("Date operators accept epoch seconds in the request", "DateLessThan", "aws:EpochTime", "2021-01-01T00:00:00Z", "1600000000", True, D),
        c("Date operators accept a date without time", "DateGreaterThanEquals", T, "2020-01-01", "2020-01-01T00:00:00Z", True, D),
        c("Date operators compare fractional seconds", "DateLessThan", T, "2020-01-01T00:00:00.500Z", "2020-01-01T00:00:00.250Z", True, D),
        c("DateLessThan is false when missing", "DateLessThan", T, "2020-01-01T00:00:00Z", MISSING, False, D),
        c("DateLessThanIfExists is true when missing", "DateLessThanIfExists", T, "2020-01-01T00:00:00Z", MISSING, True, DOC_OPS + "#Conditions_IfExists"),
        c("DateNotEquals is true when missing", "DateNotEquals", T, "2020-01-01T00:00:00Z", MISSING, True, DOC_NOTES + " §6 missing key"),
        c("Date operators are false for an unparsable request value", "DateGreaterThan", T, "2020-01-01T00:00:00Z", "yesterday", False, D),
        c("Deny DateLessThan on aws:TokenIssueTime revokes older sessions", "DateLessThan", "aws:TokenIssueTime", "2024-05-01T12:00:00Z", "2024-05-01T11:00:00Z", True,
          "IAM User Guide, id_roles_use_revoke-sessions", effect="Deny", principal=SESSION),
        c("Deny DateLessThan on aws:TokenIssueTime spares newer sessions", "DateLessThan", "aws:TokenIssueTime", "2024-05-01T12:00:00Z", "2024-05-01T13:00:00Z", False,
          "IAM User Guide, id_roles_use_revoke-sessions", effect="Deny", principal=SESSION),
    ]


B = DOC_OPS + "#Conditions_Boolean"


def bool_cases():
    c = cond_case
    mfa = "IAM User Guide, reference_policies_condition-keys#condition-keys-multifactorauthpresent"
    return [
        c("Bool true matches true", "Bool", "aws:SecureTransport", "true", "true", True, B),
        c("Bool true fails on false", "Bool", "aws:SecureTransport", "true", "false", False, B),
        c("Bool accepts a JSON boolean in the policy", "Bool", "aws:SecureTransport", True, "true", True, B),
        c("Bool false matches false", "Bool", "aws:SecureTransport", "false", "false", True, B),
        c("Bool is false when missing", "Bool", "aws:SecureTransport", "true", MISSING, False, B),
        c("BoolIfExists is true when missing", "BoolIfExists", "aws:MultiFactorAuthPresent", "true", MISSING, True, DOC_OPS + "#Conditions_IfExists"),
        c("Deny Bool SecureTransport false denies plain HTTP", "Bool", "aws:SecureTransport", "false", "false", True,
          "Amazon S3 User Guide, example bucket policies (HTTPS only)", effect="Deny"),
        c("Deny Bool SecureTransport false spares HTTPS", "Bool", "aws:SecureTransport", "false", "true", False,
          "Amazon S3 User Guide, example bucket policies (HTTPS only)", effect="Deny"),
        c("Deny BoolIfExists MFA false denies long-term keys without the key", "BoolIfExists", "aws:MultiFactorAuthPresent", "false", MISSING, True, mfa, effect="Deny"),
        c("Deny Bool MFA false does not apply when the key is missing", "Bool", "aws:MultiFactorAuthPresent", "false", MISSING, False, mfa, effect="Deny"),
        c("Bool with a JSON false in the policy", "Bool", "aws:ViaAWSService", False, "false", True, B),
    ]


BIN = DOC_OPS + "#Conditions_BinaryEquals"


def binary_cases():
    c = cond_case
    return [
        c("BinaryEquals matches equal base-64 bytes", "BinaryEquals", "key", "QmluYXJ5VmFsdWVJbkJhc2U2NA==", "QmluYXJ5VmFsdWVJbkJhc2U2NA==", True, BIN),
        c("BinaryEquals fails on other bytes", "BinaryEquals", "key", "QmluYXJ5VmFsdWVJbkJhc2U2NA==", "AQID", False, BIN),
        c("BinaryEquals with several values ORs them", "BinaryEquals", "key", ["AAEC", "AQID"], "AQID", True, BIN),
        c("BinaryEquals is false when missing", "BinaryEquals", "key", "AQID", MISSING, False, BIN),
        c("BinaryEqualsIfExists is true when missing", "BinaryEqualsIfExists", "key", "AQID", MISSING, True, DOC_OPS + "#Conditions_IfExists"),
    ]


IP = DOC_OPS + "#Conditions_IPAddress"
SIP = "aws:SourceIp"


def ip_cases():
    c = cond_case
    return [
        c("IpAddress matches an address inside the CIDR", "IpAddress", SIP, "203.0.113.0/24", "203.0.113.10", True, IP),
        c("IpAddress fails outside the CIDR", "IpAddress", SIP, "203.0.113.0/24", "198.51.100.1", False, IP),
        c("IpAddress bare address is a /32 (match)", "IpAddress", SIP, "203.0.113.10", "203.0.113.10", True, IP),
        c("IpAddress bare address is a /32 (mismatch)", "IpAddress", SIP, "203.0.113.10", "203.0.113.11", False, IP),
        c("IpAddress matches IPv6 inside the prefix", "IpAddress", SIP, "2001:DB8:1234:5678::/64", "2001:db8:1234:5678::abcd", True, IP),
        c("IpAddress fails IPv6 outside the prefix", "IpAddress", SIP, "2001:DB8:1234:5678::/64", "2001:db8:1234:5679::1", False, IP),
        c("IpAddress IPv4 range does not match an IPv6 address", "IpAddress", SIP, "203.0.113.0/24", "2001:db8::1", False, IP),
        c("IpAddress with several ranges ORs them", "IpAddress", SIP, ["203.0.113.0/24", "198.51.100.0/24"], "198.51.100.7", True, IP),
        c("IpAddress 0.0.0.0/0 matches every IPv4 address", "IpAddress", SIP, "0.0.0.0/0", "192.0.2.1", True, IP),
        c("IpAddress is false for a service host name", "IpAddress", SIP, "203.0.113.0/24", "cloudformation.amazonaws.com", False, DOC_NOTES + " CloudTrail replay table"),
        c("IpAddress is false when missing", "IpAddress", SIP, "203.0.113.0/24", MISSING, False, IP),
        c("IpAddressIfExists is true when missing", "IpAddressIfExists", SIP, "203.0.113.0/24", MISSING, True, DOC_OPS + "#Conditions_IfExists"),
        c("NotIpAddress matches outside the range", "NotIpAddress", SIP, "203.0.113.0/24", "198.51.100.1", True, IP),
        c("NotIpAddress fails inside the range", "NotIpAddress", SIP, "203.0.113.0/24", "203.0.113.1", False, IP),
        c("NotIpAddress with several ranges is a NOR", "NotIpAddress", SIP, ["203.0.113.0/24", "198.51.100.0/24"], "198.51.100.7", False, DOC_NOTES + " §6 negated operators"),
        c("NotIpAddress is true when missing", "NotIpAddress", SIP, "203.0.113.0/24", MISSING, True, DOC_NOTES + " §6 missing key"),
        c("Deny NotIpAddress applies to calls through a VPC endpoint (no aws:SourceIp)", "NotIpAddress", SIP, "203.0.113.0/24", MISSING, True,
          "IAM User Guide, reference_policies_condition-keys#condition-keys-sourceip", effect="Deny", context={"aws:SourceVpce": "vpce-1a2b3c4d"}),
        c("Deny NotIpAddress spares the corporate range", "NotIpAddress", SIP, "203.0.113.0/24", "203.0.113.99", False,
          "IAM User Guide, reference_policies_examples_aws_deny-ip", effect="Deny"),
    ]


A = DOC_OPS + "#Conditions_ARN"
SA = "aws:SourceArn"


def arn_cases():
    c = cond_case
    topic = f"arn:aws:sns:us-east-1:{ACCT}:topic-a"
    return [
        c("ArnEquals matches the same ARN", "ArnEquals", SA, topic, topic, True, A),
        c("ArnLike matches wildcards in segments", "ArnLike", SA, f"arn:aws:sns:*:{ACCT}:topic-*", topic, True, A),
        c("ArnEquals accepts wildcards like ArnLike", "ArnEquals", SA, f"arn:aws:sns:*:{ACCT}:*", topic, True, A),
        c("ArnLike region wildcard does not swallow colons", "ArnLike", SA, "arn:aws:svc:*:111:finance/*", "arn:aws:svc:us:east:111:finance/x", False, DOC_NOTES + " §6 ARN operators"),
        c("StringLike region wildcard does swallow colons", "StringLike", SA, "arn:aws:svc:*:111:finance/*", "arn:aws:svc:us:east:111:finance/x", True, DOC_NOTES + " §6 ARN operators"),
        c("ArnLike star in the resource part spans colons", "ArnLike", SA, f"arn:aws:logs:us-east-1:{ACCT}:log-group:*",
          f"arn:aws:logs:us-east-1:{ACCT}:log-group:/aws/lambda/f:log-stream:x", True, A),
        c("ArnLike is case-sensitive", "ArnLike", SA, "arn:aws:s3:::Bucket", "arn:aws:s3:::bucket", False, A),
        c("ArnLike fails on another account", "ArnLike", SA, f"arn:aws:sns:*:{ACCT}:*", f"arn:aws:sns:us-east-1:{OTHER}:topic-a", False, A),
        c("ArnNotEquals matches another ARN", "ArnNotEquals", SA, topic, f"arn:aws:sns:us-east-1:{ACCT}:topic-b", True, A),
        c("ArnNotEquals fails on the same ARN", "ArnNotEquals", SA, topic, topic, False, A),
        c("ArnNotLike fails inside the pattern", "ArnNotLike", SA, f"arn:aws:sns:*:{ACCT}:*", topic, False, A),
        c("ArnNotLike matches outside the pattern", "ArnNotLike", SA, f"arn:aws:sns:*:{OTHER}:*", topic, True, A),
        c("ArnNotLike is true when missing", "ArnNotLike", SA, f"arn:aws:sns:*:{ACCT}:*", MISSING, True, DOC_NOTES + " §6 missing key"),
        c("ArnLike is false when missing", "ArnLike", SA, f"arn:aws:sns:*:{ACCT}:*", MISSING, False, A),
        c("ArnLikeIfExists is true when missing", "ArnLikeIfExists", SA, f"arn:aws:sns:*:{ACCT}:*", MISSING, True, DOC_OPS + "#Conditions_IfExists"),
        c("ArnLike is false for a value that is not an ARN", "ArnLike", SA, "arn:aws:sns:*:*:*", "not-an-arn", False, A),
        c("ArnLike with several patterns ORs them", "ArnLike", SA, [f"arn:aws:sqs:*:{ACCT}:*", f"arn:aws:sns:*:{ACCT}:*"], topic, True, A),
        c("ArnLike on aws:PrincipalArn matches the role of a session", "ArnLike", "aws:PrincipalArn", f"arn:aws:iam::{ACCT}:role/app-*", MISSING, True,
          "IAM User Guide, reference_policies_condition-keys#condition-keys-principalarn", principal=SESSION),
        c("ArnEquals on aws:PrincipalArn does not match the session ARN", "ArnEquals", "aws:PrincipalArn", SESSION, MISSING, False,
          "IAM User Guide, reference_policies_condition-keys#condition-keys-principalarn", principal=SESSION),
    ]


NL = DOC_OPS + "#Conditions_Null"


def null_cases():
    c = cond_case
    return [
        c("Null true matches a missing key", "Null", "aws:TokenIssueTime", "true", MISSING, True, NL),
        c("Null true fails on a present key", "Null", "aws:TokenIssueTime", "true", "2024-01-01T00:00:00Z", False, NL),
        c("Null false matches a present key", "Null", "aws:TokenIssueTime", "false", "2024-01-01T00:00:00Z", True, NL),
        c("Null false fails on a missing key", "Null", "aws:TokenIssueTime", "false", MISSING, False, NL),
        c("Null accepts a JSON boolean", "Null", "aws:TokenIssueTime", True, MISSING, True, NL),
        c("Deny Null TokenIssueTime true denies long-term credentials", "Null", "aws:TokenIssueTime", "true", MISSING, True, NL, effect="Deny"),
        c("Deny Null TokenIssueTime true spares temporary credentials", "Null", "aws:TokenIssueTime", "true", "2024-01-01T00:00:00Z", False, NL, effect="Deny", principal=SESSION),
        c("Null false on a tag key requires the tag", "Null", "aws:RequestTag/team", "false", "blue", True, NL),
    ]


def set_cases():
    c = cond_case
    TK = "aws:TagKeys"
    M = DOC_MULTI
    return [
        c("ForAllValues matches when every value is listed", "ForAllValues:StringEquals", TK, ["a", "b"], ["a"], True, M),
        c("ForAllValues fails when a value is not listed", "ForAllValues:StringEquals", TK, ["a", "b"], ["a", "c"], False, M),
        c("ForAllValues is true for an empty set", "ForAllValues:StringEquals", TK, ["a", "b"], [], True, M),
        c("ForAllValues is true when the key is missing", "ForAllValues:StringEquals", TK, ["a", "b"], MISSING, True, M),
        c("ForAnyValue matches when one value is listed", "ForAnyValue:StringEquals", TK, ["a", "b"], ["c", "a"], True, M),
        c("ForAnyValue fails when no value is listed", "ForAnyValue:StringEquals", TK, ["a", "b"], ["c"], False, M),
        c("ForAnyValue is false when the key is missing", "ForAnyValue:StringEquals", TK, ["a", "b"], MISSING, False, M),
        c("ForAnyValue is false for an empty set", "ForAnyValue:StringEquals", TK, ["a", "b"], [], False, M),
        c("ForAllValues:StringNotEquals matches when no value is listed", "ForAllValues:StringNotEquals", TK, ["a"], ["b", "c"], True, M),
        c("ForAllValues:StringNotEquals fails when a value is listed", "ForAllValues:StringNotEquals", TK, ["a"], ["a", "b"], False, M),
        c("ForAnyValue:StringNotEquals matches when one value is outside the list", "ForAnyValue:StringNotEquals", TK, ["a"], ["a", "b"], True, M),
        c("ForAnyValue:StringNotEquals fails when every value is listed", "ForAnyValue:StringNotEquals", TK, ["a"], ["a"], False, M),
        c("ForAllValues:StringLike matches every value against patterns", "ForAllValues:StringLike", TK, ["team-*"], ["team-a", "team-b"], True, M),
        c("ForAllValues:StringLike fails on one unmatched value", "ForAllValues:StringLike", TK, ["team-*"], ["team-a", "other"], False, M),
        c("ForAnyValue:StringLike matches one value", "ForAnyValue:StringLike", TK, ["*dev*"], ["prod", "mydevbox"], True, M),
        c("ForAllValues treats a single-valued key as a one-element set", "ForAllValues:StringEquals", "aws:RequestedRegion", ["us-east-1"], "us-east-1", True, DOC_NOTES + " §6 set operators"),
        c("ForAnyValue treats a single-valued key as a one-element set", "ForAnyValue:StringEquals", "aws:RequestedRegion", ["us-east-1"], "us-east-1", True, DOC_NOTES + " §6 set operators"),
        c("ForAllValues IfExists is true when missing", "ForAllValues:StringEqualsIfExists", TK, ["a"], MISSING, True, M),
        c("ForAnyValue IfExists is true when missing", "ForAnyValue:StringEqualsIfExists", TK, ["a"], MISSING, True, M),
        c("Deny ForAnyValue on a forbidden tag key", "ForAnyValue:StringEquals", TK, ["secret"], ["env", "secret"], True, M, effect="Deny"),
        c("Deny ForAllValues:StringNotEquals does not apply when one key is listed", "ForAllValues:StringNotEquals", TK, ["env", "team"], ["env", "cost"], False, M, effect="Deny"),
        c("ForAllValues:StringEqualsIgnoreCase ignores case in each value", "ForAllValues:StringEqualsIgnoreCase", TK, ["Env"], ["env", "ENV"], True, M),
        c("ForAnyValue:StringLike on aws:PrincipalOrgPaths", "ForAnyValue:StringLike", "aws:PrincipalOrgPaths", ["o-a1b2c3d4e5/r-ab12/ou-ab12-11111111/*"],
          ["o-a1b2c3d4e5/r-ab12/ou-ab12-11111111/ou-ab12-22222222/"], True, "IAM User Guide, reference_policies_condition-keys#condition-keys-principalorgpaths"),
        c("ForAnyValue:NumericLessThan matches one small value", "ForAnyValue:NumericLessThan", "svc:Sizes", "10", ["5", "20"], True, M),
        c("ForAllValues:NumericLessThan fails on one large value", "ForAllValues:NumericLessThan", "svc:Sizes", "10", ["5", "20"], False, M),
        c("ForAnyValue:ArnLike matches one ARN", "ForAnyValue:ArnLike", "svc:Arns", f"arn:aws:sns:*:{ACCT}:*", [f"arn:aws:sqs:us-east-1:{ACCT}:q", f"arn:aws:sns:us-east-1:{ACCT}:t"], True, M),
        c("ForAnyValue:IpAddress matches one address", "ForAnyValue:IpAddress", "svc:Addresses", "10.0.0.0/8", ["192.0.2.1", "10.1.2.3"], True, M),
        c("A plain operator never matches a multivalued key", "StringEquals", TK, "a", ["a"], False, DOC_NOTES + " §6 (iam-simulate, re:Inforce 2025 IAM431)"),
        c("A plain negated operator never matches a multivalued key", "StringNotEquals", TK, "a", ["b"], False, DOC_NOTES + " §6 (iam-simulate, re:Inforce 2025 IAM431)"),
        c("ForAllValues with duplicate request values", "ForAllValues:StringEquals", TK, ["a"], ["a", "a"], True, M),
    ]
