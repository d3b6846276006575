/* Bounds of sizes in the forms bounded code takes, found without a
   ranger: a phi after "if (n > C) n = C", MIN, a mask, a multiplication
   and an addition under a dominating check.  A signed size that is only
   bounded above may be negative, which as a size_t is huge: it keeps the
   heap.  The bounds are checked against max-size 64, one byte either
   side.  */
/* { dg-do compile } */
/* { dg-options "-O2 -fplugin-arg-escape-max-size=64" } */
#include <stdlib.h>
#include <string.h>

#define USE(p, n) do { memset ((p), 1, (n)); r = (p)[0]; free (p); } while (0)

int
clamped (unsigned long n)
{
  int r;
  if (n > 64)
    n = 64;
  char *p = malloc (n);
  USE (p, n);
  return r;
}

int
minimum (unsigned long n)
{
  int r;
  unsigned long m = n < 64 ? n : 64;
  char *p = malloc (m);
  USE (p, m);
  return r;
}

int
masked (unsigned long n)
{
  int r;
  char *p = malloc ((n & 63) + 1);
  USE (p, (n & 63) + 1);
  return r;
}

int
scaled (unsigned long n)
{
  int r;
  if (n > 16)
    return -1;
  char *p = malloc (n * 4);
  USE (p, n * 4);
  return r;
}

int
below (unsigned long n)
{
  int r;
  if (n >= 64)
    return -1;
  char *p = malloc (n + 1);
  USE (p, n + 1);
  return r;
}

int
one_over (unsigned long n)
{
  int r;
  if (64 < n)
    return -1;
  char *p = malloc (n + 1);
  USE (p, n + 1);
  return r;
}

int
narrow (unsigned char n)
{
  int r;
  char *p = malloc (n);
  USE (p, n);
  return r;
}

int
signed_size (int n)
{
  int r;
  if (n > 10)
    return -1;
  char *p = malloc (n);
  USE (p, n);
  return r;
}

/* { dg-final { scan-escape "bound-forms.c:20:13: malloc\\(\[a-z_0-9\]+\\) -> stack" } } */
/* { dg-final { scan-escape "bound-forms.c:30:13: malloc\\(\[a-z_0-9\]+\\) -> stack" } } */
/* { dg-final { scan-escape "bound-forms.c:39:13: malloc\\(\[a-z_0-9\]+\\) -> stack" } } */
/* { dg-final { scan-escape "bound-forms.c:50:13: malloc\\(\[a-z_0-9\]+\\) -> stack" } } */
/* { dg-final { scan-escape "bound-forms.c:61:13: malloc\\(\[a-z_0-9\]+\\) -> stack" } } */
/* { dg-final { scan-escape "bound-forms.c:72:13: malloc\\(\[a-z_0-9\]+\\) -> heap: unknown-size: not constant, at most 65 bytes, above max-size 64" } } */
/* { dg-final { scan-escape "bound-forms.c:81:13: malloc\\(\[a-z_0-9\]+\\) -> heap: unknown-size: not constant, at most 255 bytes, above max-size 64" } } */
/* { dg-final { scan-escape "bound-forms.c:92:13: malloc\\(\[a-z_0-9\]+\\) -> heap: unknown-size" } } */
/* { dg-final { scan-escape-not "bound-forms.c:92:13: malloc\\(\[a-z_0-9\]+\\) -> stack" } } */
