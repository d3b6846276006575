/* A comparison carries what its operands carry: the truth values of the
   bits of an address, shifted back into place without a branch, give the
   address.  The object must then not be a dead stack slot when the
   caller reads through it.  A null test that only chooses a branch
   carries nothing, so a buffer checked that way stays in its frame.  */
/* { dg-do run } */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "scribble.h"

/* The stores are volatile so that GCC keeps them: its own points-to
   analysis does not follow truth values either.  */
__attribute__((noinline)) uintptr_t
bit_by_bit (void)
{
  volatile int *p = malloc (sizeof *p * 10);
  *p = 42;
  uintptr_t a = (uintptr_t) p, x = 0;
  for (unsigned i = 0; i < 8 * sizeof a; i++)
    x |= (uintptr_t) ((a >> i) % 2 != 0) << i;
  return x;
}

__attribute__((noinline)) uintptr_t
by_ordering (void)
{
  volatile int *p = malloc (sizeof *p * 11);
  *p = 43;
  uintptr_t a = (uintptr_t) p, x = 0;
  for (unsigned i = 0; i < 8 * sizeof a; i++)
    x |= (uintptr_t) (((a >> i) & 1) > 0) << i;
  return x;
}

__attribute__((noinline)) int
null_tested (void)
{
  char *buf = malloc (64);
  if (buf == NULL)
    return -1;
  memset (buf, 1, 64);
  int r = buf[63] + 1;
  free (buf);
  return r;
}

int
main (void)
{
  volatile int *q = (volatile int *) bit_by_bit ();
  scribble ();
  if (*q != 42)
    abort ();
  free ((void *) q);

  q = (volatile int *) by_ordering ();
  scribble ();
  if (*q != 43)
    abort ();
  free ((void *) q);

  if (null_tested () != 2)
    abort ();
  return 0;
}

/* { dg-final { scan-escape "malloc\\(40\\) -> heap: returned" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape "malloc\\(44\\) -> heap: returned" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape "malloc\\(64\\) -> stack: no-escape" { target { no-opts "-O0" } } } } */
