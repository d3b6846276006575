/* The stack guarantee of docs/rules.md: a 64 KiB thread whose frames take
   24 KiB without the plugin still runs when the moves fill the whole
   stack budget.  Here a chain of four frames each holds 32 slots of the
   small-size path, 32 KiB in all, and the registers around them spill a
   little more than the slots; with 27.4 KiB of frames instead of 24 the
   thread overflowed.  */
/* { dg-do run } */
/* { dg-options "-pthread" } */
#include <stdlib.h>
#include <string.h>
#include "small-thread.h"

__attribute__ ((noinline)) size_t
opaque (size_t x)
{
  return x;
}

__attribute__ ((noinline)) int
first (const char *p)
{
  return p[0];
}

#define TAKE(i)                                                         \
  char *p##i = malloc (opaque (i + 1));                                 \
  memset (p##i, d + i, opaque (i + 1));                                 \
  s += first (p##i);
#define GIVE_BACK(i)                                                    \
  s += first (p##i);                                                    \
  free (p##i);
#define TAKE8(j)                                                        \
  TAKE (j##0) TAKE (j##1) TAKE (j##2) TAKE (j##3)                       \
  TAKE (j##4) TAKE (j##5) TAKE (j##6) TAKE (j##7)
#define GIVE_BACK8(j)                                                   \
  GIVE_BACK (j##0) GIVE_BACK (j##1) GIVE_BACK (j##2) GIVE_BACK (j##3)   \
  GIVE_BACK (j##4) GIVE_BACK (j##5) GIVE_BACK (j##6) GIVE_BACK (j##7)
#define LINK(name, next)                                                \
  __attribute__ ((noinline)) int                                        \
  name (int d)                                                          \
  {                                                                     \
    int s = d;                                                          \
    TAKE8 (1) TAKE8 (2) TAKE8 (3) TAKE8 (4)                             \
    s += next (s);                                                      \
    GIVE_BACK8 (1) GIVE_BACK8 (2) GIVE_BACK8 (3) GIVE_BACK8 (4)         \
    return s;                                                           \
  }

static int
last (int d)
{
  return d;
}

LINK (link3, last)
LINK (link2, link3)
LINK (link1, link2)
LINK (link0, link1)

/* The rest of the thread's 24 KiB.  */
static int
deep (int d)
{
  volatile char used[22 * 1024];
  used[0] = 1;
  used[sizeof used - 1] = 2;
  return link0 (d) + used[0];
}

int
main (void)
{
  if (on_small_thread (deep, 1) != 2662)
    abort ();
  return 0;
}

/* { dg-final { scan-escape "link3: 32 sites, 0 stack, 32 stack-if-small, 0 heap" { target { no-opts "-O0" } } } } */
