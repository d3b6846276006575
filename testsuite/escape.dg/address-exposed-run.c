/* An address kept as an integer, or passed through inline asm, is used
   after its function returned.  */
/* { dg-do run } */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "scribble.h"

static uintptr_t saved;
static char *through_asm;

__attribute__((noinline)) static void
hide (void)
{
  char *p = malloc (32);
  memset (p, 'h', 32);
  saved = (uintptr_t) p;
}

/* The asm gives the address back in a register the graph cannot
   follow, so handing the address to the asm must be an escape.  */
__attribute__((noinline)) static void
hide_in_asm (void)
{
  char *p = malloc (33);
  memset (p, 'a', 33);
  char *out;
  __asm__ ("" : "=r" (out) : "0" (p));
  through_asm = out;
}

int
main (void)
{
  hide_in_asm ();
  scribble ();
  for (int i = 0; i < 33; i++)
    if (through_asm[i] != 'a')
      abort ();
  free (through_asm);
  hide ();
  scribble ();
  char *p = (char *) saved;
  for (int i = 0; i < 32; i++)
    if (p[i] != 'h')
      abort ();
  free (p);
  return 0;
}
