/* A wrapper of a 3072-byte block, too large for the early inliner, for
   the late instance's frame tests: each file calls it once, so the IPA
   inliner puts it into its caller.  */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *
make_block (int n)
{
  char *p = malloc (3072);
  memset (p, n, 3072);
  if (n > 1000)
    printf ("big %d\n", n);
  if (n > 2000)
    printf ("bigger %d\n", n);
  if (n > 3000)
    printf ("biggest %d\n", n);
  return p;
}
