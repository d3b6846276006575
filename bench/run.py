#!/usr/bin/env python3
"""Runtime benchmarks of the escape plugin: `make bench`.

Every bench/*.c program is built in five variants:

  a  gcc -O2, the malloc version
  b  gcc -O2 with the plugin
  c  gcc -O2 -DHAND_STACK, the hand-written stack version: the limit for b
  d  clang -O2 -mllvm -attributor-enable=all, LLVM's HeapToStack: the peer
  e  clang -O2 -DHAND_STACK: the limit for d, to tell LLVM's code
     generation apart from its conversions

The runner checks that the plugin moved every site marked
"/* escape: stack */" and gave the fast path to every site marked
"/* escape: stack-if-small */", and kept on the heap every site marked
"/* escape: heap */", a pattern it does not move yet (its dump; the
marks may be in a header of bench/ the program includes), which
variants still call an allocator (a program with a site of the other
two marks may call it in every variant), and that all variants print
the same checksum.  A crash of a, b or c is
an error; a crash of LLVM's variants is recorded as a result (LLVM 14
places the alloca of an allocation in a loop inside the loop, so a long
loop overflows the stack).  It then runs the variants
round-robin, so slow phases of a busy machine hit all of them alike,
reports the median time of each and, under valgrind, the instructions
bench_work executes (deterministic, at 1/--ir-divisor of the work).
Results go to a table on stdout and to JSON (--json).

Exit status: 1 if a check fails (a marked site not moved, a checksum
mismatch, a build error); the performance goals are reported, not
enforced, since timings depend on the machine.
"""

import argparse
import glob
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH_DIR = os.path.join(REPO, "bench")
VARIANTS = ("a", "b", "c", "d", "e")
ALLOCATORS = ("malloc", "calloc", "aligned_alloc", "strdup", "strndup",
              "asprintf", "__asprintf_chk")
MARKS = {"/* escape: stack */": "stack",
         "/* escape: stack-if-small */": "stack-if-small",
         "/* escape: heap */": "heap"}
# A benchmark is allocation-bound when the hand-written stack version is at
# least this much faster than the malloc one: allocation is at least half
# of its time.  The plugin must then be at least as much faster.
ALLOC_BOUND = 2.0
# b may be this much slower than c.
LIMIT_SLACK = 1.02


def fail(msg):
    print(f"bench: {msg}", file=sys.stderr)
    sys.exit(1)


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, text=True, capture_output=True,
                          **kw)


def variant_command(v, src, out, args):
    plugin = os.path.join(REPO, "plugin", "escape.so")
    gcc = [args.gcc, "-O2", "-o", out, src]
    clang = [args.clang, "-O2", "-o", out, src]
    return {
        "a": gcc,
        "b": gcc + [f"-fplugin={plugin}", "-fplugin-arg-escape-dump"],
        "c": gcc + ["-DHAND_STACK"],
        "d": clang + ["-mllvm", "-attributor-enable=all"],
        "e": clang + ["-DHAND_STACK"],
    }[v]


def build(name, args):
    src = os.path.join(BENCH_DIR, name + ".c")
    paths = {}
    for old in glob.glob(os.path.join(args.out, f"{name}.b*.escape")):
        os.remove(old)
    for v in VARIANTS:
        out = os.path.join(args.out, f"{name}.{v}")
        try:
            run(variant_command(v, src, out, args))
        except subprocess.CalledProcessError as e:
            fail(f"{name}: variant {v} does not build:\n{e.stderr}")
        paths[v] = out
    return paths


def dump_decisions(name, args):
    """(file, line, decision, text) of every site in NAME's dump."""
    found = []
    pattern = re.compile(
        r"^escape: ([^:]+):(\d+):\d+: .* -> (stack-if-small|stack|heap): ")
    for path in glob.glob(os.path.join(args.out, f"{name}.b*.escape")):
        with open(path) as f:
            for line in f:
                m = pattern.match(line)
                if m:
                    found.append((m.group(1), int(m.group(2)), m.group(3),
                                  line.strip()))
    return found


