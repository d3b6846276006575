#!/usr/bin/env python3
"""Compile-time cost of the escape plugin: `make bench-compile`.

Four measurements, each printed as a table and written to JSON (--json):

  load      The fixed cost of loading the plugin: an empty file compiled
            many times with and without it (CPU time and peak RSS).
  torture   GCC's C torture suite (execute/ and compile/), every file
            compiled at -O2 without and with the plugin, in alternating
            order: total CPU time, peak RSS, and the pass's own time.
  large     A generated translation unit (bench/gen_large.py), compiled
            --large-runs times each way: median CPU time, peak RSS, the
            pass's own time, and instruction counts (callgrind, on a
            smaller unit; --no-ir skips them).
  scaling   One function with N allocation sites for each mix of
            bench/gen_scaling.py and each N of --sizes: the pass's own time
            per site, which must stay flat.

Compile times are CPU times (user + system) of the driver and cc1 with
-S, from wait4: the assembler would only dilute the overhead, and CPU
time is less disturbed than wall time when other jobs share the machine.
The pass registers with TV_NONE, so -ftime-report cannot show it; its own
time comes from the measuring plugin bench/passtime.cc (CPU time from the
pass's start to the start of the next pass, i.e. with its TODOs), and
from callgrind (instructions inside pass_escape::execute, which excludes
its TODOs).  On a shared or virtual machine CPU times of whole compiles
vary by several percent from run to run, more than the 1% goal, so the
instruction counts are what decides that goal.
"""

import argparse
import concurrent.futures
import glob
import json
import os
import platform
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH_DIR = os.path.join(REPO, "bench")
TARBALL_GLOB = "/usr/src/gcc-12/gcc-12*.tar.xz"
MIXES = ("pairs", "loop", "loop-phis", "chain", "chain-escape", "free-phis",
         "free-cascade", "bounded")
# Goals of docs/performance.md.
MAX_OVERHEAD = 0.01
MAX_RSS_GROWTH = 0.05
MAX_PER_SITE_GROWTH = 2.0
# A function is an outlier when the pass spends more than this many times
# the median time per statement on it, and at least OUTLIER_MIN_NS.
OUTLIER_FACTOR = 10
OUTLIER_MIN_NS = 1_000_000


def log(msg):
    print(msg, file=sys.stderr, flush=True)


class Result:
    def __init__(self, status, cpu, rss):
        self.status, self.cpu, self.rss = status, cpu, rss


def compile_once(args, src, flags, cwd=None, limit_kb=None, timeout=None):
    """Compile SRC with -O2 -S and FLAGS; CPU seconds and peak RSS (KB) of
    the driver and cc1.  Status None on a timeout."""
    cmd = [args.gcc, "-O2", "-w", "-S", "-o", "/dev/null", src] + flags

    def limit():
        resource.setrlimit(resource.RLIMIT_AS,
                           (limit_kb * 1024, limit_kb * 1024))

    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL,
                            preexec_fn=limit if limit_kb else None)
    # wait4 rather than Popen.wait: its rusage covers the driver and the
    # cc1 it waited for.
    deadline = time.monotonic() + timeout if timeout else None
    while True:
        pid, status, ru = os.wait4(proc.pid, os.WNOHANG if deadline else 0)
        if pid:
            break
        if time.monotonic() > deadline:
            proc.kill()
            os.wait4(proc.pid, 0)
            proc.returncode = -9
            return Result(None, None, None)
        time.sleep(0.05)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return Result(proc.returncode, ru.ru_utime + ru.ru_stime, ru.ru_maxrss)


def passtime_flags(args, out, stop=False):
    flags = [f"-fplugin={args.plugin}", f"-fplugin={args.passtime}",
             f"-fplugin-arg-passtime-out={out}"]
    return flags + (["-fplugin-arg-passtime-stop"] if stop else [])


