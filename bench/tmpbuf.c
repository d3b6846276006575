/* tmpbuf: a fixed-size temporary buffer in a hot function.

   A header parser canonicalises each header name before it looks it up:
   lower case, '_' to '-', copied into a scratch buffer as long as the
   longest name it accepts.  The buffer is 256 bytes, twice LLVM's
   HeapToStack limit of 128.  */

#define BENCH_ITERATIONS 8000000L
#include "bench.h"

#define MAX_NAME 256

static uint64_t
canonical_hash (const unsigned char *name, size_t len)
{
#ifdef HAND_STACK
  unsigned char buf[MAX_NAME];
#else
  unsigned char *buf = malloc (MAX_NAME); /* escape: stack */
  if (!buf)
    abort ();
#endif
  if (len > MAX_NAME)
    len = MAX_NAME;
  for (size_t i = 0; i < len; i++)
    {
      unsigned char c = name[i];
      if (c >= 'A' && c <= 'Z')
	c += 'a' - 'A';
      else if (c == '_')
	c = '-';
      buf[i] = c;
    }
  /* FNV-1a over the canonical name, as the lookup would.  */
  uint64_t h = 14695981039346656037ull;
  for (size_t i = 0; i < len; i++)
    h = (h ^ buf[i]) * 1099511628211ull;
#ifndef HAND_STACK
  free (buf);
#endif
  return h;
}

static uint64_t
bench_run (const unsigned char *input, long iterations)
{
  uint64_t sum = 0;
  for (long i = 0; i < iterations; i++)
    {
      size_t off = (size_t) (i * 97) & (BENCH_INPUT_SIZE - 64);
      size_t len = 4 + input[off] % 24;
      sum = bench_mix (sum, canonical_hash (input + off + 1, len));
    }
  return sum;
}
