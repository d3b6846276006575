/* Callees of late-lto-summary-run.c, in a unit of their own: what each
   does with its parameter is all the link knows of it.  */
#include <pthread.h>
#include <stdlib.h>

char *kept;

__attribute__ ((noinline)) int
sum_bytes (const char *p, int n)
{
  int s = 0;
  for (int i = 0; i < n; i++)
    s += p[i];
  return s;
}

__attribute__ ((noinline)) void
keep (char *p)
{
  kept = p;
}

__attribute__ ((noinline)) void
release (char *p)
{
  free (p);
}

__attribute__ ((noinline)) char *
same (char *p)
{
  return p;
}

static pthread_t reader_thread;
static int reader_sum;

static void *
reader (void *arg)
{
  reader_sum = sum_bytes (arg, 100);
  free (arg);
  return NULL;
}

__attribute__ ((noinline)) void
start_reader (char *p)
{
  if (pthread_create (&reader_thread, NULL, reader, p))
    abort ();
}

int
join_reader (void)
{
  pthread_join (reader_thread, NULL);
  return reader_sum;
}
