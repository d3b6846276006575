/* The late instance: the pass once more after IPA inlining, and the call
   graph it judges stack safety by.

   The IPA inliner, and under -flto the inliner of the whole program,
   inline wrappers the early inliner leaves alone: a function called once,
   or one defined in another unit.  A site whose pointer the wrapper
   returned is then in its caller's body, where the caller may free it.
   The late instance (escape_late, before pass_build_alias, so that
   points-to sees its slots) analyses each function again and moves what
   has become provably local there; what stays on the heap it leaves to
   the early report.

   Its stack rules are the early ones made stricter, because after IPA
   nothing can be refused any more and no body but the current one is at
   hand (under -flto none is loaded yet):
     - the call graph is the one the IPA passes leave, taken when they end
       (PLUGIN_ALL_IPA_PASSES_END), before any function is expanded and
       its call edges are removed: a node per function with a body, its
       inlined callees' calls as its own, and the outside node as in
       escape-callgraph.cc;
     - a frame in a cycle of that graph takes no late move at all;
     - a frame takes at most the frame budget, its early slots and the
       copies inlining brought included, and stays within the frame
       flags;
     - all moved bytes of the unit together, early and late, stay within
       the stack budget: a frame outside every cycle is on a chain at most
       once, so no chain holds more.
   The early moves of each function reach the graph as an attribute of
   its declaration, which LTO streams and clones share, set by the IPA
   pass (escape-inline.cc) from the final early IR.  Under -flto the unit
   is the whole program when the link keeps it in one partition.  When
   the link splits it, no partition sees the chains through the others,
   and the late instance moves nothing.  */

#include "gcc-common.h"
#include "calls.h"
#include "escape.h"

extern "C" {
#include "graph.h"
#include "policy.h"
#include "report.h"
#include "stack.h"
}

#include "escape-fn.h"
#include "escape-stack.h"

/* Users cannot spell an attribute name with a space.  */
#define MOVED_BYTES_ATTRIBUTE "escape moved bytes"

static bool late_unit_ready;

void
note_moved_bytes (tree decl, unsigned long long bytes)
{
  tree value = build_int_cst (long_long_unsigned_type_node, bytes);
  DECL_ATTRIBUTES (decl)
    = tree_cons (get_identifier (MOVED_BYTES_ATTRIBUTE),
		 build_tree_list (NULL_TREE, value), DECL_ATTRIBUTES (decl));
}

static unsigned long long
moved_bytes_of (tree decl)
{
  tree attr = lookup_attribute (MOVED_BYTES_ATTRIBUTE, DECL_ATTRIBUTES (decl));
  if (!attr || !tree_fits_uhwi_p (TREE_VALUE (TREE_VALUE (attr))))
    return 0;
  return tree_to_uhwi (TREE_VALUE (TREE_VALUE (attr)));
}

/* Whether NODE's code runs in a frame of its own in this unit.  */
static bool
frame_p (cgraph_node *node)
{
  return node->definition && !node->alias && !node->inlined_to;
}

/* Add a call from the frame FROM to CALLEE, not inlined.  */
static void
add_late_call (int from, cgraph_node *callee)
{
  enum availability avail;
  cgraph_node *target = callee->ultimate_alias_target (&avail);
  bool leaf = leaf_callee_p (target->decl,
			     flags_from_decl_or_type (target->decl));
  if (frame_p (target))
    {
      esc_cg_add_edge (unit->cg, from, node_for (target->decl), -1);
      if (body_may_be_replaced_p (target, avail) && !leaf)
	esc_cg_add_edge (unit->cg, from, ESC_CG_OUTSIDE, -1);
    }
  else if (!leaf)
    esc_cg_add_edge (unit->cg, from, ESC_CG_OUTSIDE, -1);
}

/* Add the calls of NODE, and of the callees inlined into it, as calls of
   the frame FROM.  */
static void
add_late_calls (int from, cgraph_node *node)
{
  for (cgraph_edge *e = node->callees; e; e = e->next_callee)
    if (e->inline_failed)
      add_late_call (from, e->callee);
    else
      add_late_calls (from, e->callee);
  if (node->indirect_calls)
    esc_cg_add_edge (unit->cg, from, ESC_CG_OUTSIDE, -1);
}

/* Whether the link split the program into partitions: then a chain of
   calls may pass through frames whose moved bytes, early and late, this
   partition does not see, and its budget would bound only its own.  */
static bool
partitioned_p (void)
{
  cgraph_node *node;
  FOR_EACH_FUNCTION (node)
    if (node->in_other_partition || node->used_from_other_partition)
      return true;
  return false;
}

/* Take the unit's call graph as the IPA passes leave it.  */
void
build_late_unit (void *, void *)
{
  /* The whole-program stage of -flto and a compile that only writes LTO
     bytecode compile no function.  */
  if (flag_wpa || (flag_generate_lto && !flag_fat_lto_objects)
      || partitioned_p ())
    return;
  delete unit;
  unit = new unit_stack;
  cgraph_node *node;
  FOR_EACH_FUNCTION (node)
    if (frame_p (node) && called_from_outside_p (node))
      esc_cg_add_edge (unit->cg, ESC_CG_OUTSIDE, node_for (node->decl), -1);
  FOR_EACH_FUNCTION (node)
    if (frame_p (node))
      add_late_calls (node_for (node->decl), node);
  /* An inlined copy's moves are in the frame it was inlined into.  */
  FOR_EACH_FUNCTION (node)
    if (node->definition && !node->alias)
      if (unsigned long long bytes = moved_bytes_of (node->decl))
	{
	  cgraph_node *frame = node->inlined_to ? node->inlined_to : node;
	  esc_cg_add_weight (unit->cg, node_for (frame->decl), bytes);
	  unit->moved += bytes;
	}
  late_unit_ready = true;
}

bool
late_unit_ready_p (void)
{
  return late_unit_ready;
}
