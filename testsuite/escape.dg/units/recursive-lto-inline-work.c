/* The other unit of recursive-lto-inline-run.c.  */
#include <stdlib.h>
#include <string.h>

int
work (int k)
{
  char *p = malloc (240);
  memset (p, k, 240);
  int s = p[k % 240];
  free (p);
  return s;
}
