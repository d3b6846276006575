/* __attribute__((cleanup)): the variable's cleanup function frees the
   object when the variable goes out of scope, on every way out of it.
   An inlined cleanup's free is a free like any other; a cleanup function
   that is not inlined frees the object in a callee, which keeps it on the
   heap.  */
/* { dg-do run } */
#include <stdlib.h>
#include <string.h>

static void
free_charp (char **p)
{
  free (*p);
}

/* Not inlined: the free happens in the callee, through the address of
   the variable.  */
__attribute__((noinline)) static void
free_charp_out_of_line (char **p)
{
  free (*p);
}

__attribute__((noinline)) static int
sum_with_cleanup (int n)
{
  int sum = 0;
  for (int i = 0; i < n; i++)
    {
      __attribute__((cleanup (free_charp))) char *buf = malloc (32);
      memset (buf, i, 32);
      if (i == 2)
	continue;
      sum += buf[0] + buf[31];
      if (i == 4)
	return sum;
    }
  return -1;
}

/* The object outlives the cleanup of another variable: only the
   cleanup's own object may be freed by it.  */
__attribute__((noinline)) static int
two_scopes (void)
{
  char *keep = malloc (16);
  memset (keep, 5, 16);
  {
    __attribute__((cleanup (free_charp))) char *tmp = malloc (16);
    memset (tmp, 6, 16);
    keep[0] = (char) (keep[0] + tmp[15]);
  }
  int r = keep[0] + keep[15];
  free (keep);
  return r;
}

__attribute__((noinline)) static int
out_of_line (int v)
{
  __attribute__((cleanup (free_charp_out_of_line))) char *buf = malloc (8);
  memset (buf, v, 8);
  return buf[0] + buf[7];
}

int
main (void)
{
  /* i = 0, 1, 3, 4: 2 * (0 + 1 + 3 + 4).  */
  if (sum_with_cleanup (10) != 16)
    abort ();
  if (two_scopes () != 16)
    abort ();
  if (out_of_line (4) != 8)
    abort ();
  return 0;
}

/* free_charp is inlined early at -O2 and -O3 only; at -O1 and -Os its
   free is in a callee and the objects it frees keep the heap.  */
/* { dg-final { scan-escape "cleanup.c:30:57: malloc\\(32\\) -> stack: no-escape: freed at cleanup.c:13:3$" { target { any-opts "-O2" "-O3" } } } } */
/* { dg-final { scan-escape "cleanup.c:46:16: malloc\\(16\\) -> stack: no-escape: freed at cleanup.c:54:3" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape "cleanup.c:49:55: malloc\\(16\\) -> stack: no-escape: freed at cleanup.c:13:3" { target { any-opts "-O2" "-O3" } } } } */
/* { dg-final { scan-escape "cleanup.c:61:65: malloc\\(8\\) -> heap: freed-elsewhere: free_charp_out_of_line \\(&buf\\)" { target { no-opts "-O0" } } } } */
