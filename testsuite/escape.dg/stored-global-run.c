/* A buffer reachable from a global is used after its function returns.  */
/* { dg-do run } */
#include <stdlib.h>
#include <string.h>
#include "scribble.h"

struct holder { char *buf; };
struct holder table[2];

__attribute__((noinline)) static void
fill (int slot)
{
  char *p = calloc (1, 32);
  strcpy (p, "kept");
  table[slot].buf = p;
}

int
main (void)
{
  fill (1);
  scribble ();
  if (strcmp (table[1].buf, "kept") != 0)
    abort ();
  free (table[1].buf);
  return 0;
}
