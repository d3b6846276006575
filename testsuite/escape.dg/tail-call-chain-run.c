/* A moved object that is still live at a call that may become a tail
   call keeps it a real call, and every frame of a chain of them on the
   stack (tail-chain.h).  P, never freed, is live at the call: it keeps
   the heap.  Q is freed before the call, where its slot's life ends: it
   moves, and the call stays a tail call.  So does R, which is never
   freed but lives in SCRATCH: inlined into each link, its slot's life
   ends where SCRATCH returns, as a local array's would.  */
/* { dg-do run } */
/* { dg-options "-pthread -foptimize-sibling-calls -fstack-clash-protection" } */
#include "tail-chain.h"

/* A volatile access stays after the calls to FILL, which so cannot become
   tail calls that R or Q is live at.  */
static volatile int scratch_calls;

static inline int
scratch (int v)
{
  char *r = malloc (48);
  fill (r, v, 48);
  scratch_calls++;
  return r[v % 48];
}

__attribute__ ((noinline)) int
link_end (int v)
{
  char last[1];
  fill (last, v, 1);
  return v + 1;
}

#define LINK(this_link, next_link)                                      \
  __attribute__ ((noinline)) int                                        \
  this_link (int v)                                                     \
  {                                                                     \
    LINK_FRAME (v);                                                     \
    LEAKED (v);                                                         \
    char *q = malloc (32);                                              \
    fill (q, s, 32);                                                    \
    s += q[v & 31];                                                     \
    free (q);                                                           \
    scratch_calls++;                                                    \
    s += scratch (v);                                                   \
    return next_link (s & 0xff);                                        \
  }

CHAIN (LINK, link)

int
main (void)
{
#ifdef __OPTIMIZE__
  int v = on_small_thread (link0, 3);
#else
  /* -O0 makes no tail calls: the chain takes all its frames.  */
  int v = link0 (3);
#endif
  if (v != 132)
    abort ();
  return 0;
}

/* { dg-final { scan-escape-times "malloc\\(64\\) -> heap: stack-budget: it may be live at the call at tail-call-chain-run.c:\[0-9\]+:\[0-9\]+, which may become a tail call" 12 { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape-times "malloc\\(32\\) -> stack" 12 { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape "tail-call-chain-run.c:19:13: malloc\\(48\\) -> stack" { target { no-opts "-O0" } } } } */
