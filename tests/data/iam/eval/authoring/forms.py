"""Every operator in its IfExists and set-qualified forms (IAM User Guide: condition operators, IfExists,
multivalued context keys). For each base operator: a policy value, a request value for which the condition
is true, and one for which it is false (for negated operators "true" means the value is not listed)."""
from cases_lib import *

X = "2020-01-01T00:00:00Z"
TOPIC = f"arn:aws:sns:us-east-1:{ACCT}:t"
TABLE = [
    ("StringEquals", "a", "a", "b"),
    ("StringNotEquals", "a", "b", "a"),
    ("StringEqualsIgnoreCase", "A", "a", "b"),
    ("StringNotEqualsIgnoreCase", "A", "b", "a"),
    ("StringLike", "a*", "ab", "ba"),
    ("StringNotLike", "a*", "ba", "ab"),
    ("NumericEquals", "5", "5", "6"),
    ("NumericNotEquals", "5", "6", "5"),
    ("NumericLessThan", "5", "4", "5"),
    ("NumericLessThanEquals", "5", "5", "6"),
    ("NumericGreaterThan", "5", "6", "5"),
    ("NumericGreaterThanEquals", "5", "5", "4"),
    ("DateEquals", X, X, "2020-01-02T00:00:00Z"),
    ("DateNotEquals", X, "2020-01-02T00:00:00Z", X),
    ("DateLessThan", X, "2019-12-31T00:00:00Z", X),
    ("DateLessThanEquals", X, X, "2020-01-02T00:00:00Z"),
    ("DateGreaterThan", X, "2020-01-02T00:00:00Z", X),
    ("DateGreaterThanEquals", X, X, "2019-12-31T00:00:00Z"),
    ("Bool", "true", "true", "false"),
    ("BinaryEquals", "AQID", "AQID", "AAAA"),
    ("IpAddress", "10.0.0.0/8", "10.1.1.1", "192.0.2.1"),
    ("NotIpAddress", "10.0.0.0/8", "192.0.2.1", "10.1.1.1"),
    ("ArnEquals", TOPIC, TOPIC, f"arn:aws:sns:us-east-1:{ACCT}:u"),
    ("ArnLike", f"arn:aws:sns:*:{ACCT}:*", TOPIC, f"arn:aws:sqs:us-east-1:{ACCT}:t"),
    ("ArnNotEquals", TOPIC, f"arn:aws:sns:us-east-1:{ACCT}:u", TOPIC),
    ("ArnNotLike", f"arn:aws:sns:*:{ACCT}:*", f"arn:aws:sqs:us-east-1:{ACCT}:t", TOPIC),
]

IFE = DOC_OPS + "#Conditions_IfExists"
SET = DOC_MULTI


def form_cases():
    cases = []
    for op, value, yes, no in TABLE:
        key = "svc:Key"
        c = lambda name, form, request_value, matches, doc: cases.append(cond_case(name, form, key, value, request_value, matches, doc))
        c(f"{op}IfExists is true when the key is missing", op + "IfExists", MISSING, True, IFE)
        c(f"{op}IfExists compares a present key (condition true)", op + "IfExists", yes, True, IFE)
        c(f"{op}IfExists compares a present key (condition false)", op + "IfExists", no, False, IFE)
        c(f"ForAnyValue:{op} with one qualifying value", "ForAnyValue:" + op, [no, yes], True, SET)
        c(f"ForAnyValue:{op} with no qualifying value", "ForAnyValue:" + op, [no], False, SET)
        c(f"ForAnyValue:{op} is false when the key is missing", "ForAnyValue:" + op, MISSING, False, SET)
        c(f"ForAllValues:{op} with every value qualifying", "ForAllValues:" + op, [yes, yes], True, SET)
        c(f"ForAllValues:{op} with one value not qualifying", "ForAllValues:" + op, [yes, no], False, SET)
        c(f"ForAllValues:{op} is true when the key is missing", "ForAllValues:" + op, MISSING, True, SET)
    return cases
