#!/usr/bin/env python3
"""Random differential testing of the escape plugin.

    scripts/escape-fuzz.py [-n N] [--seed S] [--jobs J] [--only I]
                           [--gcc GCC] [--plugin SO] [--out DIR] [--print I]
                           [--scenarios NAME,...] [--weights NAME=W,...]
                           [--variant SHAPE=VARIANT] [--threads P]
                           [--stack-extra BYTES | --no-stack]

Program I of seed S is a random C program, always the same for the same
S and I (and the same options that shape programs), built from the cases
the plugin's rules are about: allocations of constant, bounded and
unbounded size; frees on some or all paths; phis of several allocations
freed once; allocations in loops, per iteration and carried into the
next one; static helpers that read, write, keep, return, free or realloc
their argument; stores into local and escaping structs; calls through
function pointers; recursion.  Mixed in are the shapes of miscompiles
the plugin has had, so that a regression is caught again:

  irreducible      an allocation in a natural loop inside an irreducible
                   loop, the last round's object carried in prev and
                   freed in the next round;
  returns-arg      builtins that return their argument or a pointer into
                   it (memcpy, strcpy, stpcpy, mempcpy, strchr, memset,
                   __builtin_assume_aligned, the _chk forms, ...), the
                   result returned, stored in a global or an out-parameter;
  printf           an address written out as text by the printf family
                   (%p by sprintf, snprintf, a format that is not a
                   constant, fprintf to a memory stream, dprintf to a
                   pipe, vsprintf), read back with sscanf by the caller,
                   which uses and frees the object; %s and %n uses;
  int-pieces       an address split into integers of every width (by
                   memcpy, a union, shifts, casts), the first piece
                   returned as a narrow integer, put together again by the
                   caller;
  position         an address handed out through where a pointer
                   points: each byte a place in a string, read back as a
                   length (strlen, strcpy, snprintf's "%s"), where strchr
                   finds a mark stored there, where strtoul stops, or
                   through a helper that returns s + b; the caller
                   frees the pointer it puts back together;
  memcpy-out       an address copied with memcpy and friends into a
                   global or an out-parameter, whole, in pieces, byte by
                   byte or through local copies;
  stack-recursion  a large buffer in each frame of a deep recursion:
                   direct, mutual, through a function pointer, a constant
                   table, qsort's callback, or a helper inlined into the
                   recursive function;
  stack-chain      a chain of calls, each function moving up to the frame
                   budget;
  thread           (a share of whole programs, --threads) the work runs
                   on a thread with a small stack.

A program prints a checksum of everything it computed and exits 0.
Between calls it scribbles over the stack, so an object that was wrongly
moved to the stack and is still used (through a global, an
out-parameter, a returned pointer, an address read back from text or
integers) reads back the scribble, and the checksum changes; freeing it
crashes.  Its first comment lists the shapes it holds.

Each program is built without the plugin at -O0 (the reference), and at
each of -O1 -O2 -O3 -Os without the plugin too, then with the plugin at
-O0 -O1 -O2 -O3 -Os.  Three oracles judge the builds with the plugin:

  outputs   the build fails or crashes the compiler, or its run's output
            or exit status differs from the reference's (a plain build
            that differs from the reference is the generator's failure:
            undefined behaviour in the program, or a bug of GCC);
  warnings  every build asks for -Wreturn-local-addr
            -Wfree-nonheap-object -Wdangling-pointer -Wuse-after-free; a
            warning (place and option) that the build with the plugin
            gets and the plain build of the same level does not is a
            "plugin-only warning";
  stack     scripts/stack-oracle.py: the build with the plugin must run
            with the main thread's stack limited to what the plain build
            of the same level needs plus --stack-extra (default
            STACK_EXTRA of that script, 64 KiB), at -O1 and above.  The
            recursions are deep enough that one large buffer moved into
            a recursive frame needs far more.

A failing program is kept under build/fuzz/failures/ (or DIR/failures/)
with a note saying how to reproduce it.

At the end the script prints the number of programs, how many hold each
shape, the plugin's decisions summed from its dumps over the four
optimizing levels (sites, moved to the stack, heap by reason), the
failed programs by kind and by oracle ("failed by oracle: outputs N,
warnings N, stack N"; a program may fail several), and last "N passed,
M failed".  It exits 1 if any program failed.

--print I writes program I to stdout and does nothing else; --only I
checks just program I (to reproduce a failure).  --scenarios keeps only
the named scenarios, --weights changes their weights (the names are
those of Program.SCENARIOS and --help), --variant forces one variant of
a shape (the names after the colon in the shapes comment, such as
stack-recursion=qsort or printf=dprintf): to check that a fix of one
shape holds, or that reverting it is caught.
"""

import argparse
import collections
import concurrent.futures
import importlib.util
import os
import random
import re
import shutil
import subprocess
import sys
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# The stack oracle, scripts/stack-oracle.py, and with it STACK_EXTRA.
_spec = importlib.util.spec_from_file_location(
    "stack_oracle", os.path.join(REPO, "scripts", "stack-oracle.py"))
stack_oracle = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(stack_oracle)
LEVELS = ["-O0", "-O1", "-O2", "-O3", "-Os"]
# Levels at which the pass runs and writes a dump.
DUMP_LEVELS = LEVELS[1:]
DEFAULT_OUT = os.path.join(REPO, "build", "fuzz")
COMPILE_TIMEOUT = 300
RUN_TIMEOUT = 10
# The plugin's default max-size; sizes are chosen on both sides of it.
MAX_SIZE = 4096

ELEMENT_TYPES = ["unsigned char", "unsigned short", "unsigned int",
                 "unsigned long long"]

# The share of programs that run their work on a thread with a small
# stack, THREAD_STACK_SIZE bytes: what its work needs built without the
# plugin at -O0, at most THREAD_WORK, plus the extra stack the plugin may
# add (scripts/stack-oracle.py).  There the stack oracle cannot measure,
# since the limit it sets is the main thread's: a wrong move overflows
# the thread's stack instead, and the run crashes.  The scribble is
# smaller on that stack.
THREAD_SHARE = 0.2
THREAD_WORK = 64 * 1024
THREAD_STACK_SIZE = THREAD_WORK + stack_oracle.STACK_EXTRA
THREAD_SCRIBBLE = 16 * 1024


# ---------------------------------------------------------------------------
# Generator
# ---------------------------------------------------------------------------

class Obj:
    """An allocated object inside a generated function: its pointer
    variable, element type, element count and the bytes those elements
    take (C expressions).  Only those bytes are ever written or read; an
    aligned_alloc may round the object up beyond them."""

    def __init__(self, var, ty, count, nbytes):
        self.var = var
        self.ty = ty
        self.count = count
        self.nbytes = nbytes


