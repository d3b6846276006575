/* Unit tests of the stack rules' call graph: cycles through the outside
   node, witnesses, and the heaviest chain through a function as weights
   and edges are added.  */

#include <dejagnu.h>
#include <stdbool.h>
#include <stdlib.h>

#include "stack.h"

static void
check (bool ok, const char *what)
{
  if (ok)
    pass (what);
  else
    fail (what);
}

static void
cycles (void)
{
  struct esc_cg *cg = esc_cg_create ();
  int a = esc_cg_add_node (cg), b = esc_cg_add_node (cg);
  int c = esc_cg_add_node (cg), d = esc_cg_add_node (cg);
  int e = esc_cg_add_node (cg);
  /* a -> b -> c -> b; d -> d; e calls a.  */
  esc_cg_add_edge (cg, a, b, 1);
  esc_cg_add_edge (cg, b, c, 2);
  esc_cg_add_edge (cg, c, b, 3);
  esc_cg_add_edge (cg, d, d, 4);
  esc_cg_add_edge (cg, e, a, 5);
  check (!esc_cg_recurs (cg, a) && esc_cg_recurs (cg, b)
	 && esc_cg_recurs (cg, c) && esc_cg_recurs (cg, d)
	 && !esc_cg_recurs (cg, e),
	 "cycles: members of cycles and self-calls recur, their callers not");
  check (esc_cg_witness (cg, b) == 2 && esc_cg_witness (cg, c) == 3
	 && esc_cg_witness (cg, d) == 4 && esc_cg_witness (cg, a) == -1,
	 "cycles: the witness is a call that stays in the cycle");
  check (!esc_cg_add_edge (cg, a, b, 9), "cycles: a repeated edge is ignored");
  check (esc_cg_same_cycle (cg, b, c) && !esc_cg_same_cycle (cg, a, b)
	 && esc_cg_same_cycle (cg, d, d) && !esc_cg_same_cycle (cg, a, a),
	 "cycles: same cycle");

  /* Through the outside: a calls out (an indirect call), and the outside
     may call a back (its address is taken).  */
  esc_cg_add_edge (cg, a, ESC_CG_OUTSIDE, 6);
  check (!esc_cg_recurs (cg, a), "outside: a call out alone is no cycle");
  esc_cg_add_edge (cg, ESC_CG_OUTSIDE, a, -1);
  check (esc_cg_recurs (cg, a) && esc_cg_witness (cg, a) == 6,
	 "outside: a call out and a way back in make a cycle");
  check (esc_cg_recurs (cg, e) == false,
	 "outside: a function the outside cannot call does not recur");
  check (!esc_cg_recurs (cg, ESC_CG_OUTSIDE),
	 "outside: the outside itself never recurs");
  /* b and c are reached from a, and a from the outside, but only a's
     calls go back out: b's cycle stays b and c.  */
  check (esc_cg_same_cycle (cg, b, c) && !esc_cg_same_cycle (cg, a, b),
	 "outside: cycles below stay apart");
  /* A direct call in the cycle is the better witness.  */
  esc_cg_add_edge (cg, c, a, 7);
  check (esc_cg_witness (cg, a) == 1,
	 "outside: a call to a function of the unit is preferred");
  esc_cg_destroy (cg);
}

static void
chains (void)
{
  struct esc_cg *cg = esc_cg_create ();
  int main_ = esc_cg_add_node (cg), f = esc_cg_add_node (cg);
  int g = esc_cg_add_node (cg), h = esc_cg_add_node (cg);
  int k = esc_cg_add_node (cg);
  /* main -> f -> g -> h, main -> k.  */
  esc_cg_add_edge (cg, main_, f, 0);
  esc_cg_add_edge (cg, f, g, 1);
  esc_cg_add_edge (cg, g, h, 2);
  esc_cg_add_edge (cg, main_, k, 3);
  esc_cg_add_weight (cg, h, 100);
  esc_cg_add_weight (cg, f, 10);
  check (esc_cg_chain (cg, g) == 110 && esc_cg_chain (cg, main_) == 110
	 && esc_cg_chain (cg, k) == 0,
	 "chains: the heaviest chain through a function");
  /* Weights added after a solve reach both directions.  */
  esc_cg_add_weight (cg, main_, 1000);
  check (esc_cg_chain (cg, h) == 1110 && esc_cg_chain (cg, k) == 1000,
	 "chains: a weight above raises the chains below");
  esc_cg_add_weight (cg, k, 5000);
  check (esc_cg_chain (cg, main_) == 6000 && esc_cg_chain (cg, h) == 1110,
	 "chains: a weight on another branch leaves this one alone");
  check (esc_cg_room (cg, h, 2000) == 890 && esc_cg_room (cg, k, 2000) == 0,
	 "chains: the room a budget leaves");

  /* An edge that keeps the order (k -> h) updates in place.  */
  esc_cg_add_edge (cg, k, h, 4);
  check (esc_cg_chain (cg, h) == 6100,
	 "chains: a new edge down joins the chains");
  /* An edge up (h -> main) closes a cycle: one solve, one component.  */
  esc_cg_add_edge (cg, h, main_, 5);
  check (esc_cg_recurs (cg, f) && esc_cg_recurs (cg, k)
	 && esc_cg_chain (cg, f) == 6110,
	 "chains: a cycle counts each of its functions once");
  esc_cg_destroy (cg);
}

/* A node added after a solve, called from a solved one.  */
static void
late_nodes (void)
{
  struct esc_cg *cg = esc_cg_create ();
  int a = esc_cg_add_node (cg), b = esc_cg_add_node (cg);
  esc_cg_add_edge (cg, a, b, 0);
  esc_cg_add_weight (cg, b, 7);
  check (esc_cg_chain (cg, a) == 7, "late: solved");
  int c = esc_cg_add_node (cg);
  esc_cg_add_weight (cg, c, 3);
  esc_cg_add_edge (cg, c, a, 1);
  check (esc_cg_chain (cg, b) == 10 && !esc_cg_recurs (cg, c),
	 "late: a new caller in order");
  esc_cg_add_edge (cg, b, c, 2);
  check (esc_cg_recurs (cg, c) && esc_cg_recurs (cg, a),
	 "late: a new callee closing a cycle");
  esc_cg_destroy (cg);
}

/* A long chain and a long cycle, without deep recursion.  */
static void
long_graphs (void)
{
  enum { N = 200000 };
  struct esc_cg *cg = esc_cg_create ();
  for (int i = 0; i < N; i++)
    esc_cg_add_node (cg);
  for (int i = 1; i < N; i++)
    esc_cg_add_edge (cg, i, i + 1 < N ? i + 1 : 1, i);
  check (esc_cg_recurs (cg, 1) && esc_cg_recurs (cg, N / 2)
	 && esc_cg_recurs (cg, N - 1),
	 "long: one long cycle");
  esc_cg_destroy (cg);

  cg = esc_cg_create ();
  for (int i = 0; i < N; i++)
    esc_cg_add_node (cg);
  for (int i = 1; i + 1 < N; i++)
    esc_cg_add_edge (cg, i, i + 1, i);
  esc_cg_add_weight (cg, N - 1, 1);
  esc_cg_add_weight (cg, 1, 1);
  check (!esc_cg_recurs (cg, 1) && esc_cg_chain (cg, N / 2) == 2,
	 "long: one long chain");
  esc_cg_destroy (cg);
}

int
main (void)
{
  cycles ();
  chains ();
  late_nodes ();
  long_graphs ();
  totals ();
  return 0;
}
