/* Recursion through a function pointer: walk is in no cycle of direct
   calls, but its indirect call may reach any function whose address is
   taken, walk among them.  5000 frames of 4000 bytes would pass an 8 MiB
   stack.  */
/* { dg-do run } */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int (*volatile next) (int);

int
walk (int depth)
{
  char *buf = malloc (4000);
  if (!buf)
    return -1;
  memset (buf, depth & 0xff, 4000);
  int r = depth > 0 ? next (depth - 1) : 0;
  r += buf[depth % 4000];
  free (buf);
  return r;
}

int
main (void)
{
  next = walk;
  printf ("%d\n", walk (5000));
  return 0;
}