class Program:
    """One random program.  Scenarios append statements to the body of
    the function being built (self.body, indented by self.depth) and may
    add top-level helpers and global slots."""

    def __init__(self, rng, weights=None, thread_share=THREAD_SHARE,
                 variants=None):
        self.rng = rng
        self.variants = variants or {}
        self.weights = weights or dict(
            (name, w) for name, (_, w) in self.SCENARIOS.items())
        # The program's work runs on a thread with a small stack.
        self.thread = rng.random() < thread_share
        self.shapes = collections.Counter()
        if self.thread:
            self.shape("thread")
        self.ids = 0
        self.top = []          # top-level functions, in order
        self.slots = 0         # global escape slots used
        self.helpers = {}      # kind -> list of helper names
        self.make_types = {}   # "make" helper -> element type it returns
        self.body = []
        self.depth = 1

    # -- small tools ------------------------------------------------------

    def fresh(self, prefix):
        self.ids += 1
        return "%s%d" % (prefix, self.ids)

    def emit(self, line):
        self.body.append("  " * self.depth + line)

    def block(self, head=""):
        """Open a braced block after HEAD; close it with end()."""
        self.emit(head + " {" if head else "{")
        self.depth += 1

    def end(self):
        self.depth -= 1
        self.emit("}")

    def chance(self, p):
        return self.rng.random() < p

    def cond(self):
        """A run-time condition the compiler cannot fold: a bit of c."""
        return "((c >> %d) & 1)" % self.rng.randrange(8)

    def attrs(self):
        """Attributes of a helper: inlinable, not inlined, or opaque to
        interprocedural analysis (noipa makes calls to it unknown)."""
        return self.rng.choice(["", "", "__attribute__((noinline)) ",
                                "__attribute__((noipa)) "])

    def global_slot(self):
        self.slots += 1
        return self.slots - 1

    def out_slot(self):
        """A slot of the struct out the function gets from main.  Slots
        may be shared: what is stored there is never freed, so a later
        store only hides an object, which leaks."""
        return self.rng.randrange(OUT_SLOTS)

    # -- allocations ------------------------------------------------------

    def alloc(self, size_kind=None, ty=None):
        """Declare and initialise a new object.  SIZE_KIND is "const",
        "bounded" (the caller has checked n <= a constant), "unbounded",
        "large" or "small"; the allocator is malloc, calloc or
        aligned_alloc, and for bytes also strdup, strndup or asprintf.
        Every byte
        that will be read is written first; calloc's zeros and the copied
        letters count, so half of those are read as they are."""
        rng = self.rng
        ty = ty or rng.choice(ELEMENT_TYPES)
        size_kind = size_kind or rng.choice(["const", "const", "unbounded"])
        if size_kind == "const":
            count = str(rng.choice([1, 2, 3, 4, 7, 8, 16, 24, 32, 60, 64,
                                    100, 128, 250, 500]))
        elif size_kind == "small":
            count = str(rng.choice([1, 2, 4, 8, 16]))
        elif size_kind == "large":
            count = str(rng.choice([MAX_SIZE + 1, MAX_SIZE * 2, 3000]))
        else:
            count = rng.choice(["n", "n + 1", "n + 3", "2 * n"])
        kinds = ["malloc", "malloc", "malloc", "calloc", "aligned_alloc"]
        if ty == "unsigned char":
            kinds += ["strdup", "strndup", "asprintf"]
        kind = rng.choice(kinds)
        var = self.fresh("p")
        nbytes = "(%s) * sizeof (%s)" % (count, ty)
        if kind == "strdup":
            # A copy of the last NBYTES letters of g_letters_long.
            call = ("strdup (g_letters_long + sizeof g_letters_long - 1 "
                    "- (%s))" % nbytes)
        elif kind == "strndup":
            call = "strndup (g_letters_long, %s)" % nbytes
        elif kind == "asprintf":
            # The first NBYTES letters, formatted.
            call = ("({ char *text; if (asprintf (&text, \"%%.*s\", "
                    "(int) (%s), g_letters_long) < 0) abort (); text; })"
                    % nbytes)
        elif kind == "malloc":
            call = "malloc (%s)" % nbytes
        elif kind == "calloc":
            call = "calloc (%s, sizeof (%s))" % (count, ty)
        else:
            align = rng.choice([8, 16, 32, 64, 128])
            # C11 wants a size that is a multiple of the alignment.
            call = "aligned_alloc (%d, (%s + %d) / %d * %d)" % (
                align, nbytes, align - 1, align, align)
        self.emit("%s *%s = (%s *) %s;" % (ty, var, ty, call))
        obj = Obj(var, ty, count, nbytes)
        if kind not in ("calloc", "strdup", "strndup", "asprintf") \
                or self.chance(0.5):
            self.fill(obj)
        return obj

    def fill(self, obj):
        salt = self.rng.randrange(1, 1000)
        i = self.fresh("i")
        self.emit("for (unsigned %s = 0; %s < %s; %s++)"
                  % (i, i, obj.count, i))
        self.emit("  %s[%s] = (%s) (%s * %du + n + %du);"
                  % (obj.var, i, obj.ty, i, self.rng.choice([1, 3, 7, 13]),
                     salt))

    def read(self, obj):
        """Fold the whole object into acc."""
        i = self.fresh("i")
        self.emit("for (unsigned %s = 0; %s < %s; %s++)"
                  % (i, i, obj.count, i))
        self.emit("  acc = acc * 31u + %s[%s];" % (obj.var, i))

    def touch(self, obj):
        """Write one element and read another: cheap use of an object."""
        self.emit("%s[0] += (%s) c;" % (obj.var, obj.ty))
        self.emit("acc = acc * 37u + %s[(%s) - 1];" % (obj.var, obj.count))

    def free(self, obj, how=None):
        """Free an object on all paths, some paths, none (a leak), in
        both arms of a branch, or in a helper."""
        how = how or self.rng.choice(["all", "all", "all", "some", "none",
                                      "branches", "helper"])
        if how == "all":
            self.emit("free (%s);" % obj.var)
        elif how == "some":
            self.emit("if (%s)" % self.cond())
            self.emit("  free (%s);" % obj.var)
        elif how == "branches":
            self.block("if (%s)" % self.cond())
            self.emit("acc += %s[0];" % obj.var)
            self.emit("free (%s);" % obj.var)
            self.end()
            self.block("else")
            self.emit("acc ^= %s[(%s) - 1];" % (obj.var, obj.count))
            self.emit("free (%s);" % obj.var)
            self.end()
        elif how == "helper":
            self.emit("%s ((unsigned char *) %s);"
                      % (self.helper("free"), obj.var))

    # -- escapes ------------------------------------------------------------

    def escape(self, obj):
        """Let the object's address leave the function in one of the ways
        the rules look for.  Returns False if the object may still be
        freed by the caller of escape(), True if it must not be (main
        reads it later)."""
        rng = self.rng
        way = rng.choice(["global", "out", "struct-global", "memcpy",
                          "int", "keeper", "opaque", "indirect",
                          "conditional", "container"])
        if way == "global":
            slot = self.global_slot()
            self.emit("g_slot[%d] = %s;" % (slot, obj.var))
            self.emit("g_len[%d] = %s;" % (slot, obj.nbytes))
            return True
        if way == "out":
            slot = self.out_slot()
            self.emit("o->p[%d] = %s;" % (slot, obj.var))
            self.emit("o->len[%d] = %s;" % (slot, obj.nbytes))
            return True
        if way == "container":
            # Stored in another allocated object, which escapes in turn.
            slot = self.global_slot()
            h = self.fresh("hp")
            self.emit("struct holder *%s = (struct holder *) "
                      "malloc (sizeof (struct holder));" % h)
            self.emit("%s->p = (unsigned char *) %s;" % (h, obj.var))
            self.emit("%s->len = %s;" % (h, obj.nbytes))
            self.emit("acc += %s->p[0];" % h)
            self.emit("g_hp[%d] = %s;" % (slot, h))
            return True
        if way == "struct-global":
            # A local struct first, then the whole struct to a global:
            # the object escapes through its container.
            slot = self.global_slot()
            h = self.fresh("h")
            self.emit("struct holder %s = { (unsigned char *) %s, %s };"
                      % (h, obj.var, obj.nbytes))
            self.emit("acc += %s.p[0];" % h)
            self.emit("g_holder[%d] = %s;" % (slot, h))
            return True
        if way == "memcpy":
            slot = self.global_slot()
            h = self.fresh("h")
            self.emit("struct holder %s = { (unsigned char *) %s, %s };"
                      % (h, obj.var, obj.nbytes))
            self.emit("memcpy (&g_holder[%d], &%s, sizeof %s);"
                      % (slot, h, h))
            return True
        if way == "int":
            slot = self.global_slot()
            self.emit("g_addr[%d] = (uintptr_t) %s;" % (slot, obj.var))
            self.emit("g_len[%d] = %s;" % (slot, obj.nbytes))
            return True
        if way == "keeper":
            slot = self.global_slot()
            self.emit("%s (%d, (unsigned char *) %s, %s);"
                      % (self.helper("keep"), slot, obj.var, obj.nbytes))
            return True
        if way == "opaque":
            # An unknown callee that only reads: heap, and still freed.
            self.emit("acc += opaque_sum ((const unsigned char *) %s, %s);"
                      % (obj.var, obj.nbytes))
            return False
        if way == "indirect":
            self.emit("writers[c & 1] ((unsigned char *) %s, %s, c);"
                      % (obj.var, obj.nbytes))
            self.emit("acc += %s[0];" % obj.var)
            return False
        # Escapes on one path only; the analysis is flow-insensitive, so
        # the object must stay on the heap on the other path too.
        slot = self.global_slot()
        self.block("if (%s)" % self.cond())
        self.emit("g_slot[%d] = %s;" % (slot, obj.var))
        self.emit("g_len[%d] = %s;" % (slot, obj.nbytes))
        self.end()
        self.block("else")
        self.emit("acc += %s[0];" % obj.var)
        self.emit("free (%s);" % obj.var)
        self.end()
        return True

    # -- helpers --------------------------------------------------------------

    def helper(self, kind):
        """Name of a static helper of KIND, reusing one already made or
        making a new one (with random attributes)."""
        names = self.helpers.setdefault(kind, [])
        if names and self.chance(0.6):
            return self.rng.choice(names)
        name = self.fresh("h_%s_" % kind)
        names.append(name)
        a = self.attrs()
        uc = "unsigned char"
        if kind == "read":
            self.top.append(
                "static %sul\n%s (const %s *p, size_t len)\n{\n"
                "  ul s = 0;\n  for (size_t i = 0; i < len; i++)\n"
                "    s = s * 131u + p[i];\n  return s;\n}\n"
                % (a, name, uc))
        elif kind == "write":
            self.top.append(
                "static %svoid\n%s (%s *p, size_t len, unsigned v)\n{\n"
                "  for (size_t i = 0; i < len; i += %d)\n"
                "    p[i] = (%s) (p[i] + v + i);\n}\n"
                % (a, name, uc, self.rng.choice([1, 2, 5]), uc))
        elif kind == "keep":
            self.top.append(
                "static %svoid\n%s (int slot, %s *p, size_t len)\n{\n"
                "  g_slot[slot] = p;\n  g_len[slot] = len;\n}\n"
                % (a, name, uc))
        elif kind == "ret":
            self.top.append(
                "static %s%s *\n%s (%s *p, size_t len)\n{\n"
                "  p[len - 1] ^= 0x5a;\n  return p;\n}\n"
                % (a, uc, name, uc))
        elif kind == "free":
            self.top.append(
                "static %svoid\n%s (%s *p)\n{\n  free (p);\n}\n"
                % (a, name, uc))
        elif kind == "grow":
            self.top.append(
                "static %s%s *\n%s (%s *p, size_t len)\n{\n"
                "  %s *q = (%s *) realloc (p, 2 * len);\n"
                "  for (size_t i = len; i < 2 * len; i++)\n"
                "    q[i] = (%s) (q[i - len] + 1);\n"
                "  return q;\n}\n" % (a, uc, name, uc, uc, uc, uc))
        elif kind == "make":
            # Returns what it allocates: heap in the helper, but inlined
            # into a caller that frees it, the site may move there.  The
            # size is bounded, so that only the return keeps the heap.
            ty = self.rng.choice(ELEMENT_TYPES)
            self.make_types[name] = ty
            self.top.append(
                "static %s%s *\n%s (size_t count)\n{\n"
                "  if (count > 64)\n    count = 64;\n"
                "  %s *p = (%s *) malloc (count * sizeof (%s));\n"
                "  for (size_t i = 0; i < count; i++)\n"
                "    p[i] = (%s) (i * 5 + count);\n"
                "  return p;\n}\n" % (a, ty, name, ty, ty, ty, ty))
        elif kind == "store":
            # Stores its second argument into the struct its first points
            # to: the object escapes exactly when that struct does.
            self.top.append(
                "static %svoid\n%s (struct holder *h, %s *p, size_t len)\n"
                "{\n  h->p = p;\n  h->len = len;\n}\n" % (a, name, uc))
        elif kind == "rec":
            self.top.append(
                "static ul\n%s (const %s *p, size_t len, unsigned d)\n{\n"
                "  if (d == 0 || len == 0)\n    return 1;\n"
                "  return p[d %% len] + 3 * %s (p, len, d - 1);\n}\n"
                % (name, uc, name))
        return name

    # -- scenarios --------------------------------------------------------------

    def sc_local(self):
        """One object, used and freed (or not) in the function."""
        obj = self.alloc()
        self.use(obj)
        self.free(obj)

    def sc_escape(self):
        obj = self.alloc()
        self.use(obj)
        if not self.escape(obj) and self.chance(0.8):
            self.free(obj, "all")

    def sc_bounded(self):
        """A size bounded by a check the compiler can see: the slot gets
        the bound's size.  Sometimes the bound is above max-size."""
        k = self.rng.choice([4, 8, 16, 30, 64, 200, 2000])
        self.block("if (n <= %d)" % k)
        obj = self.alloc("bounded")
        self.use(obj)
        if self.chance(0.25):
            if not self.escape(obj):
                self.free(obj, "all")
        else:
            self.free(obj)
        self.end()
        self.emit("else")
        self.emit("  acc += %d;" % k)

    def sc_large(self):
        obj = self.alloc(self.rng.choice(["large", "const"]))
        self.use(obj)
        self.free(obj)

    def sc_phi(self):
        """Several objects meet in one pointer that is freed once; the
        others are freed through the mirror choice, or leak."""
        rng = self.rng
        ty = rng.choice(ELEMENT_TYPES)
        a = self.alloc(rng.choice(["const", "small"]), ty=ty)
        b = self.alloc(rng.choice(["const", "small", "unbounded"]), ty=ty)
        if self.chance(0.2):
            # One input escapes into an unknown call: a free of the phi
            # may then free a heap object, so both stay on the heap.
            self.emit("acc += opaque_sum ((const unsigned char *) %s, %s);"
                      % (b.var, b.nbytes))
        cnd = self.cond()
        p = self.fresh("p")
        if self.chance(0.3):
            c3 = self.alloc("small", ty=ty)
            self.emit("%s *%s = (c & 3) == 0 ? %s : (c & 3) == 1 ? %s : %s;"
                      % (ty, p, a.var, b.var, c3.var))
            self.emit("%s[0] = (%s) (%s[0] + 9);" % (p, ty, p))
            for o in (a, b, c3):
                self.emit("acc = acc * 7u + %s[0];" % o.var)
            self.emit("free (%s);" % p)
            if self.chance(0.5):
                self.emit("if ((c & 3) != 0) free (%s);" % a.var)
                self.emit("if ((c & 3) != 1) free (%s);" % b.var)
                self.emit("if ((c & 3) < 2) free (%s);" % c3.var)
            return
        if self.chance(0.5):
            self.emit("%s *%s = %s ? %s : %s;" % (ty, p, cnd, a.var, b.var))
        else:
            # The same choice as a real phi, through branches.
            self.emit("%s *%s;" % (ty, p))
            self.emit("if (%s) %s = %s; else %s = %s;"
                      % (cnd, p, a.var, p, b.var))
        self.emit("%s[0] = (%s) (%s[0] + 11);" % (p, ty, p))
        self.emit("acc = acc * 7u + %s[0] + %s[0];" % (a.var, b.var))
        self.emit("free (%s);" % p)
        if self.chance(0.7):
            self.emit("free (%s ? %s : %s);" % (cnd, b.var, a.var))

    def sc_null_phi(self):
        """An object or NULL, freed once: free (NULL) is allowed.  Either
        the object is made on one path only, or it is made on all of
        them and outlives the free on the paths where that got NULL."""
        ty = self.rng.choice(ELEMENT_TYPES)
        p = self.fresh("p")
        cnd = self.cond()
        if self.chance(0.5):
            self.emit("%s *%s = 0;" % (ty, p))
            self.block("if (%s)" % cnd)
            obj = self.alloc("const", ty=ty)
            self.emit("%s = %s;" % (p, obj.var))
            self.read(obj)
            self.end()
            self.emit("free (%s);" % p)
            return
        obj = self.alloc(self.rng.choice(["const", "small"]), ty=ty)
        self.emit("%s *%s = %s ? %s : 0;" % (ty, p, cnd, obj.var))
        self.emit("free (%s);" % p)
        self.block("if (!%s)" % cnd)
        self.read(obj)
        self.emit("free (%s);" % obj.var)
        self.end()

    def sc_loop_each(self):
        """An object per iteration, dead before the next one."""
        m = self.rng.choice(["3", "n % 5 + 1", "8"])
        i = self.fresh("k")
        self.block("for (unsigned %s = 0; %s < %s; %s++)" % (i, i, m, i))
        obj = self.alloc(self.rng.choice(["const", "small", "unbounded"]))
        self.emit("%s[0] = (%s) (%s[0] + %s);" % (obj.var, obj.ty, obj.var,
                                                  i))
        self.use(obj)
        how = self.rng.choice(["all", "all", "some", "none", "escape"])
        if how == "escape":
            slot = self.global_slot()
            self.block("if (%s == 1)" % i)
            self.emit("g_slot[%d] = %s;" % (slot, obj.var))
            self.emit("g_len[%d] = %s;" % (slot, obj.nbytes))
            self.end()
            self.emit("else")
            self.emit("  free (%s);" % obj.var)
        else:
            self.free(obj, how)
        self.end()

    def sc_loop_prev(self):
        """A running prev pointer: each object lives into the next
        iteration, where it is read after the new one is written.  One
        slot for both would make prev read the new values.  The loop is
        a for loop, two nested ones, or made of gotos with a second entry
        in its middle (an irreducible region)."""
        ty = self.rng.choice(ELEMENT_TYPES)
        prev = self.fresh("prev")
        i = self.fresh("k")
        trips = self.rng.choice(["4", "n % 6 + 2"])
        form = self.rng.choice(["for", "for", "nested", "goto"])
        self.emit("%s *%s = 0;" % (ty, prev))
        if form == "goto":
            top, mid = self.fresh("top"), self.fresh("mid")
            self.emit("unsigned %s = 0;" % i)
            self.emit("if (%s) goto %s;" % (self.cond(), mid))
            self.emit("%s:" % top)
            self.block()
        else:
            self.block("for (unsigned %s = 0; %s < %s; %s++)"
                       % (i, i, trips, i))
            if form == "nested":
                j = self.fresh("k")
                self.block("for (unsigned %s = 0; %s < 2; %s++)" % (j, j, j))
        cur = self.alloc(self.rng.choice(["const", "small"]), ty=ty)
        self.emit("%s[0] = (%s) %s;" % (cur.var, ty, i))
        self.block("if (%s)" % prev)
        # No comparison of prev with the new object: a comparison
        # carries both objects, so the acc it feeds would keep them
        # on the heap and the shape would test nothing.  One slot for
        # both shows in prev[0] all the same.
        self.emit("acc = acc * 17u + %s[0];" % prev)
        self.emit("free (%s);" % prev)
        self.end()
        self.emit("%s = %s;" % (prev, cur.var))
        if form == "nested":
            self.end()
        self.end()
        if form == "goto":
            self.emit("%s:" % mid)
            self.emit("acc += %s;" % i)
            self.emit("if (++%s < %s) goto %s;" % (i, trips, top))
        self.emit("if (%s) acc += %s[0];" % (prev, prev))
        self.emit("free (%s);" % prev)

    def sc_list(self):
        """A linked list built in a loop, walked, then freed."""
        head = self.fresh("head")
        i = self.fresh("k")
        self.emit("struct node *%s = 0;" % head)
        self.block("for (unsigned %s = 0; %s < %s; %s++)"
                   % (i, i, self.rng.choice(["5", "n % 7 + 1"]), i))
        nd = self.fresh("nd")
        alloc = self.rng.choice([
            "(struct node *) malloc (sizeof (struct node))",
            "(struct node *) calloc (1, sizeof (struct node))"])
        self.emit("struct node *%s = %s;" % (nd, alloc))
        self.emit("%s->v = %s * 3u + c;" % (nd, i))
        self.emit("%s->next = %s;" % (nd, head))
        self.emit("%s = %s;" % (head, nd))
        self.end()
        w = self.fresh("w")
        self.emit("for (struct node *%s = %s; %s; %s = %s->next)"
                  % (w, head, w, w, w))
        self.emit("  acc = acc * 5u + %s->v;" % w)
        if self.chance(0.3):
            slot = self.global_slot()
            self.emit("g_list[%d] = %s;" % (slot, head))
            return
        self.block("while (%s)" % head)
        nx = self.fresh("nx")
        self.emit("struct node *%s = %s->next;" % (nx, head))
        self.emit("free (%s);" % head)
        self.emit("%s = %s;" % (head, nx))
        self.end()

    def sc_table(self):
        """Objects of a loop kept in a local array of pointers: stored in
        memory, so they live into later iterations."""
        tab = self.fresh("tab")
        self.emit("unsigned char *%s[4];" % tab)
        i = self.fresh("k")
        self.block("for (unsigned %s = 0; %s < 4; %s++)" % (i, i, i))
        self.emit("%s[%s] = (unsigned char *) malloc (%d);"
                  % (tab, i, self.rng.choice([8, 16, 40])))
        self.emit("%s[%s][0] = (unsigned char) (%s + c);" % (tab, i, i))
        self.end()
        self.emit("for (unsigned %s = 0; %s < 4; %s++)" % (i, i, i))
        self.emit("  acc = acc * 3u + %s[%s][0];" % (tab, i))
        if self.chance(0.8):
            self.emit("for (unsigned %s = 0; %s < 4; %s++)" % (i, i, i))
            self.emit("  free (%s[%s]);" % (tab, i))

    def sc_struct(self):
        """Pointers stored in a local struct, or in a struct that escapes
        (a global, the caller's out-parameter) through a helper."""
        obj = self.alloc()
        where = self.rng.choice(["local", "local", "global", "out"])
        h = self.fresh("h")
        if where == "local":
            self.emit("struct holder %s;" % h)
            target = "&" + h
        elif where == "global":
            target = "&g_holder[%d]" % self.global_slot()
        else:
            target = "&o->h"
        self.emit("%s (%s, (unsigned char *) %s, %s);"
                  % (self.helper("store"), target, obj.var, obj.nbytes))
        self.emit("acc += %s ((%s)->p, (%s)->len);"
                  % (self.helper("read"), target, target))
        if where == "local" and self.chance(0.3):
            # Freed through the copy in the struct.
            self.emit("free (%s.p);" % h)
        elif where == "local":
            self.free(obj)

    def sc_helpers(self):
        """Helpers that read, write, return and realloc the object."""
        obj = self.alloc()
        uc = "(unsigned char *) " + obj.var
        for _ in range(self.rng.randrange(1, 4)):
            kind = self.rng.choice(["read", "write", "ret", "rec"])
            if kind == "read":
                self.emit("acc += %s (%s, %s);"
                          % (self.helper("read"), uc, obj.nbytes))
            elif kind == "write":
                self.emit("%s (%s, %s, c);"
                          % (self.helper("write"), uc, obj.nbytes))
            elif kind == "ret":
                r = self.fresh("r")
                self.emit("unsigned char *%s = %s (%s, %s);"
                          % (r, self.helper("ret"), uc, obj.nbytes))
                self.emit("acc += %s[0];" % r)
            else:
                self.emit("acc += %s (%s, %s, c %% 5);"
                          % (self.helper("rec"), uc, obj.nbytes))
        if self.chance(0.3):
            # Resized: what realloc returns is a new heap object.
            g = self.fresh("g")
            self.emit("unsigned char *%s = %s (%s, %s);"
                      % (g, self.helper("grow"), uc, obj.nbytes))
            self.emit("acc += %s[2 * (%s) - 1];" % (g, obj.nbytes))
            self.emit("free (%s);" % g)
        else:
            self.read(obj)
            self.free(obj)

    def sc_make(self):
        """An object made and returned by a helper: heap there, but it
        may move in a caller the helper is inlined into."""
        name = self.helper("make")
        ty = self.make_types[name]
        p = self.fresh("p")
        # At most 64, the helper's own bound: n is below 48.
        count = self.rng.choice(["6", "n + 2"])
        self.emit("%s *%s = %s (%s);" % (ty, p, name, count))
        # A moved object of the helper would be dead by now.
        self.emit("scribble ();")
        obj = Obj(p, ty, count, "(%s) * sizeof (%s)" % (count, ty))
        self.read(obj)
        if self.chance(0.3):
            self.escape(obj)
        else:
            self.free(obj)

    def sc_recursive(self):
        """A recursive function that allocates in every frame."""
        name = self.fresh("rec")
        ty = self.rng.choice(ELEMENT_TYPES)
        size = self.rng.choice([8, 16, 64])
        self.top.append(
            "static ul\n%s (unsigned d, unsigned n)\n{\n"
            "  %s *p = (%s *) malloc (%d * sizeof (%s));\n"
            "  for (unsigned i = 0; i < %d; i++)\n"
            "    p[i] = (%s) (i + d + n);\n"
            "  ul r = d ? %s (d - 1, n) : 1;\n"
            "  r = r * 7u + p[d %% %d];\n"
            "  free (p);\n  return r;\n}\n"
            % (name, ty, ty, size, ty, size, ty, name, size))
        self.emit("acc += %s (c %% 6, n);" % name)

    def sc_budget(self):
        """Often more big constant objects than the frame budget admits."""
        objs = []
        for _ in range(self.rng.randrange(3, 10)):
            var = self.fresh("big")
            size = self.rng.choice([2048, 4096])
            self.emit("unsigned char *%s = (unsigned char *) malloc (%d);"
                      % (var, size))
            self.emit("memset (%s, (int) (c + %d), %d);"
                      % (var, len(objs), size))
            objs.append(Obj(var, "unsigned char", str(size), str(size)))
        for o in objs:
            self.emit("acc = acc * 3u + %s[n %% %s];" % (o.var, o.count))
        for o in objs:
            self.free(o, "all")

    # -- the shapes of known miscompiles ----------------------------------------
    #
    # Each of these writes one way an address can leave a function that
    # the plugin has got wrong before (or a way to need more stack), so
    # that a regression is found again.  shape() counts what a program
    # holds; the summary and the failure notes show it.

    def shape(self, name):
        self.shapes[name] += 1

    def pick(self, shape, variants):
        """One of the VARIANTS of SHAPE, at random, or the one --variant
        forces."""
        forced = self.variants.get(shape)
        if forced is not None:
            return forced
        return self.rng.choice(variants)

    def sc_irreducible(self):
        """An outer loop made of gotos with a second entry in its middle
        (an irreducible region) around a natural loop that allocates on
        every iteration.  The object of the inner loop's last iteration
        leaves it on the exit path only, so no phi at the inner loop's
        header holds it; it is carried into the next round of the outer
        loop in prev, read there after the new objects are written, and
        freed.  One slot for both makes prev read the new values."""
        rng = self.rng
        ty = rng.choice(ELEMENT_TYPES)
        prev, i, j = self.fresh("prev"), self.fresh("r"), self.fresh("k")
        top, mid = self.fresh("top"), self.fresh("mid")
        trips = rng.choice(["3", "4", "n % 4 + 2"])
        last = rng.choice(["0", "1", "2", "c % 3"])
        form = self.pick("irreducible",
                         ["for", "for", "while", "do", "nested"])
        self.shape("irreducible")
        self.shape("irreducible:" + form)
        self.emit("%s *%s = 0;" % (ty, prev))
        self.emit("unsigned %s = 0;" % i)
        self.emit("if (%s) goto %s;" % (self.cond(), mid))
        self.emit("%s:" % top)
        if form == "nested":
            # A second natural loop around the first: the phi of its
            # header does hold prev, the check sees it.
            k2 = self.fresh("k")
            self.block("for (unsigned %s = 0; %s < 2; %s++)" % (k2, k2, k2))
        if form == "while":
            self.emit("unsigned %s = 0;" % j)
            self.block("while (1)")
        elif form == "do":
            self.emit("unsigned %s = 0;" % j)
            self.block("do")
        else:
            self.block("for (unsigned %s = 0; ; %s++)" % (j, j))
        cur = self.alloc(rng.choice(["const", "small"]), ty=ty)
        self.emit("%s[0] = (%s) (%s * 7u + %s);" % (cur.var, ty, i, j))
        self.emit("%s[(%s) - 1] = (%s) (%s + 3u * %s);"
                  % (cur.var, cur.count, ty, i, j))
        self.block("if (%s == %s)" % (j, last))
        self.block("if (%s)" % prev)
        self.emit("acc = acc * 17u + %s[0] + %s[(%s) - 1];"
                  % (prev, prev, cur.count))
        self.emit("free (%s);" % prev)
        self.end()
        self.emit("%s = %s;" % (prev, cur.var))
        self.emit("break;")
        self.end()
        self.emit("acc = acc * 5u + %s[0];" % cur.var)
        if self.chance(0.85):
            self.emit("free (%s);" % cur.var)
        if form in ("while", "do"):
            self.emit("%s++;" % j)
        if form == "do":
            self.depth -= 1
            self.emit("} while (1);")
        else:
            self.end()
        if form == "nested":
            self.end()
        self.emit("%s:" % mid)
        self.emit("acc += %s;" % i)
        self.emit("if (++%s < %s) goto %s;" % (i, trips, top))
        self.block("if (%s)" % prev)
        self.emit("acc = acc * 3u + %s[0];" % prev)
        self.emit("free (%s);" % prev)
        self.end()

    # Builtins that return their first argument, or a pointer into it, in
    # the forms that keep the result derived from the call: NAME, the
    # call (P is the object, a string of letters LEN - 1 long; TEXT the
    # letters), and the offset of the result from P, computed here.
    def returned_arg_call(self, p, size, text):
        rng = self.rng
        name = self.pick("returns-arg", [
            "assume_aligned", "assume_aligned", "assume_aligned+16",
            "assume_aligned+16", "memcpy", "memmove",
            "memset", "strcpy", "strncpy", "strcat", "stpcpy", "mempcpy",
            "strchr", "strrchr", "memchr", "memrchr", "rawmemchr",
            "strchrnul", "strstr", "strpbrk", "memcpy_chk", "strcpy_chk",
            "memset_chk", "stpcpy_chk"])
        cp = "(char *) " + p
        m = rng.randrange(0, 20)
        ch = text[m]
        if name == "assume_aligned":
            return name, "__builtin_assume_aligned (%s, 16)" % p, 0
        if name == "assume_aligned+16":
            return name, "__builtin_assume_aligned (%s + 16, 16)" % p, 16
        if name == "memcpy":
            return name, "memcpy (%s, \"0123456789\", %d)" % (p, m % 10 + 1), 0
        if name == "memmove":
            return name, "memmove (%s, %s + 1, %d)" % (p, p, m + 1), 0
        if name == "memset":
            return name, "memset (%s, (int) ('a' + c %% 26), %d)" % (p, m + 1), 0
        if name == "strcpy":
            return name, "strcpy (%s, \"%s\")" % (cp, text[m:m + 5]), 0
        if name == "strncpy":
            return name, "strncpy (%s, \"xyz\", %d)" % (cp, m % 3 + 1), 0
        if name == "strcat":
            # Cut the string short first: there must be room.
            self.emit("%s[%d] = 0;" % (p, m))
            return name, "strcat (%s, \"xyz\")" % cp, 0
        if name == "stpcpy":
            return name, "stpcpy (%s, \"%s\")" % (cp, text[m:m + 4]), 4
        if name == "mempcpy":
            return name, "mempcpy (%s, \"%s\", %d)" % (p, text[1:m + 2], m + 1), m + 1
        if name in ("strchr", "memchr", "rawmemchr", "strchrnul"):
            off = text.index(ch)
            call = {"strchr": "strchr (%s, '%s')" % (cp, ch),
                    "memchr": "memchr (%s, '%s', %d)" % (p, ch, size),
                    "rawmemchr": "rawmemchr (%s, '%s')" % (p, ch),
                    "strchrnul": "strchrnul (%s, '%s')" % (cp, ch)}[name]
            return name, call, off
        if name in ("strrchr", "memrchr"):
            off = text.rindex(ch)
            if name == "strrchr":
                return name, "strrchr (%s, '%s')" % (cp, ch), off
            return name, "memrchr (%s, '%s', %d)" % (p, ch, size - 1), off
        if name == "strstr":
            needle = text[m:m + 2]
            return name, "strstr (%s, \"%s\")" % (cp, needle), text.index(needle)
        if name == "strpbrk":
            accept = text[m] + text[m + 3]
            off = min(text.index(accept[0]), text.index(accept[1]))
            return name, "strpbrk (%s, \"%s\")" % (cp, accept), off
        if name == "memcpy_chk":
            return name, ("__builtin___memcpy_chk (%s, \"0123\", 4, "
                          "__builtin_object_size (%s, 0))" % (p, p)), 0
        if name == "strcpy_chk":
            return name, ("__builtin___strcpy_chk (%s, \"%s\", "
                          "__builtin_object_size (%s, 0))"
                          % (cp, text[m:m + 3], cp)), 0
        if name == "memset_chk":
            return name, ("__builtin___memset_chk (%s, 'q', %d, "
                          "__builtin_object_size (%s, 0))" % (p, m + 1, p)), 0
        return name, ("__builtin___stpcpy_chk (%s, \"%s\", "
                      "__builtin_object_size (%s, 0))"
                      % (cp, text[m:m + 2], cp)), 2

    def sc_returns_arg(self):
        """A builtin that returns its argument (memcpy, strcpy, stpcpy,
        mempcpy, strchr, memset, __builtin_assume_aligned, ...), whose
        result then escapes: returned from a helper and freed by the
        caller after the helper's frame is gone, stored in a global, or
        in the caller's out-parameter."""
        rng = self.rng
        size = rng.choice([32, 48, 64, 100, 128, 256])
        salt = rng.randrange(26)
        text = "".join(chr(ord("a") + (i * 7 + salt) % 26)
                       for i in range(size - 1))
        where = self.pick("returns-arg-to",
                          ["return", "return", "global", "out"])
        inline = where != "return" and self.chance(0.4)
        saved = self.body, self.depth
        if not inline:
            self.body, self.depth = [], 1
        p = self.fresh("p")
        alloc = rng.choice(["malloc (%d)" % size, "calloc (%d, 1)" % size])
        self.emit("unsigned char *%s = (unsigned char *) %s;" % (p, alloc))
        self.emit("for (unsigned i = 0; i < %d; i++)" % (size - 1))
        self.emit("  %s[i] = (unsigned char) ('a' + (i * 7u + %du) %% 26u);"
                  % (p, salt))
        self.emit("%s[%d] = 0;" % (p, size - 1))
        name, call, off = self.returned_arg_call(p, size, text)
        self.shape("returns-arg")
        self.shape("returns-arg:" + name)
        self.shape("returns-arg-to:" + where)
        r = self.fresh("r")
        self.emit("unsigned char *%s = (unsigned char *) %s - %d;"
                  % (r, call, off))
        self.emit("%s[1] ^= (unsigned char) n;" % r)
        if where == "global":
            slot = self.global_slot()
            self.emit("g_slot[%d] = %s;" % (slot, r))
            self.emit("g_len[%d] = %d;" % (slot, size))
        elif where == "out":
            slot = self.out_slot()
            self.emit("o->p[%d] = %s;" % (slot, r))
            self.emit("o->len[%d] = %d;" % (slot, size))
        if inline:
            return
        name_h = self.fresh("h_retarg_")
        a = self.attrs()
        if where == "return":
            self.emit("return %s;" % r)
            self.top.append("static %sunsigned char *\n%s (unsigned n, "
                            "unsigned c)\n{\n%s\n}\n"
                            % (a, name_h, "\n".join(self.body)))
        else:
            self.top.append("static %svoid\n%s (unsigned n, unsigned c, "
                            "struct out *o)\n{\n  (void) c;\n  (void) o;\n"
                            "%s\n}\n" % (a, name_h, "\n".join(self.body)))
        self.body, self.depth = saved
        if where == "return":
            q = self.fresh("q")
            self.emit("unsigned char *%s = %s (n, c);" % (q, name_h))
            self.emit("scribble ();")
            self.emit("acc += bytes (%s, %d);" % (q, size))
            self.emit("free (%s);" % q)
        else:
            self.emit("%s (n, c, o);" % name_h)

    def sc_printf(self):
        """The printf family writes an object's address out as text: %p
        into a global buffer with sprintf or snprintf, a format that is
        not a constant, fprintf into a memory stream, dprintf into a
        pipe, vsprintf through a variadic helper.  The caller reads the
        address back with sscanf, after the frame that made the object is
        gone when a helper made it, and uses and frees the object.  %s and
        %n uses of other objects are mixed in; they keep nothing."""
        rng = self.rng
        obj_size = rng.choice([8, 16, 40, 64, 128])
        how = self.pick("printf", ["sprintf", "snprintf", "fmt", "fprintf",
                                   "dprintf", "vsprintf", "sprintf-n"])
        self.shape("printf")
        self.shape("printf:" + how)
        helper = self.pick("printf-in", ["helper", "helper", "helper",
                                         "caller"]) == "helper"
        self.shape("printf-in:%s" % ("helper" if helper else "caller"))
        slot = self.global_slot()
        saved = self.body, self.depth
        if helper:
            self.body, self.depth = [], 1
            self.emit("ul acc = n;")
        p = self.fresh("p")
        self.emit("unsigned char *%s = (unsigned char *) malloc (%d);"
                  % (p, obj_size))
        self.emit("for (unsigned i = 0; i < %d; i++)" % obj_size)
        self.emit("  %s[i] = (unsigned char) (i * 3u + n);" % p)
        text = "g_text[%d]" % slot
        vp = "(void *) " + p
        if how == "sprintf":
            self.emit("sprintf (%s, \"%%p\", %s);" % (text, vp))
        elif how == "snprintf":
            self.emit("snprintf (%s, sizeof %s, \"%%p\", %s);"
                      % (text, text, vp))
        elif how == "fmt":
            self.emit("sprintf (%s, g_fmt_p, %s);" % (text, vp))
        elif how == "fprintf":
            f = self.fresh("f")
            self.emit("FILE *%s = fmemopen (%s, sizeof %s, \"w\");"
                      % (f, text, text))
            self.emit("fprintf (%s, \"%%p\", %s);" % (f, vp))
            self.emit("fclose (%s);" % f)
        elif how == "dprintf":
            self.emit("dprintf (g_pipe[1], \"%%p\\n\", %s);" % vp)
        elif how == "vsprintf":
            self.emit("say (%s, \"%%p\", %s);" % (text, vp))
        else:
            k = self.fresh("cnt")
            self.emit("int %s = 0;" % k)
            self.emit("sprintf (%s, \"%%p%%n\", %s, &%s);" % (text, vp, k))
            self.emit("acc += (unsigned) %s > 2;" % k)
        if self.chance(0.5):
            # Uses that keep nothing: the contents by %s, a count by %n
            # into another object.
            w = self.fresh("w")
            self.emit("int *%s = (int *) malloc (4 * sizeof (int));" % w)
            self.emit("sprintf (g_scratch, \"%%.5s%%n\", (char *) %s, &%s[1]);"
                      % (p, w))
            self.emit("acc += (unsigned) %s[1];" % w)
            self.emit("free (%s);" % w)
        saved_helper = None
        if helper:
            name_h = self.fresh("h_printf_")
            self.emit("return acc;")
            self.top.append("static %sul\n%s (unsigned n)\n{\n%s\n}\n"
                            % (self.attrs(), name_h, "\n".join(self.body)))
            self.body, self.depth = saved
            self.emit("acc += %s (n);" % name_h)
            self.emit("scribble ();")
        qv, q = self.fresh("qv"), self.fresh("q")
        self.emit("void *%s = 0;" % qv)
        if how == "dprintf":
            tb, got = self.fresh("tb"), self.fresh("got")
            self.emit("char %s[64];" % tb)
            self.emit("ssize_t %s = read (g_pipe[0], %s, sizeof %s - 1);"
                      % (got, tb, tb))
            self.emit("%s[%s > 0 ? %s : 0] = 0;" % (tb, got, got))
            self.emit("sscanf (%s, \"%%p\", &%s);" % (tb, qv))
        else:
            self.emit("sscanf (%s, \"%%p\", &%s);" % (text, qv))
        self.emit("unsigned char *%s = (unsigned char *) %s;" % (q, qv))
        self.emit("acc += bytes (%s, %d);" % (q, obj_size))
        self.emit("free (%s);" % q)

    INT_WIDTHS = collections.OrderedDict([
        ("char", "unsigned char"), ("short", "unsigned short"),
        ("int", "unsigned int"), ("uintptr_t", "uintptr_t")])

    def piece_helper(self, w, mode):
        """A helper that returns piece k of an address as the narrow
        integer type W: by memcpy into W's, through a union, by memcpy
        into a uintptr_t and a shift, or by a cast (the form the
        address-exposed rule sees)."""
        key = "piece %s %s" % (w, mode)
        names = self.helpers.setdefault(key, [])
        if names and self.chance(0.7):
            return names[0]
        name = self.fresh("h_piece_")
        names.append(name)
        np_ = "sizeof (void *) / sizeof (%s)" % w
        if mode == "memcpy":
            body = ("  %s w[%s];\n  memcpy (w, &p, sizeof p);\n"
                    "  return w[k];\n" % (w, np_))
        elif mode == "union":
            body = ("  union { const void *p; %s w[%s]; } u;\n  u.p = p;\n"
                    "  return u.w[k];\n" % (w, np_))
        elif mode == "shift":
            body = ("  uintptr_t a;\n  memcpy (&a, &p, sizeof a);\n"
                    "  return (%s) (a >> (8 * sizeof (%s) * k));\n" % (w, w))
        else:
            body = ("  return (%s) ((uintptr_t) p >> (8 * sizeof (%s) * k));\n"
                    % (w, w))
        self.top.append("static %s%s\n%s (const void *p, unsigned k)\n{\n%s}\n"
                        % (self.attrs(), w, name, body))
        return name

    def sc_int_pieces(self):
        """An address handed out through integers of every width: split
        into unsigned char, short, int or uintptr_t pieces by helpers
        (memcpy, a union, a shift or a cast), the pieces kept in a global,
        the first returned as a narrow integer, and the pointer put back
        together by the caller, which uses and frees the object."""
        rng = self.rng
        width = self.pick("int-pieces-width", list(self.INT_WIDTHS))
        w = self.INT_WIDTHS[width]
        mode = self.pick("int-pieces",
                         ["memcpy", "memcpy", "union", "shift", "cast"])
        np_ = "sizeof (void *) / sizeof (%s)" % w
        piece = self.piece_helper(w, mode)
        pieces = self.fresh("g_pieces")
        self.top.append("static %s %s[sizeof (void *)];\n" % (w, pieces))
        helper = self.pick("int-pieces-first",
                           ["returned", "returned", "inline"]) == "returned"
        self.shape("int-pieces")
        self.shape("int-pieces:" + mode)
        self.shape("int-pieces-width:" + width)
        self.shape("int-pieces-first:%s" % ("returned" if helper else "inline"))
        saved = self.body, self.depth
        if helper:
            self.body, self.depth = [], 1
        obj = self.alloc(rng.choice(["const", "small"]))
        self.emit("for (unsigned k = 0; k < %s; k++)" % np_)
        self.emit("  %s[k] = %s (%s, k);" % (pieces, piece, obj.var))
        if helper:
            # The first piece goes back as the return value, a narrow
            # integer but for uintptr_t, made from the pointer's bytes.
            first = self.fresh("first")
            if mode == "shift" or mode == "cast":
                self.emit("%s %s = %s (%s, 0);" % (w, first, piece, obj.var))
            else:
                self.emit("%s %s;" % (w, first))
                self.emit("memcpy (&%s, &%s, sizeof %s);"
                          % (first, obj.var, first))
            self.emit("return %s;" % first)
            name_h = self.fresh("h_pieces_")
            self.top.append("static %s%s\n%s (unsigned n, unsigned c)\n{\n"
                            "  (void) c;\n%s\n}\n"
                            % (self.attrs(), w, name_h, "\n".join(self.body)))
            self.body, self.depth = saved
            first = self.fresh("first")
            self.emit("%s %s = %s (n, c);" % (w, first, name_h))
            self.emit("scribble ();")
            self.emit("%s[0] = %s;" % (pieces, first))
        qv = self.fresh("qv")
        self.emit("void *%s;" % qv)
        if mode in ("shift", "cast"):
            a = self.fresh("a")
            self.emit("uintptr_t %s = 0;" % a)
            self.emit("for (unsigned k = 0; k < %s; k++)" % np_)
            self.emit("  %s |= (uintptr_t) %s[k] << (8 * sizeof (%s) * k);"
                      % (a, pieces, w))
            self.emit("%s = (void *) %s;" % (qv, a))
        else:
            self.emit("memcpy (&%s, %s, sizeof %s);" % (qv, pieces, qv))
        q = Obj(self.fresh("q"), obj.ty, obj.count, obj.nbytes)
        self.emit("%s *%s = (%s *) %s;" % (q.ty, q.var, q.ty, qv))
        self.read(q)
        self.emit("free (%s);" % q.var)

    POSITION_WAYS = {
        # Each byte b of the address becomes a position in a string,
        # read back as b.  s is 256 letters and an end.
        "strlen": "256 - strlen (g_letters + b)",
        "strcpy": "(strcpy (w, g_letters + b), 256 - strlen (w))",
        "snprintf": "256 - snprintf (NULL, 0, \"%s\", g_letters + b)",
        "cut": "(cut (w, b), strlen (w))",
        "strchr": "(mark (w, b), strchr (w, 'y') - w)",
        "strtoul": "(stop (w, b), strtoul (w, &e, 10), e - w)",
        "helper": "256 - strlen (%s (g_letters, p, k))",
    }

    def sc_position(self):
        """An address handed out through where a pointer points: a helper
        turns each byte b of it into the place g_letters + b, or into a
        mark stored at w + b, and reads it back as a length (strlen,
        strcpy's copy, snprintf's count of "%s"), as where strchr finds
        the mark or strtoul stops, or through a helper of the unit that
        returns s + b.  The bytes are kept in a global; the caller puts
        the pointer back together and frees it."""
        how = self.pick("position", sorted(self.POSITION_WAYS))
        self.shape("position")
        self.shape("position:" + how)
        if not self.helpers.get("position"):
            self.helpers["position"] = ["g_letters"]
            self.top.append(
                "static char g_letters[] = \"%s\";\n"
                "static void cut (char *w, unsigned b)\n"
                "{ memset (w, 'x', 256); w[256] = 0; char *at = w + b; "
                "*at = 0; }\n"
                "static void mark (char *w, unsigned b)\n"
                "{ memset (w, 'x', 256); w[256] = 0; char *at = w + b; "
                "*at = 'y'; }\n"
                "static void stop (char *w, unsigned b)\n"
                "{ memset (w, '0', 256); w[256] = 0; char *at = w + b; "
                "*at = 'x'; }\n" % ("a" * 256))
        way = self.POSITION_WAYS[how]
        if how == "helper":
            past = self.fresh("past")
            self.top.append("static %schar *\n%s (char *s, const void *p, "
                            "unsigned k)\n{\n  return s + (((uintptr_t) p "
                            ">> 8 * k) & 0xff);\n}\n" % (self.attrs(), past))
            way = way % past
        out = self.fresh("g_posbytes")
        self.top.append("static unsigned char %s[sizeof (void *)];\n" % out)
        saved = self.body, self.depth
        self.body, self.depth = [], 1
        obj = self.alloc(self.rng.choice(["const", "small"]))
        p = obj.var
        self.emit("char w[257], *e;")
        self.emit("(void) w; (void) e;")
        self.emit("for (unsigned k = 0; k < sizeof (void *); k++)")
        self.emit("  {")
        self.emit("    const void *p = %s; (void) p;" % p)
        self.emit("    unsigned b = ((uintptr_t) %s >> 8 * k) & 0xff;" % p)
        self.emit("    %s[k] = (unsigned char) (%s);" % (out, way))
        self.emit("  }")
        name_h = self.fresh("h_position_")
        self.top.append("static %svoid\n%s (unsigned n, unsigned c)\n{\n"
                        "  (void) n; (void) c;\n%s\n}\n"
                        % (self.attrs(), name_h, "\n".join(self.body)))
        self.body, self.depth = saved
        self.emit("%s (n, c);" % name_h)
        self.emit("scribble ();")
        a = self.fresh("a")
        self.emit("uintptr_t %s = 0;" % a)
        self.emit("for (unsigned k = 0; k < sizeof (void *); k++)")
        self.emit("  %s |= (uintptr_t) %s[k] << 8 * k;" % (a, out))
        # GCC itself does not see the address leave through a position,
        # so it may drop the helper's stores into the object: only the
        # free is defined, and it crashes on a stack slot.
        self.emit("free ((void *) %s);" % a)

    def sc_memcpy_out(self):
        """An address copied out with memcpy and friends rather than
        stored: into a global or the caller's out-parameter, whole or in
        pieces, byte by byte, through local copies, or by a helper that
        copies its parameter's address.  main reads the object later."""
        rng = self.rng
        obj = self.alloc(rng.choice(["const", "small", "unbounded"]))
        self.use(obj)
        # Not with a size the compiler cannot see: GCC 12 itself loses
        # the object then (memcpy (&g, &p, size) with a variable size of
        # 8 at -O1: the stores into *p are deleted).
        how = self.pick("memcpy-out",
                        ["global", "out", "memmove", "mempcpy", "twice",
                         "pieces", "bytes", "local", "holder", "helper",
                         "chk"])
        self.shape("memcpy-out")
        self.shape("memcpy-out:" + how)
        p = obj.var
        if how in ("pieces", "bytes"):
            slot = self.global_slot()
            dst = "g_ptrbytes[%d]" % slot
            if how == "pieces":
                self.emit("memcpy (%s, &%s, 4);" % (dst, p))
                self.emit("memcpy (%s + 4, (unsigned char *) &%s + 4, "
                          "sizeof %s - 4);" % (dst, p, p))
            else:
                self.emit("for (unsigned k = 0; k < sizeof %s; k++)" % p)
                self.emit("  %s[k] = ((unsigned char *) &%s)[k];" % (dst, p))
            self.emit("g_blen[%d] = %s;" % (slot, obj.nbytes))
            return
        if how == "out" or (how == "helper" and self.chance(0.5)):
            slot = self.out_slot()
            dst, lenv = "&o->p[%d]" % slot, "o->len[%d]" % slot
        elif how == "holder":
            h = self.fresh("h")
            self.emit("struct holder %s = { (unsigned char *) %s, %s };"
                      % (h, p, obj.nbytes))
            self.emit("memcpy (&o->h, &%s, sizeof %s);" % (h, h))
            return
        else:
            slot = self.global_slot()
            dst, lenv = "&g_slot[%d]" % slot, "g_len[%d]" % slot
        if how == "memmove":
            self.emit("memmove (%s, &%s, sizeof %s);" % (dst, p, p))
        elif how == "mempcpy":
            self.emit("mempcpy (%s, &%s, sizeof %s);" % (dst, p, p))
        elif how == "twice":
            t = self.fresh("t")
            self.emit("void *%s[2] = { 0, 0 };" % t)
            self.emit("memcpy (&%s[1], &%s, sizeof %s);" % (t, p, p))
            self.emit("memcpy (%s, &%s[1], sizeof (void *));" % (dst, t))
        elif how == "local":
            t = self.fresh("t")
            self.emit("void *%s;" % t)
            self.emit("memcpy (&%s, &%s, sizeof %s);" % (t, p, t))
            self.emit("*(void **) (%s) = %s;" % (dst, t))
        elif how == "helper":
            name = self.helpers.setdefault("put", [])
            if not name:
                name.append(self.fresh("h_put_"))
                self.top.append(
                    "static %svoid\n%s (void **dst, void *q)\n{\n"
                    "  memcpy (dst, &q, sizeof q);\n}\n"
                    % (self.attrs(), name[0]))
            self.emit("%s (%s, %s);" % (name[0], dst, p))
        elif how == "chk":
            self.emit("__builtin___memcpy_chk (%s, &%s, sizeof %s, "
                      "__builtin_object_size (%s, 0));" % (dst, p, p, dst))
        else:
            self.emit("memcpy (%s, &%s, sizeof %s);" % (dst, p, p))
        self.emit("%s = %s;" % (lenv, obj.nbytes))

    # -- stack --------------------------------------------------------------

    def rec_depth(self):
        """How deep a recursion goes: deep enough that a buffer wrongly
        moved into each frame needs far more stack than the plain build
        (at least 128 frames of 2 KiB or more), shallow enough for a
        plain -O0 build on the small stack of a thread."""
        base = 40 if self.thread else self.rng.choice([128, 200, 300])
        return "%d + (c & 7)" % base

    def sc_stack_recursion(self):
        """A recursive function holding a large buffer in every frame.
        The recursion is direct, mutual, through a function pointer,
        through a constant table (at a variable or a constant index),
        through qsort's callback, or through a helper GCC inlines into
        the recursive function.  A buffer moved into such a frame
        multiplies by the depth."""
        rng = self.rng
        kind = self.pick("stack-recursion",
                         ["direct", "mutual", "pointer", "table",
                          "table-const", "qsort", "inlined"])
        self.shape("stack-recursion")
        self.shape("stack-recursion:" + kind)
        # On a thread's small stack the recursion is shallower: bigger
        # buffers keep a wrong move far beyond the stack's size.
        size = 4096 if self.thread else rng.choice([2048, 3072, 4096])
        a = self.fresh("rec")
        b = self.fresh("rec")
        sig = "(unsigned d, unsigned n)"
        alloc = rng.choice(["malloc (%d)" % size, "calloc (%d, 1)" % size])

        def body(name, call, mul):
            return ("static %sul\n%s %s\n{\n"
                    "  unsigned char *b = (unsigned char *) %s;\n"
                    "  memset (b, (int) (d + n), %d);\n"
                    "  b[d %% %d] = (unsigned char) (d * 3u);\n"
                    "  ul r = d ? %s : 1;\n"
                    "  r = r * %du + b[(d * 13u) %% %d] + b[%d];\n"
                    "  free (b);\n  return r;\n}\n"
                    % (self.rng.choice(["", "__attribute__((noinline)) "]),
                       name, sig, alloc, size, size, call, mul, size,
                       size - 1))

        self.top.append("static ul %s %s;\n" % (a, sig))
        if kind in ("mutual", "table", "table-const"):
            self.top.append("static ul %s %s;\n" % (b, sig))
        if kind == "direct":
            self.top.append(body(a, "%s (d - 1, n)" % a, 7))
        elif kind == "mutual":
            self.top.append(body(a, "%s (d - 1, n)" % b, 7))
            self.top.append(body(b, "%s (d - 1, n)" % a, 11))
        elif kind == "pointer":
            fp = self.fresh("g_recp")
            qual = rng.choice(["volatile ", ""])
            self.top.append("static ul (*%s%s) %s = %s;\n" % (qual, fp, sig, a))
            self.top.append(body(a, "%s (d - 1, n)" % fp, 7))
        elif kind in ("table", "table-const"):
            tab = self.fresh("g_rectab")
            self.top.append("static ul (*const %s[2]) %s = { %s, %s };\n"
                            % (tab, sig, a, b))
            idx = "d & 1" if kind == "table" else "1"
            self.top.append(body(a, "%s[%s] (d - 1, n)" % (tab, idx), 7))
            self.top.append(body(b, "%s[0] (d - 1, n)" % tab, 11))
        elif kind == "qsort":
            # a sorts two numbers; the comparison recurses into a once,
            # through the count it left in pending.
            pend, cmp = self.fresh("g_pending"), self.fresh("cmp")
            self.top.append(
                "static unsigned %s;\nstatic ul %s_acc;\n"
                "static int\n%s (const void *x, const void *y)\n{\n"
                "  if (%s)\n    {\n      unsigned d = %s;\n      %s = 0;\n"
                "      %s_acc = %s_acc * 3u + %s (d - 1, d);\n    }\n"
                "  int u = *(const int *) x, v = *(const int *) y;\n"
                "  return (u > v) - (u < v);\n}\n"
                % (pend, pend, cmp, pend, pend, pend, pend, pend, a))
            call = ("(%s = d, qsort (two, 2, sizeof two[0], %s), "
                    "(ul) two[0] + %s_acc)" % (pend, cmp, pend))
            self.top.append(body(a, call, 7).replace(
                "  ul r =", "  int two[2] = { (int) n, (int) d };\n  ul r ="))
        else:
            work = self.fresh("work")
            self.top.append(
                "static %sul\n%s (unsigned d, unsigned n)\n{\n"
                "  unsigned char *b = (unsigned char *) %s;\n"
                "  memset (b, (int) (d ^ n), %d);\n"
                "  ul r = b[d %% %d] + b[%d];\n  free (b);\n  return r;\n}\n"
                % (rng.choice(["inline ", "", "__attribute__((always_inline)) "
                               "inline "]), work, alloc, size, size, size - 1))
            self.top.append(
                "static %sul\n%s %s\n{\n  ul r = %s (d, n);\n"
                "  return d ? r + 3u * %s (d - 1, n) : r;\n}\n"
                % (rng.choice(["", "__attribute__((noinline)) "]), a, sig,
                   work, a))
        self.emit("acc += %s (%s, n);" % (a, self.rec_depth()))

    def sc_stack_chain(self):
        """A chain of functions, each moving large buffers (up to the
        frame budget) and calling the next one while they are live: the
        moved bytes add up along the chain."""
        rng = self.rng
        length = rng.randrange(3, 9)
        per = rng.choice([2, 4, 6, 8])
        self.shape("stack-chain")
        names = [self.fresh("chain") for _ in range(length)]
        for k in reversed(range(length)):
            lines = []
            for m in range(per):
                lines.append("  unsigned char *b%d = (unsigned char *) "
                             "malloc (4096);" % m)
                lines.append("  memset (b%d, (int) (n + %d), 4096);" % (m, m))
            call = "%s (n, c)" % names[k + 1] if k + 1 < length else "c"
            lines.append("  ul r = %s;" % call)
            for m in range(per):
                lines.append("  r = r * 3u + b%d[(n + %d) %% 4096];" % (m, m))
                lines.append("  free (b%d);" % m)
            self.top.append("static %sul\n%s (unsigned n, unsigned c)\n{\n"
                            "%s\n  return r;\n}\n"
                            % (rng.choice(["__attribute__((noinline)) ",
                                           "__attribute__((noinline)) ", ""]),
                               names[k], "\n".join(lines)))
        self.emit("acc += %s (n, c);" % names[0])

    def use(self, obj):
        """Some reads and writes of an object, possibly through helpers
        and a local struct."""
        r = self.rng.random()
        if r < 0.5:
            self.read(obj)
        elif r < 0.75:
            self.touch(obj)
        else:
            self.emit("acc += %s ((const unsigned char *) %s, %s);"
                      % (self.helper("read"), obj.var, obj.nbytes))

    # Name -> (scenario, weight).  The names are those of --weights; the
    # last ones write the shapes of known miscompiles and of the stack
    # oracle (each function takes 1 to 4 scenarios, a program 2 to 5
    # functions: about 9 a program, so a weight of 2 puts each shape in
    # about one program in three).
    SCENARIOS = collections.OrderedDict([
        ("local", (sc_local, 6)), ("escape", (sc_escape, 5)),
        ("bounded", (sc_bounded, 4)), ("large", (sc_large, 1)),
        ("phi", (sc_phi, 3)), ("null-phi", (sc_null_phi, 1)),
        ("loop-each", (sc_loop_each, 3)), ("loop-prev", (sc_loop_prev, 2)),
        ("list", (sc_list, 2)), ("table", (sc_table, 1)),
        ("struct", (sc_struct, 2)), ("helpers", (sc_helpers, 3)),
        ("make", (sc_make, 2)), ("recursive", (sc_recursive, 1)),
        ("budget", (sc_budget, 1)),
        ("irreducible", (sc_irreducible, 2)),
        ("returns-arg", (sc_returns_arg, 2)),
        ("printf", (sc_printf, 2)),
        ("int-pieces", (sc_int_pieces, 2)),
        ("memcpy-out", (sc_memcpy_out, 2)),
        ("position", (sc_position, 2)),
        ("stack-recursion", (sc_stack_recursion, 2)),
        ("stack-chain", (sc_stack_chain, 1)),
    ])

    # -- whole program ---------------------------------------------------------

    def function(self, name):
        """A function of a few scenarios; returns its text."""
        self.body = []
        self.depth = 1
        self.outs = 0
        names = list(self.SCENARIOS)
        weights = [self.weights.get(n, 0) for n in names]
        for _ in range(self.rng.randrange(1, 5)):
            self.SCENARIOS[self.rng.choices(names, weights)[0]][0](self)
        attrs = self.rng.choice(["", "static ", "__attribute__((noinline)) "])
        return ("%sul\n%s (unsigned n, unsigned c, struct out *o)\n{\n"
                "  ul acc = n;\n%s\n  return acc;\n}\n"
                % (attrs, name, "\n".join(self.body)))

    def generate(self, title):
        nfuncs = self.rng.randrange(2, 6)
        funcs = [self.function("f%d" % k) for k in range(nfuncs)]
        params = [self.rng.randrange(1, 48) for _ in range(8)]
        calls = []
        for k in range(nfuncs):
            for _ in range(self.rng.randrange(1, 3)):
                calls.append((k, self.rng.randrange(8), self.rng.randrange(8)))
        calls = "\n".join(
            "  check (%d, f%d (param[%d], param[%d] * 37u + %d, out), out);"
            % (k, k, a, b, k) for k, a, b in calls)
        if self.thread:
            main = MAIN_THREAD.format(calls=calls,
                                      thread_stack=THREAD_STACK_SIZE)
        else:
            main = MAIN_DIRECT.format(calls=calls)
        shapes = ", ".join("%s %d" % kv for kv in sorted(self.shapes.items()))
        return PROLOGUE.format(
            title=title, shapes=shapes or "none", slots=max(self.slots, 1),
            params=", ".join(str(p) for p in params),
            nparams=len(params), writer=self.helper("write"),
            scribble=THREAD_SCRIBBLE if self.thread else 65536,
            letters=LETTERS_LONG,
        ) + "\n".join(self.top) + "\n" + "\n".join(funcs) + CHECK.format(
            slots=max(self.slots, 1)) + main


