/* The IPA inliner puts a large wrapper into walk, its only caller, which
   frees the object before it recurses: the early rules never saw the
   site in walk's frame.  4000 frames of 4096 more bytes would pass an
   8 MiB stack, so the late instance moves nothing in a frame of a
   cycle.  */
/* { dg-do run } */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *
make_block (int n)
{
  char *p = malloc (4096);
  memset (p, n, 4096);
  for (int i = 0; i < 4096; i += 64)
    p[i] = (char) (i * n + (i ^ n) - (n >> (i & 3)));
  if (n > 100000)
    printf ("big %d\n", n);
  if (n > 200000)
    printf ("bigger %d\n", n);
  return p;
}

__attribute__ ((noinline)) static int
walk (int n)
{
  if (n == 0)
    return 0;
  char *p = make_block (n);
  int a = p[n % 4096] & 0x7f;
  free (p);
  return (a + walk (n - 1)) % 1000;
}

int
main (void)
{
  if (walk (4000) != 496)
    abort ();
  return 0;
}

/* { dg-final { scan-escape "late-inline-recursive-run.c:14:13: malloc\\(4096\\) -> heap: returned" { target { no-opts "-O0" } } } } */
/* At -O3 IPA-CP clones walk for its first calls: each clone is on the
   stack once, and may move.  */
/* { dg-final { scan-escape-not "-> stack" { target { no-opts "-O0" "-O3" } } } } */
