/* Stack safety: frames that may recur, chains of calls, frame flags, and
   the inlining that would carry moved objects into other frames.

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
       break one of the above.

   The unit's call graph (plugin/core/stack.h) has a node for the outside:
   indirect calls and calls to functions outside the unit that are not
   `leaf' go there, and from there any function that is externally
   visible or whose address is taken may be called back.  It is built
   from every body at the first use, extended with each function's calls
   when the pass reaches it (early passes turn indirect calls into direct
   ones, which the outside node already covered), and rebuilt from the
   final early IR by the IPA pass below.

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

/* How a call reaches its target, for the way back into a cycle.  */
enum call_kind
{
  CALL_DIRECT,
  CALL_SELF,
  CALL_INDIRECT,
  CALL_EXTERN,
  CALL_REPLACEABLE
};

struct call_label
{
  enum call_kind kind;
  char *callee;
  char *where;
};

typedef int_hash<int, -1, -2> uid_hash;

/* A call the guard judged.  The statement's address is the key; the
   caller and callee tell a statement that took the place of a freed one
   from the one judged.  */
struct judged_call
{
  int caller_uid, callee_uid;
  bool blocked;
};

/* What the pass knows of the unit.  */
struct unit_stack
{
  struct esc_cg *cg;
  hash_map<uid_hash, int> node_of;
  auto_vec<call_label> labels;
  /* Whether a function of the unit checks object sizes: a call to
     __builtin_object_size, __builtin_dynamic_object_size or a _chk
     builtin (_FORTIFY_SOURCE).  */
  bool object_size_checks;
  /* Bytes moved in the whole unit so far: nothing to guard without.  */
  unsigned long long moved;
  /* Calls the guard already judged, and whether it refused to inline
     them: a block is set again after each rebuild of the edges, and a
     call is reserved once.  */
  hash_map<gimple *, judged_call> judged;

  unit_stack () : cg (esc_cg_create ()), object_size_checks (false),
		  moved (0) {}
  ~unit_stack ()
  {
    esc_cg_destroy (cg);
    for (call_label &l : labels)
      {
	free (l.callee);
	free (l.where);
      }
  }
};

static unit_stack *unit;

/* The decisions of the function the pass is at, between stack_begin and
   stack_end.  */
static struct
{
  int node;
  /* Why the frame may recur, or NULL.  */
  char *recursion;
  /* The recursion allowance left, or -1 when the frame does not recur.  */
  unsigned long long recursion_room;
  /* Whether a call that may become a tail call leaves it none.  */
  bool tail_call;
  unsigned long long frame_room, stack_room;
  /* The heaviest chain of calls through the function before its own
     moves.  */
  unsigned long long chain;
  /* Whether the frame limits of the options bound the frame budget.  */
  bool frame_flags;
} current;

static bool
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
static unsigned long long
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

static char *
where_text (location_t loc)
{
  expanded_location x = expand_location (loc);
  return xasprintf ("%s:%d:%d", x.file ? lbasename (x.file) : "<unknown>",
		    x.line, x.column);
}

static const char *
decl_name (tree decl)
{
  return DECL_NAME (decl) ? IDENTIFIER_POINTER (DECL_NAME (decl)) : "?";
}

static int
node_for (tree decl)
{
  bool existed;
  int &n = unit->node_of.get_or_insert (DECL_UID (decl), &existed);
  if (!existed)
    n = esc_cg_add_node (unit->cg);
  return n;
}

static int
known_node (tree decl)
{
  int *n = unit->node_of.get (DECL_UID (decl));
  return n ? *n : -1;
}

static void
add_call (int from, int to, enum call_kind kind, tree callee, gimple *stmt)
{
  int label = unit->labels.length ();
  if (esc_cg_add_edge (unit->cg, from, to, label))
    {
      call_label l = { kind, callee ? xstrdup (decl_name (callee)) : NULL,
		       where_text (gimple_location (stmt)) };
      unit->labels.safe_push (l);
    }
}

/* Output functions whose handlers and cookie streams the escape rule
   already trusts (escape-calls.cc): GCC does not mark them leaf, since
   printf hooks and fopencookie streams may call back.  */