OUT_SLOTS = 2
# The letters strdup and strndup copy from: more than the largest object
# (a "large" one of 2 * MAX_SIZE bytes) and its ending zero.
LETTERS_LONG = 2 * MAX_SIZE + 1024


PROLOGUE = """\
/* {title}
   shapes: {shapes} */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef unsigned long ul;

struct node {{ struct node *next; unsigned v; }};
struct holder {{ unsigned char *p; size_t len; }};
/* What a function hands back to main through its out-parameter.  */
struct out {{ void *p[{nslots_out}]; size_t len[{nslots_out}]; struct holder h; }};

/* Where objects escape to; main reads them after the scribble.  */
void *g_slot[{slots}];
size_t g_len[{slots}];
uintptr_t g_addr[{slots}];
struct holder g_holder[{slots}];
struct node *g_list[{slots}];
struct holder *g_hp[{slots}];
/* An address copied byte by byte, and the length of its object.  */
unsigned char g_ptrbytes[{slots}][sizeof (void *)];
size_t g_blen[{slots}];
/* Addresses written out as text (%p), and text nobody reads.  */
char g_text[{slots}][64];
/* What strdup and strndup copy: longer than any object.  */
char g_letters_long[{letters}];
char g_scratch[64];
/* A format the compiler cannot see.  */
char g_fmt_p[] = "%p";
/* A pipe for dprintf.  */
int g_pipe[2];

/* Run-time parameters the compiler cannot see through.  */
volatile unsigned param[{nparams}] = {{ {params} }};

static ul sum;

/* Overwrite the stack below the caller, where the frames of the
   functions it called were.  */
__attribute__((noipa)) void
scribble (void)
{{
  volatile unsigned char junk[{scribble}];
  for (unsigned i = 0; i < sizeof junk; i++)
    junk[i] = (unsigned char) (0xa5 ^ i);
}}

/* An unknown function that only reads.  */
__attribute__((noipa)) ul
opaque_sum (const unsigned char *p, size_t len)
{{
  ul s = 0;
  for (size_t i = 0; i < len; i++)
    s = s * 3u + p[i];
  return s;
}}

__attribute__((noipa)) static void
write_odd (unsigned char *p, size_t len, unsigned v)
{{
  for (size_t i = 1; i < len; i += 2)
    p[i] = (unsigned char) (p[i] ^ v);
}}

static void {writer} (unsigned char *, size_t, unsigned);
/* Called through a pointer: an indirect call.  */
static void (*const writers[2]) (unsigned char *, size_t, unsigned) =
  {{ write_odd, {writer} }};

static ul
bytes (const void *p, size_t len)
{{
  const unsigned char *b = (const unsigned char *) p;
  ul s = len;
  for (size_t i = 0; i < len; i++)
    s = s * 131u + b[i];
  return s;
}}

/* vsprintf behind a variadic function.  */
__attribute__((unused)) static void
say (char *buf, const char *fmt, ...)
{{
  va_list ap;
  va_start (ap, fmt);
  vsprintf (buf, fmt, ap);
  va_end (ap);
}}

""".replace("{nslots_out}", str(OUT_SLOTS))

