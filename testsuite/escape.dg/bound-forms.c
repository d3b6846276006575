/* Bounds of sizes in the forms bounded code takes, found without a
   ranger: a phi after "if (n > C) n = C", MIN, a mask, a multiplication
   and an addition under a dominating check (the program of
   bound-forms-run.c).  One more than max-size keeps the heap, and so do
   a narrow unsigned type's maximum and a signed size that is only bounded
   above: it may be negative, which as a size_t is huge.  */
/* { dg-do compile } */
/* { dg-options "-O2 -fplugin-arg-escape-max-size=64" } */
#include "bound-forms-run.c"

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

/* { dg-final { scan-escape "bound-forms-run.c:23:13: malloc\\(\[a-z_0-9\]+\\) -> stack" } } */
/* { dg-final { scan-escape "bound-forms-run.c:33:13: malloc\\(\[a-z_0-9\]+\\) -> stack" } } */
/* { dg-final { scan-escape "bound-forms-run.c:42:13: malloc\\(\[a-z_0-9\]+\\) -> stack" } } */
/* { dg-final { scan-escape "bound-forms-run.c:53:13: malloc\\(\[a-z_0-9\]+\\) -> stack" } } */
/* { dg-final { scan-escape "bound-forms-run.c:64:13: malloc\\(\[a-z_0-9\]+\\) -> stack" } } */
/* { dg-final { scan-escape "bound-forms.c:17:13: malloc\\(\[a-z_0-9\]+\\) -> heap: unknown-size: not constant, at most 65 bytes, above max-size 64" } } */
/* { dg-final { scan-escape "bound-forms.c:26:13: malloc\\(\[a-z_0-9\]+\\) -> heap: unknown-size: not constant, at most 255 bytes, above max-size 64" } } */
/* { dg-final { scan-escape "bound-forms.c:37:13: malloc\\(\[a-z_0-9\]+\\) -> heap: unknown-size" } } */
/* { dg-final { scan-escape-not "bound-forms.c:37:13: malloc\\(\[a-z_0-9\]+\\) -> stack" } } */
