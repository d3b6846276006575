#!/usr/bin/env python3
"""The real-code test bed: Debian source packages built and tested twice,
without and with the escape plugin (docs/real-code.md).

  scripts/check-packages.py [--packages a,b,...] [--quick] [--opt=-O3]
                            [--lto] [--plugin PATH] [--out DIR] [--keep]

Each package of scripts/packages.list is fetched with `apt-get source',
its build dependencies installed with `apt-get build-dep', and built by
its own rules with `dpkg-buildpackage -b -uc -us', which runs its test
suite (dh_auto_test), with Debian's build flags (dpkg-buildflags):

  plain   the flags as Debian sets them (plus --opt, if given);
  plugin  the same, and -fplugin=escape.so -fplugin-arg-escape-report=DIR.

Both are appended through DEB_CFLAGS_APPEND, which dpkg-buildflags puts
after Debian's own -O2, so --opt=-O3 overrides it.  --lto builds both
with link-time optimisation the way Debian and Ubuntu turn it on
(the flags of DEB_BUILD_MAINT_OPTIONS=optimize=+lto, -flto=auto
-ffat-lto-objects, appended to CFLAGS and LDFLAGS), and the plugin build
loads the plugin at the link too, where its late instance runs.  Per
package and build it records the build's status, the test suite's status
and counts, the C objects compiled with and without the plugin (read from
the DW_AT_producer of their DWARF, which records the command line), the
report files, the plugin's decisions, and the direct calls to malloc and
calloc left in the shipped executables and shared libraries.  A test that
passes without the plugin and fails with it is a miscompile: the run
fails.

Prints a table and writes OUT/results.json (results-O3.json for --opt
-O3, results-lto.json and results-O3-lto.json with --lto).  The last line
is "N passed, M failed": N packages whose plugin build matched the plain
one (built, and no test that passed plain failed), M the others.  Exit
status 1 if M > 0, 2 if the run could not be set up.

The setup needs root: it adds a deb-src entry for bookworm beside the
host's own Debian entry, if there is none, and installs what is missing,
saying what and why.
"""

import argparse
import collections
import datetime
import glob
import hashlib
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LIST = os.path.join(REPO, "scripts", "packages.list")
REPORT_TOOL = os.path.join(REPO, "scripts", "escape-report")
SUITE = "bookworm"
SRC_ENTRY = "/etc/apt/sources.list.d/escape-deb-src.sources"
# What every build needs beyond the packages' own build dependencies.
TOOLS = {"dpkg-dev": "dpkg-buildpackage and dpkg-source",
         "fakeroot": "dpkg-buildpackage's root for the binary packages",
         "build-essential": "the toolchain every Debian build assumes",
         "binutils": "objdump and readelf, for the checks of the objects"}

# Units of build-system probes, not of the package: configure's conftest.c
# and CMake's checks.  Their reports are set aside.
PROBE_UNITS = re.compile(r"^(conftest|CMakeCCompilerId|CheckFunctionExists|"
                         r"CheckSymbolExists|CheckIncludeFile|"
                         r"CheckTypeSize|CheckCSourceCompiles|src|"
                         r"testCCompiler)\.c-"
                         # Their links under --lto, named after the output.
                         r"|^(conftest|cmTC_[0-9a-f]+|a)\.ltrans\d+\.ltrans-")


def say(message):
    print("check-packages: " + message, flush=True)


def die(message):
    say(message)
    sys.exit(2)


def run(cmd, **kw):
    return subprocess.run(cmd, check=False, **kw)


# -- The package list --------------------------------------------------------

def read_list(path):
    """[(name, options, why)] from lines "NAME [KEY=VALUE|FLAG ...] # why"."""
    packages = []
    with open(path) as f:
        for line in f:
            # A comment is a "#" that stands alone: regexes may hold one.
            text, why = (re.split(r"(?:^|\s)#(?:\s|$)", line.rstrip("\n"), 1)
                         + [""])[:2]
            words = text.split()
            if not words:
                continue
            options = {}
            for w in words[1:]:
                k, eq, v = w.partition("=")
                options[k] = v if eq else True
            packages.append((words[0], options, why.strip()))
    return packages


# -- Setup -------------------------------------------------------------------

