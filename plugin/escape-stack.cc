/* Stack safety: frames that may recur, chains of calls, frame flags, and
   the inlining that would carry moved objects into other frames.

   The unit's call graph is escape-callgraph.cc's, the control of
   inlining escape-inline.cc's; this file decides, for the function the
   pass is at, how many bytes its moves may take.

   A heap object costs no stack.  A moved one costs stack in every frame
   that holds it, all at once, and C's stacks do not grow.  So besides
   the per-function frame budget, a move must keep four promises:

     - a frame that may be on the stack more than once (a cycle of calls
       through it, seen from the IR as the pass sees it) takes at most the
       recursion allowance of moved bytes, and none when a call in it may
       become a tail call back into its cycle;
     - no chain of calls inside the unit holds more than the stack budget
       of moved bytes;
     - a frame stays within -Wframe-larger-than= and -Wstack-usage=;
     - inlining never carries moved objects into a frame where they would
       break one of the above.  */

#include "gcc-common.h"
#include "ipa-utils.h"
#include "langhooks.h"
#include "escape.h"

extern "C" {
#include "graph.h"
#include "policy.h"
#include "report.h"
#include "stack.h"
}

#include "escape-fn.h"
#include "escape-stack.h"


/* The decisions of the function the pass is at, between stack_begin and
   stack_end.  */
static struct
{
  int node;
  /* Why the frame may recur, or NULL.  */
  char *recursion;
  /* The recursion allowance left, or -1 when the frame does not recur.  */
  unsigned long long recursion_room;
  /* Whether the frame takes no moved bytes at all: a call in it may
     become a tail call into its cycle, or the late instance finds it in
     a cycle.  */
  bool no_allowance;
  unsigned long long frame_room, stack_room;
  /* The heaviest chain of calls through the function before its own
     moves.  */
  unsigned long long chain;
  /* Whether the frame limits of the options bound the frame budget.  */
  bool frame_flags;
} current;

bool
frame_flags_p (void)
{
  return MIN (warn_frame_larger_than_size, warn_stack_usage)
	 != HOST_WIDE_INT_MAX;
}

unsigned HOST_WIDE_INT
stack_recursion_allowance (void)
{
  if (escape_options.recursion_allowance >= 0)
    return escape_options.recursion_allowance;
  /* GCC's own rule for turning an alloca into a fixed array in any frame,
     recursive or not (fold_builtin_alloca_with_align).  */
  return param_large_stack_frame / 10;
}

/* The stack a slot of BYTES bytes aligned to ALIGN_BITS takes: its size
   rounded up to its alignment, which the next slot needs anyway, and for
   a slot aligned beyond the 16 bytes of the incoming stack, what
   realigning the frame may waste.  */
static unsigned HOST_WIDE_INT
slot_cost (unsigned HOST_WIDE_INT bytes, unsigned HOST_WIDE_INT align_bits)
{
  unsigned HOST_WIDE_INT align = MAX (align_bits / BITS_PER_UNIT, 16u);
  unsigned HOST_WIDE_INT cost = ROUND_UP (MAX (bytes, 1u), align);
  return cost + (align - 16);
}

/* The alignment of SITE's slot: set once the site's checks passed, or
   else found as check_site will find it.  */
static unsigned HOST_WIDE_INT
site_align_bits (const site_info *site)
{
  if (site->align_bits)
    return site->align_bits;
  unsigned HOST_WIDE_INT align = MALLOC_ABI_ALIGNMENT;
  align = MAX (align, TYPE_ALIGN (long_double_type_node));
  if (gimple_call_builtin_p (site->call, BUILT_IN_ALIGNED_ALLOC)
      && tree_fits_uhwi_p (gimple_call_arg (site->call, 0))
      && tree_to_uhwi (gimple_call_arg (site->call, 0)) < (1u << 30))
    align = MAX (align, tree_to_uhwi (gimple_call_arg (site->call, 0))
			* BITS_PER_UNIT);
  return align;
}

unsigned HOST_WIDE_INT
stack_site_cost (const site_info *site)
{
  return slot_cost (site->bytes, site_align_bits (site));
}

/* Whether VAR is a slot the rewrite made, or a copy of one that inlining
   put into another function.  */
static bool
moved_slot_p (tree var)
{
  return (VAR_P (var) && DECL_NAME (var)
	  && startswith (IDENTIFIER_POINTER (DECL_NAME (var)), "escape.")
	  && TREE_CODE (TREE_TYPE (var)) == ARRAY_TYPE
	  && tree_fits_uhwi_p (TYPE_SIZE_UNIT (TREE_TYPE (var))));
}

/* The moved bytes in FN's frame now: its own slots and the copies
   inlining brought.  */
