/* Functions with nothing to analyse: empty, trivial, never returning,
   never ending.  Each gets its summary line and nothing else.  */
/* { dg-do compile } */
#include <stdlib.h>

void empty (void) { }

int identity (int x) { return x; }

static void empty_static (void) { }

void calls_empty (void) { empty (); empty_static (); }

__attribute__((noreturn)) void stop (void) { abort (); }

__attribute__((noreturn)) void spin (void) { for (;;) ; }

void unreachable (void) { __builtin_unreachable (); }

/* { dg-final { scan-escape "escape: empty: 0 sites, 0 stack, 0 heap" } } */
/* { dg-final { scan-escape "escape: identity: 0 sites, 0 stack, 0 heap" } } */
/* { dg-final { scan-escape "escape: calls_empty: 0 sites, 0 stack, 0 heap" } } */
/* { dg-final { scan-escape "escape: stop: 0 sites, 0 stack, 0 heap" } } */
/* { dg-final { scan-escape "escape: spin: 0 sites, 0 stack, 0 heap" } } */
/* { dg-final { scan-escape "escape: unreachable: 0 sites, 0 stack, 0 heap" } } */
/* { dg-final { scan-escape-not " -> " } } */
