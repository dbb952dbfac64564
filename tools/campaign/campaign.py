#!/usr/bin/env python3
"""Adversarial campaign against the trailsift binary (issue #12's kinds, new cases generated at run time).

Usage: tools/campaign/campaign.py [--binary PATH] [--seed N] [--scale F] [--jobs N] [--kinds a,b] [--out DIR]

Every case is generated here (nothing large is committed), run once against the binary (the Native AOT build by
default, .work/aot/trailsift, built by ./trailsift) with a time limit, and classified against what it must do:
its exit code, its stderr (every problem as `trailsift: <path>: <reason>`; no stack trace, no "Unhandled exception"),
the records that must survive, and a time bound. A case that breaks one of these is a finding. The summary (cases,
kinds, findings per kind) is printed and written with every finding's reproduction to OUT/summary.json
(default .work/campaign). Exit code 0 when there is no finding, 1 otherwise.
"""
import argparse
import concurrent.futures
import gzip
import json
import os
import random
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import time
import zlib

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


# ---------------------------------------------------------------- fixtures

def event(i, **extra):
    e = {
        "eventVersion": "1.08",
        "eventTime": "2024-06-03T%02d:%02d:%02dZ" % (i // 3600 % 24, i // 60 % 60, i % 60),
        "eventSource": "s3.amazonaws.com",
        "eventName": ["GetObject", "PutObject", "ListBucket", "DeleteObject"][i % 4],
        "awsRegion": "us-east-1",
        "sourceIPAddress": "192.0.2.%d" % (i % 250 + 1),
        "userAgent": "campaign",
        "userIdentity": {"type": "AssumedRole", "arn": "arn:aws:sts::111122223333:assumed-role/r%d/s" % (i % 3),
                         "accountId": "111122223333",
                         "sessionContext": {"sessionIssuer": {"type": "Role", "arn": "arn:aws:iam::111122223333:role/r%d" % (i % 3)}}},
        "requestParameters": {"bucketName": "b%d" % (i % 5), "key": "k/%d" % i},
        "eventID": "id-%d" % i,
        "recipientAccountId": "111122223333",
    }
    if i % 7 == 3:
        e["errorCode"] = "AccessDenied"
        e["errorMessage"] = "denied"
    e.update(extra)
    return e


def trail(n, start=0):
    return json.dumps({"Records": [event(start + i) for i in range(n)]}).encode()


POLICY = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}]}


class Case:
    def __init__(self, kind, name, argv, *, stdin=b"", files=None, exits=(0,), stderr_has=(), stdout_check=None,
                 limit=20.0, shell=None, env=None, setup=None, survivors=None, stdout_lines=None, no_stderr=False):
        self.kind, self.name, self.argv, self.stdin = kind, name, argv, stdin
        self.files = files or {}
        self.exits, self.stderr_has, self.stdout_check, self.limit = tuple(exits), tuple(stderr_has), stdout_check, limit
        self.shell, self.env, self.setup, self.survivors, self.stdout_lines, self.no_stderr = shell, env, setup, survivors, stdout_lines, no_stderr


# ---------------------------------------------------------------- generators (one per kind of #12)