def sources(name):
    """NAME.c and the headers of bench/ it includes, but bench.h."""
    files = [name + ".c"]
    with open(os.path.join(BENCH_DIR, name + ".c")) as f:
        for line in f:
            m = re.match(r'#include "(.+)"', line)
            if m and m.group(1) != "bench.h":
                files.append(m.group(1))
    return files


def check_sites(name, args):
    """Marked lines must have dump lines, all of them the decision their
    mark names.  Returns the number of marks, and whether all of them are
    stack."""
    marked = []
    for source in sources(name):
        with open(os.path.join(BENCH_DIR, source)) as f:
            for i, line in enumerate(f):
                for mark, decision in MARKS.items():
                    if mark in line:
                        marked.append((source, i + 1, decision))
    if not marked:
        fail(f"{name}: no line is marked " + " or ".join(MARKS))
    decisions = dump_decisions(name, args)
    for source, line, decision in marked:
        here = [d for d in decisions if d[:2] == (source, line)]
        if not here:
            fail(f"{source}:{line}: the plugin reported no site")
        other = [d[3] for d in here if d[2] != decision]
        if other:
            fail(f"{source}:{line}: not {decision}:\n  "
                 + "\n  ".join(other))
    return len(marked), all(d == "stack" for _, _, d in marked)


def allocator_calls(binary):
    """Calls to an allocator outside main, which allocates the input."""
    out = run(["objdump", "-d", "--no-show-raw-insn", binary]).stdout
    calls, function = 0, None
    for line in out.splitlines():
        m = re.match(r"^[0-9a-f]+ <(.+)>:$", line)
        if m:
            function = m.group(1)
        elif function != "main" and re.search(
                r"call.*<(%s)@plt>" % "|".join(ALLOCATORS), line):
            calls += 1
    return calls


class Crash(Exception):
    pass


def code(binary):
    """The function names and instruction mnemonics of BINARY, in order:
    equal for two binaries whose code differs at most in register
    choice, operand order and addresses."""
    out = run(["objdump", "-d", "--no-show-raw-insn", binary]).stdout
    lines = []
    for line in out.splitlines()[2:]:
        m = re.match(r"^[0-9a-f]+ <(.+)>:$", line)
        if m:
            lines.append(m.group(1))
            continue
        m = re.match(r"^ *[0-9a-f]+:\s+(\S+)", line)
        if m:
            lines.append(m.group(1))
    return "\n".join(lines)


def run_once(binary, divisor=1):
    res = subprocess.run([binary, str(divisor)], text=True,
                         capture_output=True)
    if res.returncode:
        raise Crash(f"exit status {res.returncode}" if res.returncode > 0
                    else f"signal {-res.returncode}")
    out = res.stdout
    m = re.match(r"checksum=([0-9a-f]{16}) time_ns=(\d+) cpu_ns=(\d+)", out)
    if not m:
        fail(f"{binary}: unexpected output {out!r}")
    return m.group(1), int(m.group(2)), int(m.group(3))


def instructions(binary, divisor):
    """Instructions executed in bench_work, counted by callgrind."""
    res = subprocess.run(["valgrind", "--tool=callgrind",
                          "--toggle-collect=bench_work",
                          "--callgrind-out-file=/dev/null", binary,
                          str(divisor)], text=True, capture_output=True)
    m = re.search(r"Collected : (\d+)", res.stderr)
    if res.returncode or not m:
        raise Crash(f"callgrind exit status {res.returncode}")
    return int(m.group(1))


def machine():
    info = {"cpu": platform.processor(), "cores": os.cpu_count()}
    try:
        for line in run(["lscpu"]).stdout.splitlines():
            key, _, value = line.partition(":")
            if key == "Model name":
                info["cpu"] = value.strip()
    except (OSError, subprocess.CalledProcessError):
        pass
    info["load_average_at_start"] = os.getloadavg()[0]
    return info


def tool_version(tool):
    return run([tool, "--version"]).stdout.splitlines()[0]


def ratio(m, x, y):
    return m[x] / m[y] if m.get(x) and m.get(y) else None


def fmt_ratio(r):
    return f"{r:5.2f}" if r is not None else "    -"


