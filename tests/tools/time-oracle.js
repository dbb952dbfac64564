#!/usr/bin/env node
// Computes the expected outputs of tests/data/jq/time.cases (jq's date builtins) and writes time.expected.jsonl.
// Each case: FUNC TAB JSON-input [TAB JSON-argument], FUNC one of gmtime localtime mktime strftime strflocaltime
// strptime todate fromdateiso8601. Both references run: jq 1.7.1 (jq-wasm) and the system jq (/usr/bin/jq, 1.6 on
// glibc, TZ=UTC). jq 1.7.1 on Linux takes strftime/strptime/gmtime from glibc, while jq-wasm takes them from
// Emscripten's libc, so when the two differ, cases whose answer comes from the C library use the glibc jq ("ref": "glibc")
// and the others jq 1.7.1 ("ref": "1.7.1"); "both" when they agree. Run: node tests/tools/time-oracle.js
"use strict";
const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");

const dataDir = path.join(__dirname, "..", "data", "jq");
const libcFunctions = new Set(["strftime", "strflocaltime", "strptime", "todate", "gmtime", "localtime"]);
const cases = fs.readFileSync(path.join(dataDir, "time.cases"), "utf8").split("\n")
  .filter(l => l.trim() !== "" && !l.startsWith("#"))
  .map(l => { const c = l.split("\t"); return { func: c[0], input: c[1], arg: c.length > 2 ? c[2] : null }; });
const programOf = c => "try (" + (c.arg === null ? c.func : c.func + "($a)") + ") catch (\"error: \" + tostring)";
const argsOf = c => ["-c", ...(c.arg === null ? [] : ["--argjson", "a", c.arg]), programOf(c)];

const requests = cases.map((c, i) => JSON.stringify({ id: i, args: argsOf(c), stdin: c.input, timeout: 3000 })).join("\n") + "\n";
const run = spawnSync("node", [path.join(__dirname, "jq-reference.js")], { input: requests, encoding: "utf8", maxBuffer: 1 << 28 });
if (run.status !== 0) throw new Error("jq-reference failed: " + run.stderr);
const out = run.stdout.trim().split("\n");
out.shift();
const lines = cases.map((c, i) => {
  const r = JSON.parse(out[i]);
  const sys = spawnSync("jq", argsOf(c), { input: c.input, encoding: "utf8", env: { TZ: "UTC", PATH: process.env.PATH } });
  const glibc = (sys.stdout || "").trim();
  const jq171 = r.timeout || r.error ? null : (r.stdout || "").trim();
  // A reference that crashed (jq aborts on some ill-typed arguments) gives no answer to compare with.
  const crashed = r.error !== undefined || sys.status === null || sys.status > 5;
  // Where both agree either will do; where they differ, the C library's answer is glibc's for libc functions.
  const ref = jq171 === glibc ? "both" : libcFunctions.has(c.func) ? "glibc" : "1.7.1";
  return JSON.stringify({ func: c.func, input: c.input, arg: c.arg, ref, crashed, expected: crashed ? null : ref === "glibc" ? glibc : jq171, jq171, glibc });
});
fs.writeFileSync(path.join(dataDir, "time.expected.jsonl"), lines.join("\n") + "\n");
process.stderr.write(cases.length + " cases\n");
