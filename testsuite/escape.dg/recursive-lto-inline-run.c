/* Inlining at LTO time: work, in units/recursive-lto-inline-work.c, is
   in no cycle and moves its buffer when its unit is compiled; the link
   would inline it into rec, which recurs 40000 times.  Under -flto a
   function of another unit's reach that holds moved bytes is not
   inlined.  */
/* { dg-do run } */
/* { dg-options "-flto" } */
/* { dg-additional-sources "units/recursive-lto-inline-work.c" } */
#include <stdio.h>
#include <stdlib.h>

int work (int);

__attribute__ ((noinline)) int
rec (int n)
{
  if (n == 0)
    return 0;
  int a = work (n);
  return (a + rec (n - 1)) % 1000;
}

int
main (void)
{
  if (rec (40000) != 112)
    abort ();
  return 0;
}
