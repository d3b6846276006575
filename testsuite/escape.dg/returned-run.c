/* A returned buffer must survive its function: on the stack it would be
   overwritten by the next call.  */
/* { dg-do run } */
#include <stdlib.h>
#include <string.h>
#include "scribble.h"

__attribute__((noinline)) static char *
make (char fill)
{
  char *p = malloc (64);
  memset (p, fill, 64);
  return p + 1;
}

int
main (void)
{
  char *q = make ('x');
  scribble ();
  for (int i = 0; i < 63; i++)
    if (q[i] != 'x')
      abort ();
  free (q - 1);
  return 0;
}
