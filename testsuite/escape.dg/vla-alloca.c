/* The report for vla-alloca-run.c: VLAs and alloca do not stop the
   objects next to them from moving.  */
/* { dg-do compile } */
#include "vla-alloca-run.c"

/* { dg-final { scan-escape "vla-alloca-run.c:30:19: malloc\\(64\\) -> stack: no-escape" } } */
/* { dg-final { scan-escape "vla-alloca-run.c:34:17: malloc\\(16\\) -> stack: no-escape" } } */
/* { dg-final { scan-escape "vla-alloca-run.c:49:17: malloc\\(32\\) -> stack: no-escape" } } */
