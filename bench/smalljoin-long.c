/* smalljoin-long: path joins of 310 to 368 bytes, all on the heap past
   the slot of stack-if-small (smalljoin.h): what the test costs.  */

#define BENCH_ITERATIONS 3000000L
#define NAME_LEN 300
#include "smalljoin.h"
