/* The NULL check of a moved allocation folds away, and with it the error
   path.  */
/* { dg-do compile } */
/* { dg-options "-O2 -fdump-tree-optimized" } */
#include <stdio.h>
#include <stdlib.h>

int
checked (int n)
{
  int *v = malloc (10 * sizeof *v);
  if (!v)
    {
      fputs ("out of memory\n", stderr);
      exit (1);
    }
  for (int i = 0; i < 10; i++)
    v[i] = n + i;
  int r = v[n % 10];
  free (v);
  return r;
}

/* { dg-final { scan-escape "malloc\\(40\\) -> stack: no-escape" } } */
/* { dg-final { scan-tree-dump-not "exit \\(" "optimized" } } */