def debian_mirror():
    """The URI of the host's bookworm entry, and whether it is written as a
    deb822 .sources file or a one-line sources.list."""
    for path in sorted(glob.glob("/etc/apt/sources.list.d/*.sources")):
        if path == SRC_ENTRY:
            continue
        with open(path) as f:
            for stanza in f.read().split("\n\n"):
                fields = dict(re.findall(r"^([\w-]+):\s*(.*)$", stanza, re.M))
                if "deb" in fields.get("Types", "").split() and \
                        SUITE in fields.get("Suites", "").split():
                    return fields["URIs"].split()[0], fields
    for path in ["/etc/apt/sources.list"] + \
            sorted(glob.glob("/etc/apt/sources.list.d/*.list")):
        if not os.path.exists(path):
            continue
        with open(path) as f:
            for line in f:
                m = re.match(r"deb\s+(\[[^]]*\]\s+)?(\S+)\s+%s\s" % SUITE, line)
                if m:
                    return m.group(2), None
    return None, None


def has_deb_src():
    out = run(["apt-get", "indextargets", "--format", "$(IDENTIFIER)"],
              capture_output=True, text=True).stdout
    return "Sources" in out.split()


def setup_sources():
    if has_deb_src():
        return
    uri, fields = debian_mirror()
    if uri is None:
        die("no Debian %s entry in /etc/apt/sources.list*: cannot add "
            "deb-src" % SUITE)
    if fields is not None:
        entry = ("Types: deb-src\nURIs: %s\nSuites: %s\nComponents: %s\n"
                 % (uri, fields.get("Suites", SUITE),
                    fields.get("Components", "main")))
        if "Signed-By" in fields:
            entry += "Signed-By: %s\n" % fields["Signed-By"]
        target = SRC_ENTRY
    else:
        entry = "deb-src %s %s main\n" % (uri, SUITE)
        target = SRC_ENTRY[:-len(".sources")] + ".list"
    say("adding a deb-src entry for %s (%s) in %s, for apt-get source"
        % (SUITE, uri, target))
    with open(target, "w") as f:
        f.write(entry)
    apt_update(force=True)


_updated = False


def apt_update(force=False):
    global _updated
    if _updated and not force:
        return
    say("apt-get update")
    if run(["apt-get", "update", "-qq"]).returncode != 0:
        die("apt-get update failed")
    _updated = True


def installed(pkg):
    out = run(["dpkg-query", "-W", "-f=${Status}", pkg],
              capture_output=True, text=True).stdout
    return "ok installed" in out


def setup_tools():
    missing = [p for p in TOOLS if not installed(p)]
    if not missing:
        return
    for p in missing:
        say("installing %s: %s" % (p, TOOLS[p]))
    apt_update()
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    if run(["apt-get", "install", "-y", "-qq"] + missing, env=env,
           stdout=subprocess.DEVNULL).returncode != 0:
        die("apt-get install %s failed" % " ".join(missing))


def fetch_source(name, src_dir):
    """The .dsc of NAME in src_dir, downloaded with apt-get source if not
    there yet."""
    os.makedirs(src_dir, exist_ok=True)
    dscs = glob.glob(os.path.join(src_dir, "*.dsc"))
    if not dscs:
        say("%s: apt-get source (the package's Debian source)" % name)
        apt_update()
        # As root, apt warns that it downloads unsandboxed: say nothing.
        if run(["apt-get", "source", "--download-only", "-qq", name],
               cwd=src_dir, stdout=subprocess.DEVNULL,
               stderr=subprocess.DEVNULL).returncode != 0:
            return None
        dscs = glob.glob(os.path.join(src_dir, "*.dsc"))
    return sorted(dscs)[-1] if dscs else None


def build_deps(name, tree, profiles):
    """Installs NAME's build dependencies if dpkg-checkbuilddeps finds any
    missing; returns False if it could not."""
    cmd = ["dpkg-checkbuilddeps"]
    if profiles:
        cmd.append("-P" + profiles)
    check = run(cmd, cwd=tree, capture_output=True, text=True)
    if check.returncode == 0:
        return True
    missing = re.sub(r"^.*Unmet build dependencies:\s*", "",
                     check.stderr.strip().splitlines()[-1])
    say("%s: apt-get build-dep %s, for its unmet build dependencies: %s"
        % (name, name, missing))
    apt_update()
    cmd = ["apt-get", "build-dep", "-y", "-qq", name]
    if profiles:
        cmd[2:2] = ["-P", profiles]
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    return run(cmd, env=env, stdout=subprocess.DEVNULL).returncode == 0


