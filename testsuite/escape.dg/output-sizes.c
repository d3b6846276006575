/* The sizes and counts given to the printf and puts families are written
   out with the text: snprintf's size decides where the text is cut, and
   fwrite's count how many bytes reach the stream.  A size made from an
   address shows in the output (strlen of the text, ftell of the stream)
   and gives the address back, so the object must stay on the heap.  */
/* { dg-do run } */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "scribble.h"

char digits[300];
char pad[256];

/* Each byte of the address is the length snprintf cuts the text to.  */
__attribute__((noinline)) uintptr_t
cut_by_snprintf (void)
{
  int *p = malloc (sizeof *p * 10);
  *p = 42;
  uintptr_t a = (uintptr_t) p, x = 0;
  char buf[300];
  for (unsigned i = 0; i < sizeof a; i++)
    {
      snprintf (buf, ((a >> 8 * i) & 0xff) + 1, "%s", digits);
      x |= (uintptr_t) strlen (buf) << 8 * i;
    }
  return x;
}

/* Each byte of the address is the number of bytes fwrite puts in the
   stream.  */
__attribute__((noinline)) uintptr_t
counted_by_fwrite (FILE *f)
{
  int *p = malloc (sizeof *p * 11);
  *p = 43;
  uintptr_t a = (uintptr_t) p, x = 0;
  for (unsigned i = 0; i < sizeof a; i++)
    {
      rewind (f);
      fwrite (pad, 1, (a >> 8 * i) & 0xff, f);
      x |= (uintptr_t) ftell (f) << 8 * i;
    }
  return x;
}

int
main (void)
{
  memset (digits, '7', sizeof digits - 1);
  int *q = (int *) cut_by_snprintf ();
  scribble ();
  if (*q != 42)
    abort ();
  free (q);

  FILE *f = tmpfile ();
  if (!f)
    return 0;
  q = (int *) counted_by_fwrite (f);
  scribble ();
  if (*q != 43)
    abort ();
  free (q);
  fclose (f);
  return 0;
}

/* { dg-final { scan-escape "malloc\\(40\\) -> heap: returned: return" { target { no-opts "-O0" } } } } */
/* The count also fails the recursion rule: ftell, which may call back,
   may become a tail call once the loop is unrolled, and the object is
   live there.  */
/* { dg-final { scan-escape-json {"args":"44",.*"reasons":\["recursive","address-exposed"\],"detail":"counted_by_fwrite is in a call-graph cycle} { target { no-opts "-O0" } } } } */

/* counted_by_fwrite calls rewind, which is not leaf and may call it back
   (docs/rules.md, the stack guarantee); this test is about what the
   output functions expose, so the recursion allowance keeps out of it.  */
/* Its functions leak their objects, which are live at their last calls:
   without sibling calls, the tail-call rule (tail-call-chain-run.c) stays
   out of what this test shows.  */
/* { dg-options "-fplugin-arg-escape-recursion-allowance=4096 -fno-optimize-sibling-calls" } */
