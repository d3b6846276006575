#!/usr/bin/env python3
"""Random differential testing of the escape plugin.

    scripts/escape-fuzz.py [-n N] [--seed S] [--jobs J] [--only I]
                           [--gcc GCC] [--plugin SO] [--out DIR] [--print I]

Program I of seed S is a random C program, always the same for the same
S and I, built from the cases the plugin's rules are about: allocations
of constant, bounded and unbounded size; frees on some or all paths;
phis of several allocations freed once; allocations in loops, per
iteration and carried into the next one; static helpers that read,
write, keep, return, free or realloc their argument; stores into local
and escaping structs; calls through function pointers; recursion.  It
prints a checksum of everything it computed and exits 0.  Between calls
it scribbles over the stack, so an object that was wrongly moved to the
stack and is still used (through a global, an out-parameter, a returned
pointer) reads back the scribble, and the checksum changes.

Each program is built without the plugin at -O0 (the reference), and
with the plugin at -O0 -O1 -O2 -O3 -Os.  A program fails if a build with
the plugin fails or crashes the compiler while the reference builds, if
GCC warns that free is called on an unallocated object (a free left on a
moved object), or if a run's output or exit status differs from the
reference.  A failing program is kept under build/fuzz/failures/ (or
DIR/failures/) with a note saying how to reproduce it.

At the end the script prints the number of programs, the plugin's
decisions summed from its dumps over the four optimizing levels (sites,
moved to the stack, heap by reason), and last "N passed, M failed".  It
exits 1 if any program failed.

--print I writes program I to stdout and does nothing else; --only I
checks just program I (to reproduce a failure).
"""

import argparse
import collections
import concurrent.futures
import os
import random
import re
import shutil
import subprocess
import sys
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
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

    def __init__(self, rng):
        self.rng = rng
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
        aligned_alloc.  Every byte that will be read is written first;
        calloc's zeros count, so half of those are read as they are."""
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
        kind = rng.choice(["malloc", "malloc", "malloc", "calloc",
                           "aligned_alloc"])
        var = self.fresh("p")
        nbytes = "(%s) * sizeof (%s)" % (count, ty)
        if kind == "malloc":
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
        if kind != "calloc" or self.chance(0.5):
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
        self.emit("acc = acc * 17u + %s[0] + (%s == %s);"
                  % (prev, prev, cur.var))
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

    SCENARIOS = [
        (sc_local, 6), (sc_escape, 5), (sc_bounded, 4), (sc_large, 1),
        (sc_phi, 3), (sc_null_phi, 1), (sc_loop_each, 3), (sc_loop_prev, 2),
        (sc_list, 2), (sc_table, 1), (sc_struct, 2), (sc_helpers, 3),
        (sc_make, 2), (sc_recursive, 1), (sc_budget, 1),
    ]

    # -- whole program ---------------------------------------------------------

    def function(self, name):
        """A function of a few scenarios; returns its text."""
        self.body = []
        self.depth = 1
        self.outs = 0
        funcs, weights = zip(*self.SCENARIOS)
        for _ in range(self.rng.randrange(1, 5)):
            self.rng.choices(funcs, weights)[0](self)
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
        return PROLOGUE.format(
            title=title, slots=max(self.slots, 1),
            params=", ".join(str(p) for p in params),
            nparams=len(params), writer=self.helper("write"),
        ) + "\n".join(self.top) + "\n" + "\n".join(funcs) + MAIN.format(
            calls="\n".join(
                "  check (%d, f%d (param[%d], param[%d] * 37u + %d, &out), &out);"
                % (k, k, a, b, k) for k, a, b in calls),
            slots=max(self.slots, 1))


OUT_SLOTS = 2

PROLOGUE = """\
/* {title} */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

/* Run-time parameters the compiler cannot see through.  */
volatile unsigned param[{nparams}] = {{ {params} }};

static ul sum;

/* Overwrite the stack below the caller, where the frames of the
   functions it called were.  */
__attribute__((noipa)) void
scribble (void)
{{
  volatile unsigned char junk[65536];
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

""".replace("{nslots_out}", str(OUT_SLOTS))

MAIN = """
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
    }}
  printf ("f%d %016lx\\n", f, s);
  sum = sum * 1000003u + s;
}}

int
main (void)
{{
  struct out out;
  memset (&out, 0, sizeof out);
{calls}
  printf ("sum %016lx\\n", sum);
  return 0;
}}
""".replace("{nslots_out}", str(OUT_SLOTS))


def program_text(seed, index):
    """Program INDEX of SEED: the same text on every run and machine
    (random.Random seeds from a string through SHA-512)."""
    rng = random.Random("escape-fuzz %d %d" % (seed, index))
    title = "escape-fuzz: seed %d, program %d" % (seed, index)
    return Program(rng).generate(title)


