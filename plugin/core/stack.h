/* The stack rules of a translation unit: which frames may recur, and how
   many moved bytes the longest chain of calls through a function holds.

   A heap object costs no stack; a moved one costs stack in every frame
   that holds it, all at once.  So the policy needs two facts per
   function: whether its frame may be on the stack more than once (a
   cycle of calls through it), and the most moved bytes on any chain of
   frames that passes through it.

   The graph has one node per function of the unit and one node for the
   outside (ESC_CG_OUTSIDE): code of other units, which indirect calls
   and calls to functions that are not leaf may reach, and which may call
   back any function of the unit that is externally visible or whose
   address is taken.  The front adds the edges; the graph finds the
   strongly connected components (Tarjan, iterative), and keeps for each
   component the longest weighted path into it and out of it, where a
   function's weight is the bytes moves put in its frame.  A component
   counts the weights of all its functions once: a recursion repeats them,
   which is what the per-frame allowance of recurring functions bounds.

   Weights only grow, and edges are only added.  An edge that keeps the
   components' order updates the paths in place; one that may close a
   cycle marks the graph for a new solve.  Plain C11, no GCC headers.  */

#ifndef ESCAPE_STACK_H
#define ESCAPE_STACK_H

#include <stdbool.h>
#include <stddef.h>

#define ESC_CG_OUTSIDE 0

struct esc_cg;

/* A graph with only the outside node.  */
struct esc_cg *esc_cg_create (void);
void esc_cg_destroy (struct esc_cg *cg);

/* A new function node, of weight zero.  Returns its number.  */
int esc_cg_add_node (struct esc_cg *cg);
int esc_cg_node_count (const struct esc_cg *cg);

/* A call FROM -> TO.  LABEL (>= 0) is the front's name for the edge,
   returned by esc_cg_witness.  A repeated edge is ignored; returns
   whether the edge is new.  */
bool esc_cg_add_edge (struct esc_cg *cg, int from, int to, int label);

/* Whether NODE may be on the stack more than once: it is in a cycle
   (solving first if needed).  The outside node never counts.  */
bool esc_cg_recurs (struct esc_cg *cg, int node);

/* Whether A and B are in one cycle (one component of several nodes, or
   A == B with a call to itself).  */
bool esc_cg_same_cycle (struct esc_cg *cg, int a, int b);

/* The label of a call from NODE that stays in NODE's cycle, preferring
   calls to functions of the unit over calls to the outside, and earlier
   labels; -1 when NODE does not recur.  */
int esc_cg_witness (struct esc_cg *cg, int node);

/* Add BYTES to NODE's weight, and to every chain through it.  */
void esc_cg_add_weight (struct esc_cg *cg, int node, unsigned long long bytes);
unsigned long long esc_cg_weight (const struct esc_cg *cg, int node);

/* The most bytes on a chain of calls through NODE: the heaviest path
   into NODE's component, plus its weight, plus the heaviest path out.  */
unsigned long long esc_cg_chain (struct esc_cg *cg, int node);

/* What BUDGET leaves for NODE: BUDGET minus its chain, or 0.  */
unsigned long long esc_cg_room (struct esc_cg *cg, int node,
				unsigned long long budget);

#endif
