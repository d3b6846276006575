/* histogram: calloc'd counters.

   A block coder picks the most frequent byte of each 64-byte block as its
   fill byte, from a histogram of 256 counters that starts at zero for
   every block.  1 KiB of counters, above LLVM's 128-byte limit.  */

#define BENCH_ITERATIONS 2000000L
#include "bench.h"

#define BLOCK 64

static unsigned
most_frequent_byte (const unsigned char *block)
{
#ifdef HAND_STACK
  unsigned counts[256] = { 0 };
#else
  unsigned *counts = calloc (256, sizeof *counts); /* escape: stack */
  if (!counts)
    abort ();
#endif
  /* The first byte to reach the highest count wins.  */
  unsigned best = block[0];
  for (int i = 0; i < BLOCK; i++)
    if (++counts[block[i]] > counts[best])
      best = block[i];
#ifndef HAND_STACK
  free (counts);
#endif
  return best;
}

static uint64_t
bench_run (const unsigned char *input, long iterations)
{
  uint64_t sum = 0;
  for (long i = 0; i < iterations; i++)
    {
      size_t off = (size_t) (i * BLOCK) & (BENCH_INPUT_SIZE - BLOCK);
      sum = bench_mix (sum, most_frequent_byte (input + off));
    }
  return sum;
}
