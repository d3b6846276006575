/* -Wframe-larger-than= caps the budget: conversions never push a frame
   past the user's limit.  */
/* { dg-do compile } */
/* { dg-options "-O2 -Wframe-larger-than=1000" } */
#include <stdlib.h>

int
capped (void)
{
  char *a = malloc (512);
  char *b = malloc (512);
  a[0] = 1;
  b[0] = 2;
  int r = a[0] + b[0];
  free (a);
  free (b);
  return r;
}

/* { dg-final { scan-escape "frame-budget-warn.c:10:13: malloc\\(512\\) -> stack" } } */
/* { dg-final { scan-escape "frame-budget-warn.c:11:13: malloc\\(512\\) -> heap: frame-budget" } } */
