/* gdb can print a moved object: it is an ordinary array in its
   function's frame, reached through the pointer the program keeps.
   gdb.exp stops in consume () and prints the bytes, and checks that they
   lie above consume's stack pointer, in a caller's frame, not on the
   heap (which is far below the stack).  The array itself is a compiler
   temporary with no name in the debug info.  */
#include <stdlib.h>
#include <string.h>

__attribute__((noinline)) static int
consume (const char *buf, int n)
{
  int s = 0;
  for (int i = 0; i < n; i++)
    s += buf[i];
  return s;
}

int
main (void)
{
  char *msg = malloc (16);
  strcpy (msg, "escape-gdb");
  int r = consume (msg, 10);
  free (msg);
  return r == 0;
}
