/* An index carries what it is made of: a digit read from "0123..."[i],
   the address &table[i], the offset (table + i) - table (a defined
   difference within one array) and the mark that table[i] = 1 leaves
   all give back the bits of i.  When i is made from an address, a
   caller that puts the pieces back together gets the object, and it
   must not be a dead stack slot.  Each address here is read back after
   its function's frame is gone.  The stores through p are volatile so
   that GCC keeps them where it does not see the address come back.  */
/* { dg-do run } */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "scribble.h"

char table[256];
char text[2 * sizeof (uintptr_t) + 1];

/* A number in hex, each digit looked up in a string.  */
__attribute__((noinline)) static void
to_hex (char *out, uintptr_t a)
{
  unsigned n = 2 * sizeof a;
  for (unsigned i = 0; i < n; i++)
    out[i] = "0123456789abcdef"[(a >> (4 * (n - 1 - i))) & 15];
  out[n] = 0;
}

__attribute__((noinline)) void
shown_in_hex (void)
{
  volatile int *p = malloc (sizeof *p * 10);
  *p = 42;
  to_hex (text, (uintptr_t) p);
}

__attribute__((noinline)) static uintptr_t
element_address (uintptr_t k)
{
  return (uintptr_t) &table[k & 0xff];
}

/* Each byte of the address, as the distance of an element from the
   table's start.  */
__attribute__((noinline)) uintptr_t
by_element_addresses (void)
{
  volatile int *p = malloc (sizeof *p * 11);
  *p = 43;
  uintptr_t a = (uintptr_t) p, x = 0;
  for (unsigned i = 0; i < sizeof a; i++)
    x |= (element_address (a >> 8 * i) - (uintptr_t) table) << 8 * i;
  return x;
}

__attribute__((noinline)) static long
offset_in_table (const char *q)
{
  return q - table;
}

/* Each byte of the address, as a pointer difference within the table.  */
__attribute__((noinline)) uintptr_t
by_offsets (void)
{
  volatile int *p = malloc (sizeof *p * 12);
  *p = 44;
  uintptr_t a = (uintptr_t) p, x = 0;
  for (unsigned i = 0; i < sizeof a; i++)
    x |= (uintptr_t) offset_in_table (table + ((a >> 8 * i) & 0xff)) << 8 * i;
  return x;
}

/* Each byte of the address marks one place in a table, found again by
   a sum that needs no branch.  */
__attribute__((noinline)) uintptr_t
by_marks (void)
{
  volatile int *p = malloc (sizeof *p * 13);
  *p = 45;
  uintptr_t a = (uintptr_t) p, x = 0;
  unsigned char marks[256];
  for (unsigned i = 0; i < sizeof a; i++)
    {
      memset (marks, 0, sizeof marks);
      marks[(a >> 8 * i) & 0xff] = 1;
      uintptr_t place = 0;
      for (unsigned j = 0; j < sizeof marks; j++)
	place += j * marks[j];
      x |= place << 8 * i;
    }
  return x;
}

static uintptr_t
from_hex (const char *s)
{
  uintptr_t v = 0;
  for (; *s; s++)
    v = v * 16 + (*s <= '9' ? *s - '0' : *s - 'a' + 10);
  return v;
}

int
main (void)
{
  shown_in_hex ();
  scribble ();
  int *q = (int *) from_hex (text);
  if (*q != 42)
    abort ();
  free (q);

  q = (int *) by_element_addresses ();
  scribble ();
  if (*q != 43)
    abort ();
  free (q);

  q = (int *) by_offsets ();
  scribble ();
  if (*q != 44)
    abort ();
  free (q);

  q = (int *) by_marks ();
  scribble ();
  if (*q != 45)
    abort ();
  free (q);
  return 0;
}

/* { dg-final { scan-escape "malloc\\(40\\) -> heap: passed-to-call: to_hex" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape "malloc\\(44\\) -> heap: returned" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape "malloc\\(48\\) -> heap: returned" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape "malloc\\(52\\) -> heap: returned" { target { no-opts "-O0" } } } } */
