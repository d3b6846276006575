#!/usr/bin/env python3
"""The stack oracle: a program built with the escape plugin may need more
stack than the same program built without it, at the same level, by at
most STACK_EXTRA bytes, what the plugin may move into the frames of one
call chain.

    scripts/stack-oracle.py [--extra BYTES] [--timeout S] PLAIN PLUGIN [ARG...]

runs PLAIN (the program built without the plugin) and PLUGIN (the same
source, level and flags, with the plugin) with the arguments ARG, stdin
from /dev/null, and prints one line:

    pass: plain needs N bytes of stack, the plugin build runs within N + EXTRA
    fail: the plugin build needs M bytes of stack, the plain build N (allowed extra EXTRA)
    unresolved: WHY

exiting 0, 1 or 2.  scripts/escape-fuzz.py imports it; the DejaGnu
library (testsuite/lib/escape.exp) runs it on every run test.

How: the stack a program needs is the smallest RLIMIT_STACK (the main
thread's stack, set before exec) under which it still exits as it does
under the current limit, with the same status and standard output.  The
plain build's need is found by searching the limit to GRANULE bytes; the
plugin build then runs once under that need plus EXTRA plus SLACK, and is
measured itself only when that run fails, to report its number.  Runs
have address space randomization off (setarch -R) when the system allows
it, so the same program needs the same stack on every run; SLACK covers
the rest (the random placement of the stack top, when it stays on, moves
a program's need by up to 8 KiB).  A thread's stack is not the main
thread's: a program that runs its work on a thread with a fixed stack
size is measured by that work overflowing (a crash, which the caller
sees as a failed run), not by this.

The numbers include what the kernel puts above main (arguments,
environment, auxiliary vector), the same for both builds.
"""

import argparse
import functools
import os
import resource
import shutil
import subprocess
import sys

# The allowed extra, in one place: the most bytes a build with the
# plugin may need beyond the plain build, at the same level.  The
# plugin's own bounds are the frame budget (frame-budget, 32768 bytes of
# moved objects in one frame) and the stack budget (stack-budget: the
# bytes moved into the frames of any one call chain); this is the second
# one's default.  Change it here, or per run: --extra here and in
# scripts/escape-fuzz.py, ESCAPE_STACK_EXTRA= for runtest.
STACK_EXTRA = 64 * 1024

# Precision of a measured need, and the tolerance added to the allowed
# limit for what varies between runs of one executable.
GRANULE = 4096
SLACK = 16 * 1024
# Where the search for a need starts (doubling from there): a small
# program needs about 12 KiB.
FIRST_GUESS = 32 * 1024
RUN_TIMEOUT = 10


def full_limit():
    """The current soft stack limit, the one a normal run gets; 64 MiB
    when unlimited."""
    soft, _ = resource.getrlimit(resource.RLIMIT_STACK)
    if soft == resource.RLIM_INFINITY or soft > 64 << 20:
        return 64 << 20
    return soft


@functools.lru_cache(maxsize=None)
def wrapper():
    """The command prefix that runs a program under a stack limit (its
    {} is the limit in bytes): setarch -R (no randomization) when it
    works here, then prlimit, or a POSIX shell's ulimit without it."""
    prefix = []
    setarch = shutil.which("setarch")
    if setarch and subprocess.run([setarch, "-R", "true"],
                                  capture_output=True).returncode == 0:
        prefix = [setarch, "-R"]
    prlimit = shutil.which("prlimit")
    if prlimit:
        return prefix + [prlimit, "--stack={}:", "--"]
    # ulimit -s counts KiB.
    return prefix + ["sh", "-c", 'ulimit -S -s "$1" && shift && exec "$@"',
                     "sh", "{kib}"]


