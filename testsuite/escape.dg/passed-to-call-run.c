/* A callee that keeps the pointer lets it outlive the caller's frame;
   a callee that only reads it is correct with a stack object.  */
/* { dg-do run } */
#include <stdlib.h>
#include <string.h>
#include "scribble.h"

static char *kept;

__attribute__((noipa)) static void
keep (char *p)
{
  kept = p;
}

__attribute__((noinline)) static int
sum (const char *p, int n)
{
  int s = 0;
  for (int i = 0; i < n; i++)
    s += p[i];
  return s;
}

__attribute__((noinline)) static void
share_up_through_callee (void)
{
  char *p = malloc (48);
  memset (p, 7, 48);
  keep (p);
}

__attribute__((noinline)) static int
share_down (void)
{
  char *p = malloc (48);
  memset (p, 2, 48);
  int s = sum (p, 48);
  free (p);
  return s;
}

int
main (void)
{
  share_up_through_callee ();
  scribble ();
  for (int i = 0; i < 48; i++)
    if (kept[i] != 7)
      abort ();
  if (share_down () != 96)
    abort ();
  free (kept);
  return 0;
}
