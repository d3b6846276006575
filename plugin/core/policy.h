/* Decisions: which allocation sites move to the stack, what happens to
   each free, and what a function tells its callers about its parameters.

   The graph says how each object escapes.  The policy adds what the graph
   cannot know (size, loops, recursion, the frame budget) and the rule that
   ties sites together: a free may only be removed when everything it may
   free moves to the stack, so a site freed together with a heap object
   stays on the heap too.  The rule runs to a fixpoint over a worklist of
   frees, then the budget admits the remaining sites in order, then the
   rule runs again for the sites the budget refused.  Both only move sites
   to the heap, and the budget only counts sites left on the stack, so it
   still holds at the end.  */

#ifndef ESCAPE_POLICY_H
#define ESCAPE_POLICY_H

#include <stdbool.h>
#include <stddef.h>
#include "graph.h"

struct esc_site
{
  esc_obj obj;
  /* Every reason found outside the graph (size, loop, recursion, ...);
     empty when the front found none.  */
  esc_reason_set front_reasons;
  /* Bytes the stack slot takes when the site moves.  */
  unsigned long long bytes;
  /* The decision: the first reason of REASONS in report order, or
     ESC_NO_ESCAPE when REASONS is empty.  */
  enum esc_reason reason;
  /* Every rule that fails for the site: the graph's reasons, the front's,
     and freed-elsewhere or frame-budget when the free rule or the budget
     kept it on the heap.  Those two only judge sites that pass every
     other rule, so a site with another reason never has them.  */
  esc_reason_set reasons;
};

/* What to do with a call free (PTR) once sites are decided: keep it, drop
   it, or drop it where PTR may only point to one moved object, whose life
   may then end there if PTR is certainly not NULL (the front knows); or,
   where PTR may point to a stack-if-small site, keep it for every
   pointer but the slots of those sites (GUARD).  */
enum esc_free_action
{
  ESC_FREE_KEEP,
  ESC_FREE_REMOVE,
  ESC_FREE_CLOBBER,
  ESC_FREE_GUARD
};

struct esc_free_decision
{
  enum esc_free_action action;
  esc_obj obj;			/* the object whose life ends, for CLOBBER */
};

/* The frees that may free each object of a solved graph, in the order
   of FREES: those of object O are FREES_OF[FIRST[O]] to
   FREES_OF[FIRST[O + 1] - 1], as indexes into FREES.  One index serves a
   function's policy (the frees of a site), its report (where a moved
   object is freed) and its summary (whether a parameter is freed).  */
struct esc_free_index
{
  size_t *first;
  size_t *frees_of;
};

struct esc_free_index esc_index_frees (const struct esc_graph *g,
				       const esc_node *frees, size_t n_frees);
void esc_free_index_release (struct esc_free_index *idx);

/* Decide every site, and then every free.  FREES are the pointer nodes
   passed to free, and IDX their index; FREE_DECISIONS receives one
   decision for each.  BUDGET is the most bytes all moved sites may take
   together; sites are admitted in order.  */
void esc_decide (const struct esc_graph *g, struct esc_site *sites,
		 size_t n_sites, const esc_node *frees, size_t n_frees,
		 const struct esc_free_index *idx, unsigned long long budget,
		 struct esc_free_decision *free_decisions);

/* A most bytes all moved sites of a function may take together, and the
   reason a site that would pass it gets.  */
struct esc_limit
{
  unsigned long long bytes;
  enum esc_reason reason;
};

/* esc_decide with several limits (the recursion allowance, the frame
   budget, the stack budget, ...): a site is admitted when it fits all of
   them, and otherwise gets the reason of the first it would pass.

   SMALL, unless NULL, has a flag for each site.  In: the front gave the
   site a slot that serves the sizes up to its BYTES, the heap serving
   the larger ones, should unknown-size be the only rule it fails.  Out:
   the site is decided so (stack-if-small): its REASON stays
   unknown-size, its BYTES count against the limits as a moved site's
   do, and the frees that may free it are guarded (ESC_FREE_GUARD).  */
void esc_decide_limits (const struct esc_graph *g, struct esc_site *sites,
			size_t n_sites, bool *small, const esc_node *frees,
			size_t n_frees, const struct esc_free_index *idx,
			const struct esc_limit *limits, size_t n_limits,
			struct esc_free_decision *free_decisions);

/* What a function does with the memory a parameter points to, as its
   callers see it.  */
enum esc_param_flag
{
  ESC_PARAM_ESCAPES = 1,
  ESC_PARAM_RETURNED = 2,
  ESC_PARAM_FREED = 4,
  ESC_PARAM_WRITTEN = 8,
  /* The result points where the parameter's address or contents say
     (escape-pass.cc sets it).  */
  ESC_PARAM_OFFSET_RETURNED = 16,
  /* GCC's object-size pass may be asked the size of what the parameter
     points to, once the function is inlined (escape-pass.cc sets it).  */
  ESC_PARAM_SIZE_QUERIED = 32
};

/* FREED_HERE says whether a call to free in the function may free
   PARAM.  */
unsigned esc_param_flags (const struct esc_graph *g, esc_obj param,
			  bool freed_here);

/* Per-function parameter summaries, looked up by a function id.  Each
   parameter has flags for what it points to directly and for what is
   reached from there by further loads.  */
struct esc_summary
{
  int n_params;
  unsigned char *direct;
  unsigned char *deep;
};

struct esc_summaries;

struct esc_summaries *esc_summaries_create (void);
void esc_summaries_destroy (struct esc_summaries *s);
/* A new summary for function ID, with zero flags.  */
struct esc_summary *esc_summary_add (struct esc_summaries *s, int id,
				     int n_params);
const struct esc_summary *esc_summary_find (const struct esc_summaries *s,
					    int id);

/* The cycles of a directed graph of N_FUNCS nodes, whose EDGES are pairs
   of node numbers: for each node, the number of the strongly connected
   component it is in when that component has a cycle (more than one
   node, or an edge to itself), or -1.  Returns an array of N_FUNCS that
   the caller frees.  */
int *esc_cycles (int n_funcs, const int (*edges)[2], size_t n_edges);

/* Functions that take part in a call-graph cycle.  EDGES holds pairs of
   caller and callee numbers below N_FUNCS.  Returns an array of N_FUNCS
   flags that the caller frees.  */
bool *esc_find_recursive (int n_funcs, const int (*edges)[2], size_t n_edges);

#endif
