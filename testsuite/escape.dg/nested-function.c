/* GNU C nested functions.  An object the parent shares with a nested
   function through the static chain keeps the heap; an object private
   to the nested function, or to the parent, may move.  */
/* { dg-do run } */
/* Without sibling calls, the tail-call rule (tail-recursion-barrier-run.c)
   stays out of what this test shows.  */
/* { dg-options "-std=gnu11 -fno-optimize-sibling-calls" } */
#include <stdlib.h>
#include <string.h>

__attribute__((noinline)) static int
outer (int n)
{
  char *shared = malloc (32);
  memset (shared, n, 32);

  __attribute__((noinline)) int inner (int k)
  {
    char *own = malloc (16);
    memset (own, k, 16);
    int r = own[0] + own[15] + shared[k];
    shared[k] = (char) (shared[k] + 1);
    free (own);
    return r;
  }

  char *mine = malloc (8);
  memset (mine, 3, 8);
  int sum = inner (1) + inner (1) + mine[7];
  free (mine);
  free (shared);
  return sum;
}

int
main (void)
{
  /* inner (1): 1 + 1 + 5, then 1 + 1 + 6; mine[7]: 3.  */
  if (outer (5) != 18)
    abort ();
  return 0;
}

/* { dg-final { scan-escape "nested-function.c:14:18: malloc\\(32\\) -> heap: passed-to-call: .*\\\[static-chain: &FRAME" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape "nested-function.c:19:17: malloc\\(16\\) -> stack: no-escape" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape "nested-function.c:27:16: malloc\\(8\\) -> stack: no-escape" { target { no-opts "-O0" } } } } */