# -- One build ---------------------------------------------------------------

# What dpkg-buildflags adds for DEB_BUILD_MAINT_OPTIONS=optimize=+lto,
# which many packages' rules set for themselves and so would override.
LTO_FLAGS = ["-flto=auto", "-ffat-lto-objects"]


def build_env(opt, extra_cflags, profiles, lto):
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("DEB_", "MAKE", "MFLAGS", "CFLAGS", "CPPFLAGS",
                                "LDFLAGS", "CXXFLAGS", "DH_", "CCACHE",
                                "DISTCC", "GCC_"))
           and k not in ("CC", "CXX", "CPP", "LD")}
    lto_flags = LTO_FLAGS if lto else []
    cflags = ([opt] if opt else []) + lto_flags + extra_cflags
    if cflags:
        env["DEB_CFLAGS_APPEND"] = " ".join(cflags)
    if lto:
        env["DEB_LDFLAGS_APPEND"] = " ".join(lto_flags + extra_cflags)
    env["DEB_BUILD_OPTIONS"] = "parallel=%d noautodbgsym" % (os.cpu_count() or 1)
    if profiles:
        env["DEB_BUILD_PROFILES"] = profiles.replace(",", " ")
    env["LC_ALL"] = "C.UTF-8"
    # Debian's tools, as on a buildd: a python3 or tool of the caller's
    # own earlier in PATH lacks the Debian modules (asciidoc's, say).
    env["PATH"] = "/usr/sbin:/usr/bin:/sbin:/bin"
    return env


def build(name, dsc, tree, log, env, timeout):
    """Unpacks dsc into tree and runs dpkg-buildpackage there; returns
    (exit status or None for a timeout, seconds)."""
    parent = os.path.dirname(tree)
    if os.path.exists(parent):
        shutil.rmtree(parent)
    os.makedirs(parent)
    with open(log, "w") as out:
        r = run(["dpkg-source", "--no-check", "-x", dsc, tree], cwd=parent,
                stdout=out, stderr=subprocess.STDOUT)
        if r.returncode != 0:
            return r.returncode, 0.0
        start = time.monotonic()
        try:
            r = subprocess.run(["dpkg-buildpackage", "-b", "-uc", "-us"],
                               cwd=tree, env=env, stdout=out,
                               stderr=subprocess.STDOUT, timeout=timeout,
                               start_new_session=True)
            status = r.returncode
        except subprocess.TimeoutExpired:
            status = None
        return status, time.monotonic() - start


# -- What a build did --------------------------------------------------------

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def test_section(text):
    """The part of the log that dh_auto_test (or its override) printed."""
    lines = text.splitlines()
    start = None
    for i, line in enumerate(lines):
        if re.match(r"^\s+(dh_auto_test|debian/rules override_dh_auto_test)",
                    line) or "override_dh_auto_test" in line and start is None \
                and line.startswith("debian/rules"):
            start = i
            break
    if start is None:
        return "", False
    end = len(lines)
    for j in range(start + 1, len(lines)):
        if re.match(r"^\s+(dh_(?!auto_test)\w+|debian/rules override_dh_"
                     r"(?!auto_test)\w+|create-stamp)", lines[j]):
            end = j
            break
    return "\n".join(lines[start:end]), True


