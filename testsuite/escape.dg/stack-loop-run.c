/* A million iterations reuse one slot: a stack that grew with every
   iteration (1 GiB here) would crash, as LLVM's HeapToStack allows.  */
/* { dg-do run } */
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
