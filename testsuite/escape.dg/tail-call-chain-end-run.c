/* A call to a function of the unit that calls nothing ends every chain:
   a moved object live at it keeps it a real call, which costs the
   smaller frame of the two, once.  A call to one that calls even a leaf
   library function does not: exit runs the atexit handler, a function
   of the unit with a frame as big as the caller's, under the caller's
   frame if the call stays a real one.  Both callers' 36000-byte frames
   and the handler's fit the 64 KiB thread of small-thread.h one at a
   time, not two at once.  */
/* { dg-do run } */
/* { dg-options "-pthread -foptimize-sibling-calls -fstack-clash-protection" } */
#include <stdlib.h>
#include "opaque-fill.h"
#include "small-thread.h"

#define FRAME 36000

static int seen;
static volatile int leave;

static void
handler (void)
{
  volatile char frame[FRAME];
  for (int i = 0; i < FRAME; i++)
    frame[i] = (char) i;
  seen = frame[seen % FRAME];
  _Exit (seen == 0 ? 0 : 2);
}

__attribute__ ((noinline)) static int
add_one (int v)
{
  return v + 1;
}

__attribute__ ((noinline)) static int
maybe_leave (int v)
{
  if (leave)
    exit (0);
  return v;
}

/* The volatile frame's accesses follow the call to FILL, which so is no
   tail call P is live at.  */
#define BIG_FRAME(v)                                                    \
  char *p = malloc (64);                                                \
  fill (p, v, 64);                                                      \
  volatile char frame[FRAME];                                           \
  for (int i = 0; i < FRAME; i++)                                       \
    frame[i] = (char) (i ^ (v));                                        \
  int s = frame[((v) * 13) % FRAME] + frame[((v) * 7 + 1) % FRAME];     \
  s += p[(v) & 63]

__attribute__ ((noinline)) static int
to_chain_end (int v)
{
  BIG_FRAME (v);
  return add_one (s);
}

__attribute__ ((noinline)) static int
to_exit (int v)
{
  BIG_FRAME (v);
  return maybe_leave (s);
}

int
main (void)
{
  if (on_small_thread (to_chain_end, 3) != 61)
    abort ();
#ifdef __OPTIMIZE__
  atexit (handler);
  leave = 1;
  on_small_thread (to_exit, 0);
  return 1;
#else
  /* -O0 makes no tail calls: the handler would run under TO_EXIT's
     frame.  */
  return 0;
#endif
}

/* { dg-final { scan-escape "tail-call-chain-end-run.c:58:3: malloc\\(64\\) -> stack" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape "tail-call-chain-end-run.c:65:3: malloc\\(64\\) -> heap: stack-budget: it may be live at the call at" { target { any-opts "-O2" "-O3" "-Os" } } } } */