static bool
trusted_output_p (tree fndecl)
{
  if (!fndecl_built_in_p (fndecl, BUILT_IN_NORMAL))
    return false;
  switch (DECL_FUNCTION_CODE (fndecl))
    {
    case BUILT_IN_PRINTF:
    case BUILT_IN_PRINTF_UNLOCKED:
    case BUILT_IN_PRINTF_CHK:
    case BUILT_IN_FPRINTF:
    case BUILT_IN_FPRINTF_UNLOCKED:
    case BUILT_IN_FPRINTF_CHK:
    case BUILT_IN_VPRINTF:
    case BUILT_IN_VPRINTF_CHK:
    case BUILT_IN_VFPRINTF:
    case BUILT_IN_VFPRINTF_CHK:
    case BUILT_IN_PUTS:
    case BUILT_IN_PUTS_UNLOCKED:
    case BUILT_IN_FPUTS:
    case BUILT_IN_FPUTS_UNLOCKED:
    case BUILT_IN_FWRITE:
    case BUILT_IN_FWRITE_UNLOCKED:
    case BUILT_IN_PUTCHAR:
    case BUILT_IN_PUTCHAR_UNLOCKED:
    case BUILT_IN_FPUTC:
    case BUILT_IN_FPUTC_UNLOCKED:
    case BUILT_IN_PUTC:
    case BUILT_IN_PUTC_UNLOCKED:
    case BUILT_IN_SPRINTF:
    case BUILT_IN_SPRINTF_CHK:
    case BUILT_IN_SNPRINTF:
    case BUILT_IN_SNPRINTF_CHK:
    case BUILT_IN_VSPRINTF:
    case BUILT_IN_VSPRINTF_CHK:
    case BUILT_IN_VSNPRINTF:
    case BUILT_IN_VSNPRINTF_CHK:
      return true;
    default:
      return false;
    }
}

/* setjmp and longjmp save and restore registers; they call nothing.  A
   function that calls setjmp keeps every site on the heap anyway.  */
static bool
jump_function_p (tree fndecl)
{
  static const char *const names[] = {
    "setjmp", "_setjmp", "__setjmp", "sigsetjmp", "__sigsetjmp",
    "longjmp", "_longjmp", "__longjmp", "siglongjmp", "__longjmp_chk",
    NULL
  };
  if (!DECL_NAME (fndecl) || !DECL_EXTERNAL (fndecl))
    return false;
  const char *name = IDENTIFIER_POINTER (DECL_NAME (fndecl));
  for (const char *const *n = names; *n; n++)
    if (strcmp (name, *n) == 0)
      return true;
  return false;
}

/* A call that checks the size of an object: the weaker bound of a slot
   would weaken it.  */
static bool
object_size_check_p (gcall *call)
{
  if (!gimple_call_builtin_p (call, BUILT_IN_NORMAL))
    return false;
  switch (DECL_FUNCTION_CODE (gimple_call_fndecl (call)))
    {
    case BUILT_IN_OBJECT_SIZE:
    case BUILT_IN_DYNAMIC_OBJECT_SIZE:
    case BUILT_IN_MEMCPY_CHK:
    case BUILT_IN_MEMMOVE_CHK:
    case BUILT_IN_MEMPCPY_CHK:
    case BUILT_IN_MEMSET_CHK:
    case BUILT_IN_STPCPY_CHK:
    case BUILT_IN_STPNCPY_CHK:
    case BUILT_IN_STRCAT_CHK:
    case BUILT_IN_STRCPY_CHK:
    case BUILT_IN_STRNCAT_CHK:
    case BUILT_IN_STRNCPY_CHK:
    case BUILT_IN_SNPRINTF_CHK:
    case BUILT_IN_SPRINTF_CHK:
    case BUILT_IN_VSNPRINTF_CHK:
    case BUILT_IN_VSPRINTF_CHK:
      return true;
    default:
      return false;
    }
}

/* Where CALL may go: a function of the unit (its node), the outside, or
   nowhere that can call back (-1).  */