CHECK = """
/* Fold in a function's result and everything it let escape.  */
static void
check (int f, ul r, const struct out *o)
{{
  scribble ();
  ul s = r;
  for (int i = 0; i < {nslots_out}; i++)
    if (o->p[i])
      s = s * 19u + bytes (o->p[i], o->len[i]);
  if (o->h.p)
    s = s * 23u + bytes (o->h.p, o->h.len);
  for (int i = 0; i < {slots}; i++)
    {{
      if (g_slot[i])
        s = s * 7u + bytes (g_slot[i], g_len[i]);
      if (g_addr[i])
        s = s * 11u + bytes ((const void *) g_addr[i], g_len[i]);
      if (g_holder[i].p)
        s = s * 13u + bytes (g_holder[i].p, g_holder[i].len);
      for (struct node *n = g_list[i]; n; n = n->next)
        s = s * 17u + n->v;
      if (g_hp[i])
        s = s * 29u + bytes (g_hp[i]->p, g_hp[i]->len);
      if (g_blen[i])
        {{
          void *q;
          memcpy (&q, g_ptrbytes[i], sizeof q);
          s = s * 31u + bytes (q, g_blen[i]);
        }}
    }}
  printf ("f%d %016lx\\n", f, s);
  sum = sum * 1000003u + s;
}}
""".replace("{nslots_out}", str(OUT_SLOTS))

