/* Formatted strings of their exact length, as asprintf makes them
   (smallformat-short.c, smallformat-long.c).

   A logger measures a message with snprintf (NULL, 0, ...), allocates
   its length plus one, formats it and hashes it.  The length is
   whatever the arguments make: the plugin gives the site the
   stack-if-small slot.  HAND_STACK is the small-buffer code a
   programmer writes for it.  PAD sets the messages' length.  */

#include "bench.h"
#include <string.h>

#define SMALL 256

static uint64_t
message (const char *who, unsigned id, unsigned code)
{
  int n = snprintf (NULL, 0, "%s#%u: code %u%*s", who, id, code, PAD, "");
  if (n < 0)
    abort ();
  size_t need = (size_t) n + 1;
#ifdef HAND_STACK
  char small[SMALL];
  char *text = need <= SMALL ? small : malloc (need);
#else
  char *text = malloc (need); /* escape: stack-if-small */
#endif
  if (!text)
    abort ();
  snprintf (text, need, "%s#%u: code %u%*s", who, id, code, PAD, "");
  uint64_t h = 14695981039346656037ull;
  for (size_t i = 0; i < (size_t) n; i += 8)
    h = (h ^ (unsigned char) text[i]) * 1099511628211ull;
#ifdef HAND_STACK
  if (text != small)
#endif
    free (text);
  return h;
}

static uint64_t
bench_run (const unsigned char *input, long iterations)
{
  static const char *const who[] = { "net", "disk", "scheduler", "auth" };
  uint64_t sum = 0;
  for (long i = 0; i < iterations; i++)
    sum = bench_mix (sum, message (who[input[i % BENCH_INPUT_SIZE] % 4],
				   (unsigned) i, input[(i * 7) % BENCH_INPUT_SIZE]));
  return sum;
}
