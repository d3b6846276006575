/* bounded: a variable size with a small proven bound.

   A record reader copies each variable-length label out of the input to
   clean it up, truncated to the 64 bytes the format allows; the size is
   known only at run time, and the truncation bounds it.  */

#define BENCH_ITERATIONS 6000000L
#include "bench.h"
#include <string.h>

#define MAX_LABEL 64

static uint64_t
label_hash (const unsigned char *src, size_t n)
{
  if (n > MAX_LABEL)
    n = MAX_LABEL;
#ifdef HAND_STACK
  unsigned char label[MAX_LABEL];
#else
  unsigned char *label = malloc (n); /* escape: stack */
  if (!label)
    abort ();
#endif
  memcpy (label, src, n);
  /* Clean up: control bytes become spaces, then hash what is left.  */
  uint64_t h = n;
  for (size_t i = 0; i < n; i++)
    {
      if (label[i] < 32)
	label[i] = ' ';
      h = h * 31 + label[i];
    }
#ifndef HAND_STACK
  free (label);
#endif
  return h;
}

static uint64_t
bench_run (const unsigned char *input, long iterations)
{
  uint64_t sum = 0;
  for (long i = 0; i < iterations; i++)
    {
      size_t off = (size_t) (i * 131) & (BENCH_INPUT_SIZE - 256);
      /* Lengths up to 95: about a third are truncated.  */
      size_t n = input[off] % 96;
      sum = bench_mix (sum, label_hash (input + off + 1, n));
    }
  return sum;
}
