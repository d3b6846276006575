/* smalldup-short: smalltoken-short with strndup: tokens of 2 to 9
   bytes, all in the slot of stack-if-small (smalltoken.h).  */

#define BENCH_ITERATIONS 12000000L
#define WORD_LEN 2
#define COPY_WITH_STRNDUP
#include "smalltoken.h"