def run_limited(cmd, limit, cwd=None, timeout=RUN_TIMEOUT):
    """Run CMD with a stack limit of LIMIT bytes (None: the current
    one); return (status, stdout), status None on a timeout."""
    if limit is not None:
        cmd = [w.replace("{}", str(limit)).replace("{kib}", str(limit // 1024))
               for w in wrapper()] + list(cmd)
    try:
        p = subprocess.run(cmd, cwd=cwd, stdin=subprocess.DEVNULL,
                           stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                           timeout=timeout)
        return p.returncode, p.stdout
    except subprocess.TimeoutExpired:
        return None, b""


def need(cmd, expect, cwd=None, low=0, high=None, timeout=RUN_TIMEOUT):
    """The least stack limit, in GRANULE steps, under which CMD exits as
    EXPECT (status, stdout) says; HIGH is a limit known to be enough
    (default: the full limit), LOW one known not to be, or 0.  None if
    CMD does not give EXPECT even under HIGH."""
    high = high or full_limit()
    ok = lambda limit: run_limited(cmd, limit, cwd, timeout) == expect
    if low == 0 and high > FIRST_GUESS:
        # Most programs need little: try a small limit first, then
        # double, so that the search starts close to the answer.
        guess = FIRST_GUESS
        while guess < high:
            if ok(guess):
                high = guess
                break
            low = guess
            guess *= 2
    if high == full_limit() and not ok(high):
        return None
    while high - low > GRANULE:
        mid = (low + high) // 2 // GRANULE * GRANULE
        if mid <= low:
            mid = low + GRANULE
        if ok(mid):
            high = mid
        else:
            low = mid
    return high


def compare(plain, plugin, extra=STACK_EXTRA, cwd=None, expect=None,
            plain_need=None, timeout=RUN_TIMEOUT):
    """Check that PLUGIN (a command) needs at most EXTRA bytes of stack
    more than PLAIN.  EXPECT is what both must print and exit with (the
    plain build's run under the full limit, if None); PLAIN_NEED the
    plain build's need, if known.  Returns (verdict, plain need, plugin
    need or None, message): verdict "pass", "fail" or "unresolved"."""
    if expect is None:
        expect = run_limited(plain, None, cwd, timeout)
        if expect[0] is None:
            return ("unresolved", None, None,
                    "the plain build timed out after %d s" % timeout)
    if plain_need is None:
        plain_need = need(plain, expect, cwd, timeout=timeout)
    if plain_need is None:
        return ("unresolved", None, None,
                "the plain build does not run alike twice")
    allowed = plain_need + extra + SLACK
    if run_limited(plugin, allowed, cwd, timeout) == expect:
        return ("pass", plain_need, None,
                "plain needs %d bytes of stack, the plugin build runs "
                "within %d + %d" % (plain_need, plain_need, extra))
    plugin_need = need(plugin, expect, cwd, low=allowed, timeout=timeout)
    if plugin_need is None:
        return ("fail", plain_need, None,
                "the plugin build fails even with the full %d bytes of "
                "stack, the plain build needs %d (allowed extra %d)"
                % (full_limit(), plain_need, extra))
    return ("fail", plain_need, plugin_need,
            "the plugin build needs %d bytes of stack, the plain build %d "
            "(allowed extra %d)" % (plugin_need, plain_need, extra))


def main():
    ap = argparse.ArgumentParser(
        description="Compare the stack a program needs built without and "
                    "with the escape plugin.")
    ap.add_argument("--extra", type=int, default=STACK_EXTRA,
                    help="bytes the plugin build may need beyond the "
                         "plain build (default %(default)s)")
    ap.add_argument("--timeout", type=int, default=RUN_TIMEOUT,
                    help="seconds a run may take (default %(default)s)")
    ap.add_argument("plain")
    ap.add_argument("plugin")
    ap.add_argument("args", nargs="*")
    opts = ap.parse_args()
    plain = [os.path.abspath(opts.plain)] + opts.args
    plugin = [os.path.abspath(opts.plugin)] + opts.args
    verdict, _, _, message = compare(plain, plugin, opts.extra,
                                     timeout=opts.timeout)
    print("%s: %s" % (verdict, message))
    return {"pass": 0, "fail": 1}.get(verdict, 2)


if __name__ == "__main__":
    sys.exit(main())
