/* { dg-do run } */
#include <stdlib.h>

__attribute__((noinline)) static int
pick (int c)
{
  char *a = malloc (16);
  char *b = malloc (24);
  for (int i = 0; i < 16; i++)
    a[i] = (char) i;
  for (int i = 0; i < 24; i++)
    b[i] = (char) (100 + i);
  char *p = c ? a : b;
  int r = p[c ? 15 : 23];
  free (p);
  return r;
}

int
main (void)
{
  if (pick (1) != 15 || pick (0) != 123)
    abort ();
  return 0;
}