static int
call_target (gcall *call, enum call_kind *kind, tree *callee, bool *also_out)
{
  *also_out = false;
  *callee = NULL_TREE;
  if (gimple_call_internal_p (call))
    return -1;
  tree fndecl = gimple_call_fndecl (call);
  if (!fndecl)
    {
      *kind = CALL_INDIRECT;
      return ESC_CG_OUTSIDE;
    }
  *callee = fndecl;
  bool leaf = ((gimple_call_flags (call) & ECF_LEAF)
	       || trusted_output_p (fndecl) || jump_function_p (fndecl));
  if (cgraph_node *node = cgraph_node::get (fndecl))
    {
      enum availability avail;
      cgraph_node *target = node->ultimate_alias_target (&avail);
      if (target->has_gimple_body_p ())
	{
	  /* Another unit may replace an interposable definition.  */
	  *also_out = avail < AVAIL_AVAILABLE && !leaf;
	  *kind = *also_out ? CALL_REPLACEABLE : CALL_DIRECT;
	  *callee = target->decl;
	  return node_for (target->decl);
	}
    }
  if (leaf)
    return -1;
  *kind = CALL_EXTERN;
  return ESC_CG_OUTSIDE;
}

/* Add the calls of the function of DECL, as its body is now.  */
static void
scan_calls (tree decl)
{
  function *fn = DECL_STRUCT_FUNCTION (decl);
  if (!fn || !fn->cfg)
    return;
  int self = node_for (decl);
  basic_block bb;
  FOR_EACH_BB_FN (bb, fn)
    for (gimple_stmt_iterator gsi = gsi_start_bb (bb); !gsi_end_p (gsi);
	 gsi_next (&gsi))
      {
	gcall *call = dyn_cast <gcall *> (gsi_stmt (gsi));
	if (!call)
	  continue;
	if (object_size_check_p (call))
	  unit->object_size_checks = true;
	enum call_kind kind;
	tree callee;
	bool also_out;
	int to = call_target (call, &kind, &callee, &also_out);
	if (to < 0)
	  continue;
	if (to == self && kind == CALL_DIRECT)
	  kind = CALL_SELF;
	add_call (self, to, kind, callee, call);
	if (also_out)
	  add_call (self, ESC_CG_OUTSIDE, CALL_REPLACEABLE, callee, call);
      }
}

/* Whether code outside the unit's direct calls may call NODE: it is
   externally visible, its address is taken, or it is otherwise not
   local.  */
static bool
called_from_outside_p (cgraph_node *node)
{
  /* A C++ program never calls main ([basic.start.main]); C allows it,
     so in C main is a function like the others.  */
  if (lang_GNU_CXX () && MAIN_NAME_P (DECL_NAME (node->decl))
      && DECL_FILE_SCOPE_P (node->decl) && !node->address_taken)
    return false;
  return node->address_taken || node->externally_visible
	 || TREE_PUBLIC (node->decl) || !node->local_p ();
}

/* The graph of the whole unit, from its bodies as they are now.  */
static void
build_unit (void)
{
  cgraph_node *node;
  FOR_EACH_FUNCTION (node)
    if (!node->inlined_to && node->has_gimple_body_p ())
      {
	int n = node_for (node->decl);
	if (called_from_outside_p (node))
	  esc_cg_add_edge (unit->cg, ESC_CG_OUTSIDE, n, -1);
      }
  FOR_EACH_FUNCTION (node)
    if (!node->inlined_to && node->has_gimple_body_p ())
      scan_calls (node->decl);
}

static void
ensure_unit (void)
{
  if (unit)
    return;
  unit = new unit_stack;
  build_unit ();
}

/* The way back into NODE's cycle, as text.  */
static char *
way_back_text (int node)
{
  int label = esc_cg_witness (unit->cg, node);
  if (label < 0)
    return xstrdup ("");
  const call_label &l = unit->labels[label];
  switch (l.kind)
    {
    case CALL_SELF:
      return xasprintf ("via a call to itself at %s", l.where);
    case CALL_DIRECT:
      return xasprintf ("via %s() at %s", l.callee, l.where);
    case CALL_INDIRECT:
      return xasprintf ("via indirect call at %s", l.where);
    case CALL_EXTERN:
      return xasprintf ("via extern %s() at %s", l.callee, l.where);
    case CALL_REPLACEABLE:
      return xasprintf ("via %s() at %s, which another unit may replace",
			l.callee, l.where);
    }
  gcc_unreachable ();
}

