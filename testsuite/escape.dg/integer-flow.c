/* An address turned into an integer is followed like a pointer, through
   arithmetic, masks and integers of every width, so a caller that puts
   the pieces back together gets the object, and it must not be a dead
   stack slot.  Comparisons carry too, since bits put back together give
   the address; but an alignment check in a helper, whose answer only
   steers a branch, keeps its caller's buffer in the frame.  */
/* { dg-do run } */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "scribble.h"

static char anchor[16];

/* The low half of the address, copied out of the pointer's bytes.  */
__attribute__((noinline)) unsigned
low_half (void)
{
  int *p = malloc (sizeof *p * 10);
  *p = 42;
  unsigned v;
  memcpy (&v, &p, sizeof v);
  return v;
}

/* One 16-bit piece of the address, chosen by the caller.  */
__attribute__((noinline)) unsigned short
piece (int **keep, int k)
{
  if (!*keep)
    {
      *keep = malloc (sizeof **keep * 11);
      **keep = 43;
    }
  return (unsigned short) ((uintptr_t) *keep >> (16 * k));
}

/* The distance from a known object, which gives the address back.  */
__attribute__((noinline)) intptr_t
distance (void)
{
  int *p = malloc (sizeof *p * 13);
  *p = 46;
  return (intptr_t) p - (intptr_t) anchor;
}

__attribute__((noinline)) static int
misaligned (const void *p)
{
  return ((uintptr_t) p & 15) != 0;
}

__attribute__((noinline)) int
checked_alignment (void)
{
  char *buf = malloc (64);
  memset (buf, 1, 64);
  int r = buf[63];
  if (misaligned (buf))
    r++;
  free (buf);
  return r;
}

int
main (void)
{
  int *ref = malloc (16);
  uintptr_t high = (uintptr_t) ref & ~(uintptr_t) 0xffffffffu;
  unsigned low = low_half ();
  scribble ();
  int *q = (int *) (high | low);
  if (*q != 42)
    abort ();
  free (q);
  free (ref);

  int *kept = 0;
  uintptr_t whole = 0;
  for (int k = 0; k < (int) (sizeof whole / 2); k++)
    whole |= (uintptr_t) piece (&kept, k) << (16 * k);
  if ((int *) whole != kept || *kept != 43)
    abort ();
  free (kept);

  intptr_t d = distance ();
  scribble ();
  int *r = (int *) ((intptr_t) anchor + d);
  if (*r != 46)
    abort ();
  free (r);

  if (checked_alignment () != 1)
    abort ();
  return 0;
}

/* { dg-final { scan-escape "malloc\\(40\\) -> heap: returned" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape "malloc\\(44\\) -> heap: returned" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape "malloc\\(52\\) -> heap: returned" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape "malloc\\(64\\) -> stack: no-escape" { target { no-opts "-O0" } } } } */
