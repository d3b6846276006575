/* address-exposed-run.c needs another program: reads after a return.  */
/* An address handed to inline asm escapes.  One turned into an integer
   is followed like a pointer (integer-flow.c), here into a global.  */
/* { dg-do compile } */
#include <stdint.h>
#include <stdlib.h>

uintptr_t saved;

void
to_integer (void)
{
  char *p = malloc (50);
  saved = (uintptr_t) p;
}

void
to_asm (void)
{
  char *p = malloc (51);
  __asm__ volatile ("" : : "r" (p) : "memory");
  free (p);
}

/* { dg-final { scan-escape "malloc\\(50\\) -> heap: stored-global: saved = " } } */
/* { dg-final { scan-escape "malloc\\(51\\) -> heap: address-exposed: __asm__" } } */
