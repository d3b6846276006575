/* A tail recursion that returns a structure (D.1 = walk (...);
   return D.1;) runs in one frame once GCC makes it a loop.  A
   stack-if-small slot of 16 bytes, within a recursion allowance of 25,
   would keep each call a real one: 20000 frames.  The stack oracle
   compares the stack with the plain build's.  recursive-tail.c has the
   decisions of the other forms.  */
/* { dg-do run } */
/* { dg-options "-fplugin-arg-escape-small-size=16" } */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct pair { long odd, depth; };

static volatile size_t bytes = 8;

__attribute__ ((noinline)) static struct pair
walk (long depth, long odd)
{
  size_t n = bytes;
  char *p = malloc (n);
  if (!p)
    abort ();
  memset (p, (int) depth, n);
  odd += p[n - 1] & 1;
  free (p);
  if (depth == 0)
    return (struct pair) { odd, depth };
  return walk (depth - 1, odd);
}

int
main (void)
{
  struct pair r = walk (20000, 0);
  if (r.odd != 10000 || r.depth != 0)
    {
      printf ("%ld %ld\n", r.odd, r.depth);
      return 1;
    }
  return 0;
}

/* { dg-final { scan-escape "malloc\\(n_\[0-9\]+\\) -> heap: unknown-size" { target { no-opts "-O0" } } } } */
