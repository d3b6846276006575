/* Stack safety: inlining that would carry moved objects into other
   frames.

   Inlining is controlled per call: an edge of the call graph whose
   inline_failed is a final error (and call_stmt_cannot_inline_p) is never
   inlined, neither by the early inliner nor by the IPA one, and both
   survive LTO streaming.  Since GCC rebuilds a function's edges twice in
   its early pipeline, the guard runs after both local-fnsummary passes
   (before the early inliner, and at the end), and the IPA pass sets them
   once more on the final edges.  always_inline calls cannot be refused;
   an always_inline function takes the recursion of the frames it is
   inlined into instead.  */

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

/* Refuse to inline the call E.  */
static void
block_inlining (cgraph_edge *e)
{
  e->inline_failed = CIF_UNSPECIFIED;
  e->call_stmt_cannot_inline_p = 1;
}

/* Why a call of CALLER to a function whose frame holds BYTES moved bytes
   may not be inlined, or NULL.  RECURS caches whether CALLER may recur,
   once RECURS_KNOWN.  */
static const char *
judge_inlining (cgraph_node *caller, int caller_node,
		unsigned long long bytes, bool *recurs_known, bool *recurs)
{
  if (!*recurs_known)
    {
      char *why = recursion_of (caller);
      *recurs = why != NULL;
      free (why);
      *recurs_known = true;
    }
  if (*recurs)
    return "the caller may recur";
  if (frame_flags_p ())
    return "-Wframe-larger-than= or -Wstack-usage= is on";
  if (esc_cg_room (unit->cg, caller_node, escape_options.stack_budget)
      < bytes)
    return "the stack budget";
  if (esc_cg_weight (unit->cg, caller_node) + bytes
      > escape_options.frame_budget)
    return "the frame budget";
  return NULL;
}

/* Judge each call of CALLER to a function whose frame holds moved bytes,
   for the guard passes and the IPA pass, and note refusals in DUMP.  */
static void
guard_calls (cgraph_node *caller, FILE *dump)
{
  int caller_node = node_for (caller->decl);
  bool recurs_known = false, recurs = false;
  /* Under the frame flags a frame with moved bytes takes nothing more by
     inlining: GCC's inliner lets a frame grow by a multiple of its size,
     so a moved object would let it take callees plain GCC leaves out.  */
  bool isolate = frame_flags_p () && esc_cg_weight (unit->cg, caller_node);
  for (cgraph_edge *e = caller->callees; e; e = e->next_callee)
    {
      if (!e->inline_failed || !e->call_stmt
	  || cgraph_inline_failed_type (e->inline_failed) == CIF_FINAL_ERROR)
	continue;
      enum availability avail;
      cgraph_node *callee = e->callee->ultimate_alias_target (&avail);
      /* What cannot be inlined needs neither a reservation nor a block.  */
      if (avail <= AVAIL_INTERPOSABLE || DECL_UNINLINABLE (callee->decl)
	  || lookup_attribute ("noipa", DECL_ATTRIBUTES (callee->decl)))
	continue;
      int callee_node = known_node (callee->decl);
      unsigned long long bytes
	= callee_node < 0 ? 0 : esc_cg_weight (unit->cg, callee_node);
      if (!bytes && !isolate)
	continue;
      bool existed;
      judged_call &judged = unit->judged.get_or_insert (e->call_stmt,
							&existed);
      if (existed && judged.caller_uid == (int) DECL_UID (caller->decl)
	  && judged.callee_uid == (int) DECL_UID (callee->decl)
	  && (judged.blocked || !isolate))
	{
	  if (judged.blocked && !escape_options.dry_run)
	    block_inlining (e);
	  continue;
	}
      bool reserved = existed && !judged.blocked;
      judged.caller_uid = DECL_UID (caller->decl);
      judged.callee_uid = DECL_UID (callee->decl);
      judged.blocked = false;
      /* Nothing refuses an always_inline call; its function took the
	 recursion and the room of these frames when it was decided.  */
      const char *why;
      if (always_inline_p (callee))
	why = NULL;
      else if (isolate)
	why = "the caller holds moved bytes while -Wframe-larger-than= or "
	      "-Wstack-usage= is on";
      else
	why = judge_inlining (caller, caller_node, bytes, &recurs_known,
			      &recurs);
      if (!why)
	{
	  if (!reserved)
	    esc_cg_add_weight (unit->cg, caller_node, bytes);
	  continue;
	}
      judged.blocked = true;
      if (!escape_options.dry_run)
	block_inlining (e);
      if (dump)
	{
	  char *where = where_text (gimple_location (e->call_stmt));
	  fprintf (dump, "escape-stack: %s: %s() stays a call: its frame "
		   "holds %llu moved bytes, and %s\n", where,
		   decl_name (callee->decl), bytes, why);
	  free (where);
	}
    }
}

