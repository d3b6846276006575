/* A free whose pointer is the moved object or NULL must not end the
   object's life: when it was NULL, the object is still alive and is read
   afterwards.  Made into a clobber of the object anyway, the free lets
   GCC delete the memset as a dead store, and get () reads garbage.  */
/* { dg-do run } */
#include <stdlib.h>
#include <string.h>

__attribute__((noinline)) static int
get (const char *p)
{
  return p[0];
}

__attribute__((noinline)) static int
f (int c)
{
  char *a = malloc (64);
  memset (a, 1, 64);
  char *q = c ? a : NULL;
  free (q);
  if (!c)
    {
      int r = get (a);
      free (a);
      return r;
    }
  return 0;
}

int
main (void)
{
  if (f (0) != 1 || f (1) != 0)
    abort ();
  return 0;
}
