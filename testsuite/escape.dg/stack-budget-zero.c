/* -fplugin-arg-escape-stack-budget=0 moves nothing.  */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-escape-stack-budget=0" } */
#include <stdlib.h>

int
one (int v)
{
  char *p = malloc (16);
  p[0] = (char) v;
  int r = p[0];
  free (p);
  return r;
}

/* { dg-final { scan-escape "malloc\\(16\\) -> heap: stack-budget: 16 bytes would pass the stack budget of 0" } } */
