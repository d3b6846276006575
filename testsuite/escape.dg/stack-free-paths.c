/* A buffer freed on several return paths moves; every free goes.  */
/* { dg-do run } */
/* { dg-options "-fdump-tree-optimized" } */
#include <stdlib.h>
#include <string.h>

__attribute__((noinline)) static int
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

int
main (void)
{
  for (int i = 0; i < 100000; i++)
    if (parse ("apple") != 1 || parse ("bee") != 2 || parse ("cx") != 'x')
      abort ();
  return 0;
}

/* { dg-final { scan-escape "stack-free-paths.c:10:15: malloc\\(64\\) -> stack: no-escape: freed at stack-free-paths.c:15:7, stack-free-paths.c:20:7, stack-free-paths.c:24:3" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape "parse: 1 site, 1 stack, 0 heap" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-tree-dump-not "free \\(" "optimized" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-tree-dump-not "malloc \\(" "optimized" { target { no-opts "-O0" } } } } */
