/* A third unit of late-lto-summary-run.c, whose functions pass their
   parameter on to the callees' unit: their compile-time summaries see
   only unknown calls.  */
int sum_bytes (const char *p, int n);
void keep (char *p);

__attribute__ ((noinline)) int
relay (char *p, int n)
{
  return sum_bytes (p, n) + sum_bytes (p, n / 2);
}

__attribute__ ((noinline)) void
relay_keep (char *p)
{
  keep (p);
}
