#!/usr/bin/env python3
"""S3 benchmark (one run, not a timed test): trailsift reading s3:// directly vs `aws s3 sync` + local trailsift
vs `aws s3 sync` + zcat | jq, against s3rver on 127.0.0.1 (tests/s3rver/serve.js). Usage: bench/s3/run.py [files [concurrency]]
(concurrency: a second uncached run with that --s3-concurrency, for peak RSS with many objects in flight; default 256)"""
import gzip, json, os, random, shutil, subprocess, sys, tempfile, time

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.abspath(os.path.join(here, "..", ".."))
files = int(sys.argv[1]) if len(sys.argv) > 1 else 400
high = int(sys.argv[2]) if len(sys.argv) > 2 else 256
work = tempfile.mkdtemp(prefix="trailsift-s3bench-")
rng = random.Random(7)
names = ["DescribeInstances", "GetObject", "PutObject", "RunInstances", "AssumeRole", "ListBuckets"]

def generate():
    src = os.path.join(work, "src")
    for i in range(files):
        day, minute = 1 + i % 3, (i * 7) % 1440
        folder = f"{src}/AWSLogs/111122223333/CloudTrail/us-east-1/2024/05/{day:02}"
        os.makedirs(folder, exist_ok=True)
        recs = [{"eventVersion": "1.08", "eventTime": f"2024-05-{day:02}T{minute // 60:02}:{minute % 60:02}:00Z",
                 "eventSource": "ec2.amazonaws.com", "eventName": rng.choice(names), "awsRegion": "us-east-1",
                 "userIdentity": {"type": "AssumedRole", "arn": f"arn:aws:sts::111122223333:assumed-role/r{rng.randrange(9)}/s"},
                 "sourceIPAddress": "192.0.2.1", "userAgent": "bench/" + "x" * rng.randrange(40, 200),
                 "requestParameters": {"k": str(rng.random())}, "requestID": str(rng.random()),
                 "eventID": str(rng.random()), "recipientAccountId": "111122223333"} for _ in range(300)]
        with gzip.open(f"{folder}/111122223333_CloudTrail_us-east-1_202405{day:02}T{minute // 60:02}{minute % 60:02}Z_{i:08}.json.gz", "wt") as f:
            json.dump({"Records": recs}, f)
    return src

