/* tmpstruct: a temporary struct passed down to helpers.

   Summary statistics of a window of samples: the state is allocated,
   handed to an init, an update per sample and a finish helper, and freed.
   Code written for a streaming API, where the state outlives one call,
   is often reused like this for a one-shot computation.  The helpers are
   small and get inlined, so once the state is a local, SRA can scalarize
   it away entirely, as it does for the hand version.  (complex.c has
   helpers that stay out of line.)  */

#define BENCH_ITERATIONS 15000000L
#include "bench.h"

#define WINDOW 16

struct stats
{
  uint64_t count;
  int64_t sum;
  int64_t sum_squares;
  int min, max;
};

static void
stats_init (struct stats *st)
{
  st->count = 0;
  st->sum = 0;
  st->sum_squares = 0;
  st->min = INT32_MAX;
  st->max = INT32_MIN;
}

static void
stats_update (struct stats *st, int x)
{
  st->count++;
  st->sum += x;
  st->sum_squares += (int64_t) x * x;
  if (x < st->min)
    st->min = x;
  if (x > st->max)
    st->max = x;
}

static uint64_t
stats_finish (const struct stats *st)
{
  int64_t n = (int64_t) st->count;
  int64_t variance_n2 = n * st->sum_squares - st->sum * st->sum;
  return (uint64_t) variance_n2 ^ ((uint64_t) (st->max - st->min) << 40);
}

static uint64_t
window_summary (const unsigned char *samples)
{
#ifdef HAND_STACK
  struct stats state;
  struct stats *st = &state;
#else
  struct stats *st = malloc (sizeof *st); /* escape: stack */
  if (!st)
    abort ();
#endif
  stats_init (st);
  for (int i = 0; i < WINDOW; i++)
    stats_update (st, (signed char) samples[i]);
  uint64_t r = stats_finish (st);
#ifndef HAND_STACK
  free (st);
#endif
  return r;
}

static uint64_t
bench_run (const unsigned char *input, long iterations)
{
  uint64_t sum = 0;
  for (long i = 0; i < iterations; i++)
    {
      size_t off = (size_t) (i * 7) & (BENCH_INPUT_SIZE - WINDOW);
      sum = bench_mix (sum, window_summary (input + off));
    }
  return sum;
}
