/* smalldup-long: smalltoken-long with strndup: tokens of 300 to 307
   bytes, or keywords, most on the heap past the slot of stack-if-small
   (smalltoken.h).  */

#define BENCH_ITERATIONS 3000000L
#define WORD_LEN 300
#define COPY_WITH_STRNDUP
#include "smalltoken.h"
