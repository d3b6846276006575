/* The other unit of tail-recursion-barrier-run.c: functions whose bodies
   that unit cannot see.  */
int walk_unreachable (int);

char *kept;

void
keep (char *p)
{
  kept = p;
}

int
next_level (int n)
{
  return walk_unreachable (n - 1);
}
