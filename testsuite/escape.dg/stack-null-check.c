/* The NULL check of a moved allocation folds away, and with it the error
   path.  The path does not print: a write to a stream may call back
   (recursive-side-signal-run.c), and would make CHECKED recursive.  */
/* { dg-do run } */
/* { dg-options "-fdump-tree-optimized" } */
#include <stdlib.h>

__attribute__((noinline)) static int
checked (int n)
{
  int *v = malloc (10 * sizeof *v);
  if (!v)
    exit (1);
  for (int i = 0; i < 10; i++)
    v[i] = n + i;
  int r = v[n % 10];
  free (v);
  return r;
}

int
main (void)
{
  if (checked (13) != 16)
    abort ();
  return 0;
}

/* { dg-final { scan-escape "malloc\\(40\\) -> stack: no-escape" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-tree-dump-not "exit \\(" "optimized" { target { no-opts "-O0" } } } } */
