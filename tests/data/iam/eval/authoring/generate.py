"""Writes tests/data/iam/eval/*.json from the case tables in this folder (see cases_lib.py)."""
import ops
import elements
import types_ as types
import resources
import forms
import aws_rules
from cases_lib import write

total = 0
total += write("operators-string.json", ops.string_cases())
total += write("operators-numeric.json", ops.numeric_cases())
total += write("operators-date.json", ops.date_cases())
total += write("operators-bool.json", ops.bool_cases())
total += write("operators-binary.json", ops.binary_cases())
total += write("operators-ip.json", ops.ip_cases())
total += write("operators-arn.json", ops.arn_cases())
total += write("operators-null.json", ops.null_cases())
total += write("operators-set.json", ops.set_cases())
total += write("operators-forms.json", forms.form_cases())
total += write("variables.json", elements.variables_cases())
total += write("wildcards.json", elements.wildcard_cases())
total += write("not-elements.json", elements.not_element_cases())
total += write("identity.json", types.identity_cases())
total += write("scp.json", types.scp_cases())
total += write("rcp.json", types.rcp_cases())
total += write("boundaries.json", types.boundary_cases())
total += write("sessions.json", types.session_cases())
total += write("resource-policies-same-account.json", resources.same_account_cases())
total += write("cross-account.json", resources.cross_account_cases())
total += write("principals.json", resources.principal_cases())
total += write("unknown-keys.json", resources.unknown_cases())
total += write("aws-rules.json", aws_rules.rule_cases())
total += write("endpoint-policies.json", aws_rules.endpoint_cases())
total += write("kms-key-policy.json", aws_rules.kms_cases())
total += write("resource-patterns.json", aws_rules.pattern_cases())
print(f"{'total':40} {total:4}")
