/* hashset: a small hash-set scratch table.

   An encoder counts the distinct symbols in each window of 24 values, to
   choose between a dictionary and a literal encoding, with a zeroed
   open-addressing table of 64 slots that lives for one window.  256 bytes,
   above LLVM's 128-byte limit.  */

#define BENCH_ITERATIONS 3000000L
#include "bench.h"

#define WINDOW 24
#define SLOTS 64

static unsigned
distinct_symbols (const unsigned char *window)
{
#ifdef HAND_STACK
  uint32_t slots[SLOTS] = { 0 };
#else
  uint32_t *slots = calloc (SLOTS, sizeof *slots); /* escape: stack */
  if (!slots)
    abort ();
#endif
  unsigned distinct = 0;
  for (int i = 0; i < WINDOW; i++)
    {
      /* Two input bytes make a symbol; 0 marks an empty slot.  */
      uint32_t key = (uint32_t) (window[2 * i] << 8 | window[2 * i + 1]) + 1;
      uint32_t s = (key * 2654435761u) >> 26;
      while (slots[s] && slots[s] != key)
	s = (s + 1) & (SLOTS - 1);
      if (!slots[s])
	{
	  slots[s] = key;
	  distinct++;
	}
    }
#ifndef HAND_STACK
  free (slots);
#endif
  return distinct;
}

static uint64_t
bench_run (const unsigned char *input, long iterations)
{
  uint64_t sum = 0;
  for (long i = 0; i < iterations; i++)
    {
      /* Every fourth window repeats a 3-byte pattern: few distinct
	 symbols, the case the dictionary coder is for.  */
      size_t off = (size_t) (i * 3) & (BENCH_INPUT_SIZE - 2 * WINDOW);
      unsigned char buf[2 * WINDOW];
      for (int k = 0; k < 2 * WINDOW; k++)
	buf[k] = (i & 3) ? input[off + k] : input[off + k % 3];
      sum = bench_mix (sum, distinct_symbols (buf));
    }
  return sum;
}
