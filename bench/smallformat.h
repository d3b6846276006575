/* Formatted strings of their exact length, as asprintf makes them
   (smallformat-short.c, smallformat-long.c), or with asprintf itself
   (FORMAT_WITH_ASPRINTF: smallasprintf-short.c, smallasprintf-long.c).

   A logger measures a message with snprintf (NULL, 0, ...), allocates
   its length plus one, formats it and hashes it.  The length is
   whatever the arguments make: the plugin gives the site the
   stack-if-small slot.  HAND_STACK is the small-buffer code a
   programmer writes for it: formatted into the buffer, and again onto
   the heap when it does not fit.  PAD sets the messages' length.  */

#define _GNU_SOURCE
#include "bench.h"
#include <string.h>

#define SMALL 256

#define MESSAGE_FORMAT "%s#%u: code %u%*s"
#define MESSAGE_ARGS who, id, code, PAD, ""

/* Whether making the message of N bytes in TEXT failed: asprintf sets
   N, malloc takes it.  */
#ifdef FORMAT_WITH_ASPRINTF
# define NEW_MESSAGE_FAILS(text, n) \
  ((n = asprintf (&text, MESSAGE_FORMAT, MESSAGE_ARGS)) < 0)
#else
# define NEW_MESSAGE_FAILS(text, n) \
  (!(text = malloc ((size_t) n + 1)) \
   || snprintf (text, (size_t) n + 1, MESSAGE_FORMAT, MESSAGE_ARGS) != n)
#endif

static uint64_t
message (const char *who, unsigned id, unsigned code)
{
  char *text;
  int n = 0;
#ifndef FORMAT_WITH_ASPRINTF
  n = snprintf (NULL, 0, MESSAGE_FORMAT, MESSAGE_ARGS);
  if (n < 0)
    abort ();
#endif
#ifdef HAND_STACK
  char small[SMALL];
# ifdef FORMAT_WITH_ASPRINTF
  n = snprintf (small, SMALL, MESSAGE_FORMAT, MESSAGE_ARGS);
  if (n < 0)
    abort ();
# endif
  if (n < SMALL)
    {
      text = small;
#ifndef FORMAT_WITH_ASPRINTF
      snprintf (text, SMALL, MESSAGE_FORMAT, MESSAGE_ARGS);
#endif
    }
  else
#endif
  if (NEW_MESSAGE_FAILS (text, n)) /* escape: stack-if-small */
    abort ();
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
