/* The report of recursive-always-inline-run.c: work's site keeps the
   heap because rec, which it is inlined into, recurs; and so does the
   copy inlined into rec.  */
/* { dg-do compile } */
#include "recursive-always-inline-run.c"

/* { dg-final { scan-escape-times "recursive-always-inline-run.c:13:13: malloc\\(240\\) -> heap: recursive: " 2 } } */
/* { dg-final { scan-escape "malloc\\(240\\) -> heap: recursive: work is inlined into rec: rec is in a call-graph cycle via a call to itself at recursive-always-inline-run.c:26:15; 240 bytes, above the recursion allowance of 25" } } */