unsigned long long
frame_slots (function *fn)
{
  unsigned long long sum = 0;
  hash_set<tree> seen;
  unsigned ix;
  tree var;
  FOR_EACH_LOCAL_DECL (fn, ix, var)
    if (moved_slot_p (var) && !seen.add (var))
      sum += slot_cost (tree_to_uhwi (TYPE_SIZE_UNIT (TREE_TYPE (var))),
			DECL_ALIGN (var));
  return sum;
}
/* Whether the call STMT may reach a function of NODE's cycle.  */
static bool
call_into_cycle_p (gcall *call, int node)
{
  enum call_kind kind;
  tree callee;
  bool also_out;
  int to = call_target (call, &kind, &callee, &also_out);
  if (to < 0)
    return false;
  return (esc_cg_same_cycle (unit->cg, node, to)
	  || (also_out && esc_cg_same_cycle (unit->cg, node, ESC_CG_OUTSIDE)));
}

/* Whether STMT may stand between a tail call and the return: what GCC's
   tail call passes accept there (tree-tailcall.cc, process_assignment),
   copies and conversions of registers, and the additions, subtractions,
   multiplications and negations of a tail recursion's accumulators.
   Anything else, a load or a store among them, makes the call a real
   one.  */
static bool
tail_call_plumbing_p (gimple *stmt)
{
  if (gimple_vuse (stmt))
    return false;
  switch (gimple_assign_rhs_code (stmt))
    {
    case SSA_NAME:
    CASE_CONVERT:
    case PLUS_EXPR:
    case POINTER_PLUS_EXPR:
    case MINUS_EXPR:
    case MULT_EXPR:
    case NEGATE_EXPR:
      return true;
    default:
      return false;
    }
}

static gcall *tail_call_walk (function *, int, bool, hash_set<tree> *);

/* Whether the call's LHS is one of RETURNED: an aggregate result goes
   straight into the variable returned, or through the pointer to
   <retval> where the caller passes its address.  */
static bool
returned_lhs_p (hash_set<tree> &returned, tree lhs)
{
  if (returned.contains (lhs))
    return true;
  if (TREE_CODE (lhs) != MEM_REF
      || TREE_CODE (TREE_OPERAND (lhs, 0)) != SSA_NAME)
    return false;
  tree base = TREE_OPERAND (lhs, 0);
  return (returned.contains (base)
	  || (SSA_NAME_VAR (base) && returned.contains (SSA_NAME_VAR (base))));
}

/* A call of FN that may become a tail call into FN's cycle: a call whose
   value FN returns (or any call, when FN returns nothing), with nothing
   between it and the return that GCC's tail call passes would not
   accept.  Such a call runs in FN's frame if FN's frame holds no live
   object; a moved object may keep it a real call, and the recursion
   would grow the stack where it did not.  Frees count as nothing: the
   rewrite may remove them.  */
static gcall *
tail_call_into_cycle (function *fn, int node)
{
  bool returns_void = VOID_TYPE_P (TREE_TYPE (TREE_TYPE (fn->decl)));
  /* The values the return may be made of: the returned values, and what
     the statements between a call and the return compute them from.  */
  hash_set<tree> returned;
  /* A walk from one return may find what another returns only after it
     passed a block: walk again until the values are all found.  */
  size_t known;
  do
    {
      known = returned.elements ();
      if (gcall *call = tail_call_walk (fn, node, returns_void, &returned))
	return call;
    }
  while (returned.elements () != known);
  return NULL;
}

