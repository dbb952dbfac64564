#!/usr/bin/env python3
"""Where one `trailsift unused` run spends its wall time (bench/unused/run.sh with BENCH_PHASES=1).

Runs the command once with --stats and measures from outside the process: the time of its first output byte (by then
the set-up, the scan, the deferred judgement and the merge are over), the scan's own time from --stats ("time: S s"),
the total, and the peak RSS sampled every 0.1 s with the bytes written by then. Set-up and the work between the scan's
end and the first byte cannot be told apart from outside, so they are reported together. The garbage collector's pauses
and allocations come from the process's own --stats lines, "memory (scan end): ..." and "memory (end): ...":

    phases.py OUT_FILE -- COMMAND...
"""
import re
import subprocess
import sys
import threading
import time


def main() -> int:
    sep = sys.argv.index("--")
    out_path, command = sys.argv[1], sys.argv[sep + 1:] + ["--stats"]
    start = time.monotonic()
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    first = None
    written = 0
    peak = (0, 0)  # (RSS KiB, bytes written then)
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            try:
                with open(f"/proc/{proc.pid}/status", encoding="ascii") as status:
                    for line in status:
                        if line.startswith("VmRSS:"):
                            rss = int(line.split()[1])
                            if rss > peak[0]:
                                peak = (rss, written)
            except OSError:
                pass
            time.sleep(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    stderr_chunks = []
    reader = threading.Thread(target=lambda: stderr_chunks.append(proc.stderr.read()), daemon=True)
    reader.start()
    with open(out_path, "wb") as out:
        while chunk := proc.stdout.read1(1 << 20):
            if first is None:
                first = time.monotonic() - start
            written += len(chunk)
            out.write(chunk)
    rc = proc.wait()
    total = time.monotonic() - start
    done.set()
    reader.join()
    stderr = b"".join(stderr_chunks).decode("utf-8", "replace")
    scan = next((float(line.split()[1]) for line in stderr.splitlines() if line.startswith("time: ")), None)
    if rc > 1 or first is None or scan is None:
        print(f"phases: run failed (exit {rc}): {stderr[-500:]}", file=sys.stderr)
        return 1
    print(f"phases: total {total:.2f}s; scan {scan:.2f}s (--stats); set-up + deferred judgement + merge "
          f"{first - scan:.2f}s (first output byte at {first:.2f}s); analysis and printing {total - first:.2f}s "
          f"({written / 1e6:.0f} MB); peak RSS {peak[0] // 1024} MiB with {peak[1] / 1e6:.0f} MB written")
    gc = {m.group(1): (float(m.group(2)), float(m.group(3)))
          for m in re.finditer(r"^memory \((scan end|end)\): .* pauses ([0-9.]+) s, ([0-9]+) MB allocated$", stderr, re.M)}
    if "scan end" in gc and "end" in gc:
        (p0, a0), (p1, a1) = gc["scan end"], gc["end"]
        print(f"phases: GC pauses {p0:.2f}s and {a0:.0f} MB allocated up to the scan's end, {p1 - p0:.2f}s and {a1 - a0:.0f} MB after it")
    return 0


if __name__ == "__main__":
    sys.exit(main())