def parse_tests(text, options):
    """{passed, failed, skipped, how} from the test output, or None."""
    text = ANSI.sub("", text)
    # Automake's parallel harness: one "Testsuite summary" per suite.  A
    # failing suite's test-suite.log, printed after it under VERBOSE=1,
    # starts with the same counts: those are not counted again.
    sums = collections.Counter()
    found = False
    for block in re.findall(r"^Testsuite summary for .*\n=+\n((?:# \w+:.*\n)+)",
                            text, re.M):
        for key, n in re.findall(r"^# (TOTAL|PASS|SKIP|XFAIL|FAIL|XPASS|"
                                 r"ERROR):\s+(\d+)\s*$", block, re.M):
            sums[key] += int(n)
            found = True
    if found:
        names = sorted(set(re.findall(r"^(?:FAIL|XPASS|ERROR): (\S+)$",
                                      text, re.M)))
        return {"passed": sums["PASS"] + sums["XFAIL"],
                "failed": sums["FAIL"] + sums["XPASS"] + sums["ERROR"],
                "skipped": sums["SKIP"], "how": "automake",
                "failed_names": names}
    # CTest.
    m = re.findall(r"^\d+% tests passed, (\d+) tests? failed out of (\d+)",
                   text, re.M)
    if m:
        failed = sum(int(f) for f, _ in m)
        total = sum(int(t) for _, t in m)
        skipped = len(re.findall(r"\*\*\*Not Run|\(Disabled\)|Skipped", text))
        return {"passed": total - failed, "failed": failed,
                "skipped": skipped, "how": "ctest"}
    # Automake's serial harness.
    passed = failed = 0
    found = False
    for m in re.finditer(r"^(?:All (\d+) tests passed|(\d+) of (\d+) tests "
                         r"failed)", text, re.M):
        found = True
        if m.group(1):
            passed += int(m.group(1))
        else:
            failed += int(m.group(2))
            passed += int(m.group(3)) - int(m.group(2))
    if found:
        return {"passed": passed, "failed": failed, "skipped": 0,
                "how": "automake serial"}
    # The package's own words, from packages.list: pass=REGEX, fail=REGEX
    # count matching lines, ran=REGEX the tests run, passed or not;
    # count=REGEX has groups (passed, failed).
    if "count" in options:
        m = re.findall(options["count"], text, re.M)
        if m:
            return {"passed": sum(int(p) for p, _ in m),
                    "failed": sum(int(f) for _, f in m), "skipped": 0,
                    "how": "own summary"}
    if "pass" in options or "ran" in options:
        failed = len(re.findall(options["fail"], text, re.M)) \
            if "fail" in options else 0
        if "pass" in options:
            passed = len(re.findall(options["pass"], text, re.M))
        else:
            passed = len(re.findall(options["ran"], text, re.M)) - failed
        if passed or failed:
            return {"passed": passed, "failed": failed, "skipped": 0,
                    "how": "own lines"}
    return None


def elf_kind(path):
    try:
        with open(path, "rb") as f:
            head = f.read(18)
    except OSError:
        return None
    if len(head) < 18 or head[:4] != b"\x7fELF":
        return None
    return int.from_bytes(head[16:18], "little")  # 1 REL, 2 EXEC, 3 DYN


def c_producers(path):
    """The DW_AT_producer strings of PATH's C units."""
    out = run(["readelf", "--debug-dump=info", path], capture_output=True,
              text=True, errors="replace").stdout
    return [p for p in re.findall(r"DW_AT_producer\s*:.*?: (GNU C\S* .*)$",
                                  out, re.M)
            if not p.startswith(("GNU C++", "GNU AS"))]


def compiled_objects(tree):
    """(C objects, of them with -fplugin=, without) among the relocatable
    ELF objects of the build tree, the staged packages excluded."""
    total = with_plugin = 0
    without = []
    deb = os.path.join(tree, "debian")
    for root, dirs, files in os.walk(tree):
        if root == deb:
            # Keep build directories under debian/ (xz-utils builds there),
            # not the staged packages, copies of what was built.
            dirs[:] = [d for d in dirs if d != "tmp" and not
                       os.path.isdir(os.path.join(root, d, "DEBIAN"))]
        for name in files:
            # Any relocatable ELF file: zlib names its PIC objects .lo.
            path = os.path.join(root, name)
            if os.path.islink(path) or elf_kind(path) != 1:
                continue
            producers = c_producers(path)
            if not producers:
                continue
            total += 1
            if all("-fplugin=" in p for p in producers):
                with_plugin += 1
            else:
                without.append(os.path.relpath(path, tree))
    return total, with_plugin, without


ALLOC_CALL = re.compile(r"\s(call|jmp)\s+[0-9a-f]+ <(malloc|calloc)@plt>")


def shipped_elves(tree):
    """The executables and shared libraries of the binary packages, as
    dh_install laid them out in debian/<package>/."""
    found = []
    deb = os.path.join(tree, "debian")
    for pkg in sorted(os.listdir(deb)) if os.path.isdir(deb) else []:
        top = os.path.join(deb, pkg)
        if pkg in ("tmp", ".debhelper") or pkg.endswith("-dbgsym") or \
                not os.path.isdir(os.path.join(top, "DEBIAN")):
            continue
        for root, _, files in os.walk(top):
            if "/usr/lib/debug" in root:
                continue
            for name in files:
                path = os.path.join(root, name)
                if not os.path.islink(path) and elf_kind(path) in (2, 3):
                    found.append(path)
    return found


