/* The report of recursive-inline-run.c: the site moves in work, and the
   call from rec, which recurs, stays a call.  */
/* { dg-do compile } */
/* { dg-options "-O2 -fdump-tree-optimized -fplugin-arg-escape-dump=details" } */
#include "recursive-inline-run.c"

/* { dg-final { scan-escape "recursive-inline-run.c:13:13: malloc\\(240\\) -> stack: no-escape" } } */
/* { dg-final { scan-tree-dump "work \\(n_\[0-9\]+\\(D\\)\\)" "optimized" } } */
/* { dg-final { scan-tree-dump "escape-stack: recursive-inline-run.c:25:11: work\\(\\) stays a call: its frame holds 240 moved bytes, and the caller may recur" "escape_inline?" } } */
