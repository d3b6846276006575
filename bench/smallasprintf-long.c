/* smallasprintf-long: smallformat-long with asprintf: messages of 320 to
   330 bytes, formatted into the slot of stack-if-small, which they do
   not fit, and again onto the heap (smallformat.h).  */

#define BENCH_ITERATIONS 1000000L
#define PAD 300
#define FORMAT_WITH_ASPRINTF
#include "smallformat.h"
