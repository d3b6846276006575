/* The report for setjmp-longjmp-run.c.  */
/* { dg-do compile } */
#include "setjmp-longjmp-run.c"

/* { dg-final { scan-escape "setjmp-longjmp-run.c:17:19: malloc\\(64\\) -> stack: no-escape" } } */
/* { dg-final { scan-escape "setjmp-longjmp-run.c:28:12: malloc\\(16\\) -> heap: unsupported: the function calls setjmp" } } */
/* The loop setjmp makes is also a loop in the CFG, through its abnormal
   edges: either reason keeps the heap.  */
/* { dg-final { scan-escape "setjmp-longjmp-run.c:54:13: malloc\\(8\\) -> heap: (loop-carried|unsupported)" } } */
