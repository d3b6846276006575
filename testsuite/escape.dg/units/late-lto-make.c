/* The other unit of late-lto-run.c: a wrapper that returns its object.  */
#include <stdlib.h>
#include <string.h>

char *
make_block (int n)
{
  char *p = malloc (4096);
  memset (p, n, 4096);
  return p;
}
