/* Decisions are -fopt-info remarks: optimized for the stack, missed for
   the heap.  */
/* { dg-do compile } */
/* { dg-options "-O2 -fopt-info-optimized-missed" } */
#include <stdlib.h>

char *g;

int
f (void)
{
  char *p = malloc (16); /* { dg-optimized "malloc\\(16\\) -> stack: no-escape: freed at remarks.c:15:3" } */
  p[0] = 1;
  int r = p[0];
  free (p);
  g = malloc (17); /* { dg-missed "malloc\\(17\\) -> heap: stored-global" } */
  return r;
}
