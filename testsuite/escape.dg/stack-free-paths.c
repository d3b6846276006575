/* A buffer freed on several return paths moves; every free goes.  */
/* { dg-do compile } */
/* { dg-options "-O2 -fdump-tree-optimized" } */
#include <stdlib.h>
#include <string.h>

int
parse (const char *s)
{
  char *buf = malloc (64);
  strncpy (buf, s, 63);
  buf[63] = 0;
  if (buf[0] == 'a')
    {
      free (buf);
      return 1;
    }
  if (buf[0] == 'b')
    {
      free (buf);
      return 2;
    }
  int r = buf[1];
  free (buf);
  return r;
}

/* { dg-final { scan-escape "stack-free-paths.c:10:15: malloc\\(64\\) -> stack: no-escape: freed at stack-free-paths.c:15:7, stack-free-paths.c:20:7, stack-free-paths.c:24:3" } } */
/* { dg-final { scan-escape "parse: 1 site, 1 stack, 0 heap" } } */
/* { dg-final { scan-tree-dump-not "free \\(" "optimized" } } */
/* { dg-final { scan-tree-dump-not "malloc \\(" "optimized" } } */
