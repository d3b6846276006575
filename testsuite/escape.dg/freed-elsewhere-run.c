/* Freeing a stack object crashes in free (): both sites must stay on the
   heap.  */
/* { dg-do run } */
#include <stdlib.h>

__attribute__((noinline)) static void
release (char *p)
{
  free (p);
}

__attribute__((noipa)) static char *
opaque_alloc (void)
{
  return malloc (24);
}

__attribute__((noinline)) static int
mixed (int c)
{
  char *a = malloc (24);
  char *b = c ? a : opaque_alloc ();
  b[0] = 5;
  int r = b[0];
  free (b);
  if (!c)
    free (a);
  return r;
}

__attribute__((noinline)) static int
handed_to_release (void)
{
  char *p = malloc (24);
  p[0] = 9;
  int r = p[0];
  release (p);
  return r;
}

int
main (void)
{
  if (mixed (1) + mixed (0) != 10)
    abort ();
  if (handed_to_release () != 9)
    abort ();
  return 0;
}
