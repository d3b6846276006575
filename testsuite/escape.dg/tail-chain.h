/* Chains of twelve functions with 7000-byte frames, each of which ends
   in a call that GCC may make a jump, for the tests of tail calls.  A
   chain of tail calls holds one frame at a time, 7 KiB of the 64 KiB
   thread of small-thread.h; if the calls stay real ones, all twelve
   frames, 84 KiB, pass its end.  The tests build with stack-clash
   protection, which probes each frame's pages, so such a frame meets
   the thread's guard page rather than jumping over it.

   A test defines LINK (this_link, next_link) and the chain's end,
   NAME_end, and writes CHAIN (LINK, NAME) for NAME0 to NAME11.  NAME_end
   calls FILL, so that the call to it is no call after which nothing
   chains (chain_end_call_p), and the last link is like the others.  */
#include <stdlib.h>
#include "opaque-fill.h"
#include "small-thread.h"

/* The start of a link: its frame, and S, read from it.  */
#define LINK_FRAME(v)                                                   \
  volatile char frame[7000];                                            \
  for (int i = 0; i < 7000; i++)                                        \
    frame[i] = (char) (i ^ (v));                                        \
  int s = frame[((v) * 13) % 7000] + frame[((v) * 7 + 1) % 7000]

/* A never-freed object, live from here on, one byte of which goes into
   S.  */
#define LEAKED(v)                                                       \
  char *p = malloc (64);                                                \
  fill (p, v, 64);                                                      \
  s += p[(v) & 63]

#define CHAIN(LINK, name)                                               \
  LINK (name##11, name##_end)                                           \
  LINK (name##10, name##11)                                             \
  LINK (name##9, name##10)                                              \
  LINK (name##8, name##9)                                               \
  LINK (name##7, name##8)                                               \
  LINK (name##6, name##7)                                               \
  LINK (name##5, name##6)                                               \
  LINK (name##4, name##5)                                               \
  LINK (name##3, name##4)                                               \
  LINK (name##2, name##3)                                               \
  LINK (name##1, name##2)                                               \
  LINK (name##0, name##1)
