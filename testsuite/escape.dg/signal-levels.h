/* The levels of the signal tests' recursions: each takes four 4 KiB
   objects, freed after the call that runs the handler, which descends
   one level more while DEPTH_LEFT lasts.  Moved, they would add 16 KiB
   to each level's frame.  */
#include <stdlib.h>
#include <string.h>

static int depth_left;
static long sum;

#define TAKE(p)                                                         \
  char *p = malloc (4096);                                              \
  memset (p, 1, 4096)
#define GIVE_BACK(p)                                                    \
  sum += p[depth_left & 4095];                                          \
  free (p)
