/* Under -flto the link inlines make_block, of another unit, into its
   callers.  once frees the object: the late instance moves it there.
   walk frees it too, but recurs: 4000 frames of 4096 more bytes would
   pass an 8 MiB stack.  */
/* { dg-do run } */
/* { dg-options "-flto" } */
/* { dg-additional-sources "units/late-lto-make.c" } */
#include <stdlib.h>

char *make_block (int);

__attribute__ ((noinline)) int
walk (int n)
{
  if (n == 0)
    return 0;
  char *p = make_block (n);
  int a = p[n % 4096] & 0x7f;
  free (p);
  return (a + walk (n - 1)) % 1000;
}

__attribute__ ((noinline)) int
once (int n)
{
  char *p = make_block (n);
  int a = p[3] + p[4000];
  free (p);
  return a;
}

int
main (void)
{
  if (walk (4000) != 496 || once (7) != 14)
    abort ();
  return 0;
}

/* { dg-final { scan-escape "late-lto-make.c:8:13: malloc\\(4096\\) -> heap: returned" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape-times "late-lto-make.c:8:13: malloc\\(4096\\) -> stack: no-escape: freed at late-lto-run.c:28:3" 1 { target { no-opts "-O0" } } } } */
/* At -O3 IPA-CP clones walk for its first calls: each clone is on the
   stack once, and may move.  */
/* { dg-final { scan-escape-not "freed at late-lto-run.c:19:3" { target { no-opts "-O0" "-O3" } } } } */
/* The link's report is named after the output, as the next link's.  */
/* { dg-final { scan-escape-json {"unit":"[^"]*\.ltrans0\.ltrans",.*"file":"[^"]*late-lto-make\.c","line":8,.*"decision":"stack"} { target { no-opts "-O0" } } } } */