MAIN_DIRECT = """
int
main (void)
{{
  struct out out_s, *out = &out_s;
  memset (out, 0, sizeof *out);
  if (pipe (g_pipe))
    return 2;
  memset (g_letters_long, 'a', sizeof g_letters_long - 1);
{calls}
  printf ("sum %016lx\\n", sum);
  return 0;
}}
"""

MAIN_THREAD = """
static void *
work (void *arg)
{{
  struct out *out = (struct out *) arg;
{calls}
  return 0;
}}

/* The work runs on a thread with a small stack.  */
int
main (void)
{{
  struct out out_s;
  memset (&out_s, 0, sizeof out_s);
  if (pipe (g_pipe))
    return 2;
  memset (g_letters_long, 'a', sizeof g_letters_long - 1);
  pthread_attr_t attr;
  pthread_t t;
  if (pthread_attr_init (&attr)
      || pthread_attr_setstacksize (&attr, {thread_stack})
      || pthread_create (&t, &attr, work, &out_s)
      || pthread_join (t, 0))
    return 3;
  printf ("sum %016lx\\n", sum);
  return 0;
}}
"""


def program(seed, index, weights=None, thread_share=THREAD_SHARE,
            variants=None):
    """Program INDEX of SEED: the same on every run and machine
    (random.Random seeds from a string through SHA-512), for the same
    WEIGHTS, THREAD_SHARE and VARIANTS."""
    rng = random.Random("escape-fuzz %d %d" % (seed, index))
    title = "escape-fuzz: seed %d, program %d" % (seed, index)
    prog = Program(rng, weights, thread_share, variants)
    return prog.generate(title), prog.shapes


