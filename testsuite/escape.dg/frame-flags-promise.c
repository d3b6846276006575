/* The report of frame-flags-promise-run.c.  */
/* { dg-do compile } */
/* { dg-options "-O2 -Werror=frame-larger-than=8000" } */
#include "frame-flags-promise-run.c"

/* { dg-final { scan-escape "frame-flags-promise-run.c:22:13: malloc\\(4001\\) -> heap: frame-budget: 4001 bytes would pass the frame budget, or the frame limit of -Wframe-larger-than= or -Wstack-usage=" } } */
/* { dg-final { scan-escape "frame-flags-promise-run.c:32:13: malloc\\(4000\\) -> stack: no-escape" } } */
