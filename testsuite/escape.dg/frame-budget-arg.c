/* frame-budget=N sets the budget.  */
/* { dg-do compile } */
/* { dg-options "-O2 -fplugin-arg-escape-frame-budget=100" } */
#include <stdlib.h>

int
two (void)
{
  char *a = malloc (64);
  char *b = malloc (64);
  a[0] = 1;
  b[0] = 2;
  int r = a[0] + b[0];
  free (a);
  free (b);
  return r;
}

/* { dg-final { scan-escape "frame-budget-arg.c:9:13: malloc\\(64\\) -> stack" } } */
/* { dg-final { scan-escape "frame-budget-arg.c:10:13: malloc\\(64\\) -> heap: frame-budget" } } */
