"""Prints evaluator case counts per file, per policy type and per condition operator (tests/data/iam/eval/*.json).

A case counts once for each policy type present in its input and once for each operator form used in any of
its policies (e.g. "StringNotEqualsIfExists" counts for the form and for the base operator StringNotEquals).
"""
import collections
import glob
import json
import os

here = os.path.dirname(os.path.abspath(__file__))
files = sorted(glob.glob(os.path.join(here, "..", "*.json")))
per_file = {}
per_type = collections.Counter()
per_base = collections.Counter()
per_form = collections.Counter()
per_decision = collections.Counter()
TYPES = ["identityPolicies", "permissionBoundaries", "sessionPolicy", "resourcePolicy", "serviceControlPolicies", "resourceControlPolicies"]


def policies(inp):
    for t in TYPES:
        v = inp.get(t)
        if v is None:
            continue
        if t in ("sessionPolicy", "resourcePolicy"):
            yield v
        elif t in ("serviceControlPolicies", "resourceControlPolicies"):
            for level in v:
                yield from level
        else:
            yield from v


def operators(policy):
    st = policy["Statement"]
    for s in st if isinstance(st, list) else [st]:
        for op in s.get("Condition", {}):
            yield op


total = 0
for f in files:
    cases = json.load(open(f))
    per_file[os.path.basename(f)] = len(cases)
    for c in cases:
        total += 1
        inp = c["input"]
        per_decision[c["expect"]["decision"]] += 1
        for t in TYPES:
            if inp.get(t) not in (None, [], [[]]):
                per_type[t] += 1
        forms = set()
        for p in policies(inp):
            forms.update(operators(p))
        bases = set()
        for form in forms:
            per_form[form] += 1
            base = form.split(":")[-1]
            if base.endswith("IfExists"):
                base = base[: -len("IfExists")]
            bases.add(base)
        for b in bases:
            per_base[b] += 1

print("| file | cases |\n|---|---|")
for k, v in per_file.items():
    print(f"| {k} | {v} |")
print(f"| **total** | **{total}** |\n")
print("| policy type present | cases |\n|---|---|")
for t in TYPES:
    print(f"| {t} | {per_type[t]} |")
print("\n| decision | cases |\n|---|---|")
for k, v in sorted(per_decision.items()):
    print(f"| {k} | {v} |")
print("\n| base operator | cases |\n|---|---|")
for k, v in sorted(per_base.items()):
    print(f"| {k} | {v} |")
print("\n| operator form (IfExists / set) | cases |\n|---|---|")
for k, v in sorted(per_form.items()):
    if k.endswith("IfExists") or ":" in k:
        print(f"| {k} | {v} |")
