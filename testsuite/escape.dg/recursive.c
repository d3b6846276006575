/* recursive-run.c needs another program: 20000 frames of 4000 bytes.  */
/* A function in a call-graph cycle keeps the heap: its stack use would
   grow with the recursion depth.  */
/* { dg-do compile } */
#include <stdlib.h>

int odd (int);

int
even (int n)
{
  char *p = malloc (100);
  p[0] = (char) n;
  int r = n == 0 ? 1 : odd (n - 1);
  free (p);
  return r;
}

int
odd (int n)
{
  return n == 0 ? 0 : even (n - 1);
}

int
self (int n)
{
  char *p = malloc (101);
  p[0] = (char) n;
  int r = n <= 0 ? p[0] : self (n - 1) + p[0];
  free (p);
  return r;
}

/* { dg-final { scan-escape "malloc\\(100\\) -> heap: recursive: even is in a call-graph cycle" } } */
/* { dg-final { scan-escape "malloc\\(101\\) -> heap: recursive: self is in a call-graph cycle" } } */
