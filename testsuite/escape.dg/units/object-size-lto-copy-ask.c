/* The external definition of measure, the one that asks.  */
#include <stddef.h>
#define ASK_SIZE
#include "object-size-lto-copy.h"

extern inline size_t measure (char *d);
