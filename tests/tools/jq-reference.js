#!/usr/bin/env node
// jq 1.7.1 reference runner (jq-wasm 1.0.1) for TrailSift's differential tests.
//
// Protocol: one JSON request per stdin line, one JSON response per stdout line, in order.
//   request:  {"id": any, "args": ["-c", ".a"], "stdin": "text", "files": {"a.json": "text"}}
//             args are jq's argv after the program name; files are written to the current
//             directory of the in-memory file system before the run and removed after it.
//   response: {"id": any, "stdout": "…", "stderr": "…", "status": 0}, or {"id", "timeout": true} after
//             the request's "timeout" milliseconds (default 5000), or {"id", "error"} when jq aborted (a crash of jq
//             itself, such as a failed assertion) or the runner failed.
// The first line written is {"ready": true, "version": "jq-1.7.1…"}.
//
// jq-wasm's own raw() trims outputs, drops stderr when there is stdout and hides the exit status, so
// this script loads the same Emscripten module with a small source patch that exposes a run() returning
// the exact bytes and jq's exit status. The patch is checked: if the package text differs, it fails loudly.
"use strict";
const fs = require("fs");
const path = require("path");
const readline = require("readline");
const vm = require("vm");

function loadPatchedJq() {
  const modulePath = require.resolve("jq-wasm/dist/build/jq.js", { paths: [path.join(__dirname, "..")] });
  let src = fs.readFileSync(modulePath, "utf8");
  const start = src.indexOf("preRun() { FS.init(");
  const end = src.indexOf("}, raw(jsonString, query, flags = [])");
  if (start < 0 || end < 0 || end < start) {
    throw new Error("jq-wasm source layout not recognised (expected jq-wasm 1.0.1): " + modulePath);
  }
  const io = `preRun() { FS.init(
      () => (__io.inPos < __io.input.length ? __io.input[__io.inPos++] : null),
      c => { if (c !== null && c !== undefined) __io.out.push(c); },
      c => { if (c !== null && c !== undefined) __io.err.push(c); }); }, run(args, stdin, files) {
      return runtimeInitPromise.then(() => {
        __io.input = new TextEncoder().encode(stdin || ""); __io.inPos = 0; __io.out = []; __io.err = [];
        const names = Object.keys(files || {});
        for (const n of names) FS.writeFile(n, files[n]);
        let status;
        try { status = Module.callMain(args.slice()); }
        finally { for (const n of names) { try { FS.unlink(n); } catch (e) { } } }
        const dec = new TextDecoder("utf-8");
        return { stdout: dec.decode(Uint8Array.from(__io.out)), stderr: dec.decode(Uint8Array.from(__io.err)), status: status };
      }); `;
  src = src.slice(0, start) + io + src.slice(end);
  src = src.replace('"use strict";', '"use strict"; const __io = { input: new Uint8Array(0), inPos: 0, out: [], err: [] };');
  const sandbox = { module: { exports: {} }, require, __filename: modulePath, __dirname: path.dirname(modulePath),
    process, console, TextEncoder, TextDecoder, WebAssembly, URL, setTimeout, clearTimeout, Buffer, performance };
  sandbox.exports = sandbox.module.exports;
  sandbox.globalThis = sandbox;
  vm.runInNewContext(src, sandbox, { filename: modulePath });
  const factory = sandbox.module.exports.default || sandbox.module.exports;
  return factory({ printErr: () => { }, print: () => { } });
}

// The jq run happens in a worker thread so that a program that never ends (jq has them: `repeat(.)`, some regexes)
// can be stopped: after the request's "timeout" milliseconds (default 5000) the worker is terminated and replaced,
// and the response is {"id", "timeout": true}.
const { Worker, isMainThread, parentPort } = require("worker_threads");

if (!isMainThread) {
  loadPatchedJq().then(jq => {
    parentPort.on("message", async req => {
      try {
        const r = await jq.run(req.args || [], req.stdin || "", req.files || {});
        parentPort.postMessage({ id: req.id, stdout: r.stdout, stderr: r.stderr, status: r.status });
      } catch (e) {
        parentPort.postMessage({ id: req.id, error: String(e && e.message || e) });
      }
    });
    parentPort.postMessage({ ready: true });
  });
} else {
  main().catch(e => { process.stderr.write("jq-reference: " + (e && e.stack || e) + "\n"); process.exit(2); });
}

function startWorker() {
  const worker = new Worker(__filename);
  const ready = new Promise((resolve, reject) => {
    worker.once("message", m => (m.ready ? resolve() : reject(new Error("unexpected first message"))));
    worker.once("error", reject);
  });
  return { worker, ready };
}

function runInWorker(state, req) {
  return new Promise(resolve => {
    const timeout = typeof req.timeout === "number" ? req.timeout : 5000;
    const timer = setTimeout(() => {
      state.worker.removeAllListeners("message");
      state.worker.terminate();
      Object.assign(state, startWorker(), { runs: 0 });
      resolve({ id: req.id, timeout: true });
    }, timeout);
    state.worker.once("message", m => { clearTimeout(timer); resolve(m); });
    state.worker.postMessage(req);
  });
}

async function recycle(state) {
  await state.worker.terminate();
  Object.assign(state, startWorker(), { runs: 0 });
}

async function main() {
  const state = Object.assign(startWorker(), { runs: 0 });
  await state.ready;
  const version = await runInWorker(state, { id: 0, args: ["--version"] });
  process.stdout.write(JSON.stringify({ ready: true, version: version.stdout.trim() }) + "\n");
  const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of rl) {
    if (line.trim() === "") continue;
    let req;
    try { req = JSON.parse(line); } catch (e) {
      process.stdout.write(JSON.stringify({ id: null, error: "bad request: " + e.message }) + "\n");
      continue;
    }
    // One jq-wasm instance degrades after some hundreds of runs (a run that ends quickly when fresh then never
    // ends): recycle the worker every 100 runs, and retry a run that timed out once on a fresh worker.
    if (++state.runs > 100) await recycle(state);
    await state.ready;
    let res = await runInWorker(state, req);
    if (res.timeout) {
      await recycle(state);
      await state.ready;
      res = await runInWorker(state, req);
    }
    if (res.error) {
      // jq aborted (an assertion failure ends the wasm runtime): report it, and start a fresh instance.
      await recycle(state);
    } else {
      // Some runs (halt_error, for one) leave the instance unable to print: check with a canary and recycle.
      const canary = await runInWorker(state, { id: "canary", args: ["."], stdin: "1", timeout: 3000 });
      if (canary.stdout !== "1\n") await recycle(state);
    }
    process.stdout.write(JSON.stringify(res) + "\n");
  }
  await state.worker.terminate();
}
