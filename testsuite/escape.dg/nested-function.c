/* The report for nested-function-run.c.  */
/* { dg-do compile } */
/* { dg-options "-O2 -std=gnu11" } */
#include "nested-function-run.c"

/* { dg-final { scan-escape "nested-function-run.c:12:18: malloc\\(32\\) -> heap: passed-to-call: .*\\\[static-chain: &FRAME" } } */
/* { dg-final { scan-escape "nested-function-run.c:17:17: malloc\\(16\\) -> stack: no-escape" } } */
/* { dg-final { scan-escape "nested-function-run.c:25:16: malloc\\(8\\) -> stack: no-escape" } } */
