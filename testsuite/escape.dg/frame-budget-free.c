/* The budget refuses q, and the free rule then keeps p, which shares a
   free with q, on the heap (frame-budget-free-run.c runs it).  */
/* { dg-do compile } */
/* { dg-options "-O2 -fplugin-arg-escape-frame-budget=32" } */
#include "frame-budget-free-run.c"

/* { dg-final { scan-escape "frame-budget-free-run.c:15:13: malloc\\(64\\) -> heap: frame-budget" } } */
/* { dg-final { scan-escape "frame-budget-free-run.c:14:13: malloc\\(16\\) -> heap: freed-elsewhere" } } */
