/* A frame that may recur takes at most the recursion allowance of moved
   bytes (--param large-stack-frame / 10 = 25 by default: the size up to
   which GCC turns an alloca into a fixed array in any frame).  A slot
   takes its size rounded up to the stack's alignment of 16 bytes.  */
/* { dg-do compile } */
#include <stdlib.h>

/* Read after each recursive call, which so cannot become a tail call (a
   frame with one gets no allowance: tail-recursion-barrier-run.c).  */
static volatile int unwound;

__attribute__ ((noinline)) static void
fill (char *p, int n, int v)
{
  for (int i = 0; i < n; i++)
    p[i] = (char) (v + i);
}

int
small (int n)
{
  char *p = malloc (16);
  fill (p, 16, n);
  int r = n <= 0 ? 0 : small (n - 1);
  r += p[15] + unwound;
  free (p);
  return r;
}

int
two (int n)
{
  char *p = malloc (8);
  char *q = malloc (8);
  fill (p, 8, n);
  fill (q, 8, n);
  int r = n <= 0 ? 0 : two (n - 1);
  r += p[7] + q[7] + unwound;
  free (p);
  free (q);
  return r;
}

int
large (int n)
{
  char *p = malloc (100);
  fill (p, 100, n);
  int r = n <= 0 ? 0 : large (n - 1);
  r += p[99] + unwound;
  free (p);
  return r;
}

/* { dg-final { scan-escape "recursive-allowance.c:22:13: malloc\\(16\\) -> stack: no-escape" } } */
/* { dg-final { scan-escape "recursive-allowance.c:33:13: malloc\\(8\\) -> stack: no-escape" } } */
/* { dg-final { scan-escape "recursive-allowance.c:34:13: malloc\\(8\\) -> heap: recursive: two is in a call-graph cycle via a call to itself at recursive-allowance.c:37:24; 8 bytes would pass the recursion allowance of 25" } } */
/* { dg-final { scan-escape "recursive-allowance.c:47:13: malloc\\(100\\) -> heap: recursive: large is in a call-graph cycle via a call to itself at recursive-allowance.c:49:24; 112 bytes, above the recursion allowance of 25" } } */
