/* A log on standard error.  */
#include <stdio.h>
#include <stdlib.h>
#include "multi.h"

static char *log_prefix;

/* The prefix is kept in a static variable (stored-global).  The buffer
   of stderr goes to setvbuf, which keeps it: passed-to-call, to the C
   library, where no change in this program can help.  */
void
log_open (void)
{
  log_prefix = malloc (16);
  if (log_prefix)
    snprintf (log_prefix, 16, "multi: ");
  char *buffer = malloc (1024);
  if (buffer)
    setvbuf (stderr, buffer, _IOLBF, 1024);
}

void
log_close (void)
{
  free (log_prefix);
  log_prefix = NULL;
}

void
log_line (const char *s)
{
  fprintf (stderr, "%s%s\n", log_prefix ? log_prefix : "", s);
}

/* A temporary that is freed before returning, aligned as asked.  It
   keeps the heap: log_line writes to a stream, and a write may send
   SIGPIPE, whose handler may call log_hex again (recursive).  */
void
log_hex (const unsigned char *data, size_t n)
{
  char *hex = aligned_alloc (16, 48);
  if (!hex)
    return;
  for (size_t i = 0; i < n && i < 16; i++)
    snprintf (hex + 2 * i, 3, "%02x", data[i]);
  hex[2 * (n < 16 ? n : 16)] = 0;
  log_line (hex);
  free (hex);
}