def program_text(seed, index, weights=None, thread_share=THREAD_SHARE,
                 variants=None):
    return program(seed, index, weights, thread_share, variants)[0]


# ---------------------------------------------------------------------------
# Runner
# ---------------------------------------------------------------------------

# A decision line of the report (not a function's summary line).
DECISION_RE = re.compile(
    r"^escape: \S+: \w+\(.*\) -> (stack|heap): ([a-z-]+)", re.M)

# The warnings oracle: GCC's warnings about addresses of locals and
# frees of what is not heap, in every build with and without the plugin.
# One that only the build with the plugin gives, at the same level, is a
# failure: a moved object returned, stored where it outlives its frame,
# or still freed.  (The same list is in scripts/check-torture.sh.)
ORACLE_WARNINGS = ["-Wreturn-local-addr", "-Wfree-nonheap-object",
                   "-Wdangling-pointer", "-Wuse-after-free"]
WARNING_RE = re.compile(
    r"^[^:\n]+:(\d+):(\d+): warning: .*\[(-W(?:return-local-addr|"
    r"free-nonheap-object|dangling-pointer|use-after-free))[=\d]*\]$", re.M)
# Every build: the thread programs need -pthread, the oracle a plain
# diagnostic format; main adds the oracle's warnings the compiler knows.
BUILD_FLAGS = ["-pthread", "-fdiagnostics-plain-output"]


