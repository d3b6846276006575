/* 64 MiB cannot live in an 8 MiB stack: moving it would crash.  */
/* { dg-do run } */
#include <stdlib.h>
#include <string.h>

#define SIZE (64u << 20)

__attribute__((noinline)) static int
touch_all (void)
{
  char *p = malloc (SIZE);
  if (!p)
    return 1;
  memset (p, 1, SIZE);
  int r = p[SIZE - 1] + p[0];
  free (p);
  return r;
}

int
main (void)
{
  int r = touch_all ();
  if (r != 2 && r != 1)
    abort ();
  return 0;
}
