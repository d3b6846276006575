/* { dg-do run } */
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
