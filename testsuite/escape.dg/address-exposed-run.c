/* An address kept as an integer is used after its function returned.  */
/* { dg-do run } */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static uintptr_t saved;

__attribute__((noipa)) static void
scribble (void)
{
  volatile char junk[8192];
  for (unsigned i = 0; i < sizeof junk; i++)
    junk[i] = (char) 0xa5;
}

__attribute__((noinline)) static void
hide (void)
{
  char *p = malloc (32);
  memset (p, 'h', 32);
  saved = (uintptr_t) p;
}

int
main (void)
{
  hide ();
  scribble ();
  char *p = (char *) saved;
  for (int i = 0; i < 32; i++)
    if (p[i] != 'h')
      abort ();
  free (p);
  return 0;
}
