#!/usr/bin/env python3
"""Generate one C function with N allocation sites, for the scaling runs
of `make bench-compile`.

  bench/gen_scaling.py MIX N > file.c

Every mix is valid C that could run; each site also does a few pointer
operations (arithmetic, stores, loads), so the graph has about as many
pointer operations as sites.  The first line says how many allocation
sites the function has.

  pairs        N independent malloc/free pairs in straight-line code
  loop         N sites in one loop body, one accumulator
  loop-phis    N sites in one loop body, each with its own accumulator:
               N phis at the loop header
  chain        N objects, each stored into the next, walked, then freed
  chain-escape the same chain, its head stored in a global, so all N
               objects escape through their containers
  free-phis    N pairs of sites, each pair freed through two phis
               (free (c ? a : b); free (c ? b : a))
  free-cascade N sites where free K may free site K or K+1, and the last
               site stays on the heap (unknown size): the free rule must
               carry the heap decision down the whole chain
  bounded      N sites of a variable size bounded once at the top, each
               in its own conditional block (ranger queries)
"""

import sys


def pairs(n):
    body = []
    for k in range(n):
        body.append(f"  {{ char *p = malloc (16); char *q = p + {k % 8};"
                    f" *q = (char) x; p[15] = q[0]; s += p[15]; free (p); }}")
    return "long f (long x)\n{\n  long s = 0;\n" + "\n".join(body) + \
        "\n  return s;\n}\n"


def loop(n, own_accumulators):
    decls, body, ret = [], [], []
    for k in range(n):
        acc = f"s{k}" if own_accumulators else "s"
        if own_accumulators:
            decls.append(f"  long s{k} = {k};")
            ret.append(f"s{k}")
        body.append(f"      {{ char *p = malloc (16); char *q = p + (i & 7);"
                    f" *q = (char) (i + {k}); p[15] = *q; {acc} += p[15];"
                    f" free (p); }}")
    if not own_accumulators:
        decls.append("  long s = 0;")
        ret.append("s")
    return ("long f (long n)\n{\n" + "\n".join(decls)
            + "\n  for (long i = 0; i < n; i++)\n    {\n"
            + "\n".join(body) + "\n    }\n  return "
            + " + ".join(ret) + ";\n}\n")


def chain(n, escape):
    body = ["  void **p0 = malloc (16);", "  p0[0] = 0;"]
    for k in range(1, n):
        body.append(f"  void **p{k} = malloc (16); p{k}[0] = p{k - 1};"
                    f" p{k}[1] = p{k} + 1;")
    body.append("  long s = 0;")
    body.append(f"  for (void **q = p{n - 1}; q; q = *q)\n    s++;")
    if escape:
        body.append(f"  head = p{n - 1};")
    else:
        body += [f"  free (p{k});" for k in range(n)]
    return ("void *head;\n\nlong f (void)\n{\n" + "\n".join(body)
            + "\n  return s;\n}\n")


def free_phis(n):
    body = []
    for k in range(n):
        body.append(f"  {{ char *a = malloc (16), *b = malloc (16);"
                    f" a[0] = (char) c; b[0] = a[0] + 1; s += b[0];"
                    f" int t = (c >> {k % 31}) & 1;"
                    f" free (t ? a : b); free (t ? b : a); }}")
    return "long f (long c)\n{\n  long s = 0;\n" + "\n".join(body) + \
        "\n  return s;\n}\n"


def free_cascade(n):
    # Free K frees site K below M and site K + 1 from M on: every site but
    # site M is freed once.  Site N - 1 has an unbounded size.
    body = [f"  char *a{k} = malloc (16); a{k}[0] = (char) m;"
            for k in range(n - 1)]
    body.append(f"  char *a{n - 1} = malloc (size); a{n - 1}[0] = 0;")
    body.append("  long s = 0;")
    for k in range(n - 1):
        body.append(f"  s += a{k}[0]; free (m > {k} ? a{k} : a{k + 1});")
    return ("long f (long m, unsigned long size)\n{\n" + "\n".join(body)
            + "\n  return s;\n}\n")


def bounded(n):
    body = ["  if (len > 64)\n    len = 64;", "  long s = 0;"]
    for k in range(n):
        body.append(f"  if ((c >> {k % 63}) & 1)\n"
                    f"    {{ char *p = malloc (len); char *q = p + 1;"
                    f" p[0] = (char) c; *q = p[0]; s += *q; free (p); }}")
    return ("long f (unsigned long len, long c)\n{\n" + "\n".join(body)
            + "\n  return s;\n}\n")


MIXES = {
    "pairs": pairs,
    "loop": lambda n: loop(n, False),
    "loop-phis": lambda n: loop(n, True),
    "chain": lambda n: chain(n, False),
    "chain-escape": lambda n: chain(n, True),
    "free-phis": free_phis,
    "free-cascade": free_cascade,
    "bounded": bounded,
}


def main():
    if len(sys.argv) != 3 or sys.argv[1] not in MIXES:
        sys.exit(__doc__)
    mix, n = sys.argv[1], int(sys.argv[2])
    sites = 2 * n if mix == "free-phis" else n
    sys.stdout.write(f"/* sites: {sites} */\n#include <stdlib.h>\n\n"
                     + MIXES[mix](n))


if __name__ == "__main__":
    main()
