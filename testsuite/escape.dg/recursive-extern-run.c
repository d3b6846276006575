/* Recursion through another unit: parse calls descend, defined in
   units/recursive-extern-descend.c, which calls parse back.  descend is
   not leaf, so it may call back any externally visible function of this
   unit.  4000 frames of 4096 bytes would pass an 8 MiB stack.  */
/* { dg-do run } */
/* { dg-additional-sources "units/recursive-extern-descend.c" } */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int descend (int);

int
parse (int n)
{
  char *p = malloc (4096);
  memset (p, n, 4096);
  int r = n > 0 ? descend (n - 1) : 0;
  r += p[n % 4096];
  free (p);
  return r;
}

int
main (void)
{
  printf ("%d\n", parse (4000));
  return 0;
}