def read_passtime(path):
    """Per-function records and (escape ns, cc1 ns) totals of a passtime
    output file."""
    functions, escape_ns, total_ns = [], 0, 0
    with open(path) as f:
        for line in f:
            parts = line.split()
            if parts[0] == "fn":
                functions.append((parts[1], int(parts[2]), int(parts[3])))
            elif parts[0] == "total":
                escape_ns += int(parts[1])
                total_ns += int(parts[2])
    return functions, escape_ns, total_ns


def pass_started(path):
    """Whether a passtime output file says the pass started (cc1 may have
    been killed before it did, or during it)."""
    try:
        with open(path) as f:
            return any(line.startswith("start ") for line in f)
    except FileNotFoundError:
        return False


def pct(x):
    return f"{100 * x:+.2f}%"


# ---------------------------------------------------------------- load


def measure_load(args):
    log("load: an empty file, with and without the plugin")
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "empty.c")
        with open(src, "w") as f:
            f.write("int empty;\n")
        base, plug = [], []
        for _ in range(args.load_runs):
            base.append(compile_once(args, src, []))
            plug.append(compile_once(args, src, [f"-fplugin={args.plugin}"]))
    r = {
        "cpu_ms": [statistics.median(x.cpu for x in s) * 1e3
                   for s in (base, plug)],
        "rss_kb": [statistics.median(x.rss for x in s) for s in (base, plug)],
    }
    print("\nLoading the plugin (empty file, median of "
          f"{args.load_runs} compiles each way)")
    print(f"  CPU  {r['cpu_ms'][0]:7.2f} ms -> {r['cpu_ms'][1]:7.2f} ms  "
          f"({r['cpu_ms'][1] - r['cpu_ms'][0]:+.2f} ms per compile)")
    print(f"  RSS  {r['rss_kb'][0]:7.0f} KB -> {r['rss_kb'][1]:7.0f} KB  "
          f"({pct(r['rss_kb'][1] / r['rss_kb'][0] - 1)})")
    return r


# ---------------------------------------------------------------- torture


def torture_sources(args):
    suite = os.path.join(args.torture_dir, "gcc.c-torture")
    if not os.path.exists(os.path.join(suite, ".unpacked")):
        tarballs = sorted(glob.glob(TARBALL_GLOB))
        if not tarballs:
            sys.exit("bench-compile: no GCC 12 source tarball; "
                     "apt-get install gcc-12-source")
        log(f"unpacking the torture tests of {tarballs[0]}")
        os.makedirs(args.torture_dir, exist_ok=True)
        subprocess.run(["tar", "-xJf", tarballs[0], "-C", args.torture_dir,
                        "--wildcards", "--strip-components=3",
                        "*/gcc/testsuite/gcc.c-torture/execute",
                        "*/gcc/testsuite/gcc.c-torture/compile"], check=True)
        open(os.path.join(suite, ".unpacked"), "w").close()
    files = []
    for pattern in ("execute/*.c", "execute/ieee/*.c", "execute/builtins/*.c",
                    "compile/*.c"):
        files += sorted(f for f in glob.glob(os.path.join(suite, pattern))
                        if not f.endswith("-lib.c"))
    return files[::args.sample]


def torture_one(args, index, src, tmp):
    cwd = os.path.dirname(src)
    plugin = [f"-fplugin={args.plugin}"]
    # Alternate the order, so a slow phase of the machine hits both.
    if index % 2:
        with_plugin = compile_once(args, src, plugin, cwd)
        without = compile_once(args, src, [], cwd)
    else:
        without = compile_once(args, src, [], cwd)
        with_plugin = compile_once(args, src, plugin, cwd)
    out = os.path.join(tmp, f"{index}.passtime")
    timed = compile_once(args, src, passtime_flags(args, out), cwd)
    pass_records = read_passtime(out) if timed.status == 0 else None
    return src, without, with_plugin, pass_records