/* One walk of tail_call_into_cycle, back from the returns.  */
static gcall *
tail_call_walk (function *fn, int node, bool returns_void,
		hash_set<tree> *returned_values)
{
  hash_set<tree> &returned = *returned_values;
  auto_vec<basic_block> work;
  auto_bitmap visited;
  edge e;
  edge_iterator ei;
  FOR_EACH_EDGE (e, ei, EXIT_BLOCK_PTR_FOR_FN (fn)->preds)
    if (bitmap_set_bit (visited, e->src->index))
      work.safe_push (e->src);
  while (!work.is_empty ())
    {
      basic_block bb = work.pop ();
      bool stopped = false;
      for (gimple_stmt_iterator gsi = gsi_last_bb (bb); !gsi_end_p (gsi);
	   gsi_prev (&gsi))
	{
	  gimple *stmt = gsi_stmt (gsi);
	  switch (gimple_code (stmt))
	    {
	    case GIMPLE_ASSIGN:
	      if (gimple_clobber_p (stmt))
		break;
	      if (!tail_call_plumbing_p (stmt))
		{
		  stopped = true;
		  break;
		}
	      if (returned.contains (gimple_assign_lhs (stmt)))
		for (unsigned i = 1; i < gimple_num_ops (stmt); i++)
		  if (TREE_CODE (gimple_op (stmt, i)) == SSA_NAME)
		    returned.add (gimple_op (stmt, i));
	      break;
	    case GIMPLE_RETURN:
	      /* An aggregate is returned from a variable, <retval> or
		 another, that the call may store into.  */
	      if (tree value = gimple_return_retval (as_a <greturn *> (stmt)))
		if (TREE_CODE (value) == SSA_NAME || DECL_P (value))
		  returned.add (value);
	      break;
	    case GIMPLE_DEBUG:
	    case GIMPLE_LABEL:
	    case GIMPLE_NOP:
	    case GIMPLE_PREDICT:
	      break;
	    case GIMPLE_CALL:
	      {
		gcall *call = as_a <gcall *> (stmt);
		if (gimple_call_internal_p (call)
		    || gimple_call_builtin_p (call, BUILT_IN_FREE))
		  break;
		tree lhs = gimple_call_lhs (call);
		if ((returns_void
		     || (lhs && returned_lhs_p (returned, lhs)))
		    && call_into_cycle_p (call, node))
		  return call;
		stopped = true;
		break;
	      }
	    default:
	      stopped = true;
	      break;
	    }
	  if (stopped)
	    break;
	}
      if (stopped)
	continue;
      for (gphi_iterator gsi = gsi_start_phis (bb); !gsi_end_p (gsi);
	   gsi_next (&gsi))
	if (returned.contains (gimple_phi_result (gsi.phi ())))
	  for (unsigned i = 0; i < gimple_phi_num_args (gsi.phi ()); i++)
	    if (TREE_CODE (gimple_phi_arg_def (gsi.phi (), i)) == SSA_NAME)
	      returned.add (gimple_phi_arg_def (gsi.phi (), i));
      FOR_EACH_EDGE (e, ei, bb->preds)
	if (e->src != ENTRY_BLOCK_PTR_FOR_FN (fn)
	    && bitmap_set_bit (visited, e->src->index))
	  work.safe_push (e->src);
    }
  return NULL;
}

/* The bytes -Wframe-larger-than= and -Wstack-usage= leave for moves in
   FUN: the smaller limit, less GCC's estimate of the frame rounded to the
   stack's alignment, less a margin for what the estimate leaves out (the
   return address, saved registers, frame pointer, canary, realignment
   and spill slots).  */
#define FRAME_FLAGS_MARGIN 256

static unsigned long long
frame_flags_room (function *fun)
{
  HOST_WIDE_INT limit = MIN (warn_frame_larger_than_size, warn_stack_usage);
  if (limit == HOST_WIDE_INT_MAX)
    return ULLONG_MAX;
  HOST_WIDE_INT used
    = estimated_stack_frame_size (cgraph_node::get (fun->decl));
  used = ROUND_UP (used, 16) + FRAME_FLAGS_MARGIN;
  return used >= limit ? 0 : (unsigned long long) (limit - used);
}

static unsigned long long
room_under (unsigned long long limit, unsigned long long used)
{
  return used < limit ? limit - used : 0;
}

/* stack_begin for the late instance (escape-late.cc says why these
   rules).  */
static void
late_stack_begin (escape_fn *ef)
{
  function *fun = ef->fun;
  current.node = known_node (fun->decl);
  free (current.recursion);
  current.recursion = NULL;
  current.recursion_room = ULLONG_MAX;
  current.no_allowance = false;
  if (current.node < 0)
    current.recursion = xasprintf ("%s is not in the call graph the IPA "
				   "passes left", function_name (fun));
  else if (esc_cg_recurs (unit->cg, current.node))
    current.recursion = xasprintf ("%s is in a call-graph cycle of the unit "
				   "after inlining", function_name (fun));
  if (current.recursion)
    {
      current.recursion_room = 0;
      current.no_allowance = true;
    }
  current.frame_flags = frame_flags_p ();
  current.frame_room = MIN (room_under (escape_options.frame_budget,
					frame_slots (fun)),
			    frame_flags_room (fun));
  current.stack_room = room_under (escape_options.stack_budget, unit->moved);
}

