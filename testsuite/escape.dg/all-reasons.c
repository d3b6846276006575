/* The JSON report lists every rule a site fails, in rule order; the
   dump line and the remarks still name the first, and dump=details adds
   the others on an "also fails" line.  */
/* { dg-do compile } */
/* { dg-options "-O2 -fplugin-arg-escape-dump=details" } */
#include <stdlib.h>
#include <string.h>

struct node
{
  struct node *next;
  char pad[8000];
};

/* Too large, and each node lives on into the next iteration.  */
int
large_and_carried (int n)
{
  struct node *head = 0;
  for (int i = 0; i < n; i++)
    {
      struct node *x = malloc (sizeof *x);
      x->next = head;
      head = x;
    }
  int count = 0;
  while (head)
    {
      struct node *next = head->next;
      free (head);
      head = next;
      count++;
    }
  return count;
}

/* Too large, and its address goes to inline asm.  */
int
large_and_exposed (void)
{
  char *p = malloc (5000);
  __asm__ volatile ("" : : "r" (p));
  memset (p, 0, 5000);
  int r = p[7];
  free (p);
  return r;
}

/* Too large, and nothing else.  */
int
large_only (void)
{
  char *p = malloc (5001);
  memset (p, 0, 5001);
  int r = p[7];
  free (p);
  return r;
}

int
small (void)
{
  char *p = malloc (16);
  memset (p, 0, 16);
  int r = p[7];
  free (p);
  return r;
}

/* { dg-final { scan-escape "malloc\\(8008\\) -> heap: too-large: 8008 bytes, above max-size 4096$" } } */
/* { dg-final { scan-escape "malloc\\(5000\\) -> heap: too-large: 5000 bytes, above max-size 4096$" } } */
/* { dg-final { scan-escape-json {"function":"large_and_carried",.*"reason":"too-large","reasons":\["too-large","loop-carried"\],} } } */
/* { dg-final { scan-escape-json {"function":"large_and_exposed",.*"reason":"too-large","reasons":\["too-large","address-exposed"\],} } } */
/* { dg-final { scan-escape-json {"function":"large_only",.*"reason":"too-large","reasons":\["too-large"\],} } } */
/* { dg-final { scan-escape-json {"function":"small",.*"decision":"stack","reason":"no-escape","reasons":\[\],} } } */
/* { dg-final { scan-escape-json-times {"reasons":} 4 } } */
/* { dg-final { scan-tree-dump-times {^  also fails: } 2 escape } } */
/* { dg-final { scan-tree-dump {^escape: all-reasons.c:22:24: .*\n  also fails: loop-carried$} escape } } */
/* { dg-final { scan-tree-dump {^escape: all-reasons.c:41:13: .*\n  also fails: address-exposed$} escape } } */
