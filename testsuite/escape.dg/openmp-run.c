/* OpenMP regions.  An object the region shares with the function that
   starts it is sent to other threads and keeps the heap; an object
   allocated and freed within one iteration of the region's body is the
   thread's own and may move to that thread's stack.  */
/* { dg-do run } */
/* { dg-options "-fopenmp" } */
#include <stdlib.h>
#include <string.h>

#define N 1000

static int results[N];

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

int
main (void)
{
  parallel_fill ();
  for (int i = 0; i < N; i++)
    if (results[i] != i + 2 * (i & 0x3f))
      abort ();
  return 0;
}