def measure_torture(args):
    files = torture_sources(args)
    log(f"torture: {len(files)} files, 3 compiles each, {args.jobs} jobs")
    rows, plugin_failures, skipped = [], [], 0
    functions, escape_ns, cc1_ns = [], 0, 0
    with tempfile.TemporaryDirectory() as tmp, \
            concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        jobs = [pool.submit(torture_one, args, i, f, tmp)
                for i, f in enumerate(files)]
        for n, job in enumerate(concurrent.futures.as_completed(jobs)):
            if n % 500 == 0:
                log(f"  {n}/{len(files)}")
            src, without, with_plugin, pass_records = job.result()
            name = os.path.relpath(src, args.torture_dir)
            if without.status != 0:
                skipped += 1
                continue
            if with_plugin.status != 0 or pass_records is None:
                plugin_failures.append(name)
                continue
            rows.append((name, without, with_plugin))
            fns, e, t = pass_records
            functions += [(name,) + f for f in fns]
            escape_ns += e
            cc1_ns += t

    if not rows:
        sys.exit("bench-compile: no torture file compiled with the plugin; "
                 f"the first failures: {plugin_failures[:3]}")
    cpu = [sum(r[i].cpu for r in rows) for i in (1, 2)]
    rss_growth = sorted((r[2].rss / r[1].rss - 1, r[0]) for r in rows)
    per_stmt = sorted(ns / max(stmts, 1) for _, _, stmts, ns in functions)
    median_per_stmt = per_stmt[len(per_stmt) // 2] if per_stmt else 0
    outliers = sorted(
        (f for f in functions
         if f[3] >= OUTLIER_MIN_NS
         and f[3] / max(f[2], 1) > OUTLIER_FACTOR * median_per_stmt),
        key=lambda f: -f[3])
    slowest = sorted(functions, key=lambda f: -f[3])[:5]
    r = {
        "files": len(rows), "skipped_failing_without_plugin": skipped,
        "failing_with_plugin_only": plugin_failures,
        "cpu_s": cpu, "overhead": cpu[1] / cpu[0] - 1,
        "pass_share_of_cc1": escape_ns / cc1_ns if cc1_ns else None,
        "pass_ns": escape_ns, "functions": len(functions),
        "median_ns_per_statement": median_per_stmt,
        "slowest_functions": slowest, "outliers": outliers,
        "rss_growth_median": rss_growth[len(rss_growth) // 2][0],
        "rss_growth_max": rss_growth[-1],
        "rss_peak_kb": [max(r[i].rss for r in rows) for i in (1, 2)],
    }
    print(f"\nTorture suite at -O2: {r['files']} files "
          f"({skipped} that fail without the plugin skipped)")
    print(f"  CPU, all files      {cpu[0]:8.2f} s -> {cpu[1]:8.2f} s  "
          f"({pct(r['overhead'])})")
    print(f"  escape pass alone   {escape_ns / 1e9:8.3f} s of "
          f"{cc1_ns / 1e9:.2f} s of cc1 ({100 * r['pass_share_of_cc1']:.2f}%)"
          f", {len(functions)} functions, median "
          f"{median_per_stmt:.0f} ns per statement")
    print("  slowest functions   " + "; ".join(
        f"{f[0]}:{f[1]} {f[3] / 1e6:.2f} ms ({f[2]} stmts)" for f in slowest))
    print(f"  outliers (>{OUTLIER_FACTOR}x median ns/stmt and "
          f">= {OUTLIER_MIN_NS / 1e6:g} ms): "
          + ("; ".join(f"{f[0]}:{f[1]} {f[3] / 1e6:.2f} ms ({f[2]} stmts)"
                       for f in outliers[:10]) or "none"))
    print(f"  peak RSS            median {pct(r['rss_growth_median'])}, "
          f"max {pct(rss_growth[-1][0])} ({rss_growth[-1][1]}); largest "
          f"{r['rss_peak_kb'][0]} KB -> {r['rss_peak_kb'][1]} KB")
    if plugin_failures:
        print("  FAIL only with the plugin: " + ", ".join(plugin_failures))
    return r


# ---------------------------------------------------------------- large


def callgrind_ir(args, src, flags, toggle=None):
    tool = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"]
    if toggle:
        tool.append(f"--toggle-collect={toggle}")
    res = subprocess.run([args.gcc, "-O2", "-w", "-S", "-o", "/dev/null", src,
                          "-wrapper", ",".join(tool)] + flags,
                         text=True, capture_output=True)
    m = re.search(r"Collected : (\d+)", res.stderr)
    if res.returncode or not m:
        sys.exit(f"bench-compile: callgrind failed on {src}:\n{res.stderr}")
    return int(m.group(1))


def measure_large(args, tmp):
    src = os.path.join(tmp, "large.c")
    with open(src, "w") as f:
        subprocess.run([sys.executable, os.path.join(BENCH_DIR,
                                                     "gen_large.py"),
                        str(args.large_functions)], stdout=f, check=True)
    lines = sum(1 for _ in open(src))
    log(f"large: {args.large_functions} functions, {lines} lines, "
        f"{args.large_runs} runs each way")
    base, plug = [], []
    for i in range(args.large_runs):
        pair = [([], base), ([f"-fplugin={args.plugin}"], plug)]
        for flags, out in (pair if i % 2 == 0 else pair[::-1]):
            out.append(compile_once(args, src, flags))
    out = os.path.join(tmp, "large.passtime")
    compile_once(args, src, passtime_flags(args, out))
    functions, escape_ns, cc1_ns = read_passtime(out)
    cpu = [statistics.median(x.cpu for x in s) for s in (base, plug)]
    rss = [statistics.median(x.rss for x in s) for s in (base, plug)]
    r = {"functions": args.large_functions, "lines": lines,
         "cpu_s": cpu, "overhead": cpu[1] / cpu[0] - 1,
         "cpu_s_samples": [[x.cpu for x in s] for s in (base, plug)],
         "rss_kb": rss, "rss_growth": rss[1] / rss[0] - 1,
         "pass_share_of_cc1": escape_ns / cc1_ns,
         "slowest_functions": sorted(functions, key=lambda f: -f[2])[:5]}
    print(f"\nGenerated unit: {args.large_functions} functions, {lines} "
          f"lines, median of {args.large_runs} compiles each way")
    print(f"  CPU                 {cpu[0]:8.2f} s -> {cpu[1]:8.2f} s  "
          f"({pct(r['overhead'])})")
    print(f"  escape pass alone   {escape_ns / 1e9:8.3f} s of "
          f"{cc1_ns / 1e9:.2f} s of cc1 ({100 * r['pass_share_of_cc1']:.2f}%)")
    print(f"  peak RSS            {rss[0]:.0f} KB -> {rss[1]:.0f} KB  "
          f"({pct(r['rss_growth'])})")
    if args.ir:
        ir_src = os.path.join(tmp, "large-ir.c")
        with open(ir_src, "w") as f:
            subprocess.run([sys.executable, os.path.join(BENCH_DIR,
                                                         "gen_large.py"),
                            str(args.ir_functions)], stdout=f, check=True)
        log(f"large: callgrind on {args.ir_functions} functions, 3 runs")
        ir = [callgrind_ir(args, ir_src, []),
              callgrind_ir(args, ir_src, [f"-fplugin={args.plugin}"])]
        ir_pass = callgrind_ir(args, ir_src, [f"-fplugin={args.plugin}"],
                               "*pass_escape*execute*")
        r["ir"] = {"functions": args.ir_functions, "cc1": ir,
                   "overhead": ir[1] / ir[0] - 1, "pass": ir_pass,
                   "pass_share": ir_pass / ir[1]}
        print(f"  instructions ({args.ir_functions} functions, callgrind)  "
              f"{ir[0] / 1e6:.1f} M -> {ir[1] / 1e6:.1f} M "
              f"({pct(r['ir']['overhead'])}); pass alone "
              f"{ir_pass / 1e6:.1f} M ({100 * r['ir']['pass_share']:.2f}%)")
    return r


# ---------------------------------------------------------------- scaling


def measure_scaling(args, tmp):
    log(f"scaling: mixes {', '.join(args.mixes)}, N = "
        f"{', '.join(map(str, args.sizes))}")
    results = {}
    print(f"\nScaling: the pass's CPU time on one function of N sites "
          f"(cc1 stops after the pass; timeout {args.timeout} s)")
    print(f"{'mix':<14}" + "".join(f"{'N=' + str(n):>22}" for n in args.sizes)
          + "   growth of us/site")
    for mix in args.mixes:
        row = []
        for n in args.sizes:
            src = os.path.join(tmp, f"{mix}-{n}.c")
            with open(src, "w") as f:
                subprocess.run([sys.executable,
                                os.path.join(BENCH_DIR, "gen_scaling.py"),
                                mix, str(n)], stdout=f, check=True)
            with open(src) as f:
                sites = int(re.match(r"/\* sites: (\d+)", f.readline())[1])
            out = os.path.join(tmp, f"{mix}-{n}.passtime")
            res = compile_once(args, src, passtime_flags(args, out, True),
                               limit_kb=args.memory_limit_mb * 1024,
                               timeout=args.timeout)
            cell = {"n": n, "sites": sites, "rss_kb": res.rss}
            if res.status is None:
                cell["timeout_s"] = args.timeout
                # Whether cc1 was still in GCC's own passes before ours.
                cell["pass_started"] = pass_started(out)
            elif res.status != 0:
                cell["error"] = f"exit status {res.status}"
            else:
                _, escape_ns, _ = read_passtime(out)
                cell["pass_ns"] = escape_ns
                cell["us_per_site"] = escape_ns / sites / 1e3
            row.append(cell)
            log(f"  {mix} N={n}: {cell}")
        done = [c for c in row if "us_per_site" in c]
        growth = None
        if len(done) == len(row):
            growth = done[-1]["us_per_site"] / done[0]["us_per_site"]
        elif done and row[-1].get("pass_started"):
            # A pass still running at the time limit grew by at least what
            # the limit shows, and by at least what the runs before it
            # show.
            bound = (args.timeout * 1e6 / row[-1]["sites"]) / \
                done[0]["us_per_site"]
            growth = max(bound, done[-1]["us_per_site"]
                         / done[0]["us_per_site"])
        results[mix] = {"runs": row, "growth": growth,
                        "complete": len(done) == len(row),
                        "ok": len(done) == len(row)
                        and growth <= MAX_PER_SITE_GROWTH}

        def show(c):
            if "us_per_site" in c:
                return f"{c['pass_ns'] / 1e9:8.3f} s {c['us_per_site']:7.2f} us"
            if "timeout_s" in c:
                where = "in pass" if c["pass_started"] else "before it"
                return f"> {args.timeout} s, {where}"
            return c["error"]
        g = results[mix]
        growth_text = (f"{'' if g['complete'] else '> '}{growth:.1f}x"
                       if growth is not None else "-")
        print(f"{mix:<14}" + "".join(f"{show(c):>22}" for c in row)
              + f"   {growth_text}{'' if g['ok'] else '  FAIL'}")
    return results


# ---------------------------------------------------------------- main


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--parts", default="load,torture,large,scaling")
    p.add_argument("--jobs", type=int, default=1,
                   help="parallel compiles in the torture run")
    p.add_argument("--sample", type=int, default=1,
                   help="take every Nth torture file")
    p.add_argument("--load-runs", type=int, default=40)
    p.add_argument("--large-functions", type=int, default=1500)
    p.add_argument("--large-runs", type=int, default=5)
    p.add_argument("--no-ir", dest="ir", action="store_false",
                   help="skip the callgrind instruction counts of the "
                   "generated unit (5 minutes)")
    p.add_argument("--ir-functions", type=int, default=200)
    p.add_argument("--mixes", default=",".join(MIXES))
    p.add_argument("--sizes", default="1000,10000,100000")
    p.add_argument("--timeout", type=int, default=300,
                   help="seconds for one scaling compile")
    p.add_argument("--memory-limit-mb", type=int, default=4096,
                   help="address-space limit of one scaling compile")
    p.add_argument("--torture-dir", default=os.path.join(REPO, "build",
                                                         "torture"))
    p.add_argument("--plugin", default=os.path.join(REPO, "plugin",
                                                    "escape.so"),
                   help="the plugin to measure, e.g. another build of it")
    p.add_argument("--passtime", default=os.path.join(REPO, "build", "bench",
                                                      "passtime.so"))
    p.add_argument("--json",
                   default=os.path.join(BENCH_DIR, "compile-results.json"))
    p.add_argument("--gcc", default=os.environ.get("GCC", "gcc"))
    args = p.parse_args()
    # Compiles of the torture suite run in the tests' directories.
    args.plugin = os.path.abspath(args.plugin)
    args.passtime = os.path.abspath(args.passtime)
    args.mixes = args.mixes.split(",")
    args.sizes = [int(n) for n in args.sizes.split(",")]
    parts = args.parts.split(",")

    doc = {"date": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
           "machine": {"cpu": cpu_model(), "cores": os.cpu_count(),
                       "load_average_at_start": os.getloadavg()[0]},
           "gcc": subprocess.run([args.gcc, "--version"], text=True,
                                 capture_output=True).stdout.splitlines()[0]}
    with tempfile.TemporaryDirectory() as tmp:
        if "load" in parts:
            doc["load"] = measure_load(args)
        if "torture" in parts:
            doc["torture"] = measure_torture(args)
        if "large" in parts:
            doc["large"] = measure_large(args, tmp)
        if "scaling" in parts:
            doc["scaling"] = measure_scaling(args, tmp)
    with open(args.json, "w") as f:
        json.dump(doc, f, indent=1)
        f.write("\n")
    print(f"\nwrote {os.path.relpath(args.json, REPO)}")
    print_goals(doc)


def cpu_model():
    try:
        for line in subprocess.run(["lscpu"], text=True,
                                   capture_output=True).stdout.splitlines():
            key, _, value = line.partition(":")
            if key == "Model name":
                return value.strip()
    except OSError:
        pass
    return platform.processor()


def print_goals(doc):
    print("\nGoals:")

    def goal(text, ok):
        print(f"  {'met   ' if ok else 'MISSED'} {text}")

    if "torture" in doc:
        t = doc["torture"]
        goal(f"torture: compile time +{100 * t['overhead']:.2f}% <= "
             f"{100 * MAX_OVERHEAD:g}%", t["overhead"] <= MAX_OVERHEAD)
        goal(f"torture: no outlier function ({len(t['outliers'])})",
             not t["outliers"])
        goal(f"torture: peak RSS max {pct(t['rss_growth_max'][0])} <= "
             f"{100 * MAX_RSS_GROWTH:g}%",
             t["rss_growth_max"][0] <= MAX_RSS_GROWTH)
        goal("torture: no file fails only with the plugin",
             not t["failing_with_plugin_only"])
    if "large" in doc:
        lg = doc["large"]
        goal(f"large unit: compile time +{100 * lg['overhead']:.2f}% <= "
             f"{100 * MAX_OVERHEAD:g}%", lg["overhead"] <= MAX_OVERHEAD)
        if "ir" in lg:
            goal(f"large unit: instructions {pct(lg['ir']['overhead'])} <= "
                 f"{100 * MAX_OVERHEAD:g}%",
                 lg["ir"]["overhead"] <= MAX_OVERHEAD)
        goal(f"large unit: peak RSS {pct(lg['rss_growth'])} <= "
             f"{100 * MAX_RSS_GROWTH:g}%", lg["rss_growth"] <= MAX_RSS_GROWTH)
    for mix, s in doc.get("scaling", {}).items():
        growth = s["growth"]
        goal(f"scaling {mix}: time per site grows "
             f"{'' if s['complete'] else '> '}"
             f"{growth:.1f}x <= {MAX_PER_SITE_GROWTH:g}x"
             if growth is not None
             else f"scaling {mix}: not measured up to the largest N",
             s["ok"])


if __name__ == "__main__":
    main()