def allocator_calls(tree):
    """{malloc: n, calloc: n} direct calls (call or tail jmp to the PLT
    entry) in the shipped ELF files, and the number of files."""
    counts = collections.Counter()
    files = shipped_elves(tree)
    for path in files:
        out = run(["objdump", "-d", "--no-show-raw-insn", path],
                  capture_output=True, text=True, errors="replace").stdout
        for m in ALLOC_CALL.finditer(out):
            counts[m.group(2)] += 1
    return {"malloc": counts["malloc"], "calloc": counts["calloc"],
            "files": len(files)}


def set_aside_probes(report_dir):
    """Moves the reports of configure and CMake probes out of report_dir;
    returns how many."""
    probes = report_dir + "-probes"
    n = 0
    for name in os.listdir(report_dir):
        if PROBE_UNITS.match(name):
            os.makedirs(probes, exist_ok=True)
            os.replace(os.path.join(report_dir, name),
                       os.path.join(probes, name))
            n += 1
    return n


def decisions(report_dir):
    """The summary of escape-report --json over report_dir: each site once
    per file, line, column and function."""
    if not any(n.endswith(".escape.json") for n in os.listdir(report_dir)):
        return {"sites": 0, "stack": 0, "heap": 0, "reasons": {}}
    r = run([sys.executable, REPORT_TOOL, "--json", report_dir],
            capture_output=True, text=True)
    if r.returncode != 0:
        return {"error": r.stderr.strip()[-500:]}
    s = json.loads(r.stdout)["summary"]
    s["reasons"].pop("no-escape", None)
    return {"sites": s["sites"], "stack": s["stack"], "heap": s["heap"],
            "reasons": s["reasons"]}


def count_tests(log, options):
    with open(log, errors="replace") as f:
        text = f.read()
    section, ran = test_section(text)
    return parse_tests(section if ran else text, options)


def examine(name, tree, log, status, seconds, options, report_dir):
    with open(log, errors="replace") as f:
        text = f.read()
    section, ran = test_section(text)
    tests = parse_tests(section if ran else text, options)
    failed_step = None
    m = re.search(r"^\s*(dh_\w+): error:", text, re.M) or \
        re.search(r"\[debian/rules:\d+: (override_dh_\w+|\w+)\] Error", text)
    if m:
        failed_step = m.group(1)
    elif status is None:
        failed_step = "timeout"
    elif status != 0:
        m = re.search(r"^dpkg-buildpackage: error: (.*)$", text, re.M)
        failed_step = m.group(1) if m else "dpkg-buildpackage"
    result = {
        "status": status, "seconds": round(seconds, 1),
        "built": status == 0,
        "failed_step": failed_step,
        "tests_ran": ran,
        "tests_failed_step": "auto_test" in (failed_step or ""),
        "tests": tests,
        "log": os.path.relpath(log, REPO),
    }
    objs, with_plugin, without = compiled_objects(tree)
    result["c_objects"] = objs
    result["c_objects_with_plugin"] = with_plugin
    result["c_objects_without_plugin"] = without[:20]
    result["alloc_calls"] = allocator_calls(tree)
    if report_dir:
        result["probe_reports"] = set_aside_probes(report_dir)
        result["report_files"] = sum(n.endswith(".escape.json")
                                     for n in os.listdir(report_dir))
        result["decisions"] = decisions(report_dir)
    return result


# -- The comparison ----------------------------------------------------------

def verdict(plain, plugin):
    """(ok, why) for the plugin build against the plain one."""
    if plain is None or plugin is None:
        return False, "not built"
    if not plain["built"] and not plain["tests_failed_step"]:
        return plugin["built"] or plugin["failed_step"] == plain["failed_step"], \
            "plain build failed (%s)" % plain["failed_step"]
    if not plugin["built"] and not (plugin["tests_failed_step"] and
                                    plain["tests_failed_step"]):
        return False, "plugin build failed (%s)" % plugin["failed_step"]
    if plugin["c_objects"] and plugin["c_objects_without_plugin"]:
        return False, "%d C objects compiled without the plugin" % \
            (plugin["c_objects"] - plugin["c_objects_with_plugin"])
    pt, gt = plain["tests"], plugin["tests"]
    if pt and gt:
        if gt["failed"] > pt["failed"] or gt["passed"] < pt["passed"]:
            return False, "tests: %d/%d passed/failed plain, %d/%d plugin" % \
                (pt["passed"], pt["failed"], gt["passed"], gt["failed"])
        new = set(gt.get("failed_names", ())) - set(pt.get("failed_names", ()))
        if new:
            return False, "tests failing with the plugin only: " + \
                ", ".join(sorted(new))
    elif pt and not gt:
        return False, "no test summary with the plugin"
    return True, ""