static bool
always_inline_p (cgraph_node *node)
{
  return (DECL_DISREGARD_INLINE_LIMITS (node->decl)
	  && lookup_attribute ("always_inline",
			       DECL_ATTRIBUTES (node->decl)));
}

/* Why the frames that hold NODE's code may recur, or NULL: NODE is in a
   cycle, or it is always_inline and one of the frames it is inlined into
   may recur, or those frames are not all known.  */
static char *
recursion_text (cgraph_node *node, hash_set<cgraph_node *> *visited)
{
  int n = node_for (node->decl);
  if (esc_cg_recurs (unit->cg, n))
    {
      char *way = way_back_text (n);
      char *text = xasprintf ("%s is in a call-graph cycle %s",
			      decl_name (node->decl), way);
      free (way);
      return text;
    }
  if (!always_inline_p (node) || visited->add (node))
    return NULL;
  if (node->address_taken)
    return xasprintf ("%s is always_inline and its address is taken: the "
		      "frames it may be inlined into are not known",
		      decl_name (node->decl));
  if ((flag_generate_lto || flag_generate_offload) && !node->local)
    return xasprintf ("%s is always_inline and may be inlined into other "
		      "units", decl_name (node->decl));
  for (cgraph_edge *e = node->callers; e; e = e->next_caller)
    {
      cgraph_node *host = e->caller->inlined_to ? e->caller->inlined_to
			  : e->caller;
      if (char *why = recursion_text (host, visited))
	{
	  char *text = xasprintf ("%s is inlined into %s: %s",
				  decl_name (node->decl),
				  decl_name (host->decl), why);
	  free (why);
	  return text;
	}
    }
  return NULL;
}

/* The frames NODE, always_inline, is inlined into: its callers, and
   theirs where they are always_inline too.  */
static void
collect_hosts (cgraph_node *node, auto_vec<int> *hosts,
	       hash_set<cgraph_node *> *visited)
{
  if (visited->add (node))
    return;
  for (cgraph_edge *e = node->callers; e; e = e->next_caller)
    {
      cgraph_node *host = e->caller->inlined_to ? e->caller->inlined_to
			  : e->caller;
      if (always_inline_p (host))
	collect_hosts (host, hosts, visited);
      else
	hosts->safe_push (node_for (host->decl));
    }
}

static char *
recursion_of (cgraph_node *node)
{
  hash_set<cgraph_node *> visited;
  return recursion_text (node, &visited);
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
	      if (tree value = gimple_return_retval (as_a <greturn *> (stmt)))
		if (TREE_CODE (value) == SSA_NAME)
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
		if ((returns_void || (lhs && returned.contains (lhs)))
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

void
stack_begin (escape_fn *ef)
{
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
  current.tail_call = false;
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
	  current.tail_call = true;
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
  if (!size_known || current.tail_call)
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

/* Whether object-size checks are on in the unit that a slot of a bound
   would weaken: HWASan or the kernel's ASan, which would not poison the
   bytes between the size and the bound (under ASan the rewrite poisons
   them), UBSan's object-size check, or calls that check object sizes
   (_FORTIFY_SOURCE, __builtin_dynamic_object_size), which would get the
   bound.  Returns what is on, or NULL.  */
const char *
stack_object_size_checks (void)
{
  ensure_unit ();
  if (flag_sanitize & (SANITIZE_KERNEL_ADDRESS | SANITIZE_HWADDRESS
		       | SANITIZE_KERNEL_HWADDRESS))
    return "the kernel's AddressSanitizer or HWASan";
  if (flag_sanitize & SANITIZE_OBJECT_SIZE)
    return "-fsanitize=object-size";
  if (unit->object_size_checks)
    return "object-size checks (_FORTIFY_SOURCE or __builtin_object_size)";
  return NULL;
}

/* Keep NODE, whose frame holds moved bytes, out of frames the unit cannot
   see: inlining after a devirtualized call (its address is taken) or
   into other units under LTO.  */
static void
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
    if (ef->site_decisions[i].reason == ESC_NO_ESCAPE)
      moved += ef->site_decisions[i].bytes;
  esc_cg_add_weight (unit->cg, current.node, moved);
  unit->moved += moved;
  if (esc_cg_weight (unit->cg, current.node))
    keep_out_of_unknown_frames (cgraph_node::get (ef->fun->decl));
}

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
