/* A number a builtin computes from the memory it reads carries what that
   memory holds: a position found by strcspn, a length from strlen, an
   order from memcmp.  Where the bytes read were made from an address,
   the number gives the address back, and the caller that rebuilds it
   must not find a dead stack slot.  The stores through p are volatile
   so that GCC keeps them where it does not see the address come back.  */
/* { dg-do run } */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "scribble.h"

char ascending[256];			/* ascending[k] == k + 1 */
static const unsigned char zero[1];
volatile size_t one = 1;

/* Each byte of the address is stopped at in a string of every byte.  */
__attribute__((noinline)) uintptr_t
by_position (void)
{
  volatile int *p = malloc (sizeof *p * 10);
  *p = 42;
  uintptr_t a = (uintptr_t) p, x = 0;
  for (unsigned i = 0; i < sizeof a; i++)
    {
      char reject[2] = { (char) (a >> 8 * i), 0 };
      x |= (uintptr_t) ((strcspn (ascending, reject) + 1) & 0xff) << 8 * i;
    }
  return x;
}

/* Each byte of the address is where a string is cut short, read back
   by strlen.  */
__attribute__((noinline)) uintptr_t
by_length (void)
{
  volatile int *p = malloc (sizeof *p * 11);
  *p = 43;
  uintptr_t a = (uintptr_t) p, x = 0;
  char buf[256];
  for (unsigned i = 0; i < sizeof a; i++)
    {
      memset (buf, 'x', sizeof buf);
      buf[(a >> 8 * i) & 0xff] = 0;
      x |= (uintptr_t) strlen (buf) << 8 * i;
    }
  return x;
}

/* Each bit of the address is the sign of an order: zero compares below
   a byte holding a set bit.  */
__attribute__((noinline)) uintptr_t
by_order (void)
{
  volatile int *p = malloc (sizeof *p * 12);
  *p = 44;
  uintptr_t a = (uintptr_t) p, x = 0;
  unsigned char bits[8 * sizeof a];
  size_t n = one;
  for (unsigned i = 0; i < sizeof bits; i++)
    bits[i] = (a >> i) & 1;
  for (unsigned i = 0; i < sizeof bits; i++)
    x |= (uintptr_t) ((unsigned) memcmp (zero, &bits[i], n) >> 31) << i;
  return x;
}

int
main (void)
{
  for (int k = 0; k < 255; k++)
    ascending[k] = (char) (k + 1);

  int *q = (int *) by_position ();
  scribble ();
  if (*q != 42)
    abort ();
  free (q);

  q = (int *) by_length ();
  scribble ();
  if (*q != 43)
    abort ();
  free (q);

  q = (int *) by_order ();
  scribble ();
  if (*q != 44)
    abort ();
  free (q);
  return 0;
}

/* { dg-final { scan-escape "malloc\\(40\\) -> heap: returned" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape "malloc\\(44\\) -> heap: returned" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape "malloc\\(48\\) -> heap: returned" { target { no-opts "-O0" } } } } */