def known_warnings(gcc):
    """The oracle's warnings that GCC accepts: GCC 11 has no
    -Wdangling-pointer and no -Wuse-after-free."""
    return [w for w in ORACLE_WARNINGS
            if run([gcc, w, "-fsyntax-only", "-x", "c", os.devnull],
                   None, 60)[0] == 0]

# Failure kinds, by the oracle that finds them: the summary counts the
# failed programs of each.
ORACLES = collections.OrderedDict([
    ("outputs", ("generator", "ice", "build", "mismatch")),
    ("warnings", ("plugin-only warning",)),
    ("stack", ("stack",)),
])
# The shapes of known miscompiles (and what they need), for the summary.
MAIN_SHAPES = ["irreducible", "returns-arg", "printf", "int-pieces",
               "memcpy-out", "position", "stack-recursion", "stack-chain",
               "thread"]


class Result:
    def __init__(self, index):
        self.index = index
        self.failures = []        # (kind, level, detail), in order found
        self.decisions = collections.Counter()   # "stack" / heap reason
        self.shapes = collections.Counter()


def run(cmd, cwd, timeout):
    """Run CMD; return (status, stdout, stderr), status None on timeout."""
    try:
        p = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True,
                           errors="replace", timeout=timeout,
                           stdin=subprocess.DEVNULL)
        return p.returncode, p.stdout, p.stderr
    except subprocess.TimeoutExpired:
        return None, "", "timed out after %d s" % timeout


def oracle_warnings(err):
    """The oracle's warnings in a compiler's stderr: {(line, column,
    option): the line}."""
    found = {}
    for m in WARNING_RE.finditer(err):
        found.setdefault((m.group(1), m.group(2), m.group(3)), m.group(0))
    return found


