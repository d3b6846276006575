/* dry-run reports the decision and rewrites nothing.  */
/* { dg-do compile } */
/* { dg-options "-O2 -fplugin-arg-escape-dry-run -fdump-tree-optimized" } */
#include <stdlib.h>

extern void use (char *);

int
f (void)
{
  char *p = malloc (16);
  p[0] = 3;
  int r = p[0] + p[1];
  free (p);
  return r;
}

/* { dg-final { scan-escape "malloc\\(16\\) -> stack: no-escape" } } */
/* { dg-final { scan-tree-dump "malloc \\(16\\)" "optimized" } } */
/* { dg-final { scan-tree-dump "free \\(" "optimized" } } */
