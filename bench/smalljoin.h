/* Path joins of unbounded length (smalljoin-short.c, smalljoin-long.c).

   A build tool joins a directory and a file name into a fresh buffer to
   look the path up in its file cache, with no limit on the length: the
   size is not bounded, so the plugin gives the site the stack-if-small
   slot.  HAND_STACK is the small-buffer code a programmer writes for
   it: a 256-byte local array, malloc above.  NAME_LEN sets the names'
   length, and with it which side of 256 bytes the paths fall on.  */

#include "bench.h"
#include <string.h>

#define CACHE_SLOTS 1024
#define SMALL 256

static uint64_t cache[CACHE_SLOTS];

/* 1 if the path was cached already, 0 if it was added.  */
static int
cache_lookup (const char *dir, size_t dir_len, const char *name,
	      size_t name_len)
{
  size_t need = dir_len + 1 + name_len + 1;
#ifdef HAND_STACK
  char small[SMALL];
  char *path = need <= SMALL ? small : malloc (need);
#else
  char *path = malloc (need); /* escape: stack-if-small */
#endif
  if (!path)
    abort ();
  memcpy (path, dir, dir_len);
  path[dir_len] = '/';
  memcpy (path + dir_len + 1, name, name_len);
  path[dir_len + 1 + name_len] = 0;

  uint64_t h = 14695981039346656037ull;
  for (const char *c = path; *c; c++)
    h = (h ^ (unsigned char) *c) * 1099511628211ull;
  h |= 1;
  int found = cache[h % CACHE_SLOTS] == h;
  cache[h % CACHE_SLOTS] = h;
#ifdef HAND_STACK
  if (path != small)
#endif
    free (path);
  return found;
}

static uint64_t
bench_run (const unsigned char *input, long iterations)
{
  static const char *const dirs[] = { "src", "src/lib/compat",
				      "build/out/objects", "include/sys" };
  /* File names from the input: 16 names of NAME_LEN to NAME_LEN + 39
     letters.  */
  static char names[16][NAME_LEN + 40];
  size_t name_len[16];
  for (int f = 0; f < 16; f++)
    {
      name_len[f] = NAME_LEN + input[f * 48] % 40;
      for (size_t k = 0; k < name_len[f]; k++)
	names[f][k] = 'a' + input[(f * 48 + 1 + k) % BENCH_INPUT_SIZE] % 26;
      names[f][name_len[f]] = 0;
    }
  size_t dir_len[4];
  for (int d = 0; d < 4; d++)
    dir_len[d] = strlen (dirs[d]);

  uint64_t sum = 0;
  for (long i = 0; i < iterations; i++)
    {
      int d = (i >> 4) & 3, f = (int) ((i * 5) & 15);
      int r = cache_lookup (dirs[d], dir_len[d], names[f], name_len[f]);
      sum = bench_mix (sum, (uint64_t) (r + 1));
    }
  return sum;
}
