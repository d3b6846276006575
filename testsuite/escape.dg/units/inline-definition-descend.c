/* The external definition of step for inline-definition-recursive-run.c:
   unlike the inline one, it calls back into walk.  */
int walk (int n);

int
step (int n)
{
  return n > 0 ? walk (n - 1) : 0;
}
