/* The printed report.  */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "multi.h"

/* The line goes to log_line, defined in another file: the plugin cannot
   see what it does with it (passed-to-call).  */
void
print_report (const struct table *t)
{
  char *line = malloc (128);
  if (!line)
    return;
  snprintf (line, 128, "%u words, longest chain %u", table_size (t),
	    table_longest_chain (t));
  log_line (line);
  free (line);
}

/* Read out of line, so that the blocks stay in the frame.  */
__attribute__ ((noinline)) static unsigned
sum_bytes (const char *p, unsigned n)
{
  unsigned sum = 0;
  for (unsigned i = 0; i < n; i++)
    sum += (unsigned char) p[i];
  return sum;
}

/* Nine 4 KiB blocks: the first eight fill the default frame budget of
   32768 bytes, so the ninth stays on the heap (frame-budget).  */
#define BLOCK(p) \
  char *p = malloc (4096); \
  if (!p) \
    return 0; \
  memset (p, s[0], 4096); \
  sum += sum_bytes (p, 4096); \
  free (p)

unsigned
checksum_blocks (const char *s)
{
  unsigned sum = 0;
  BLOCK (b1); BLOCK (b2); BLOCK (b3); BLOCK (b4); BLOCK (b5);
  BLOCK (b6); BLOCK (b7); BLOCK (b8); BLOCK (b9);
  return sum;
}
