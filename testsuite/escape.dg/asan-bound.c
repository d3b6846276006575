/* The report of asan-bound-run.c.  */
/* { dg-do compile } */
/* { dg-options "-O2 -fsanitize=address" } */
#include "asan-bound-run.c"

/* { dg-final { scan-escape "asan-bound-run.c:18:13: malloc\\(_\[0-9\]+\\) -> heap: unknown-size: not constant, at most 64 bytes, and AddressSanitizer would check a slot of the bound weaker than the object" } } */
