/* The stack budget bounds the moved bytes along any chain of calls of
   the unit: the deepest function, decided first, moves; its callers keep
   the heap once the chain is full.  */
/* { dg-do compile } */
/* { dg-options "-pthread -fplugin-arg-escape-max-size=32768" } */
#include "stack-budget-thread-run.c"

/* { dg-final { scan-escape "stack-budget-thread-run.c:24:13: malloc\\(30720\\) -> stack: no-escape" } } */
/* { dg-final { scan-escape "stack-budget-thread-run.c:33:13: malloc\\(30720\\) -> heap: stack-budget: 30720 bytes would pass the stack budget of 32768: 30720 bytes are on the heaviest chain of calls through second" } } */
/* { dg-final { scan-escape "stack-budget-thread-run.c:42:13: malloc\\(30720\\) -> heap: stack-budget" } } */
