/* A recursion a million levels deep that GCC turns into a loop, since
   its call becomes a tail call once later passes remove what follows it.
   16 bytes fit the recursion allowance, but a slot live at the call
   would keep it a real call, and a million frames would pass the 8 MiB
   of the main stack.  What follows the call and goes:
     - a branch that value ranges decide (r % 10 > 20);
     - a branch on memset's value, its first argument, never NULL;
     - a branch on a call of the unit that the IPA inliner inlines;
     - a free of an allocation whose only store is dead, whose load
       takes the value stored, or whose call that would keep it is
       decided never to run;
     - frees of a pointer later passes find NULL: a member of a local
       struct, on the arm of a test (of the pointer, of a number made
       from it, of a switch, of a copy), an argument IPA-CP makes a
       constant;
   WALK_UNREACHABLE's call is followed by a branch to
   __builtin_unreachable, which goes; and WALK_LEAF is declared leaf,
   which GCC ignores for a function the unit defines.  */
/* { dg-do run { target { any-opts "-O2" "-O3" "-Os" } } } */
/* { dg-additional-sources "units/tail-recursion-barrier-other.c" } */
#include <stdint.h>
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

__attribute__ ((noinline)) static int
walk_forwarded (int n)
{
  LEVEL (n);
  char *q = malloc (100000);
  q[0] = 1;
  int r = walk_forwarded (n - 1);
  r *= q[0];
  free (q);
  return r;
}

struct scratch
{
  char *extra;
};

__attribute__ ((noinline)) static int
walk_null_member (int n)
{
  LEVEL (n);
  struct scratch s = { NULL };
  int r = walk_null_member (n - 1);
  free (s.extra);
  return r;
}

/* In the other unit.  Never called here: the test of F.ON is decided
   once F is in registers.  */
void keep (char *);

__attribute__ ((noinline)) static int
walk_dead_keep (int n)
{
  LEVEL (n);
  struct
  {
    int on;
  } f = { 0 };
  char *q = malloc (8);
  if (f.on)
    keep (q);
  int r = walk_dead_keep (n - 1);
  free (q);
  return r;
}

__attribute__ ((noinline)) static int
walk_null_arm (int n)
{
  LEVEL (n);
  char *name = getenv ("ESCAPE_TEST_NO_SUCH_VARIABLE");
  if (name)
    return 0;
  int r = walk_null_arm (n - 1);
  free (name);
  return r;
}

__attribute__ ((noinline)) static int
walk_null_sum (int n)
{
  LEVEL (n);
  char *name = getenv ("ESCAPE_TEST_NO_SUCH_VARIABLE");
  if ((uintptr_t) name + 1 != 1)
    return 0;
  int r = walk_null_sum (n - 1);
  free (name);
  return r;
}

__attribute__ ((noinline)) static int
walk_null_switch (int n)
{
  LEVEL (n);
  char *name = getenv ("ESCAPE_TEST_NO_SUCH_VARIABLE");
  switch ((uintptr_t) name)
    {
    case 0:
      break;
    case 1:
      return 1;
    default:
      return 0;
    }
  int r = walk_null_switch (n - 1);
  free (name);
  return r;
}

__attribute__ ((noinline)) static int
walk_null_copy (int n)
{
  LEVEL (n);
  struct scratch copy = { getenv ("ESCAPE_TEST_NO_SUCH_VARIABLE") };
  if (copy.extra)
    return 0;
  int r = walk_null_copy (n - 1);
  free (copy.extra);
  return r;
}

__attribute__ ((noinline)) static int
walk_null_argument (int n, char *extra)
{
  LEVEL (n);
  int r = walk_null_argument (n - 1, extra);
  free (extra);
  return r;
}

static int
start_null_argument (int n)
{
  return walk_null_argument (n, NULL);
}

/* In the other unit, which calls walk_unreachable (n - 1): its call
   becomes a jump once GCC removes the arm that never returns.  */
int next_level (int n);

__attribute__ ((noinline)) int
walk_unreachable (int n)
{
  LEVEL (n);
  int r = next_level (n);
  if (r < 0)
    __builtin_unreachable ();
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
				 walk_dead_store, walk_forwarded,
				 walk_dead_keep, walk_null_member,
				 walk_null_arm, walk_null_sum,
				 walk_null_switch, walk_null_copy,
				 start_null_argument, walk_unreachable,
				 walk_leaf };
  for (unsigned i = 0; i < sizeof walks / sizeof *walks; i++)
    {
      sum = 0;
      walks[i] (1000000);
      if (sum != -497888)
	abort ();
    }
  return 0;
}

/* { dg-final { scan-escape-times "malloc\\(16\\) -> heap: recursive: .* may become a tail call" 14 } } */
