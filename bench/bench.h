/* Harness shared by the runtime benchmarks (bench/run.py builds and runs
   them; docs/performance.md describes the four variants).

   A benchmark defines BENCH_ITERATIONS, includes this header, and then
   defines
     static uint64_t bench_run (const unsigned char *input, long iterations);
   main fills INPUT with pseudo-random
   bytes from a seed the compiler cannot see, times bench_run alone and
   prints

     checksum=<16 hex digits> time_ns=<wall time> cpu_ns=<CPU time>

   The checksum depends on all the work, so no compiler can drop it, and
   the variants must agree on it.  The CPU time leaves out the time the
   process waited for a CPU, which wall time counts on a busy machine.  An optional argument divides the
   iteration count, for runs under valgrind.

   Allocation failures abort: a benchmark that printed a checksum ran all
   of its work.  */

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

/* Bytes of pseudo-random input every benchmark reads from.  */
#define BENCH_INPUT_SIZE (1 << 16)

/* Not static and not inlined: the runner tells valgrind to count
   instructions from the call of this function on (--toggle-collect).  */
__attribute__ ((noinline)) uint64_t bench_work (const unsigned char *input,
						long iterations);

static uint64_t bench_run (const unsigned char *input, long iterations);

uint64_t
bench_work (const unsigned char *input, long iterations)
{
  return bench_run (input, iterations);
}

/* Read by main, so the input is not a compile-time constant.  */
volatile uint64_t bench_seed = 0x9e3779b97f4a7c15ull;

static uint64_t
bench_next (uint64_t *state)
{
  /* xorshift64*: fast, and the same on every compiler.  */
  *state ^= *state >> 12;
  *state ^= *state << 25;
  *state ^= *state >> 27;
  return *state * 0x2545f4914f6cdd1dull;
}

/* Mix VALUE into the running checksum HASH.  */
static inline uint64_t
bench_mix (uint64_t hash, uint64_t value)
{
  hash ^= value + 0x9e3779b97f4a7c15ull + (hash << 6) + (hash >> 2);
  return hash;
}

static void *
bench_xmalloc (size_t size)
{
  void *p = malloc (size);
  if (!p)
    abort ();
  return p;
}

static long long
bench_ns (const struct timespec *from, const struct timespec *to)
{
  return (long long) (to->tv_sec - from->tv_sec) * 1000000000
	 + (to->tv_nsec - from->tv_nsec);
}

int
main (int argc, char **argv)
{
  long divisor = argc > 1 ? atol (argv[1]) : 1;
  if (divisor < 1)
    divisor = 1;

  unsigned char *input = bench_xmalloc (BENCH_INPUT_SIZE);
  uint64_t state = bench_seed;
  for (size_t i = 0; i < BENCH_INPUT_SIZE; i++)
    input[i] = (unsigned char) (bench_next (&state) >> 56);

  struct timespec start, end, cpu_start, cpu_end;
  clock_gettime (CLOCK_MONOTONIC, &start);
  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &cpu_start);
  uint64_t checksum = bench_work (input, BENCH_ITERATIONS / divisor);
  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &cpu_end);
  clock_gettime (CLOCK_MONOTONIC, &end);

  printf ("checksum=%016llx time_ns=%lld cpu_ns=%lld\n",
	  (unsigned long long) checksum, bench_ns (&start, &end),
	  bench_ns (&cpu_start, &cpu_end));
  free (input);
  return 0;
}
