/* smallasprintf-short: smallformat-short with asprintf: messages of 20
   to 30 bytes, all in the slot of stack-if-small (smallformat.h).  */

#define BENCH_ITERATIONS 2000000L
#define PAD 0
#define FORMAT_WITH_ASPRINTF
#include "smallformat.h"
