/* The report for the interpreter of computed-goto-run.c: the loop its
   computed gotos make is a loop like any other.  */
/* { dg-do compile } */
#include "computed-goto-run.c"

/* { dg-final { scan-escape "computed-goto-run.c:24:22: malloc\\(16\\) -> heap: loop-carried" } } */
/* { dg-final { scan-escape "computed-goto-run.c:37:17: malloc\\(32\\) -> stack: no-escape: freed at computed-goto-run.c:40:5" } } */