/* The guard: runs after both local-fnsummary passes of each function's
   early pipeline, that is before the early inliner and after the last
   rebuild of its edges.  */
static unsigned int
execute_guard (function *fun)
{
  if (!unit || !unit->moved)
    return 0;
  cgraph_node *node = cgraph_node::get (fun->decl);
  if (!node || node->inlined_to)
    return 0;
  guard_calls (node, dump_file);
  return 0;
}

/* The IPA pass: after the early passes, the unit again from its final
   early IR.  Each frame's weight is now the slots it holds; callers
   reserve their callees' weights, callees first, or refuse to inline
   them.  */
static unsigned int
execute_stack_ipa (void)
{
  if (!unit || !unit->moved)
    return 0;
  delete unit;
  unit = new unit_stack;
  build_unit ();
  cgraph_node *node;
  FOR_EACH_FUNCTION (node)
    if (!node->inlined_to && node->has_gimple_body_p ())
      {
	unsigned long long slots = frame_slots (DECL_STRUCT_FUNCTION
						(node->decl));
	esc_cg_add_weight (unit->cg, node_for (node->decl), slots);
	unit->moved += slots;
	if (slots)
	  note_moved_bytes (node->decl, slots);
      }
  if (!unit->moved)
    return 0;
  /* Callees first, as GCC orders the early passes: a caller's
     reservation then includes its callees'.  */
  auto_vec<cgraph_node *> sorted;
  cgraph_node **nodes = XNEWVEC (cgraph_node *, symtab->cgraph_count);
  int n = ipa_reverse_postorder (nodes);
  for (int i = n - 1; i >= 0; i--)
    if (!nodes[i]->inlined_to && nodes[i]->has_gimple_body_p ())
      sorted.safe_push (nodes[i]);
  free (nodes);
  for (cgraph_node *c : sorted)
    guard_calls (c, dump_file);
  for (cgraph_node *c : sorted)
    if (esc_cg_weight (unit->cg, node_for (c->decl)))
      keep_out_of_unknown_frames (c);
  if (dump_file)
    for (cgraph_node *c : sorted)
      {
	int cn = node_for (c->decl);
	char *why = recursion_of (c);
	fprintf (dump_file, "escape-stack: %s: %llu moved bytes, chain %llu%s%s\n",
		 decl_name (c->decl), esc_cg_weight (unit->cg, cn),
		 esc_cg_chain (unit->cg, cn), why ? "; " : "", why ? why : "");
	free (why);
      }
  return 0;
}

namespace {

const pass_data pass_data_escape_inline = {
  GIMPLE_PASS,		/* type */
  "escape_inline",	/* name */
  OPTGROUP_NONE,	/* optinfo_flags */
  TV_NONE,		/* tv_id */
  PROP_cfg,		/* properties_required */
  0,			/* properties_provided */
  0,			/* properties_destroyed */
  0,			/* todo_flags_start */
  0,			/* todo_flags_finish */
};

class pass_escape_inline : public gimple_opt_pass
{
public:
  pass_escape_inline (gcc::context *ctxt)
    : gimple_opt_pass (pass_data_escape_inline, ctxt)
  {}

  opt_pass *clone () final override
  {
    return new pass_escape_inline (m_ctxt);
  }

  unsigned int execute (function *fun) final override
  {
    return execute_guard (fun);
  }
};

const pass_data pass_data_escape_stack = {
  SIMPLE_IPA_PASS,	/* type */
  "escape_stack",	/* name */
  OPTGROUP_NONE,	/* optinfo_flags */
  TV_NONE,		/* tv_id */
  0,			/* properties_required */
  0,			/* properties_provided */
  0,			/* properties_destroyed */
  0,			/* todo_flags_start */
  0,			/* todo_flags_finish */
};

class pass_escape_stack : public simple_ipa_opt_pass
{
public:
  pass_escape_stack (gcc::context *ctxt)
    : simple_ipa_opt_pass (pass_data_escape_stack, ctxt)
  {}

  unsigned int execute (function *) final override
  {
    return execute_stack_ipa ();
  }
};

} // anon namespace

gimple_opt_pass *
make_pass_escape_inline (gcc::context *ctxt)
{
  return new pass_escape_inline (ctxt);
}

simple_ipa_opt_pass *
make_pass_escape_stack (gcc::context *ctxt)
{
  return new pass_escape_stack (ctxt);
}
