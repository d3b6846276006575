/* A moved object with a bounded size gets a slot of the bound's size:
   each form of bound-forms.c is run with its largest size and writes
   every byte, which ASan reports if the slot is smaller.  bound-forms.c
   checks the bounds in the report.  */
/* { dg-do run } */
/* { dg-options "-fsanitize=address -fplugin-arg-escape-max-size=64" } */
#include <stdlib.h>
#include <string.h>

#define USE(p, n)				\
  do {						\
    memset ((p), 7, (n));			\
    r = (p)[(n) - 1];				\
    free (p);					\
  } while (0)

__attribute__((noinline)) static int
clamped (unsigned long n)
{
  int r;
  if (n > 64)
    n = 64;
  char *p = malloc (n);
  USE (p, n);
  return r;
}

__attribute__((noinline)) static int
minimum (unsigned long n)
{
  int r;
  unsigned long m = n < 64 ? n : 64;
  char *p = malloc (m);
  USE (p, m);
  return r;
}

__attribute__((noinline)) static int
masked (unsigned long n)
{
  int r;
  char *p = malloc ((n & 63) + 1);
  USE (p, (n & 63) + 1);
  return r;
}

__attribute__((noinline)) static int
scaled (unsigned long n)
{
  int r;
  if (n > 16)
    return 7;
  char *p = malloc (n * 4);
  USE (p, n * 4);
  return r;
}

__attribute__((noinline)) static int
below (unsigned long n)
{
  int r;
  if (n >= 64)
    return 7;
  char *p = malloc (n + 1);
  USE (p, n + 1);
  return r;
}

int
main (void)
{
  volatile unsigned long big = 1000, mask = 63, four = 16, under = 63;
  int sum = clamped (big) + minimum (big) + masked (mask) + scaled (four)
	    + below (under);
  return sum == 5 * 7 ? 0 : 1;
}
