/* too-large-run.c needs another program: a 64 MiB object.  */
/* Objects above max-size (4096 bytes by default) keep the heap; the
   limit itself moves.  */
/* { dg-do compile } */
#include <stdlib.h>
#include <string.h>

int
at_limit (void)
{
  char *p = malloc (4096);
  memset (p, 0, 4096);
  int r = p[100];
  free (p);
  return r;
}

int
over_limit (void)
{
  char *p = malloc (4097);
  memset (p, 0, 4097);
  int r = p[100];
  free (p);
  return r;
}

int
calloc_product (void)
{
  char *p = calloc (1024, 8);
  int r = p[100];
  free (p);
  return r;
}

/* { dg-final { scan-escape "malloc\\(4096\\) -> stack: no-escape" } } */
/* { dg-final { scan-escape "malloc\\(4097\\) -> heap: too-large: 4097 bytes, above max-size 4096" } } */
/* { dg-final { scan-escape "calloc\\(1024, 8\\) -> heap: too-large: 8192 bytes" } } */