def goals(r):
    """The goals of docs/performance.md, for one benchmark's ratios."""
    out = {}
    for metric in ("time", "cpu", "ir"):
        m = r[metric]
        if not m:
            continue
        a, b, c = m["a"], m["b"], m["c"]
        g = {"b/c <= %.2f" % LIMIT_SLACK: b / c <= LIMIT_SLACK}
        if a / c >= ALLOC_BOUND:
            g["allocation-bound: a/b >= %.1f" % ALLOC_BOUND] = (
                a / b >= ALLOC_BOUND)
        # A crashed LLVM variant counts as slower.  When GCC's code is
        # slower than clang's even without allocations (c > e), the goal
        # names it.
        d = m.get("d", float("inf"))
        codegen = " (c/e = %.2f)" % (c / m["e"]) if c > m["e"] else ""
        g["b <= d" + codegen] = b <= d
        if r["allocator_calls"]["d"]:
            g["LLVM kept the heap: b < d" + codegen] = b < d
        out[metric] = g
    return out


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--only", help="comma-separated benchmark names")
    p.add_argument("--no-ir", dest="ir", action="store_false",
                   help="skip the callgrind instruction counts")
    p.add_argument("--ir-divisor", type=int, default=10,
                   help="run 1/N of the work under callgrind")
    p.add_argument("--json", default=os.path.join(BENCH_DIR, "results.json"))
    p.add_argument("--out", default=os.path.join(REPO, "build", "bench"))
    p.add_argument("--gcc", default=os.environ.get("GCC", "gcc"))
    p.add_argument("--clang", default=os.environ.get("CLANG", "clang"))
    args = p.parse_args()
    os.makedirs(args.out, exist_ok=True)

    names = sorted(os.path.basename(f)[:-2]
                   for f in glob.glob(os.path.join(BENCH_DIR, "*.c")))
    if args.only:
        names = [n for n in names if n in args.only.split(",")]

    results = {}
    for name in names:
        paths = build(name, args)
        sites, all_stack = check_sites(name, args)
        calls = {v: allocator_calls(paths[v]) for v in VARIANTS}
        if not calls["a"]:
            fail(f"{name}: gcc removes the allocations without the plugin; "
                 "the benchmark would measure nothing")
        for v in "bce":
            if calls[v] and all_stack:
                fail(f"{name}: variant {v} still calls an allocator")
        results[name] = {"paths": paths, "sites": sites,
                         "allocator_calls": calls,
                         "samples": {v: [] for v in VARIANTS},
                         "cpu_samples": {v: [] for v in VARIANTS},
                         "crashed": {},
                         "b_code_is_c": code(paths["b"]) == code(paths["c"])}
        print(f"built {name}: {sites} marked site(s) moved by the plugin; "
              f"LLVM {'kept' if calls['d'] else 'moved or removed'} them",
              file=sys.stderr)

    for rnd in range(args.runs):
        print(f"timing round {rnd + 1}/{args.runs}", file=sys.stderr)
        for name in names:
            r = results[name]
            for v in VARIANTS:
                if v in r["crashed"]:
                    continue
                try:
                    checksum, ns, cpu_ns = run_once(r["paths"][v])
                except Crash as e:
                    if v in "abc":
                        fail(f"{name}: variant {v} crashed: {e}")
                    r["crashed"][v] = str(e)
                    continue
                r.setdefault("checksum", checksum)
                if checksum != r["checksum"]:
                    fail(f"{name}: variant {v} prints checksum {checksum}, "
                         f"variant a {r['checksum']}")
                r["samples"][v].append(ns)
                r["cpu_samples"][v].append(cpu_ns)

    for name in names:
        r = results[name]
        r["time"] = {v: statistics.median(r["samples"][v])
                     for v in VARIANTS if v not in r["crashed"]}
        r["cpu"] = {v: statistics.median(r["cpu_samples"][v])
                    for v in VARIANTS if v not in r["crashed"]}
        r["ir"] = {}
        if args.ir:
            print(f"callgrind {name}", file=sys.stderr)
            for v in VARIANTS:
                if v in r["crashed"]:
                    continue
                try:
                    r["ir"][v] = instructions(r["paths"][v], args.ir_divisor)
                except Crash as e:
                    if v in "abc":
                        fail(f"{name}: variant {v} under callgrind: {e}")
                    r["crashed"][v] = str(e)
        r["goals"] = goals(r)

    print_tables(names, results, args)
    write_json(names, results, args)


