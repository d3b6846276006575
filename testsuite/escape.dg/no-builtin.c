/* -fno-builtin: no call is GCC's allocator, so every site is reported
   not-builtin and left alone (not-builtin.c covers -fno-builtin-malloc).  */
/* { dg-do compile } */
/* { dg-options "-O2 -fno-builtin" } */
#include <stdlib.h>

int
f (void)
{
  char *p = malloc (16);
  char *q = calloc (4, 4);
  char *r = aligned_alloc (16, 32);
  p[0] = 1;
  r[0] = 2;
  int v = p[0] + q[3] + r[0];
  free (r);
  free (q);
  free (p);
  return v;
}

/* { dg-final { scan-escape "no-builtin.c:10:13: malloc\\(16\\) -> heap: not-builtin" } } */
/* { dg-final { scan-escape "no-builtin.c:11:13: calloc\\(4, 4\\) -> heap: not-builtin" } } */
/* { dg-final { scan-escape "no-builtin.c:12:13: aligned_alloc\\(16, 32\\) -> heap: not-builtin" } } */