def fmt_tests(r):
    if r is None:
        return "-"
    t = r["tests"]
    if not r["built"] and not (r["tests_failed_step"] and t):
        return "FAIL(%s)" % (r["failed_step"] or r["status"])
    if t is None:
        return "ok" if r["tests_ran"] else "none"
    s = "%d/%d" % (t["passed"], t["passed"] + t["failed"])
    if t["failed"]:
        s += " (%d fail)" % t["failed"]
    return s


def main_reasons(d, n=3):
    reasons = sorted(d.get("reasons", {}).items(), key=lambda kv: -kv[1])
    return ", ".join("%s %d" % kv for kv in reasons[:n]) or "-"


def print_table(rows):
    head = ("package", "tests plain", "tests plugin", "objs", "sites",
            "moved", "calls plain", "calls plugin", "time", "main heap reasons")
    table = [head]
    for name, res in rows:
        plain, plugin = res.get("plain"), res.get("plugin")
        d = (plugin or {}).get("decisions", {})
        objs = "-"
        if plugin:
            objs = "%d/%d" % (plugin["c_objects_with_plugin"],
                              plugin["c_objects"])

        def calls(r):
            if not r:
                return "-"
            c = r["alloc_calls"]
            # No package staged (a build that stopped early): nothing to count.
            return str(c["malloc"] + c["calloc"]) if c["files"] else "-"
        secs = sum(r["seconds"] for r in (plain, plugin) if r)
        table.append((name, fmt_tests(plain), fmt_tests(plugin), objs,
                      str(d.get("sites", "-")), str(d.get("stack", "-")),
                      calls(plain), calls(plugin), "%ds" % secs,
                      main_reasons(d)))
    widths = [max(len(r[i]) for r in table) for i in range(len(head))]
    for r in table:
        print("  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip())


def print_markdown(path):
    """The table of a results file, as docs/real-code.md shows it."""
    with open(path) as f:
        res = json.load(f)
    print("| Package | Version | Tests plain | Tests plugin | C objects "
          "with the plugin | Sites | Moved | Heap: main reasons | "
          "malloc/calloc calls plain | with the plugin | Build time |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for name, r in res["packages"].items():
        plain, plugin = r.get("plain"), r.get("plugin")
        if not plain or not plugin:
            print("| %s | | %s | | | | | | | | |" % (name, r.get("error", "")))
            continue
        d = plugin.get("decisions", {})
        calls = [str(x["alloc_calls"]["malloc"] + x["alloc_calls"]["calloc"])
                 if x["alloc_calls"]["files"] else "-"
                 for x in (plain, plugin)]
        print("| %s | %s | %s | %s | %d/%d | %s | %s | %s | %s | %s | "
              "%ds + %ds |" % (
                  name, r.get("version", ""), fmt_tests(plain),
                  fmt_tests(plugin), plugin["c_objects_with_plugin"],
                  plugin["c_objects"], d.get("sites", "-"),
                  d.get("stack", "-"), main_reasons(d), calls[0], calls[1],
                  plain["seconds"], plugin["seconds"]))
    tot = collections.Counter()
    for r in res["packages"].values():
        d = r.get("plugin", {}).get("decisions", {})
        tot["sites"] += d.get("sites", 0)
        tot["stack"] += d.get("stack", 0)
        for k, v in d.get("reasons", {}).items():
            tot["r:" + k] += v
    reasons = sorted(((k[2:], v) for k, v in tot.items()
                      if k.startswith("r:")), key=lambda kv: -kv[1])
    print("| **all** | | | | | %d | %d | %s | | | |" % (
        tot["sites"], tot["stack"],
        ", ".join("%s %d" % kv for kv in reasons[:4])))


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        h.update(f.read())
    return h.hexdigest()


def reusable(done, out, name, plugin_sha, variants):
    """The builds of an earlier run that --resume may take over, and that
    run's result: the plain build whatever the plugin was, since it does
    not load it, and the plugin build only if the plugin is the same
    file.  None if there is nothing to take, or the source is gone."""
    if not os.path.exists(done):
        return None, None
    with open(done) as f:
        old = json.load(f)
    if not glob.glob(os.path.join(out, "src", name,
                                  "*_%s.dsc" % old.get("version"))):
        return None, None
    builds = {v: old[v] for v in variants if v in old and
              (v == "plain" or old.get("plugin_sha256") == plugin_sha)}
    return (builds, old) if builds else (None, None)


def finish(res, variants, plugin_sha, done):
    """Compares the two builds of a package and records the result.  A
    run of one variant passes a package that built."""
    if "plain" in res and "plugin" in res:
        ok, why_not = verdict(res["plain"], res["plugin"])
        res["ok"] = ok
        res["difference"] = why_not
        if not ok:
            say("%s: DIFFERENCE: %s" % (os.path.basename(done)[:-5], why_not))
    elif len(variants) == 1 and variants[0] in res:
        res["ok"] = res[variants[0]]["built"]
        res["difference"] = None if res["ok"] else \
            "the %s build failed" % variants[0]
    res.update(plugin_sha256=plugin_sha, variants=variants,
               date=datetime.datetime.now().astimezone()
               .isoformat(timespec="seconds"))
    with open(done, "w") as f:
        json.dump(res, f, indent=1)


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--packages", default=os.environ.get("PACKAGES", ""),
                    help="comma- or space-separated names (default: the list)")
    ap.add_argument("--quick", action="store_true",
                    help="only the packages marked quick in the list")
    ap.add_argument("--opt", default="",
                    help="an optimisation level appended to both builds, "
                    "e.g. --opt=-O3 (default: Debian's -O2)")
    ap.add_argument("--lto", action="store_true",
                    help="link-time optimisation as Debian turns it on, "
                    "the plugin loaded at the link too")
    ap.add_argument("--plugin", default=os.path.join(REPO, "plugin",
                                                     "escape.so"))
    ap.add_argument("--out", default=os.path.join(REPO, "build", "packages"))
    ap.add_argument("--variants", default="plain,plugin")
    ap.add_argument("--timeout", type=int, default=1800,
                    help="seconds for one build (default 1800)")
    ap.add_argument("--keep", action="store_true",
                    help="keep the build trees (default: only logs, reports)")
    ap.add_argument("--resume", action="store_true",
                    help="reuse a package's result of an earlier run with "
                    "the same plugin, version and level")
    ap.add_argument("--list", default=LIST)
    ap.add_argument("--markdown", metavar="RESULTS",
                    help="print the table of a results file in Markdown, "
                    "and nothing else")
    args = ap.parse_args(argv)
    if args.markdown:
        print_markdown(args.markdown)
        return 0

    if args.opt and not re.match(r"^-O[0-3sgz]?$|^-Ofast$", args.opt):
        die("--opt takes an optimisation level such as -O3")
    plugin = os.path.realpath(args.plugin)
    if not os.path.exists(plugin):
        die("no plugin %s; run make first" % args.plugin)
    if os.geteuid() != 0:
        die("run as root: the setup installs packages with apt-get")
    listed = read_list(args.list)
    if args.packages:
        wanted = args.packages.replace(",", " ").split()
        known = {n for n, _, _ in listed}
        for w in wanted:
            if w not in known:
                die("%s is not in %s" % (w, os.path.relpath(args.list, REPO)))
        listed = [p for p in listed if p[0] in wanted]
    elif args.quick:
        listed = [p for p in listed if p[1].get("quick")]
    variants = args.variants.split(",")

    setup_sources()
    setup_tools()

    out = os.path.abspath(args.out)
    level = (args.opt.lstrip("-") if args.opt else "O2") + \
        ("-lto" if args.lto else "")
    work = os.path.join(out, "work", level)
    logs = os.path.join(out, "logs", level)
    reports = os.path.join(out, "reports", level)
    os.makedirs(logs, exist_ok=True)
    start = time.monotonic()
    say("%d packages, %s%s, builds %s; plugin %s"
        % (len(listed), args.opt or "-O2 (Debian's)",
           ", -flto=auto -ffat-lto-objects" if args.lto else "",
           " and ".join(variants),
           os.path.relpath(plugin, REPO)))
    plugin_sha = sha256(plugin)
    done_dir = os.path.join(out, "done", level)
    os.makedirs(done_dir, exist_ok=True)
    rows = []
    for name, options, why in listed:
        done = os.path.join(done_dir, name + ".json")
        res = {"why": why}
        builds, old = reusable(done, out, name, plugin_sha, variants) \
            if args.resume else (None, None)
        if builds:
            for v, r in builds.items():
                # The tests are counted again, by the list's current rules.
                log = os.path.join(REPO, r["log"])
                if os.path.exists(log):
                    r["tests"] = count_tests(log, options)
                res[v] = r
            res["version"] = old["version"]
            say("%s: the %s build of %s (--resume)"
                % (name, " and ".join(builds), old["date"]))
            if len(builds) == len(variants):
                finish(res, variants, plugin_sha, done)
                rows.append((name, res))
                continue
        profiles = options.get("profiles", "")
        src_dir = os.path.join(out, "src", name)
        dsc = fetch_source(name, src_dir)
        if dsc is None:
            say("%s: apt-get source failed" % name)
            res["error"] = "apt-get source failed"
            rows.append((name, res))
            continue
        version = re.sub(r"^.*?_(.*)\.dsc$", r"\1", os.path.basename(dsc))
        if res.get("version", version) != version:
            res = {"why": why}
        res["version"] = version
        first = True
        for variant in variants:
            if variant in res:
                continue
            tree = os.path.join(work, variant, name, "src")
            log = os.path.join(logs, "%s.%s.log" % (name, variant))
            extra = []
            report_dir = None
            if variant == "plugin":
                report_dir = os.path.join(reports, name)
                if os.path.exists(report_dir):
                    shutil.rmtree(report_dir)
                if os.path.exists(report_dir + "-probes"):
                    shutil.rmtree(report_dir + "-probes")
                os.makedirs(report_dir)
                extra = ["-fplugin=" + plugin,
                         "-fplugin-arg-escape-report=" + report_dir]
            env = build_env(args.opt, extra, profiles, args.lto)
            if first:
                # The build dependencies are checked in an unpacked tree.
                parent = os.path.dirname(tree)
                if os.path.exists(parent):
                    shutil.rmtree(parent)
                os.makedirs(parent)
                run(["dpkg-source", "--no-check", "-x", dsc, tree],
                    stdout=subprocess.DEVNULL, cwd=parent)
                if not build_deps(name, tree, profiles):
                    say("%s: apt-get build-dep failed" % name)
                first = False
            say("%s %s: dpkg-buildpackage -b (DEB_CFLAGS_APPEND=%s)"
                % (name, variant, shlex.quote(env.get("DEB_CFLAGS_APPEND", "")
                                              .replace(REPO + "/", ""))))
            status, seconds = build(name, dsc, tree, log, env, args.timeout)
            r = examine(name, tree, log, status, seconds, options, report_dir)
            res[variant] = r
            say("%s %s: %s in %ds, tests %s" % (
                name, variant, "built" if r["built"] else
                "FAILED (%s)" % r["failed_step"], seconds, fmt_tests(r)))
            if not args.keep:
                shutil.rmtree(os.path.dirname(tree), ignore_errors=True)
        finish(res, variants, plugin_sha, done)
        rows.append((name, res))

    elapsed = time.monotonic() - start
    print()
    print_table(rows)
    compared = [(n, r) for n, r in rows if "ok" in r]
    passed = sum(r["ok"] for _, r in compared)
    failed = len(rows) - passed
    result = {
        "date": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
        "opt": args.opt or "-O2",
        "lto": args.lto,
        "gcc": run(["gcc", "-dumpfullversion"], capture_output=True,
                   text=True).stdout.strip(),
        "plugin": os.path.relpath(plugin, REPO),
        "seconds": round(elapsed),
        # The builds' own time, those of results reused by --resume too.
        "build_seconds": round(sum(r[v]["seconds"] for _, r in rows
                                   for v in ("plain", "plugin") if v in r)),
        "passed": passed, "failed": failed,
        "packages": {n: r for n, r in rows},
    }
    name = "results-%s.json" % level
    if level.startswith("O2"):
        name = name.replace("-O2", "")
    path = os.path.join(out, name)
    with open(path, "w") as f:
        json.dump(result, f, indent=1, sort_keys=False)
        f.write("\n")
    print()
    say("%s, %d min %d s" % (os.path.relpath(path, REPO), elapsed // 60,
                             elapsed % 60))
    for n, r in rows:
        if not r.get("ok"):
            say("%s: %s" % (n, r.get("difference") or r.get("error")))
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
