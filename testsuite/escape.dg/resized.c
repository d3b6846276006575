/* The append rule: a buffer grown with realloc keeps the heap.  */
/* { dg-do compile } */
#include <stdlib.h>

int
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

/* { dg-final { scan-escape "malloc\\(16\\) -> heap: resized: .*realloc" } } */