void
stack_begin (escape_fn *ef)
{
  if (ef->late)
    {
      late_stack_begin (ef);
      return;
    }
  ensure_unit ();
  function *fun = ef->fun;
  cgraph_node *node = cgraph_node::get (fun->decl);
  current.node = node_for (fun->decl);
  /* Early passes may have made calls direct or added some: add what is
     new, which may close a cycle.  */
  scan_calls (fun->decl);
  if (!node->inlined_to && called_from_outside_p (node))
    esc_cg_add_edge (unit->cg, ESC_CG_OUTSIDE, current.node, -1);

  free (current.recursion);
  current.recursion = recursion_of (node);
  current.recursion_room = ULLONG_MAX;
  current.no_allowance = false;
  if (current.recursion)
    {
      current.recursion_room = stack_recursion_allowance ();
      if (gcall *tail = tail_call_into_cycle (fun, current.node))
	{
	  char *where = where_text (gimple_location (tail));
	  char *text = xasprintf ("%s, and its call at %s may become a tail "
				  "call, which a moved object could keep from "
				  "being one", current.recursion, where);
	  free (where);
	  free (current.recursion);
	  current.recursion = text;
	  current.recursion_room = 0;
	  current.no_allowance = true;
	}
    }

  /* What is in the frame already: the reservations the guard made for
     inlining, or the copies inlining brought, whichever is more.  */
  unsigned long long present = frame_slots (fun);
  unsigned long long weight = esc_cg_weight (unit->cg, current.node);
  if (present > weight)
    {
      esc_cg_add_weight (unit->cg, current.node, present - weight);
      weight = present;
    }
  current.recursion_room = room_under (current.recursion_room, weight);
  current.frame_flags = frame_flags_p ();
  current.frame_room = MIN (room_under (escape_options.frame_budget, weight),
			    frame_flags_room (fun));
  current.chain = esc_cg_chain (unit->cg, current.node);
  current.stack_room = room_under (escape_options.stack_budget,
				   current.chain);

  /* No call of an always_inline function can be refused: its moves go
     into every frame it is inlined into, and must fit them all.  */
  if (always_inline_p (node))
    {
      auto_vec<int> hosts;
      hash_set<cgraph_node *> visited;
      collect_hosts (node, &hosts, &visited);
      for (int host : hosts)
	{
	  current.stack_room
	    = MIN (current.stack_room,
		   esc_cg_room (unit->cg, host, escape_options.stack_budget));
	  current.frame_room
	    = MIN (current.frame_room,
		   room_under (escape_options.frame_budget,
			       esc_cg_weight (unit->cg, host)));
	}
      if (current.frame_flags)
	current.frame_room = 0;
    }
}

char *
stack_recursion_refuses (const site_info *site, bool size_known)
{
  if (!current.recursion)
    return NULL;
  if (!size_known || current.no_allowance)
    return xstrdup (current.recursion);
  unsigned HOST_WIDE_INT cost = stack_site_cost (site);
  if (cost <= current.recursion_room)
    return NULL;
  return xasprintf ("%s; " HOST_WIDE_INT_PRINT_UNSIGNED " bytes, above the "
		    "recursion allowance of %llu", current.recursion, cost,
		    current.recursion_room);
}

size_t
stack_limits (struct esc_limit *limits)
{
  size_t n = 0;
  if (current.recursion)
    limits[n++] = { current.recursion_room, ESC_RECURSIVE };
  limits[n++] = { current.frame_room, ESC_FRAME_BUDGET };
  limits[n++] = { current.stack_room, ESC_STACK_BUDGET };
  return n;
}

char *
stack_refusal_detail (enum esc_reason reason, unsigned long long bytes)
{
  switch (reason)
    {
    case ESC_RECURSIVE:
      return xasprintf ("%s; %llu bytes would pass the recursion allowance "
			"of " HOST_WIDE_INT_PRINT_UNSIGNED,
			current.recursion ? current.recursion : "",
			bytes, stack_recursion_allowance ());
    case ESC_FRAME_BUDGET:
      if (current.frame_flags)
	return xasprintf ("%llu bytes would pass the frame budget, or the "
			  "frame limit of -Wframe-larger-than= or "
			  "-Wstack-usage=", bytes);
      return xasprintf ("%llu bytes would pass the frame budget", bytes);
    case ESC_STACK_BUDGET:
      return xasprintf ("%llu bytes would pass the stack budget of "
			HOST_WIDE_INT_PRINT_UNSIGNED ": %llu bytes are on "
			"the heaviest chain of calls through %s", bytes,
			escape_options.stack_budget, current.chain,
			function_name (cfun));
    default:
      return NULL;
    }
}

/* Keep NODE, whose frame holds moved bytes, out of frames the unit cannot
   see: inlining after a devirtualized call (its address is taken) or
   into other units under LTO.  */
void
keep_out_of_unknown_frames (cgraph_node *node)
{
  if (escape_options.dry_run || always_inline_p (node))
    return;
  if (node->address_taken
      || ((flag_generate_lto || flag_generate_offload) && !node->local))
    DECL_UNINLINABLE (node->decl) = 1;
}

void
stack_end (escape_fn *ef)
{
  unsigned long long moved = 0;
  for (unsigned i = 0; i < ef->sites.length (); i++)
    if (ef->site_decisions[i].reason == ESC_NO_ESCAPE
	|| ef->site_small[i])
      moved += ef->site_decisions[i].bytes;
  unit->moved += moved;
  if (ef->late)
    return;
  esc_cg_add_weight (unit->cg, current.node, moved);
  if (esc_cg_weight (unit->cg, current.node))
    keep_out_of_unknown_frames (cgraph_node::get (ef->fun->decl));
}
