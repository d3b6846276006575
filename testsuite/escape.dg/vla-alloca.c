/* Moved objects next to VLAs and alloca, which move the stack pointer at
   run time: VLAs and alloca do not stop the objects next to them from
   moving.  A moved object sits in the fixed part of the frame and must
   keep its values while they come and go.  */
/* { dg-do run } */
/* Without sibling calls, the tail-call rule (tail-recursion-barrier-run.c)
   stays out of what this test shows.  */
/* { dg-options "-fno-optimize-sibling-calls" } */
#include <alloca.h>
#include <stdlib.h>
#include <string.h>

/* Out of line, so that the bytes really go through memory.  */
__attribute__((noinline)) static void
fill (char *p, int v, int len)
{
  memset (p, v, len);
}

__attribute__((noinline)) static int
get (const char *p, int i)
{
  return p[i];
}

/* A VLA in a loop: the stack pointer is saved and restored each round,
   between two moved objects of the same round.  */
__attribute__((noinline)) static int
with_vla (int n)
{
  int sum = 0;
  for (int round = 0; round < 3; round++)
    {
      char *buf = malloc (64);
      fill (buf, round + 1, 64);
      char vla[n + round];
      fill (vla, 7, sizeof vla);
      char *q = malloc (16);
      fill (q, 9, 16);
      sum += get (buf, 0) + get (buf, 63) + get (vla, n + round - 1)
	     + get (q, 15) + (int) sizeof vla;
      free (q);
      free (buf);
    }
  return sum;
}

/* alloca in a loop grows the stack under a moved object that lives
   across the whole loop.  */
__attribute__((noinline)) static int
with_alloca (int n)
{
  char *moved = malloc (32);
  fill (moved, 1, 32);
  int sum = 0;
  for (int i = 0; i < n; i++)
    {
      char *a = alloca (64);
      fill (a, i, 64);
      sum += get (a, 63) + get (moved, i);
      fill (moved + i, get (moved, i) + 1, 1);
    }
  for (int j = 0; j < 32; j++)
    sum += get (moved, j);
  free (moved);
  return sum;
}

int
main (void)
{
  /* Rounds 0..2: 2 * (1 + 2 + 3) + 3 * 7 + 3 * 9 + (3 * 5 + 3).  */
  if (with_vla (5) != 78)
    abort ();
  /* (0 + ... + 9) + 10 * 1, then 10 * 2 + 22 * 1.  */
  if (with_alloca (10) != 97)
    abort ();
  return 0;
}

/* { dg-final { scan-escape "vla-alloca.c:34:19: malloc\\(64\\) -> stack: no-escape" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape "vla-alloca.c:38:17: malloc\\(16\\) -> stack: no-escape" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape "vla-alloca.c:53:17: malloc\\(32\\) -> stack: no-escape" { target { no-opts "-O0" } } } } */
