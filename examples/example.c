/* A small program with allocation sites that stay on the heap for
   different reasons, and some that move to the stack.  */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct point { int x, y; };

char *global_buffer;

static int sum_points (const struct point *pts, int n)
{
  int s = 0;
  for (int i = 0; i < n; i++)
    s += pts[i].x + pts[i].y;
  return s;
}

int temporary (int n)
{
  struct point *pts = malloc (16 * sizeof *pts);
  if (!pts)
    return -1;
  for (int i = 0; i < 16; i++)
    pts[i] = (struct point) { i, n - i };
  int s = sum_points (pts, 16);
  free (pts);
  return s;
}

int histogram (const unsigned char *data, int len)
{
  int *counts = calloc (256, sizeof *counts);
  for (int i = 0; i < len; i++)
    counts[data[i]]++;
  int best = 0;
  for (int b = 1; b < 256; b++)
    if (counts[b] > counts[best])
      best = b;
  free (counts);
  return best;
}

char *make_copy (const char *s)
{
  char *copy = malloc (strlen (s) + 1);
  strcpy (copy, s);
  return copy;
}

void remember (void)
{
  global_buffer = malloc (64);
}

int big (void)
{
  char *huge = malloc (1 << 20);
  huge[0] = 1;
  int r = huge[0];
  free (huge);
  return r;
}

int main (void)
{
  char *s = make_copy ("example");
  remember ();
  printf ("%d %d %s %d\n", temporary (7), histogram ((const unsigned char *) s, 7), s, big ());
  free (s);
  free (global_buffer);
  return 0;
}
