/* An address can be carried by where a pointer points inside its object:
   s + k, with k made of the address, points at a place that strlen,
   strcpy, strchr, strtoul and printf's "%s" give back as a length or a position.
   Each function below hands its object's address back that way, one
   byte or one bit at a time, and the caller that rebuilds it must not
   find a dead stack slot.  None of the objects is returned, stored or
   passed on as a pointer.  */
/* { dg-do run } */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "scribble.h"

char letters[257];			/* 256 letters, then the end */
char *marks;				/* 256 bytes, on the heap */

static unsigned
byte_of (uintptr_t a, unsigned i)
{
  return (a >> 8 * i) & 0xff;
}

/* The length of the letters from the byte on.  */
__attribute__((noinline)) uintptr_t
by_length (void)
{
  volatile int *p = malloc (sizeof *p * 10);
  *p = 42;
  uintptr_t a = (uintptr_t) p, x = 0;
  for (unsigned i = 0; i < sizeof a; i++)
    x |= (uintptr_t) (256 - strlen (letters + byte_of (a, i))) << 8 * i;
  return x;
}

/* The string is cut where the byte points.  */
__attribute__((noinline)) uintptr_t
by_cut (void)
{
  volatile int *p = malloc (sizeof *p * 11);
  *p = 43;
  uintptr_t a = (uintptr_t) p, x = 0;
  for (unsigned i = 0; i < sizeof a; i++)
    {
      memset (marks, 'x', 256);
      char *end = marks + byte_of (a, i);
      *end = 0;
      x |= (uintptr_t) strlen (marks) << 8 * i;
    }
  return x;
}

/* How much strcpy copies.  */
__attribute__((noinline)) uintptr_t
by_copy (void)
{
  volatile int *p = malloc (sizeof *p * 12);
  *p = 44;
  char copy[257];
  uintptr_t a = (uintptr_t) p, x = 0;
  for (unsigned i = 0; i < sizeof a; i++)
    {
      strcpy (copy, letters + byte_of (a, i));
      x |= (uintptr_t) (256 - strlen (copy)) << 8 * i;
    }
  return x;
}

/* Where strchr finds the mark.  */
__attribute__((noinline)) uintptr_t
by_search (void)
{
  volatile int *p = malloc (sizeof *p * 13);
  *p = 45;
  uintptr_t a = (uintptr_t) p, x = 0;
  for (unsigned i = 0; i < sizeof a; i++)
    {
      memset (marks, 'x', 256);
      char *mark = marks + byte_of (a, i);
      *mark = 'y';
      x |= (uintptr_t) (strchr (marks, 'y') - marks) << 8 * i;
    }
  return x;
}

/* How much "%s" prints.  */
__attribute__((noinline)) uintptr_t
by_print (void)
{
  volatile int *p = malloc (sizeof *p * 14);
  *p = 46;
  uintptr_t a = (uintptr_t) p, x = 0;
  for (unsigned i = 0; i < sizeof a; i++)
    x |= (uintptr_t) (256 - snprintf (NULL, 0, "%s",
				      letters + byte_of (a, i))) << 8 * i;
  return x;
}

/* Where strtoul stops reading digits.  */
__attribute__((noinline)) uintptr_t
by_parse (void)
{
  volatile int *p = malloc (sizeof *p * 15);
  *p = 47;
  char zeros[257];
  uintptr_t a = (uintptr_t) p, x = 0;
  for (unsigned i = 0; i < sizeof a; i++)
    {
      memset (zeros, '0', 256);
      zeros[256] = 0;
      char *stop = zeros + byte_of (a, i), *end;
      *stop = 'x';
      strtoul (zeros, &end, 10);
      x |= (uintptr_t) (end - zeros) << 8 * i;
    }
  return x;
}

/* A helper of this unit moves the pointer by its other argument's
   address, and the caller measures what is left.  */
__attribute__((noinline)) static char *
past (char *s, volatile int *p, unsigned i)
{
  return s + byte_of ((uintptr_t) p, i);
}

__attribute__((noinline)) uintptr_t
by_helper (void)
{
  volatile int *p = malloc (sizeof *p * 16);
  *p = 48;
  uintptr_t x = 0;
  for (unsigned i = 0; i < sizeof x; i++)
    x |= (uintptr_t) (256 - strlen (past (letters, p, i))) << 8 * i;
  return x;
}

static void
check (uintptr_t address, int expected)
{
  volatile int *q = (volatile int *) address;
  scribble ();
  if (*q != expected)
    abort ();
  free ((void *) q);
}

int
main (void)
{
  memset (letters, 'a', 256);
  marks = malloc (257);
  marks[256] = 0;
  check (by_length (), 42);
  check (by_cut (), 43);
  check (by_copy (), 44);
  check (by_search (), 45);
  check (by_print (), 46);
  check (by_parse (), 47);
  check (by_helper (), 48);
  free (marks);
  return 0;
}

/* { dg-final { scan-escape "malloc\\(40\\) -> heap: returned" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape "malloc\\(44\\) -> heap: returned" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape "malloc\\(48\\) -> heap: returned" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape "malloc\\(52\\) -> heap: returned" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape "malloc\\(56\\) -> heap: returned" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape "malloc\\(60\\) -> heap: returned" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape "malloc\\(64\\) -> heap: returned" { target { no-opts "-O0" } } } } */
