/* smalljoin-short: path joins of 10 to 68 bytes, all in the slot of
   stack-if-small (smalljoin.h).  */

#define BENCH_ITERATIONS 6000000L
#define NAME_LEN 2
#include "smalljoin.h"
