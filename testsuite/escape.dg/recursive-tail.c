/* In a frame that may recur, a call that may become a tail call back
   into the cycle leaves no recursion allowance: a tail call runs in the
   caller's frame, so the recursion uses no stack, and a moved object
   that kept it a real call would make the stack grow with it.  */
/* { dg-do compile } */
#include <stdlib.h>

extern int consume (int);

int
tail (int n)
{
  char *p = malloc (16);
  p[0] = (char) n;
  int r = p[0];
  free (p);
  return consume (r);
}

static int pong (int);

__attribute__ ((noinline)) static int
ping (int n)
{
  char *p = malloc (8);
  p[0] = (char) n;
  int r = p[0] & 1;
  free (p);
  return n ? pong (n - 1) : r;
}

__attribute__ ((noinline)) static int
pong (int n)
{
  return n ? ping (n - 1) : 0;
}

int
start (int n)
{
  return ping (n);
}

/* { dg-final { scan-escape "recursive-tail.c:13:13: malloc\\(16\\) -> heap: recursive: tail is in a call-graph cycle via extern consume\\(\\) at recursive-tail.c:17:10, and its call at recursive-tail.c:17:10 may become a tail call, which a moved object could keep from being one" } } */
/* { dg-final { scan-escape "recursive-tail.c:25:13: malloc\\(8\\) -> heap: recursive: ping is in a call-graph cycle via pong\\(\\) at recursive-tail.c:29:14, and its call at recursive-tail.c:29:14 may become a tail call" } } */
