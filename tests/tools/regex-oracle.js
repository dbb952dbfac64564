#!/usr/bin/env node
// Computes the expected outputs of tests/data/jq/regex.cases with the jq 1.7.1 oracle (jq-wasm) and writes
// tests/data/jq/regex.expected.jsonl: one line per case, {"pattern","input","flags","refuse","stdout","stderr","status"}.
// regex.cases: one case per line, TAB-separated: pattern, JSON input string, flags (or "null"), and an optional 4th
// column "refuse" marking a case TrailSift deliberately refuses (the oracle still records what jq does).
// Lines starting with "#" and blank lines are ignored. Patterns are written as JSON strings when they start with '"'.
// Run: node tests/tools/regex-oracle.js
"use strict";
const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");

const dataDir = path.join(__dirname, "..", "data", "jq");
const lines = fs.readFileSync(path.join(dataDir, "regex.cases"), "utf8").split("\n");
const cases = [];
for (const line of lines) {
  if (line.trim() === "" || line.startsWith("#")) continue;
  const cols = line.split("\t");
  if (cols.length < 3) throw new Error("bad case line: " + line);
  const pattern = cols[0].startsWith('"') ? JSON.parse(cols[0]) : cols[0];
  const input = JSON.parse(cols[1]);
  const flags = cols[2] === "null" ? null : cols[2];
  cases.push({ pattern, input, flags, refuse: cols[3] === "refuse" });
}
const program = "[match($p; $f | fromjson)]";
const requests = cases.map((c, i) => JSON.stringify({
  id: i, args: ["-c", "--arg", "p", c.pattern, "--arg", "f", JSON.stringify(c.flags), program], stdin: JSON.stringify(c.input), timeout: 3000,
})).join("\n") + "\n";
const run = spawnSync("node", [path.join(__dirname, "jq-reference.js")], { input: requests, encoding: "utf8", maxBuffer: 1 << 28 });
if (run.status !== 0) throw new Error("jq-reference failed: " + run.stderr);
const out = run.stdout.trim().split("\n");
const ready = JSON.parse(out.shift());
const result = cases.map((c, i) => {
  const r = JSON.parse(out[i]);
  if (r.timeout) process.stderr.write("timeout: " + JSON.stringify(c) + "\n");
  return JSON.stringify({ pattern: c.pattern, input: c.input, flags: c.flags, refuse: c.refuse, stdout: r.stdout, stderr: r.stderr, status: r.status, timeout: r.timeout || false });
});
fs.writeFileSync(path.join(dataDir, "regex.expected.jsonl"), result.join("\n") + "\n");
process.stderr.write(cases.length + " cases from " + ready.version + "\n");
