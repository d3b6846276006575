/* An allocation that does not outlive its iteration moves, also when it
   is never freed; its life ends where the loop goes round again.  A
   million iterations reuse one slot: a stack that grew with every
   iteration (1 GiB here) would crash, as LLVM's HeapToStack allows.  */
/* { dg-do run } */
/* { dg-options "-fdump-tree-forwprop1" } */
#include <stdlib.h>
#include <string.h>

__attribute__((noinline)) static long
freed_each_time (int n)
{
  long sum = 0;
  for (int i = 0; i < n; i++)
    {
      char *p = malloc (1024);
      memset (p, i & 0x7f, 1024);
      sum += p[i & 1023];
      free (p);
    }
  return sum;
}

__attribute__((noinline)) static long
never_freed (int n)
{
  long sum = 0;
  for (int i = 0; i < n; i++)
    {
      int *p = malloc (256);
      p[i & 63] = i;
      sum += p[i & 63];
    }
  return sum;
}

int
main (void)
{
  long expect = 0;
  for (int i = 0; i < 1000000; i++)
    expect += i & 0x7f;
  if (freed_each_time (1000000) != expect)
    abort ();
  if (never_freed (100000) != 100000L * 99999 / 2)
    abort ();
  return 0;
}

/* { dg-final { scan-escape "stack-loop.c:16:17: malloc\\(1024\\) -> stack: no-escape: freed at" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape "malloc\\(256\\) -> stack: no-escape: never freed" { target { no-opts "-O0" } } } } */
/* Each slot's life ends where its loop goes round again, and at the
   return: two clobbers in never_freed, and in freed_each_time those and
   the one that replaces its free.  GCC prints the end of a life as {CLOBBER(eol)} in GCC 12
   and 13, {CLOBBER(eos)} (end of storage) from GCC 14, and {CLOBBER} in
   GCC 11, which has one kind of clobber.  */
/* { dg-final { scan-tree-dump-times "escape\\.\[0-9\]+ =\\{v\\} \\{CLOBBER(\\((eol|eos)\\))?\\}" 5 "forwprop1" { target { no-opts "-O0" } } } } */
