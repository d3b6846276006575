/* snprintf: a string formatted into a scratch buffer, then copied out.

   A logger builds "name:id" keys: it formats into a scratch buffer to learn
   the length, truncates to the caller's field and copies the key out.  */

#define BENCH_ITERATIONS 3000000L
#include "bench.h"
#include <string.h>

#define SCRATCH 64
#define FIELD 24

static size_t
format_key (char *out, const char *name, unsigned id)
{
#ifdef HAND_STACK
  char tmp[SCRATCH];
#else
  char *tmp = malloc (SCRATCH); /* escape: stack */
  if (!tmp)
    abort ();
#endif
  int n = snprintf (tmp, SCRATCH, "%s:%u", name, id);
  size_t len = n < 0 ? 0 : (size_t) n >= FIELD ? FIELD - 1 : (size_t) n;
  memcpy (out, tmp, len);
  out[len] = 0;
#ifndef HAND_STACK
  free (tmp);
#endif
  return len;
}

static uint64_t
bench_run (const unsigned char *input, long iterations)
{
  static const char *const names[] = { "net", "disk", "scheduler",
				       "memory-pressure" };
  uint64_t sum = 0;
  for (long i = 0; i < iterations; i++)
    {
      char field[FIELD];
      size_t off = (size_t) (i * 4) & (BENCH_INPUT_SIZE - 4);
      unsigned id = input[off] | input[off + 1] << 8 | input[off + 2] << 16;
      size_t len = format_key (field, names[i & 3], id);
      sum = bench_mix (sum, len);
      for (size_t k = 0; k < len; k++)
	sum = sum * 31 + (unsigned char) field[k];
    }
  return sum;
}
