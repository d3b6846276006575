/* A recursion a million levels deep that GCC turns into a loop, since
   its call becomes a tail call once later passes remove what follows it.
   16 bytes fit the recursion allowance, but a slot live at the call
   would keep it a real call, and a million frames would pass the 8 MiB
   of the main stack.  What follows the call and goes:
     - a branch that value ranges decide (r % 10 > 20);
     - a branch on memset's value, its first argument, never NULL;
     - a branch on a call of the unit that the IPA inliner inlines;
     - a free of an allocation whose only store is dead;
   and WALK_LEAF is declared leaf, which GCC ignores for a function the
   unit defines.  */
/* { dg-do run { target { any-opts "-O2" "-O3" "-Os" } } } */
#include <stdlib.h>
#include <string.h>
#include "opaque-fill.h"

static volatile int never;
static long sum;
static int trace[16];

#define LEVEL(n)                                                        \
  char *p = malloc (16);                                                \
  fill (p, n, 16);                                                      \
  sum += p[(n) & 15];                                                   \
  if ((n) == 0)                                                         \
    return never

__attribute__ ((noinline)) static int
walk_range (int n)
{
  LEVEL (n);
  int r = walk_range (n - 1);
  if (r % 10 > 20)
    never = 1;
  return r;
}

__attribute__ ((noinline)) static int
walk_memset (int n)
{
  LEVEL (n);
  int r = walk_memset (n - 1);
  char tmp[8];
  if (memset (tmp + (n & 1), 0, 4) == NULL)
    never = 1;
  return r;
}

/* Writes TRACE, which nothing reads: not pure.  Too big for the early
   inliner, it is inlined by the IPA one, and then answers 1.  */
static int
check (int n)
{
  for (int i = 0; i < n % 7; i++)
    {
      trace[i & 15] = n;
      trace[(i + 1) & 15] = n * 3;
      trace[(i + 2) & 15] = n * 5;
      trace[(i + 3) & 15] = n * 7;
      trace[(i + 4) & 15] = n * 9;
      trace[(i + 5) & 15] = n * 11;
      trace[(i + 6) & 15] = n * 13;
      trace[(i + 7) & 15] = n * 15;
    }
  return 1;
}

__attribute__ ((noinline)) static int
walk_inlined (int n)
{
  LEVEL (n);
  int r = walk_inlined (n - 1);
  if (!check (n))
    never = 1;
  return r;
}

__attribute__ ((noinline)) static int
walk_dead_store (int n)
{
  LEVEL (n);
  int r = walk_dead_store (n - 1);
  char *q = malloc (8);
  q[0] = (char) n;
  free (q);
  return r;
}

__attribute__ ((leaf)) int walk_leaf (int n);

__attribute__ ((noinline)) int
walk_leaf (int n)
{
  LEVEL (n);
  return walk_leaf (n - 1);
}

int
main (void)
{
  int (*const walks[]) (int) = { walk_range, walk_memset, walk_inlined,
				 walk_dead_store, walk_leaf };
  for (unsigned i = 0; i < sizeof walks / sizeof *walks; i++)
    {
      sum = 0;
      walks[i] (1000000);
      if (sum != -497888)
	abort ();
    }
  return 0;
}

/* { dg-final { scan-escape-times "malloc\\(16\\) -> heap: recursive: .* may become a tail call" 5 } } */