# a/c tells allocation-bound benchmarks; d/e is LLVM's b/c; c/e compares
# the two compilers' code without any allocation.
RATIOS = (("b", "a"), ("b", "c"), ("b", "d"), ("a", "c"), ("d", "e"),
          ("c", "e"))


def table(names, results, metric, scale):
    print(f"{'benchmark':<18}" + "".join(f"{v:>8}" for v in VARIANTS)
          + "".join(f"{x + '/' + y:>6}" for x, y in RATIOS) + "  b=c   LLVM")
    for name in names:
        r = results[name]
        m = r[metric]
        cells = "".join(f"{m[v] / scale:8.1f}" if v in m else f"{'crash':>8}"
                        for v in VARIANTS)
        ratios = "".join(f"{fmt_ratio(ratio(m, x, y)):>6}" for x, y in RATIOS)
        same = "yes" if r["b_code_is_c"] else "no"
        llvm = "kept" if r["allocator_calls"]["d"] else "gone"
        print(f"{name:<18}{cells}{ratios}  {same:<5} {llvm}")


def print_tables(names, results, args):
    print(f"\nMedian wall time of {args.runs} runs, ms "
          "(a malloc, b plugin, c hand stack, d clang H2S, e clang hand;\n"
          "b=c: b has c's instructions, up to registers and addresses;\n"
          "LLVM: whether d still calls the allocator, or moved or removed "
          "it)")
    table(names, results, "time", 1e6)
    print(f"\nMedian CPU time of the same runs, ms")
    table(names, results, "cpu", 1e6)
    if args.ir:
        print(f"\nInstructions in bench_work at 1/{args.ir_divisor} of the "
              "work (callgrind), millions")
        table(names, results, "ir", 1e6)
    crashes = [(n, v, e) for n in names
               for v, e in results[n]["crashed"].items()]
    if crashes:
        print("\nCrashed:")
        for name, v, e in crashes:
            print(f"  {name}: variant {v}: {e}")
    print("\nGoals not met:")
    missed = 0
    for name in names:
        for metric, g in results[name]["goals"].items():
            for goal, ok in g.items():
                if not ok:
                    missed += 1
                    print(f"  {name}: {goal} ({metric})")
    if not missed:
        print("  none")


def write_json(names, results, args):
    doc = {
        "date": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "machine": machine(),
        "compilers": {"gcc": tool_version(args.gcc),
                      "clang": tool_version(args.clang)},
        "runs": args.runs,
        "ir_divisor": args.ir_divisor if args.ir else None,
        "variants": {"a": "gcc -O2, malloc", "b": "gcc -O2 + escape plugin",
                     "c": "gcc -O2 -DHAND_STACK",
                     "d": "clang -O2 -mllvm -attributor-enable=all",
                     "e": "clang -O2 -DHAND_STACK"},
        "benchmarks": {},
    }
    for name in names:
        r = results[name]
        doc["benchmarks"][name] = {
            "checksum": r["checksum"],
            "sites_moved_by_plugin": r["sites"],
            "allocator_calls_left": r["allocator_calls"],
            "b_code_is_c": r["b_code_is_c"],
            "time_ns_median": r["time"],
            "time_ns_samples": r["samples"],
            "cpu_ns_median": r["cpu"],
            "cpu_ns_samples": r["cpu_samples"],
            "instructions": r["ir"] or None,
            "crashed": r["crashed"],
            "goals": r["goals"],
        }
    with open(args.json, "w") as f:
        json.dump(doc, f, indent=1, sort_keys=True)
        f.write("\n")
    print(f"\nwrote {os.path.relpath(args.json, REPO)}")


if __name__ == "__main__":
    main()
