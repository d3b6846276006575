/* The unlikely () of a failed allocation only steers a branch: the
   object stays in the frame.  The hint's value is what it is given, so
   a pointer made of one still carries its object.  */
/* { dg-do run } */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "scribble.h"

#define unlikely(x) __builtin_expect (!!(x), 0)

__attribute__((noinline)) int
hinted (int n)
{
  char *p = malloc (32);
  if (unlikely (p == NULL))
    abort ();
  memset (p, n, 32);
  int sum = p[0] + p[31];
  free (p);
  return sum;
}

__attribute__((noinline)) uintptr_t
through_the_hint (void)
{
  int *p = malloc (sizeof *p * 10);
  *p = 42;
  return __builtin_expect ((uintptr_t) p, 0);
}

int
main (void)
{
  if (hinted (3) != 6)
    abort ();
  int *q = (int *) through_the_hint ();
  scribble ();
  if (*q != 42)
    abort ();
  free (q);
  return 0;
}

/* { dg-final { scan-escape "malloc\\(32\\) -> stack" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape "malloc\\(40\\) -> heap: returned" { target { no-opts "-O0" } } } } */