# ---------------------------------------------------------------------------
# Runner
# ---------------------------------------------------------------------------

# A decision line of the report (not a function's summary line).
DECISION_RE = re.compile(
    r"^escape: \S+: \w+\(.*\) -> (stack|heap): ([a-z-]+)", re.M)
# GCC's -Wfree-nonheap-object: a free left on an object that was moved.
FREE_STACK_RE = re.compile(r"called on (pointer to )?unallocated object")


class Result:
    def __init__(self, index):
        self.index = index
        self.failure = None       # (kind, level, detail) of the first one
        self.decisions = collections.Counter()   # "stack" / heap reason


def run(cmd, cwd, timeout):
    """Run CMD; return (status, stdout, stderr), status None on timeout."""
    try:
        p = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True,
                           errors="replace", timeout=timeout)
        return p.returncode, p.stdout, p.stderr
    except subprocess.TimeoutExpired:
        return None, "", "timed out after %d s" % timeout


def check_program(opts, index):
    """Build and run program INDEX every way; the Result says whether the
    runs with the plugin agree with the reference."""
    res = Result(index)
    work = os.path.join(opts.work, str(index))
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    src = os.path.join(work, "prog.c")
    with open(src, "w") as f:
        f.write(program_text(opts.seed, index))

    def fail(kind, level, detail):
        if res.failure is None:
            res.failure = (kind, level, detail)

    status, _, err = run([opts.gcc, "-O0", "-w", "prog.c", "-o", "ref"],
                         work, COMPILE_TIMEOUT)
    if status != 0:
        # The generator wrote something GCC rejects: its bug, not the
        # plugin's, but it must not pass silently.
        fail("generator", "-O0", "reference build failed:\n" + err)
        return res
    ref = run(["./ref"], work, RUN_TIMEOUT)
    if ref[0] != 0:
        fail("generator", "-O0", "reference run exited %s:\n%s"
             % (ref[0], ref[2]))
        return res

    for level in LEVELS:
        d = os.path.join(work, level.lstrip("-"))
        os.makedirs(d)
        status, _, err = run(
            [opts.gcc, level, "-fplugin=" + opts.plugin_copy,
             "-fplugin-arg-escape-dump", "../prog.c", "-o", "prog"],
            d, COMPILE_TIMEOUT)
        if status is None or "internal compiler error" in err \
                or status not in (0, 1):
            fail("ice", level, err)
            continue
        if status != 0:
            fail("build", level, err)
            continue
        if FREE_STACK_RE.search(err):
            fail("free-of-stack warning", level, err)
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
                 " output:\n%s%s" % (ref[0], ref[1], got[0], got[1], got[2]))
    if res.failure is None:
        shutil.rmtree(work)
    return res


def keep_failure(opts, res):
    """Copy a failing program to build/fuzz/failures/ with a note; return
    the note's text."""
    kind, level, detail = res.failure
    os.makedirs(opts.failures, exist_ok=True)
    base = os.path.join(opts.failures, "seed%d-%d" % (opts.seed, res.index))
    shutil.copy(os.path.join(opts.work, str(res.index), "prog.c"),
                base + ".c")
    out = "" if opts.out == DEFAULT_OUT else " --out " + opts.out
    note = ("%s at %s in program %d of seed %d\n"
            "reproduce:\n"
            "  scripts/escape-fuzz.py --seed %d --only %d --plugin %s%s\n"
            "  %s %s -fplugin=%s %s.c -o %s.exe && %s.exe\n"
            "compare with: %s -O0 %s.c -o %s.ref && %s.ref\n"
            "(builds and dumps are in %s)\n\n%s\n"
            % (kind, level, res.index, opts.seed, opts.seed, res.index,
               opts.plugin, out, opts.gcc, level, opts.plugin, base, base, base,
               opts.gcc, base, base, base,
               os.path.join(opts.work, str(res.index)), detail))
    with open(base + ".txt", "w") as f:
        f.write(note)
    return note


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
    ap.add_argument("--out", default=DEFAULT_OUT,
                    help="directory of the work/ and failures/ directories")
    opts = ap.parse_args()

    if opts.print_index is not None:
        sys.stdout.write(program_text(opts.seed, opts.print_index))
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
    failed = 0
    done = 0
    with concurrent.futures.ThreadPoolExecutor(opts.jobs) as pool:
        for res in pool.map(lambda i: check_program(opts, i), indices):
            done += 1
            totals.update(res.decisions)
            if res.failure:
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
    print("sites: %d decisions at %s, %d stack (%.1f%%), %d heap"
          % (sites, " ".join(DUMP_LEVELS), stack,
             100.0 * stack / sites if sites else 0.0, heap))
    print("heap by reason: " + (", ".join(
        "%s %d" % (r, n) for r, n in totals.most_common()) or "none"))
    print("%d passed, %d failed" % (done - failed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
