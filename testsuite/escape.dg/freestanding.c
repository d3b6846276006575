/* -ffreestanding: no call is GCC's allocator, so every site is reported
   not-builtin and left alone; the program still works.  */
/* { dg-do run } */
/* { dg-options "-ffreestanding" } */
#include <stdlib.h>

__attribute__((noinline)) static int
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

int
main (void)
{
  if (f () != 3)
    abort ();
  return 0;
}

/* { dg-final { scan-escape "freestanding.c:10:13: malloc\\(16\\) -> heap: not-builtin" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape "freestanding.c:11:13: calloc\\(4, 4\\) -> heap: not-builtin" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape "freestanding.c:12:13: aligned_alloc\\(16, 32\\) -> heap: not-builtin" { target { no-opts "-O0" } } } } */
