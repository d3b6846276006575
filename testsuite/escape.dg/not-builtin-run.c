/* -ffreestanding turns the plugin off for malloc; the program still works.  */
/* { dg-do run } */
/* { dg-options "-ffreestanding" } */
#include <stdlib.h>

__attribute__((noinline)) static int
f (void)
{
  char *p = malloc (16);
  p[0] = 1;
  int r = p[0];
  free (p);
  return r;
}

int
main (void)
{
  if (f () != 1)
    abort ();
  return 0;
}
