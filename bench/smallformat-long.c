/* smallformat-long: messages of 320 to 330 bytes, all on the heap past
   the slot of stack-if-small (smallformat.h).  */

#define BENCH_ITERATIONS 1000000L
#define PAD 300
#include "smallformat.h"