def check_program(opts, index):
    """Build and run program INDEX every way; the Result says whether the
    runs with the plugin agree with the reference."""
    res = Result(index)
    work = os.path.join(opts.work, str(index))
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    src = os.path.join(work, "prog.c")
    text, res.shapes = program(opts.seed, index, opts.weights, opts.threads,
                               opts.variants)
    with open(src, "w") as f:
        f.write(text)

    def fail(kind, level, detail):
        res.failures.append((kind, level, detail))

    status, _, ref_err = run([opts.gcc, "-O0"] + BUILD_FLAGS
                             + ["prog.c", "-o", "ref"], work, COMPILE_TIMEOUT)
    if status != 0:
        # The generator wrote something GCC rejects: its bug, not the
        # plugin's, but it must not pass silently.
        fail("generator", "-O0", "reference build failed:\n" + ref_err)
        return res
    ref = run(["./ref"], work, RUN_TIMEOUT)
    if ref[0] != 0:
        fail("generator", "-O0", "reference run exited %s:\n%s"
             % (ref[0], ref[2]))
        return res
    expect = (ref[0], ref[1].encode())

    for level in LEVELS:
        d = os.path.join(work, level.lstrip("-"))
        os.makedirs(d)
        # The plain build of this level: the base of both oracles.
        if level == "-O0":
            plain, plain_err = os.path.join(work, "ref"), ref_err
        else:
            plain = os.path.join(d, "plain")
            status, _, plain_err = run(
                [opts.gcc, level] + BUILD_FLAGS + ["../prog.c", "-o", "plain"],
                d, COMPILE_TIMEOUT)
            if status != 0:
                fail("generator", level, "plain build failed:\n" + plain_err)
                continue
            got = run([plain], d, RUN_TIMEOUT)
            if got[:2] != ref[:2]:
                # Undefined behaviour in the program, or a bug of GCC.
                fail("generator", level,
                     "the plain build differs from the reference: exit %s,"
                     " output:\n%s%s" % (got[0], got[1], got[2]))
                continue
        status, _, err = run(
            [opts.gcc, level] + BUILD_FLAGS
            + ["-fplugin=" + opts.plugin_copy, "-fplugin-arg-escape-dump"]
            + ["-fplugin-arg-escape-" + a for a in opts.plugin_arg]
            + ["../prog.c", "-o", "prog"], d, COMPILE_TIMEOUT)
        if status is None or "internal compiler error" in err \
                or status not in (0, 1):
            fail("ice", level, err)
            continue
        if status != 0:
            fail("build", level, err)
            continue
        plain_warnings = oracle_warnings(plain_err)
        only = [line for key, line in sorted(oracle_warnings(err).items())
                if key not in plain_warnings]
        if only:
            fail("plugin-only warning", level, "\n".join(only))
        for name in os.listdir(d):
            if name.endswith(".escape"):
                with open(os.path.join(d, name)) as f:
                    for m in DECISION_RE.finditer(f.read()):
                        res.decisions["stack" if m.group(1) == "stack"
                                      else m.group(2)] += 1
        got = run(["./prog"], d, RUN_TIMEOUT)
        if got[:2] != ref[:2]:
            fail("mismatch", level,
                 "reference: exit %s, output:\n%s\nwith the plugin: exit %s,"
                 " output:\n%s%s%s" % (
                     ref[0], ref[1], got[0], got[1], got[2],
                     "\n(the work runs on a thread with %d bytes of stack: "
                     "a crash may be its overflow)" % THREAD_STACK_SIZE
                     if res.shapes["thread"] else ""))
            continue
        # The pass does not run at -O0: nothing to measure there.
        if opts.stack_extra is not None and level != "-O0":
            verdict, _, _, message = stack_oracle.compare(
                [plain], [os.path.join(d, "prog")], opts.stack_extra,
                cwd=d, expect=expect)
            if verdict != "pass":
                fail("stack", level, message)
    if not res.failures:
        shutil.rmtree(work)
    return res


def keep_failure(opts, res):
    """Copy a failing program to build/fuzz/failures/ with a note; return
    the note's text."""
    os.makedirs(opts.failures, exist_ok=True)
    base = os.path.join(opts.failures, "seed%d-%d" % (opts.seed, res.index))
    shutil.copy(os.path.join(opts.work, str(res.index), "prog.c"),
                base + ".c")
    args = "" if opts.out == DEFAULT_OUT else " --out " + opts.out
    if opts.scenarios:
        args += " --scenarios " + opts.scenarios
    if opts.weights_arg:
        args += " --weights " + opts.weights_arg
    for v in opts.variant:
        args += " --variant " + v
    for a in opts.plugin_arg:
        args += " --plugin-arg " + a
    if opts.threads != THREAD_SHARE:
        args += " --threads %g" % opts.threads
    kinds = collections.OrderedDict()
    for kind, level, _ in res.failures:
        kinds.setdefault(kind, []).append(level)
    summary = "; ".join("%s at %s" % (k, " ".join(ls))
                        for k, ls in kinds.items())
    level = res.failures[0][1]
    flags = " ".join(BUILD_FLAGS)
    note = ("%s in program %d of seed %d\n"
            "shapes: %s\n"
            "reproduce:\n"
            "  scripts/escape-fuzz.py --seed %d --only %d --plugin %s%s\n"
            "  %s %s %s -fplugin=%s%s %s.c -o %s.exe && %s.exe\n"
            "compare with: %s %s %s %s.c -o %s.plain && %s.plain\n"
            "stack: scripts/stack-oracle.py %s.plain %s.exe\n"
            "(builds and dumps are in %s)\n"
            % (summary, res.index, opts.seed,
               ", ".join("%s %d" % kv for kv in sorted(res.shapes.items()))
               or "none",
               opts.seed, res.index, opts.plugin, args,
               opts.gcc, level, flags, opts.plugin,
               "".join(" -fplugin-arg-escape-" + a for a in opts.plugin_arg),
               base, base, base,
               opts.gcc, level, flags, base, base, base, base, base,
               os.path.join(opts.work, str(res.index))))
    for kind, level, detail in res.failures:
        note += "\n%s at %s:\n%s\n" % (kind, level, detail.rstrip())
    with open(base + ".txt", "w") as f:
        f.write(note)
    return note


def parse_weights(text, only=None):
    """The scenarios' weights, changed by --weights NAME=W,...; with
    --scenarios NAME,..., every other one's is 0."""
    weights = dict((name, w) for name, (_, w) in Program.SCENARIOS.items())
    for name in filter(None, (only or "").split(",")):
        if name not in weights:
            raise SystemExit("escape-fuzz: --scenarios: '%s' is not one of %s"
                             % (name, ", ".join(weights)))
    if only:
        keep = only.split(",")
        weights = dict((n, w if n in keep else 0) for n, w in weights.items())
    for item in filter(None, (text or "").split(",")):
        name, _, w = item.partition("=")
        if name not in weights or not w:
            raise SystemExit("escape-fuzz: --weights: '%s' is not NAME=W with"
                             " NAME one of %s" % (item, ", ".join(weights)))
        weights[name] = float(w)
    return weights


def main():
    ap = argparse.ArgumentParser(
        description="Random differential testing of the escape plugin.")
    ap.add_argument("-n", type=int, default=100, help="number of programs")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--jobs", "-j", type=int, default=1,
                    help="programs checked at once")
    ap.add_argument("--only", type=int, metavar="I",
                    help="check program I only")
    ap.add_argument("--print", type=int, metavar="I", dest="print_index",
                    help="write program I to stdout and stop")
    ap.add_argument("--gcc", default=os.environ.get("GCC", "gcc"))
    ap.add_argument("--plugin",
                    default=os.path.join(REPO, "plugin", "escape.so"))
    ap.add_argument("--plugin-arg", action="append", default=[],
                    metavar="KEY[=VALUE]", help="pass -fplugin-arg-escape-"
                    "KEY[=VALUE] to the builds with the plugin")
    ap.add_argument("--out", default=DEFAULT_OUT,
                    help="directory of the work/ and failures/ directories")
    ap.add_argument("--weights", metavar="NAME=W,...", dest="weights_arg",
                    help="change the weights of scenarios (0 leaves one "
                         "out); NAME is one of: "
                         + ", ".join(Program.SCENARIOS))
    ap.add_argument("--scenarios", metavar="NAME,...",
                    help="only these scenarios (their weights as given)")
    ap.add_argument("--variant", action="append", default=[],
                    metavar="SHAPE=VARIANT", help="always write VARIANT of "
                    "SHAPE (the names after the colon in a program's "
                    "shapes: line, such as stack-recursion=qsort)")
    ap.add_argument("--threads", type=float, default=THREAD_SHARE,
                    metavar="P", help="share of programs that run on a "
                    "thread with a small stack (default %(default)s)")
    ap.add_argument("--stack-extra", type=int, metavar="BYTES",
                    default=stack_oracle.STACK_EXTRA,
                    help="stack a build with the plugin may need beyond the "
                         "plain build (default %(default)s)")
    ap.add_argument("--no-stack", dest="stack_extra", action="store_const",
                    const=None, help="do not run the stack oracle")
    opts = ap.parse_args()
    BUILD_FLAGS.extend(known_warnings(opts.gcc))
    opts.weights = parse_weights(opts.weights_arg, opts.scenarios)
    opts.variants = dict(v.partition("=")[::2] for v in opts.variant)

    if opts.print_index is not None:
        sys.stdout.write(program_text(opts.seed, opts.print_index,
                                      opts.weights, opts.threads,
                                      opts.variants))
        return 0
    opts.plugin = os.path.abspath(opts.plugin)
    if not os.path.exists(opts.plugin):
        print("escape-fuzz: %s does not exist (run make)" % opts.plugin,
              file=sys.stderr)
        return 2
    # Builds run in the work directories: every path must be absolute.
    opts.out = os.path.abspath(opts.out)
    opts.work = os.path.join(opts.out, "work")
    opts.failures = os.path.join(opts.out, "failures")
    # Builds use a copy: a `make' during a long run would otherwise swap
    # the plugin in the middle, or fail builds while it is half written.
    os.makedirs(opts.out, exist_ok=True)
    opts.plugin_copy = os.path.join(opts.out, "escape.so")
    shutil.copy(opts.plugin, opts.plugin_copy)
    indices = [opts.only] if opts.only is not None else range(opts.n)
    # Work directories of an earlier run would be mistaken for this one's.
    shutil.rmtree(opts.work, ignore_errors=True)

    start = time.time()
    totals = collections.Counter()
    holding = collections.Counter()    # shape -> programs holding it
    by_oracle = collections.Counter()  # oracle -> programs it failed
    by_kind = collections.Counter()
    failed = 0
    done = 0
    with concurrent.futures.ThreadPoolExecutor(opts.jobs) as pool:
        for res in pool.map(lambda i: check_program(opts, i), indices):
            done += 1
            totals.update(res.decisions)
            holding.update(res.shapes.keys())
            kinds = set(kind for kind, _, _ in res.failures)
            by_kind.update(kinds)
            for oracle, its_kinds in ORACLES.items():
                if kinds & set(its_kinds):
                    by_oracle[oracle] += 1
            if res.failures:
                failed += 1
                print("FAIL: " + keep_failure(opts, res), flush=True)
            if done % 100 == 0:
                print("escape-fuzz: %d programs, %d failed, %.0f s"
                      % (done, failed, time.time() - start), flush=True)

    stack = totals.pop("stack", 0)
    heap = sum(totals.values())
    sites = stack + heap
    print("programs: %d (seed %d), %.0f s" % (done, opts.seed,
                                              time.time() - start))
    print("shapes (programs holding each): " + ", ".join(
        "%s %d" % (s, holding[s]) for s in MAIN_SHAPES))
    print("sites: %d decisions at %s, %d stack (%.1f%%), %d heap"
          % (sites, " ".join(DUMP_LEVELS), stack,
             100.0 * stack / sites if sites else 0.0, heap))
    print("heap by reason: " + (", ".join(
        "%s %d" % (r, n) for r, n in totals.most_common()) or "none"))
    print("failed by kind: " + (", ".join(
        "%s %d" % (k, n) for k, n in by_kind.most_common()) or "none"))
    print("failed by oracle: " + ", ".join(
        "%s %d" % (o, by_oracle[o]) for o in ORACLES)
        + ("" if opts.stack_extra is not None else " (stack oracle off)"))
    print("%d passed, %d failed" % (done - failed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
