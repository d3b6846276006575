/* Recursion through a library callback: qsort is not leaf, so it may
   call back cmp, whose address is taken, and cmp sorts again.  3000
   levels of 4000 bytes would pass an 8 MiB stack.  */
/* { dg-do run } */
#include <stdlib.h>
#include <string.h>

static int depth_left = 3000;

static int
cmp (const void *a, const void *b)
{
  int x = *(const int *) a, y = *(const int *) b;
  char *scratch = malloc (4000);
  memset (scratch, x & 0xff, 4000);
  if (depth_left > 0)
    {
      depth_left--;
      int v[2] = { 2, 1 };
      qsort (v, 2, sizeof v[0], cmp);
    }
  int r = (x > y) - (x < y) + scratch[3999] - (x & 0xff);
  free (scratch);
  return r;
}

int
main (void)
{
  int v[2] = { 2, 1 };
  qsort (v, 2, sizeof v[0], cmp);
  if (v[0] != 1 || v[1] != 2 || depth_left != 0)
    abort ();
  return 0;
}
