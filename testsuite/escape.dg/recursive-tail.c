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

/* A structure is returned from the variable the call stores into: in
   registers (pair), or through the caller's return slot (block).  */
struct pair { long a, b; };
struct block { long v[8]; };

__attribute__ ((noinline)) static struct pair
pair_walk (long d, long acc)
{
  char *p = malloc (4);
  p[0] = (char) d;
  acc += p[0] & 1;
  free (p);
  if (d == 0)
    return (struct pair) { acc, d };
  return pair_walk (d - 1, acc);
}

__attribute__ ((noinline)) static struct block
block_walk (long d, long acc)
{
  char *p = malloc (5);
  p[0] = (char) d;
  acc += p[0] & 1;
  free (p);
  if (d == 0)
    return (struct block) { { acc, d } };
  return block_walk (d - 1, acc);
}

long
walks (long d)
{
  return pair_walk (d, 0).a + block_walk (d, 0).v[0];
}

/* { dg-final { scan-escape "recursive-tail.c:13:13: malloc\\(16\\) -> heap: recursive: tail is in a call-graph cycle via extern consume\\(\\) at recursive-tail.c:17:10, and its call at recursive-tail.c:17:10 may become a tail call, which a moved object could keep from being one" } } */
/* { dg-final { scan-escape "recursive-tail.c:25:13: malloc\\(8\\) -> heap: recursive: ping is in a call-graph cycle via pong\\(\\) at recursive-tail.c:29:14, and its call at recursive-tail.c:29:14 may become a tail call" } } */
/* { dg-final { scan-escape "malloc\\(4\\) -> heap: recursive: pair_walk is in a call-graph cycle via a call to itself at recursive-tail.c:\[0-9\]+:\[0-9\]+, and its call at recursive-tail.c:\[0-9\]+:\[0-9\]+ may become a tail call" } } */
/* { dg-final { scan-escape "malloc\\(5\\) -> heap: recursive: block_walk is in a call-graph cycle via a call to itself at recursive-tail.c:\[0-9\]+:\[0-9\]+, and its call at recursive-tail.c:\[0-9\]+:\[0-9\]+ may become a tail call" } } */
