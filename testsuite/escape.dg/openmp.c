/* The report for openmp-run.c, and a task.  Objects handed to
   GOMP_parallel or GOMP_task fall under the channel rule of
   docs/rules.md and must be reported as sent-to-thread.  */
/* { dg-do compile } */
/* { dg-options "-O2 -fopenmp" } */
#include "openmp-run.c"

extern void use (int);

void
spawn (void)
{
  int *p = malloc (sizeof *p);
  *p = 1;
#pragma omp task firstprivate (p)
  {
    use (*p);
    free (p);
  }
}

/* { dg-final { scan-escape "openmp-run.c:23:23: malloc\\(64\\) -> stack: no-escape: freed at openmp-run.c:26:7" } } */
/* { dg-final { scan-escape "escape: parallel_fill._omp_fn.0: 1 site, 1 stack, 0 heap" } } */
/* { dg-final { scan-escape "openmp-run.c:17:17: malloc\\(4000\\) -> heap: sent-to-thread: __builtin_GOMP_parallel" } } */
/* { dg-final { scan-escape "openmp.c:13:12: malloc\\(4\\) -> heap: sent-to-thread: __builtin_GOMP_task" } } */
