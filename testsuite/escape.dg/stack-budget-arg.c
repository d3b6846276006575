/* -fplugin-arg-escape-stack-budget=N: the whole chain of
   stack-budget-thread-run.c moves under a budget of 3 x 30 KiB (for a
   thread stack much larger than 64 KiB), and nothing under a budget of 0.  */
/* { dg-do compile } */
/* Without sibling calls, the tail-call rule (tail-recursion-barrier-run.c)
   stays out of what this test shows.  */
/* { dg-options "-pthread -fplugin-arg-escape-max-size=32768 -fplugin-arg-escape-stack-budget=92160 -fno-optimize-sibling-calls" } */
#include "stack-budget-thread-run.c"

/* { dg-final { scan-escape-times "malloc\\(30720\\) -> stack: no-escape" 3 } } */
