/* Bounds of sizes in the forms bounded code takes, found without a
   ranger: a phi after "if (n > C) n = C", MIN, a mask, a multiplication
   and an addition under a dominating check.  A moved object with a
   bounded size gets a slot of the bound's size: each form is run with
   its largest size and writes every byte, which ASan reports if the slot
   is smaller.  One more than max-size keeps the heap, and so do a narrow
   unsigned type's maximum and a signed size that is only bounded above:
   it may be negative, which as a size_t is huge.  Those are run with
   their largest sizes too.  */
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

__attribute__((noinline)) static int
one_over (unsigned long n)
{
  int r;
  if (64 < n)
    return 7;
  char *p = malloc (n + 1);
  USE (p, n + 1);
  return r;
}

__attribute__((noinline)) static int
narrow (unsigned char n)
{
  int r;
  char *p = malloc (n);
  USE (p, n);
  return r;
}

__attribute__((noinline)) static int
signed_size (int n)
{
  int r;
  if (n > 10)
    return 7;
  char *p = malloc (n);
  USE (p, n);
  return r;
}

int
main (void)
{
  volatile unsigned long big = 1000, mask = 63, four = 16, under = 63;
  volatile unsigned long over = 64;
  volatile unsigned char top = 255;
  volatile int ten = 10;
  int sum = clamped (big) + minimum (big) + masked (mask) + scaled (four)
	    + below (under) + one_over (over) + narrow (top)
	    + signed_size (ten);
  return sum == 8 * 7 ? 0 : 1;
}

/* { dg-final { scan-escape "bound-forms.c:28:13: malloc\\(\[a-z_0-9\]+\\) -> stack" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape "bound-forms.c:38:13: malloc\\(\[a-z_0-9\]+\\) -> stack" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape "bound-forms.c:47:13: malloc\\(\[a-z_0-9\]+\\) -> stack" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape "bound-forms.c:58:13: malloc\\(\[a-z_0-9\]+\\) -> stack" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape "bound-forms.c:69:13: malloc\\(\[a-z_0-9\]+\\) -> stack" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape "bound-forms.c:80:13: malloc\\(\[a-z_0-9\]+\\) -> heap: unknown-size: not constant, at most 65 bytes, above max-size 64" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape "bound-forms.c:89:13: malloc\\(\[a-z_0-9\]+\\) -> heap: unknown-size: not constant, at most 255 bytes, above max-size 64" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape "bound-forms.c:100:13: malloc\\(\[a-z_0-9\]+\\) -> heap: unknown-size" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape-not "bound-forms.c:100:13: malloc\\(\[a-z_0-9\]+\\) -> stack" { target { no-opts "-O0" } } } } */
