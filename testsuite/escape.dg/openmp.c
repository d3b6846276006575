/* OpenMP regions.  Objects handed to GOMP_parallel or GOMP_task fall
   under the channel rule of docs/rules.md: an object the region shares
   with the function that starts it is sent to other threads and keeps
   the heap, also when a task gets it.  An object allocated and freed
   within one iteration of the region's body is the thread's own and may
   move to that thread's stack.  */
/* { dg-do run } */
/* { dg-options "-fopenmp" } */
#include <stdlib.h>
#include <string.h>

#define N 1000

static int results[N];
static int used;

__attribute__((noinline)) static void
parallel_fill (void)
{
  int *shared = malloc (N * sizeof *shared);
  for (int i = 0; i < N; i++)
    shared[i] = i;
#pragma omp parallel for num_threads (4)
  for (int i = 0; i < N; i++)
    {
      char *scratch = malloc (64);
      memset (scratch, i & 0x3f, 64);
      results[i] = shared[i] + scratch[0] + scratch[63];
      free (scratch);
    }
  free (shared);
}

__attribute__((noipa)) static void
use (int v)
{
  used += v;
}

__attribute__((noinline)) static void
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

int
main (void)
{
  parallel_fill ();
  for (int i = 0; i < N; i++)
    if (results[i] != i + 2 * (i & 0x3f))
      abort ();
  spawn ();
#pragma omp taskwait
  if (used != 1)
    abort ();
  return 0;
}

/* { dg-final { scan-escape "openmp.c:26:23: malloc\\(64\\) -> stack: no-escape: freed at openmp.c:29:7" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape "escape: parallel_fill._omp_fn.0: 1 site, 1 stack, 0 heap" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape "openmp.c:20:17: malloc\\(4000\\) -> heap: sent-to-thread: __builtin_GOMP_parallel" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape "openmp.c:43:12: malloc\\(4\\) -> heap: sent-to-thread: __builtin_GOMP_task" { target { no-opts "-O0" } } } } */
