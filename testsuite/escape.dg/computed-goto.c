/* A threaded interpreter: computed gotos make its loop, and it is a
   loop like any other.  A scratch buffer used within one instruction may
   move; the nodes of its stack live on into later instructions and must
   not share one slot.  */
/* { dg-do run } */
#include <stdlib.h>
#include <string.h>

struct node { struct node *below; int value; };

enum { PUSH, ADD, SCRATCH, POP, HALT };

__attribute__((noinline)) int
interpret (const unsigned char *code)
{
  static void *const ops[] = { &&push, &&add, &&scratch, &&pop, &&halt };
  struct node *top = 0;
  /* The values again, beside the nodes: the result is computed from
     these, and the nodes' own values are only compared with them, so no
     rule but the loop's keeps the nodes on the heap.  */
  int vals[16], depth = 0;
  int acc = 0;
  const unsigned char *pc = code;

  goto *ops[*pc++];

push:
  {
    struct node *n = malloc (sizeof *n);
    n->value = vals[depth++] = *pc++;
    n->below = top;
    top = n;
  }
  goto *ops[*pc++];

add:
  if (top->value != vals[depth - 1] || top->below->value != vals[depth - 2])
    abort ();
  acc += vals[depth - 2] + vals[depth - 1];
  goto *ops[*pc++];

scratch:
  {
    char *buf = malloc (32);
    memset (buf, *pc++, 32);
    acc += buf[0] + buf[31];
    free (buf);
  }
  goto *ops[*pc++];

pop:
  {
    struct node *n = top;
    if (n->value != vals[--depth])
      abort ();
    acc = acc * 10 + vals[depth];
    top = n->below;
    free (n);
  }
  goto *ops[*pc++];

halt:
  while (top)
    {
      struct node *n = top;
      if (n->value != vals[--depth])
	abort ();
      acc += vals[depth];
      top = n->below;
      free (n);
    }
  return acc;
}

int
main (void)
{
  static const unsigned char code[] = {
    PUSH, 1, PUSH, 2, PUSH, 3, SCRATCH, 4, ADD, POP, POP, PUSH, 7, HALT
  };
  /* scratch: 8; add: 13; pop 3: 133; pop 2: 1332; halt: 1332 + 7 + 1.  */
  if (interpret (code) != 1340)
    abort ();
  return 0;
}

/* { dg-final { scan-escape "computed-goto.c:29:22: malloc\\(16\\) -> heap: loop-carried" { target { no-opts "-O0" } } } } */
/* { dg-final { scan-escape "computed-goto.c:44:17: malloc\\(32\\) -> stack: no-escape: freed at computed-goto.c:47:5" { target { no-opts "-O0" } } } } */
