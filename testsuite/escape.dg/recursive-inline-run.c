/* A function in no cycle moves its buffer, and is then inlined into a
   frame that recurs: 40000 frames of rec with 240 more bytes each pass an
   8 MiB stack.  The call from rec stays a call (escape-stack.cc); work
   keeps its slot in its own frame, on the stack once.  */
/* { dg-do run } */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int
work (int k)
{
  char *p = malloc (240);
  memset (p, k, 240);
  int s = p[k % 240];
  free (p);
  return s;
}

__attribute__ ((noinline)) int
rec (int n)
{
  if (n == 0)
    return 0;
  int a = work (n);
  return (a + rec (n - 1)) % 1000;
}

int
main (void)
{
  if (rec (40000) != 112)
    abort ();
  /* work is inlined here, slot and all: main does not recur.  */
  if (work (3) != 3)
    abort ();
  return 0;
}

