/* The append rule: a buffer grown with realloc keeps the heap; realloc
   of a stack object would crash.  */
/* { dg-do run } */
#include <stdlib.h>

__attribute__((noinline)) static int
grow (int n)
{
  int *v = malloc (4 * sizeof *v);
  for (int i = 0; i < n; i++)
    {
      if (i >= 4)
	v = realloc (v, (i + 1) * sizeof *v);
      v[i] = i;
    }
  int r = v[n - 1];
  free (v);
  return r;
}

int
main (void)
{
  if (grow (100) != 99)
    abort ();
  return 0;
}

/* { dg-final { scan-escape "malloc\\(16\\) -> heap: resized: .*realloc" { target { no-opts "-O0" } } } } */