def gen_write_errors(rng, scale):
    cases = []
    commands = [
        ["count", "in.json"], ["count", "--by", ".eventName", "in.json"], ["query", "true", "in.json"],
        ["query", "-c", ".Records[] | .eventName", "in.json"], ["denied", "in.json"], ["actions", "in.json"],
        ["lint", "p.json"], ["jq", "-c", ".Records[]", "in.json"], ["policy", "--principal", "arn:aws:iam::111122223333:role/r0", "in.json"],
        ["query", "--format", "csv", "true", "in.json"],
    ]
    files = {"in.json": trail(40), "p.json": json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObjekt", "Resource": "*"}]}).encode()}
    for argv in commands:
        # a full disk: exit 2 (jq: its own), one line "cannot write output"
        exits = (2,) if argv[0] != "jq" else (2, 5)
        cases.append(Case("write-error", "stdout /dev/full: " + " ".join(argv), argv, files=files, shell="{cmd} > /dev/full",
                          exits=exits, stderr_has=("cannot write output",)))
        cases.append(Case("write-error", "stdout closed: " + " ".join(argv), argv, files=files, shell="{cmd} >&-",
                          exits=exits, stderr_has=("cannot write output",)))
        # a failing stderr never crashes: the exit code is the run's own
        cases.append(Case("write-error", "stderr /dev/full, missing input: " + " ".join(argv), argv[:-1] + ["missing.json"], files=files,
                          shell="{cmd} 2>/dev/full", exits=(2,)))
        cases.append(Case("write-error", "stderr closed, missing input: " + " ".join(argv), argv[:-1] + ["missing.json"], files=files,
                          shell="{cmd} 2>&-", exits=(2,)))
        # a closed pipe is quiet, exit 0
        cases.append(Case("write-error", "stdout to head -c1: " + " ".join(argv), argv, files=files, shell="{cmd} | head -c1 >/dev/null",
                          exits=(0,), no_stderr=True))
    return cases


def bad_utf8(rng):
    return rng.choice([b"\xff", b"\xc3", b"\xe2\x82", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\xc0\xaf", b"\x80", b"\xfe\xfe"])


def gen_policy_utf8(rng, scale):
    cases = []
    base = json.dumps(POLICY).encode()
    n = int(160 * scale)
    for i in range(n):
        mode = i % 4
        if mode == 0:  # raw invalid bytes inside a string
            pos = base.index(b"s3:GetObject") + rng.randrange(0, 12)
            doc = base[:pos] + bad_utf8(rng) + base[pos:]
        elif mode == 1:  # a lone surrogate escape
            doc = base.replace(b"s3:GetObject", b"s3:Get\\u" + rng.choice([b"d800", b"dfff", b"dbff", b"dc00"]) + b"Object")
        elif mode == 2:  # in a key
            doc = base.replace(b'"Effect"', b'"Eff' + bad_utf8(rng) + b'ect"')
        else:  # at a random byte of the document
            pos = rng.randrange(0, len(base))
            doc = base[:pos] + bad_utf8(rng) + base[pos:]
        cmd = ["lint", "p.json"] if i % 3 == 0 else (["check", "--policy", "p.json", "in.json"] if i % 3 == 1 else
                                                     ["simulate", "--action", "s3:GetObject", "--resource", "arn:aws:s3:::b/k", "--caller", "arn:aws:iam::111122223333:role/r0", "--policy", "p.json"])
        cases.append(Case("policy-utf8", "invalid UTF-8 %d in %s" % (i, cmd[0]), cmd, files={"p.json": doc, "in.json": trail(5)}, exits=(2,),
                          stderr_has=() if cmd[0] == "lint" else ("error",), stdout_check=("contains", "error") if cmd[0] == "lint" else None))
    return cases


def gen_simulate_requests(rng, scale):
    cases = []
    good = {"request": {"principal": "arn:aws:iam::111122223333:role/r0", "action": "s3:GetObject", "resource": "arn:aws:s3:::b/k"},
            "identityPolicies": [POLICY]}
    bad_requests = [
        ("action empty", {"action": ""}), ("action no service", {"action": "s3"}), ("action colon only", {"action": ":"}),
        ("unknownKeys number", {"unknownKeys": [1]}), ("unknownKeys string", {"unknownKeys": "aws:SourceIp"}),
        ("action number", {"action": 5}), ("action null", {"action": None}), ("resource number", {"resource": 7}),
        ("context not object", {"context": [1]}), ("principal empty", {"principal": ""}),
    ]
    n = int(60 * scale)
    for i in range(n):
        label, patch = bad_requests[i % len(bad_requests)]
        doc = json.loads(json.dumps(good))
        doc["request"].update(patch)
        text = json.dumps(doc).encode()
        if i % 3 == 1:  # and a lone surrogate somewhere
            text = text.replace(b"s3:::b/k", b"s3:::b/\\ud800k")
        if i % 3 == 2:
            pos = rng.randrange(0, len(text))
            text = text[:pos] + bad_utf8(rng) + text[pos:]
        cases.append(Case("simulate-request", "malformed request %d: %s" % (i, label), ["simulate", "--request", "r.json"],
                          files={"r.json": text}, exits=(2,), stderr_has=("r.json",)))
    return cases


def gen_lint_rejected(rng, scale):
    cases = []
    bad_statements = [
        ("unknown action", {"Effect": "Allow", "Action": "s3:GetObjekt", "Resource": "*"}),
        ("empty action", {"Effect": "Allow", "Action": "", "Resource": "*"}),
        ("malformed ARN", {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3"}),
        ("no resource", {"Effect": "Allow", "Action": "s3:GetObject"}),
        ("bad effect", {"Effect": "Alow", "Action": "s3:GetObject", "Resource": "*"}),
        ("action list with empty", {"Effect": "Allow", "Action": ["s3:GetObject", ""], "Resource": "*"}),
    ]
    n = int(60 * scale)
    for i in range(n):
        label, st = bad_statements[i % len(bad_statements)]
        pol = json.dumps({"Version": "2012-10-17", "Statement": [st]}).encode()
        if i % 2 == 0:
            cmd = ["check", "--policy", "p.json", "in.json"]
        else:
            cmd = ["simulate", "--action", "s3:GetObject", "--resource", "arn:aws:s3:::b/k", "--caller", "arn:aws:iam::111122223333:role/r0", "--policy", "p.json"]
        cases.append(Case("lint-rejected-policy", "%s in %s (%d)" % (label, cmd[0], i), cmd, files={"p.json": pol, "in.json": trail(6)},
                          exits=(2,), stderr_has=("error",)))
    return cases


def gen_filter_chains(rng, scale):
    cases = []
    makers = [
        ("commas", lambda n: ",".join(["1"] * n)),
        ("postfix ?", lambda n: ".a" + "?" * n),
        ("postfix []", lambda n: "." + "[]" * n),
        ("array literal", lambda n: "[" + ",".join(str(k) for k in range(n)) + "]"),
        ("nested objects", lambda n: "{a:" * n + "1" + "}" * n),
        ("nested parens", lambda n: "(" * n + "." + ")" * n),
        ("pipes", lambda n: "|".join(["."] * n)),
        ("alternatives", lambda n: "//".join([".a"] * n)),
        ("and chain", lambda n: " and ".join(["true"] * n)),
        ("field chain", lambda n: "." + ".a" * n),
        ("object keys", lambda n: "{" + ",".join("k%d:%d" % (k, k) for k in range(n)) + "}"),
        ("negations", lambda n: ". | " + "-" * n + "1"),
    ]
    sizes = [10, 1000, 20000, 40000]
    for label, make in makers:
        for n in sizes:
            prog = make(n)
            for cmd in (["jq", "-n", prog], ["query", "--jq", ".Records[] | " + prog, "in.json"], ["count", prog, "in.json"]):
                if cmd[0] != "jq" and len(prog) > 120000:
                    continue  # over Linux's argument limit; jq reads it with -f
                # runs, or refused as a compile error (jq 3, others 2) with a message; never a crash; within the limit
                exits = (0, 1, 3, 5) if cmd[0] == "jq" else (0, 1, 2)
                cases.append(Case("filter-size", "%s x%d via %s" % (label, n, cmd[0]), cmd, files={"in.json": trail(3)},
                                  exits=exits, limit=90.0))
    extra = int(40 * scale)
    for i in range(extra):  # random mixes
        parts = [rng.choice(["?", "[]", ",1", "|.", "//.", ".a", "[0]", "[1:]"]) for _ in range(rng.randrange(1000, 30000))]
        prog = "." + "".join(p for p in parts if p not in (",1", "|.", "//.")) if i % 2 else "." + "".join(parts)
        cases.append(Case("filter-size", "random chain %d (%d parts)" % (i, len(parts)), ["jq", "-n", "[limit(3; %s)]" % prog],
                          exits=(0, 3, 5), limit=30.0))
    return cases


def gen_per_principal(rng, scale):
    cases = []
    long_role = "r" + "x" * 300
    evs = [event(i) for i in range(6)]
    for e in evs[:3]:
        e["userIdentity"]["arn"] = "arn:aws:sts::111122223333:assumed-role/%s/s" % long_role
        e["userIdentity"]["sessionContext"]["sessionIssuer"]["arn"] = "arn:aws:iam::111122223333:role/%s" % long_role
    longlog = json.dumps({"Records": evs}).encode()
    for i in range(int(10 * scale)):
        cases.append(Case("per-principal", "DIR is a file (%d)" % i, ["policy", "--per-principal", "out", "in.json"],
                          files={"in.json": trail(10), "out": b"x"}, exits=(2,), stderr_has=("out",)))
        cases.append(Case("per-principal", "DIR under a file (%d)" % i, ["policy", "--per-principal", "f/out", "in.json"],
                          files={"in.json": trail(10), "f": b"x"}, exits=(2,), stderr_has=("f/out",)))
        cases.append(Case("per-principal", "DIR on a read-only file system (%d)" % i, ["policy", "--per-principal", "/proc/trailsift-campaign", "in.json"],
                          files={"in.json": trail(10)}, exits=(2,), stderr_has=("/proc/trailsift-campaign",)))
        cases.append(Case("per-principal", "principal name over 255 bytes (%d)" % i, ["policy", "--per-principal", "out", "in.json"],
                          files={"in.json": longlog}, exits=(0, 2), stdout_check=None,
                          setup=lambda d: None))
    return cases


def gen_tree_specials(rng, scale):
    cases = []
    n = int(10 * scale)
    for i in range(n):
        k = rng.randrange(2, 30)

        def fifo_tree(d, k=k):
            os.makedirs(os.path.join(d, "t", "a"), exist_ok=True)
            with open(os.path.join(d, "t", "a", "x.json"), "wb") as f:
                f.write(trail(k))
            os.mkfifo(os.path.join(d, "t", "a", "pipe.json"))
        cases.append(Case("tree-fifo", "FIFO inside a directory (%d events)" % k, ["count", "t"], setup=fifo_tree, exits=(0,),
                          stdout_lines=[str(k)], limit=10.0))

        def loop_tree(d, k=k):
            os.makedirs(os.path.join(d, "t", "2024", "06", "03"), exist_ok=True)
            with open(os.path.join(d, "t", "2024", "06", "03", "x.json"), "wb") as f:
                f.write(trail(k))
            os.symlink("2024/06/03", os.path.join(d, "t", "latest"))
            os.symlink("..", os.path.join(d, "t", "2024", "loop"))
            os.symlink("loop2", os.path.join(d, "t", "loop1"))
            os.symlink("loop1", os.path.join(d, "t", "loop2"))
        # not followed: each event once; the dangling loop1 <-> loop2 pair may be reported (ELOOP), exit 2
        cases.append(Case("tree-symlink", "directory symlinks and loops (%d events)" % k, ["count", "t"], setup=loop_tree, exits=(0, 2),
                          stdout_lines=[str(k)], limit=10.0))
        # --follow: latest/ is a second path to the same directory (counted again, as find -L lists it); the cycle
        # 2024/loop -> .. is cut by device and inode
        cases.append(Case("tree-symlink", "--follow with a cycle (%d events)" % k, ["count", "--follow", "t"], setup=loop_tree, exits=(0, 2),
                          limit=10.0, stdout_lines=[str(2 * k)]))

        def named_fifo(d, k=k):
            os.mkfifo(os.path.join(d, "p.json"))
        cases.append(Case("tree-fifo", "FIFO named explicitly (%d events)" % k, ["count", "p.json"], setup=named_fifo,
                          shell="(cat payload.json > p.json &) ; {cmd}", files={"payload.json": trail(k)}, exits=(0,), stdout_lines=[str(k)], limit=10.0))
    return cases


def gen_regex(rng, scale):
    cases = []
    n = int(10 * scale)
    for i in range(n):
        bad = rng.randrange(3, 12)
        good = rng.randrange(1, 6)
        recs = [event(j, userAgent=("a" * rng.randrange(30, 45) + "!")) for j in range(bad)] + [event(100 + j, userAgent="aaa") for j in range(good)]
        rng.shuffle(recs)
        doc = json.dumps({"Records": recs}).encode()
        pat = rng.choice(["^(a+)+$", "^(a|aa)+$", "^(a+)*b?$"])  # ^(a|a)+$ is not catastrophic for .NET's engine
        env = {"TRAILSIFT_REGEX_TIMEOUT_MS": "200"}
        cases.append(Case("regex-timeout", "%s over %d catastrophic + %d matching (count)" % (pat, bad, good),
                          ["count", ".userAgent | test(%s)" % json.dumps(pat), "in.json"], files={"in.json": doc}, env=env,
                          exits=(2,), stderr_has=("regex match timed out",), stdout_lines=[str(good)], limit=15.0))
        cases.append(Case("regex-timeout", "%s over %d catastrophic + %d matching (query)" % (pat, bad, good),
                          ["query", ".Records[] | select(.userAgent | test(%s)) | .eventID" % json.dumps(pat), "in.json"], files={"in.json": doc}, env=env,
                          exits=(2,), stderr_has=("regex match timed out",), survivors=good, limit=15.0))
    return cases


def gen_cartesian(rng, scale):
    cases = []
    n = int(8 * scale)
    for i in range(n):
        size = rng.choice([1000, 3000])
        doc = json.dumps({"Records": [event(0, a=list(range(size)))]}).encode()
        progs = ["[{x: .a[], y: .a[]}] | length", "select(.a[] == .a[])", "[.a[] as $x | .a[] | [$x, .]] | length", "[combinations(3)?] | length"]
        prog = progs[i % len(progs)]
        cases.append(Case("cartesian", "%s on %d (query)" % (prog, size), ["query", "--jq", ".Records[] | " + prog, "in.json"],
                          files={"in.json": doc}, exits=(0, 1, 2), limit=120.0))
        cases.append(Case("cartesian", "%s on %d (jq --max-steps --max-memory)" % (prog, size),
                          ["jq", "--max-steps", "2000000", "--max-memory", "256", ".Records[] | " + prog, "in.json"],
                          files={"in.json": doc}, exits=(0, 5), limit=60.0))
    return cases


def gen_whitespace(rng, scale):
    cases = []
    n = int(8 * scale)
    for i in range(n):
        mib = rng.choice([1, 4, 16])
        ws = rng.choice([b"\n", b" ", b"\r\n", b"\t", b" \n"])
        blob = ws * (mib * 1024 * 1024 // len(ws))
        k = rng.randrange(1, 20)
        where = i % 3
        data = blob + trail(k) if where == 0 else (trail(k) + blob if where == 1 else trail(k) + blob + trail(k, 100))
        total = k if where < 2 else 2 * k
        via_stdin = i % 2 == 0
        cases.append(Case("whitespace", "%d MiB of %r %s (%s)" % (mib, ws, ["before", "after", "between"][where], "stdin" if via_stdin else "file"),
                          ["count"] if via_stdin else ["count", "in.json"], stdin=data if via_stdin else b"",
                          files=None if via_stdin else {"in.json": data}, exits=(0,), stdout_lines=[str(total)], limit=20.0))
    cases.append(Case("whitespace", "only whitespace", ["count", "in.json"], files={"in.json": b"\n" * 100000}, exits=(2,), stderr_has=("empty input",)))
    return cases


def gen_object_keys(rng, scale):
    cases = []
    for n in (1000, 10000, 30000):
        prog = "{" + ",".join("k%d:.eventName" % k for k in range(n)) + "} | length"
        if len(prog) < 120000:
            cases.append(Case("object-keys", "%d object-literal keys (query)" % n, ["query", "--jq", ".Records[] | " + prog, "in.json"],
                              files={"in.json": trail(3)}, exits=(0,), limit=20.0, stdout_lines=[str(n)] * 3))
        cases.append(Case("object-keys", "%d object-literal keys (jq)" % n, ["jq", "-n", prog.replace(".eventName", "1")], exits=(0,), limit=20.0,
                          stdout_lines=[str(n)]))
        cases.append(Case("object-keys", "%d computed keys (jq)" % n, ["jq", "-n", "{" + ",".join('("k%d"): 1' % k for k in range(n)) + "} | length"],
                          exits=(0,), limit=20.0, stdout_lines=[str(n)]))
    return cases


def gz(data, level=6):
    return gzip.compress(data, compresslevel=level, mtime=0)


def gen_gzip(rng, scale):
    cases = []
    n = int(750 * scale)
    for i in range(n):
        k = rng.randrange(3, 200)
        plain = trail(k)
        data = gz(plain)
        mode = i % 5
        if mode == 0:  # truncation at a random offset: reported, never a crash
            cut = rng.randrange(1, len(data) - 1)
            cases.append(Case("gzip-damage", "truncated at %d of %d" % (cut, len(data)), ["count", "in.json.gz"], files={"in.json.gz": data[:cut]},
                              exits=(0, 1, 2), stderr_has=("in.json.gz",)))
        elif mode == 1:  # a bit flip
            pos = rng.randrange(10, len(data))
            flipped = bytearray(data)
            flipped[pos] ^= 1 << rng.randrange(8)
            cases.append(Case("gzip-damage", "bit flip at %d of %d" % (pos, len(data)), ["count", "in.json.gz"], files={"in.json.gz": bytes(flipped)},
                              exits=(0, 1, 2)))
        elif mode == 2:  # several members (cat a.gz b.gz), all read
            parts = [trail(rng.randrange(1, 50), 1000 * j) for j in range(rng.randrange(2, 6))]
            total = sum(len(json.loads(p)["Records"]) for p in parts)
            blob = b"".join(gz(p, rng.choice([1, 6, 9])) for p in parts)
            cases.append(Case("gzip-multimember", "%d members" % len(parts), ["count", "in.json.gz"], files={"in.json.gz": blob}, exits=(0,),
                              stdout_lines=[str(total)]))
        elif mode == 3:  # trailing garbage after the last member
            blob = data + rng.choice([b"\x00" * rng.randrange(1, 64), os.urandom(rng.randrange(1, 64)), b"\x1f\x8b"])
            cases.append(Case("gzip-damage", "bytes after the last member", ["count", "in.json.gz"], files={"in.json.gz": blob}, exits=(2,),
                              stderr_has=("in.json.gz",), stdout_lines=[str(k)]))
        else:  # a damaged member in the middle: the first member survives
            a, b2 = trail(k), trail(rng.randrange(1, 40), 5000)
            mid = bytearray(gz(b2))
            mid[len(mid) - 6] ^= 0xFF  # the CRC-32 of the second member
            blob = gz(a) + bytes(mid) + gz(trail(3, 9000))
            cases.append(Case("gzip-damage", "bad CRC in member 2 of 3", ["count", "in.json.gz"], files={"in.json.gz": blob}, exits=(2,),
                              stderr_has=("in.json.gz",)))
    return cases


def ndjson_lines(k, start=0):
    return [json.dumps(event(start + i)).encode() for i in range(k)]


def gen_ndjson(rng, scale):
    cases = []
    n = int(400 * scale)
    bads = [
        ("scalar", lambda: b"42"), ("string", lambda: b'"x"'), ("truncated", lambda: json.dumps(event(999)).encode()[:rng.randrange(5, 60)]),
        ("NUL", lambda: b"\x00" * rng.randrange(1, 8)), ("BOM line", lambda: b"\xef\xbb\xbf" + json.dumps(event(998)).encode()),
        ("deep nesting", lambda: b'{"eventName":' + b"[" * 400 + b"]" * 400 + b"}"), ("garbage", lambda: b"}{][,:"),
        ("array of scalars", lambda: b"[1,2]"),
    ]
    for i in range(n):
        k = rng.randrange(2, 40)
        lines = ndjson_lines(k)
        label, make = bads[i % len(bads)]
        nbad = rng.randrange(1, 4)
        for _ in range(nbad):
            lines.insert(rng.randrange(0, len(lines) + 1), make())
        data = b"\n".join(lines) + b"\n"
        survivors = k + (1 if False else 0)
        exits = (2,)
        if label == "BOM line":
            exits = (0, 2)  # a BOM line may be read as an event or reported; either way the others survive
        cases.append(Case("ndjson-resync", "%d %s line(s) among %d events" % (nbad, label, k), ["count", "in.json"], files={"in.json": data},
                          exits=exits, stdout_lines=None, stdout_check=("count_at_least", k)))
    return cases


def gen_log_utf8(rng, scale):
    cases = []
    n = int(200 * scale)
    for i in range(n):
        k = rng.randrange(1, 20)
        recs = [event(j) for j in range(k)]
        raw = json.dumps({"Records": recs}).encode()
        nbad = rng.randrange(1, 5)
        starts = [j for j in range(len(raw)) if raw.startswith(b'"campaign"', j)]
        for pos in sorted((rng.choice(starts) + 1 + rng.randrange(0, 8) for _ in range(nbad)), reverse=True):
            raw = raw[:pos] + (bad_utf8(rng) if rng.random() < 0.7 else b"\\ud800") + raw[pos:]
        fmt = ["ndjson", "json", "csv"][i % 3]
        argv = ["query", "--format", fmt, "true", "in.json"] if i % 4 else ["jq", "-c", ".Records[]", "in.json"]
        jq_surrogate = argv[0] == "jq" and b"\\ud800" in raw
        cases.append(Case("log-utf8", "%d invalid sequences in %d events (%s)" % (nbad, k, argv[0] + ("/" + fmt if argv[0] == "query" else "")),
                          argv, files={"in.json": raw}, exits=(5,) if jq_surrogate else (0,),
                          stderr_has=("surrogate pair escape",) if jq_surrogate else (),
                          stdout_check=None if jq_surrogate else ("valid_utf8" if fmt in ("csv", "json") and argv[0] == "query" else "valid_utf8_json", k)))
    return cases


def gen_sniffing(rng, scale):
    cases = []
    n = int(40 * scale)
    for i in range(n):
        k = rng.randrange(1, 30)
        recs = [event(j) for j in range(k)]
        shape = i % 5
        if shape == 0:
            data = json.dumps({"foo": 1, "bar": {"Records": 2}, "Records": recs}).encode()
        elif shape == 1:
            data = json.dumps({"NextToken": "abc", "Events": [{"EventId": "e%d" % j, "CloudTrailEvent": json.dumps(r)} for j, r in enumerate(recs)]}).encode()
        elif shape == 2:
            data = b"\n".join([json.dumps({"exported": "header", "count": k}).encode()] + [json.dumps(r).encode() for r in recs]) + b"\n"
        elif shape == 3:
            data = json.dumps({"Records": recs[: k // 2]}).encode() + b"\n" + json.dumps({"Records": recs[k // 2:]}).encode()
        else:
            data = json.dumps(recs).encode()
        cases.append(Case("format-sniffing", "shape %d with %d events" % (shape, k), ["count", "in.json"], files={"in.json": data},
                          exits=(0,), stdout_lines=[str(k)]))
    return cases


def gen_stdin_dash(rng, scale):
    cases = []
    for i in range(int(10 * scale)):
        a, b = rng.randrange(1, 20), rng.randrange(1, 20)
        cases.append(Case("stdin-dash", "- between files (%d + %d + %d)" % (a, b, a), ["count", "a.json", "-", "c.json"], stdin=trail(b, 100),
                          files={"a.json": trail(a), "c.json": trail(a, 200)}, exits=(0,), stdout_lines=[str(2 * a + b)]))
        cases.append(Case("stdin-dash", "- alone gzip (%d)" % b, ["count", "-"], stdin=gz(trail(b)), exits=(0,), stdout_lines=[str(b)]))
    return cases


def gen_oversized(rng, scale):
    cases = []
    for i in range(int(4 * scale)):
        big = event(0, requestParameters={"items": [1] * (rng.choice([17, 18]) * 1024 * 1024 // 2)})
        recs = [event(1), big, event(2)]
        data = json.dumps({"Records": recs}).encode()
        cases.append(Case("oversized-record", "a %d MB record between two events" % (len(data) // 1000000), ["count", "in.json"],
                          files={"in.json": data}, exits=(0,), stdout_lines=["3"], limit=30.0))
    deep = b'{"Records":[' + json.dumps(event(1)).encode() + b',{"eventName":' + b"[" * 300 + b"]" * 300 + b"}," + json.dumps(event(2)).encode() + b"]}"
    cases.append(Case("oversized-record", "a record nested 300 deep between two events", ["count", "in.json"], files={"in.json": deep},
                      exits=(2,), stderr_has=("nested deeper",), stdout_lines=["2"]))
    return cases


GENERATORS = {
    "write-error": gen_write_errors, "policy-utf8": gen_policy_utf8, "simulate-request": gen_simulate_requests,
    "lint-rejected-policy": gen_lint_rejected, "filter-size": gen_filter_chains, "per-principal": gen_per_principal,
    "tree": gen_tree_specials, "regex-timeout": gen_regex, "cartesian": gen_cartesian, "whitespace": gen_whitespace,
    "object-keys": gen_object_keys, "gzip": gen_gzip, "ndjson-resync": gen_ndjson, "log-utf8": gen_log_utf8,
    "format-sniffing": gen_sniffing, "stdin-dash": gen_stdin_dash, "oversized-record": gen_oversized,
}


# ---------------------------------------------------------------- running and classifying

def quote(a):
    return "'" + a.replace("'", "'\\''") + "'"


def run_case(binary, case, base):
    d = tempfile.mkdtemp(prefix="c-", dir=base)
    try:
        for name, data in case.files.items():
            p = os.path.join(d, name)
            os.makedirs(os.path.dirname(p), exist_ok=True)
            with open(p, "wb") as f:
                f.write(data)
        if case.setup:
            case.setup(d)
        env = dict(os.environ, NO_COLOR="1", DOTNET_EnableDiagnostics="0")
        env.update(case.env or {})
        args = list(case.argv)
        if args[0] == "jq":  # a program over Linux's 128 KiB argument limit goes through jq's -f FILE
            for j, a in enumerate(args):
                if len(a) > 120000:
                    with open(os.path.join(d, "prog.jq"), "w") as f:
                        f.write(a)
                    args[j:j + 1] = ["-f", "prog.jq"]
                    break
        argv = [binary] + args
        cmd = " ".join(quote(a) for a in argv)
        script = (case.shell or "{cmd}").format(cmd=cmd)
        start = time.monotonic()
        p = subprocess.Popen(["bash", "-c", script], cwd=d, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             env=env, start_new_session=True)
        try:
            out, err = p.communicate(case.stdin, timeout=case.limit)
            timed_out = False
        except subprocess.TimeoutExpired:
            os.killpg(p.pid, signal.SIGKILL)
            out, err = p.communicate()
            timed_out = True
        elapsed = time.monotonic() - start
        return classify(case, p.returncode, out, err, timed_out, elapsed, script)
    finally:
        shutil.rmtree(d, ignore_errors=True)


def classify(case, code, out, err, timed_out, elapsed, script):
    problems = []
    text = err.decode("utf-8", "replace")
    if timed_out:
        problems.append("hang: no end within %.0f s" % case.limit)
    else:
        if code >= 128 or code < 0 or "Unhandled exception" in text or "\n   at " in text:
            problems.append("crash: exit %d" % code)
        elif code not in case.exits:
            problems.append("exit %d, expected %s" % (code, "/".join(map(str, case.exits))))
        for s in case.stderr_has:
            if s not in text:
                problems.append("stderr lacks %r" % s)
        if case.no_stderr and ("cannot write" in text or "rror" in text):
            problems.append("a closed pipe reported as an error")
        lines = out.decode("utf-8", "replace").split("\n")
        lines = [l for l in lines if l.strip()]
        if case.stdout_lines is not None and [l.strip().split("\t")[-1] for l in lines] != case.stdout_lines:
            problems.append("stdout %r, expected %r" % (lines[:5], case.stdout_lines))
        if case.survivors is not None and len(lines) != case.survivors:
            problems.append("%d outputs, expected %d" % (len(lines), case.survivors))
        if case.stdout_check:
            what, n = case.stdout_check
            if what == "contains":
                if n not in out.decode("utf-8", "replace"):
                    problems.append("stdout lacks %r" % n)
            elif what == "count_at_least":
                try:
                    got = int(lines[-1].strip().split("\t")[-1]) if lines else -1
                except ValueError:
                    got = -1
                if got < n:
                    problems.append("count %d, at least %d expected (records lost)" % (got, n))
            elif what in ("valid_utf8", "valid_utf8_json"):
                try:
                    out.decode("utf-8", "strict")
                except UnicodeDecodeError as e:
                    problems.append("output is not valid UTF-8: %s" % e)
                if what == "valid_utf8_json":
                    for l in lines:
                        try:
                            json.loads(l)
                        except ValueError:
                            problems.append("output line is not JSON: %r" % l[:80])
                            break
                    if len(lines) != n:
                        problems.append("%d outputs, expected %d" % (len(lines), n))
        if "--- End of stack trace" in text:
            problems.append("stack trace on stderr")
        if "\x1b" in text:
            problems.append("control sequence on stderr")
    return {"kind": case.kind, "name": case.name, "script": script if len(script) < 400 else script[:400] + "…", "exit": code,
            "elapsed": round(elapsed, 3), "problems": problems, "stderr": text[:600]}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", default=os.path.join(ROOT, ".work", "aot", "trailsift"))
    ap.add_argument("--seed", type=int, default=12)
    ap.add_argument("--scale", type=float, default=1.0, help="multiplies the number of generated cases (1.0: the full campaign)")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--kinds", default="")
    ap.add_argument("--out", default=os.path.join(ROOT, ".work", "campaign"))
    args = ap.parse_args()
    if not os.access(args.binary, os.X_OK):
        sys.exit("campaign: no binary at %s (run ./trailsift --help once to build it)" % args.binary)
    rng = random.Random(args.seed)
    wanted = [k for k in args.kinds.split(",") if k]
    cases = []
    for name, gen in GENERATORS.items():
        if wanted and name not in wanted:
            continue
        cases.extend(gen(random.Random(rng.randrange(1 << 30)), args.scale))
    os.makedirs(args.out, exist_ok=True)
    base = tempfile.mkdtemp(prefix="trailsift-campaign-")
    started = time.monotonic()
    results = []
    try:
        with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
            for r in pool.map(lambda c: run_case(args.binary, c, base), cases):
                results.append(r)
                if r["problems"]:
                    print("FINDING [%s] %s: %s" % (r["kind"], r["name"], "; ".join(r["problems"])), flush=True)
    finally:
        shutil.rmtree(base, ignore_errors=True)
    kinds = {}
    for r in results:
        k = kinds.setdefault(r["kind"], {"cases": 0, "findings": 0})
        k["cases"] += 1
        k["findings"] += 1 if r["problems"] else 0
    findings = [r for r in results if r["problems"]]
    summary = {"binary": args.binary, "seed": args.seed, "scale": args.scale, "cases": len(results), "kinds": kinds,
               "findings": len(findings), "seconds": round(time.monotonic() - started, 1), "finding_cases": findings}
    with open(os.path.join(args.out, "summary.json"), "w") as f:
        json.dump(summary, f, indent=1)
    print("%d cases, %d kinds, %d findings (%.0f s); per kind:" % (len(results), len(kinds), len(findings), summary["seconds"]))
    for k, v in sorted(kinds.items()):
        print("  %-22s %5d cases %4d findings" % (k, v["cases"], v["findings"]))
    sys.exit(1 if findings else 0)


if __name__ == "__main__":
    main()
