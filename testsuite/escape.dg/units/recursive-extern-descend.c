/* The other unit of recursive-extern-run.c and recursive-lto-run.c.  */
int parse (int);

int
descend (int n)
{
  return parse (n) + 1;
}