def timed(cmd, env, shell=False):
    """Runs cmd, returns (seconds, seconds to first stdout byte, peak RSS MiB, CPU seconds) via /usr/bin/time."""
    start = time.monotonic()
    full = ["/usr/bin/time", "-f", "%M %U %S", "-o", os.path.join(work, "rss")] + (["bash", "-c", cmd] if shell else cmd)
    p = subprocess.Popen(full, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    first = None
    while True:
        chunk = p.stdout.read(65536)
        if not chunk:
            break
        if first is None:
            first = time.monotonic() - start
    p.wait()
    total = time.monotonic() - start
    if p.returncode != 0:
        raise SystemExit(f"failed ({p.returncode}): {' '.join(cmd) if not shell else cmd}")
    rss, user, system = open(os.path.join(work, "rss")).read().split()[-3:]
    return total, first if first is not None else total, int(rss) / 1024, float(user) + float(system)

def main():
    src = generate()
    size = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(src) for f in fs)
    data = os.path.join(work, "s3rver")
    server = subprocess.Popen(["node", os.path.join(root, "tests", "s3rver", "serve.js"), data, "bench"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    port = server.stdout.readline().split()[1]
    ep = f"http://127.0.0.1:{port}"
    env = dict(os.environ, AWS_ACCESS_KEY_ID="S3RVER", AWS_SECRET_ACCESS_KEY="S3RVER", AWS_DEFAULT_REGION="us-east-1")
    subprocess.run(["aws", "--endpoint-url", ep, "s3", "sync", src, "s3://bench/", "--only-show-errors"], env=env, check=True)
    # The launcher builds the Native AOT binary in .work/aot (else the JIT build in .work/cli); time the binary itself.
    # TRAILSIFT_BENCH_BINARY names another binary to time (e.g. an older build, to compare within one load).
    if os.environ.get("TRAILSIFT_BENCH_BINARY"):
        exe = [os.environ["TRAILSIFT_BENCH_BINARY"]]
    else:
        subprocess.run([os.path.join(root, "trailsift"), "--version"], check=True, stdout=subprocess.DEVNULL)
        aot = os.path.join(root, ".work", "aot", "trailsift")
        exe = [aot] if os.path.exists(aot) else ["dotnet", os.path.join(root, ".work", "cli", "trailsift.dll")]
    flt = '.eventName == "RunInstances"'
    ts = exe + ["query", flt, "-f", "ndjson", "--no-progress"]
    cache = os.path.join(work, "cache")
    rows = []
    rows.append(("trailsift query s3:// (no cache)",) + timed(ts + ["s3://bench/AWSLogs/", "--endpoint-url", ep, "--no-cache"], env))
    rows.append((f"trailsift query s3:// (no cache, --s3-concurrency {high})",) + timed(ts + ["s3://bench/AWSLogs/", "--endpoint-url", ep, "--no-cache", "--s3-concurrency", str(high)], env))
    sync_dir = os.path.join(work, "synced")
    t_sync = timed(["aws", "--endpoint-url", ep, "s3", "sync", "s3://bench/", sync_dir, "--only-show-errors"], env)
    rows.append(("aws s3 sync (alone)",) + t_sync)
    t_local = timed(ts + [sync_dir], env)
    rows.append(("trailsift query local (after the sync)",) + t_local)
    rows.append(("aws s3 sync + trailsift local (sum)", t_sync[0] + t_local[0], t_sync[0] + t_local[1], max(t_sync[2], t_local[2]), t_sync[3] + t_local[3]))
    t_jq = timed(f"find {sync_dir} -name '*.json.gz' | sort | xargs zcat | jq -c '.Records[] | select({flt})'", env, shell=True)
    rows.append(("aws s3 sync + zcat, jq (sum)", t_sync[0] + t_jq[0], t_sync[0] + t_jq[1], max(t_sync[2], t_jq[2]), t_sync[3] + t_jq[3]))
    timed(ts + ["s3://bench/AWSLogs/", "--endpoint-url", ep, "--cache", cache], env)
    rows.append(("trailsift query s3:// (cached re-run)",) + timed(ts + ["s3://bench/AWSLogs/", "--endpoint-url", ep, "--cache", cache], env))
    # The form: a closed window named outright (every kept listing is final: no request at all on a re-run).
    window = ["--account", "111122223333", "--region", "us-east-1", "--since", "2024-05-01", "--until", "2024-05-04"]
    rows.append(("trailsift query local, window",) + timed(ts + [sync_dir] + window, env))
    timed(ts + ["s3://bench/AWSLogs/", "--endpoint-url", ep, "--cache", cache] + window, env)
    rows.append(("trailsift query s3://, window (cached re-run)",) + timed(ts + ["s3://bench/AWSLogs/", "--endpoint-url", ep, "--cache", cache] + window, env))
    server.stdin.close(); server.wait(timeout=10)
    print(f"{files} objects, {size / 1e6:.1f} MB compressed, s3rver on 127.0.0.1, {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}")
    print("| run | total s | first output s | CPU s | peak RSS MiB |\n| --- | ---: | ---: | ---: | ---: |")
    for name, total, first, rss, cpu in rows:
        print(f"| {name} | {total:.2f} | {first:.2f} | {cpu:.2f} | {rss:.0f} |")
    t = {name: total for name, total, *_ in rows}
    print(f"cached re-run / local scan: {t['trailsift query s3:// (cached re-run)'] / t['trailsift query local (after the sync)']:.2f}x; "
          f"window form: {t['trailsift query s3://, window (cached re-run)'] / t['trailsift query local, window']:.2f}x (target 1.2x)")
    shutil.rmtree(work, ignore_errors=True)

main()
