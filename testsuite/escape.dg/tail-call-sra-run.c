/* Functions whose value no caller uses, which IPA-SRA (from -O2) makes
   return nothing: a call followed by a return of another value becomes
   a tail call.  A slot live at it would keep it a real call, so these
   sites keep the heap.
     - UNUSED: a chain of such links (tail-chain.h).
     - WALK: a recursion a million levels deep, which the tail call makes
       a loop; 16 bytes fit the recursion allowance, but a slot in each
       of a million frames would pass the 8 MiB of the main stack.  */
/* { dg-do run { target { any-opts "-O2" "-O3" "-Os" } } } */
/* { dg-options "-pthread -fstack-clash-protection" } */
#include "tail-chain.h"

static int result;

__attribute__ ((noinline)) static int
unused_end (int v)
{
  char last[1];
  fill (last, v, 1);
  result = v + 1;
  return 0;
}

#define UNUSED_LINK(this_link, next_link)                               \
  __attribute__ ((noinline)) static int                                 \
  this_link (int v)                                                     \
  {                                                                     \
    LINK_FRAME (v);                                                     \
    LEAKED (v);                                                         \
    next_link (s & 0xff);                                               \
    return s;                                                           \
  }
CHAIN (UNUSED_LINK, unused)

static int
run_unused (int v)
{
  unused0 (v);
  return result;
}

static long sum;

__attribute__ ((noinline)) static int
walk (int n)
{
  char *p = malloc (16);
  fill (p, n, 16);
  sum += p[n & 15];
  if (n > 0)
    walk (n - 1);
  return n;
}

int
main (void)
{
  if (on_small_thread (run_unused, 3) != 168)
    abort ();
  walk (1000000);
  if (sum != -497888)
    abort ();
  return 0;
}

/* { dg-final { scan-escape-times "malloc\\(64\\) -> heap: stack-budget: it may be live at the call" 12 } } */
/* { dg-final { scan-escape "tail-call-sra-run.c:47:13: malloc\\(16\\) -> heap: recursive: .* its call at tail-call-sra-run.c:51:5 may become a tail call" } } */
