/* The call to step runs the external definition in another unit, which
   calls walk again, not the inline definition here, which does not: the
   recursion is 4000 frames deep, and 4096 more bytes in each would pass
   an 8 MiB stack.  -fno-inline stands for a body too large to inline.  */
/* { dg-do run } */
/* { dg-options "-fno-inline" } */
/* { dg-additional-sources "units/inline-definition-descend.c" } */
#include <stdlib.h>
#include <string.h>

inline int
step (int n)
{
  return n;
}

int
walk (int n)
{
  char *p = malloc (4096);
  memset (p, n & 0x3f, 4096);
  int s = (step (n) + p[n % 4096]) % 1000;
  free (p);
  return s;
}

int
main (void)
{
  if (walk (4000) != 520)
    abort ();
  return 0;
}

/* { dg-final { scan-escape "inline-definition-recursive-run.c:20:13: malloc\\(4096\\) -> heap: recursive" { target { no-opts "-O0" } } } } */
