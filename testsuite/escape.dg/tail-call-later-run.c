/* Calls that become tail calls only after the pass, or whose value is
   not what is returned: a slot live at such a call keeps it a real call
   and every frame of the chain on the stack (tail-chain.h), so each of
   these sites keeps the heap.
     - SMALL: a stack-if-small site, freed before the call; its free
       stays, guarded, and does not end its slot's life.
     - INLINED: the call is followed by the helper's return of another
       value; inlined into a void link, it is the link's last call.
     - DEAD_STORE: the call is followed by a store to a static that
       nothing reads, which goes.
     - FALLS_OFF: an int function falls off its end after the call, which
       is valid C when no caller uses the value (C11 6.9.1).  */
/* { dg-do run } */
/* { dg-options "-pthread -foptimize-sibling-calls -fstack-clash-protection -Wno-return-type" } */
#include "tail-chain.h"

static volatile size_t small_size = 40;
static int result;
static int calls_made;

__attribute__ ((noinline)) static int
end_of_chain (int v)
{
  char last[1];
  fill (last, v, 1);
  result = v + 1;
  return 0;
}

#define small_end end_of_chain
#define SMALL_LINK(this_link, next_link)                                \
  __attribute__ ((noinline)) static int                                 \
  this_link (int v)                                                     \
  {                                                                     \
    LINK_FRAME (v);                                                     \
    size_t n = small_size;                                              \
    char *q = malloc (n);                                               \
    fill (q, s, n);                                                     \
    s += q[v % n];                                                      \
    free (q);                                                           \
    return next_link (s & 0xff);                                        \
  }
CHAIN (SMALL_LINK, small)

#define inlined_end end_of_chain
#define INLINED_LINK(this_link, next_link)                              \
  static inline int                                                     \
  this_link##_helper (int s, int v)                                     \
  {                                                                     \
    char *p = malloc (64);                                              \
    fill (p, v, 64);                                                    \
    int r = p[v & 63];                                                  \
    next_link ((s + r) & 0xff);                                         \
    return r;                                                           \
  }                                                                     \
  __attribute__ ((noinline)) static void                                \
  this_link (int v)                                                     \
  {                                                                     \
    LINK_FRAME (v);                                                     \
    this_link##_helper (s, v);                                          \
  }
CHAIN (INLINED_LINK, inlined)

#define dead_store_end end_of_chain
#define DEAD_STORE_LINK(this_link, next_link)                           \
  __attribute__ ((noinline)) static void                                \
  this_link (int v)                                                     \
  {                                                                     \
    LINK_FRAME (v);                                                     \
    LEAKED (v);                                                         \
    next_link (s & 0xff);                                               \
    calls_made = v;                                                     \
  }
CHAIN (DEAD_STORE_LINK, dead_store)

#define falls_off_end end_of_chain
#define FALLS_OFF_LINK(this_link, next_link)                            \
  __attribute__ ((noinline)) int                                        \
  this_link (int v)                                                     \
  {                                                                     \
    LINK_FRAME (v);                                                     \
    LEAKED (v);                                                         \
    next_link (s & 0xff);                                               \
  }
CHAIN (FALLS_OFF_LINK, falls_off)

#define RUN(chain)                                                      \
  static int                                                            \
  run_##chain (int v)                                                   \
  {                                                                     \
    chain##0 (v);                                                       \
    return result;                                                      \
  }
RUN (small)
RUN (inlined)
RUN (dead_store)
RUN (falls_off)

static void
check (int (*run) (int), int expected)
{
#ifdef __OPTIMIZE__
  int v = on_small_thread (run, 3);
#else
  /* -O0 makes no tail calls: the chain takes all its frames.  */
  int v = run (3);
#endif
  if (v != expected)
    abort ();
}

int
main (void)
{
  check (run_small, 43);
  check (run_inlined, 168);
  check (run_dead_store, 168);
  check (run_falls_off, 168);
  return 0;
}

/* { dg-final { scan-escape-json {"function":"small[0-9]+",.*"decision":"heap","reason":"unknown-size","reasons":\["unknown-size","stack-budget"\]} { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape-times "malloc\\(64\\) -> heap: stack-budget: it may be live at the call" 36 { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape-not "-> stack" { target { no-opts "-O0" } } } } */
