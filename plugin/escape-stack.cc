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
       of moved bytes, and no moved object is live at a call that may
       become a tail call, which it would keep a real one;
     - a frame stays within -Wframe-larger-than= and -Wstack-usage=;
     - inlining never carries moved objects into a frame where they would
       break one of the above.  */

#include "gcc-common.h"
#include "ipa-utils.h"
#include "tree-ssa-loop-niter.h"
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
  /* The calls of the program that may become tail calls
     (tail_calls_of_program).  */
  hash_set<gimple *> *tail_calls;
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

/* Whether CALL, not a builtin, is one no later pass can inline, remove
   or see into: to a function with no body anywhere the compilation
   can see it, so that IPA passes know nothing of it and dead store
   elimination, which removes a call whose only effect is stores to
   dead memory (tree-ssa-dse.cc, dse_optimize_call), has no summary of
   it.  Early, when the unit is compiled for LTO, any function may get a
   body from another unit; late (after IPA inlining), a function of
   another partition has one.  */
static bool
opaque_call_p (gcall *call, bool late)
{
  if (gimple_call_internal_p (call)
      || (gimple_call_flags (call) & (ECF_CONST | ECF_PURE | ECF_NOVOPS))
      || gimple_call_builtin_p (call, BUILT_IN_NORMAL))
    return false;
  tree fndecl = gimple_call_fndecl (call);
  if (!fndecl || (!late && (flag_generate_lto || flag_generate_offload)))
    return false;
  cgraph_node *node = cgraph_node::get (fndecl);
  if (!node)
    return true;
  node = node->ultimate_alias_target ();
  return !node->definition && !node->in_other_partition;
}

/* NAME and the names that hold its value: copies and conversions.  */
static void
add_copies (tree name, hash_set<tree> *copies)
{
  if (copies->add (name))
    return;
  imm_use_iterator it;
  use_operand_p use_p;
  FOR_EACH_IMM_USE_FAST (use_p, it, name)
    {
      gimple *use = USE_STMT (use_p);
      if (is_gimple_assign (use)
	  && (gimple_assign_ssa_name_copy_p (use)
	      || CONVERT_EXPR_CODE_P (gimple_assign_rhs_code (use)))
	  && TREE_CODE (gimple_assign_lhs (use)) == SSA_NAME)
	add_copies (gimple_assign_lhs (use), copies);
    }
}

/* Whether every way to BB passes E: its destination dominates BB, and
   reaches itself again only through itself (a loop's back edges).  */
static bool
edge_dominates_p (edge e, basic_block bb)
{
  if (!dominated_by_p (CDI_DOMINATORS, bb, e->dest))
    return false;
  edge other;
  edge_iterator ei;
  FOR_EACH_EDGE (other, ei, e->dest->preds)
    if (other != e && !dominated_by_p (CDI_DOMINATORS, other->src, e->dest))
      return false;
  return true;
}

/* Whether STMT runs only after a test has found one of VALUES not NULL:
   it is dominated by the arm of such a test, so on every way to it
   the pointer is not NULL when the program runs, and no pass can find
   it NULL there, however the program tests it elsewhere.  */
static bool
tested_not_null_p (gimple *stmt, hash_set<tree> *values)
{
  for (tree name : *values)
    {
      imm_use_iterator it;
      use_operand_p use_p;
      FOR_EACH_IMM_USE_FAST (use_p, it, name)
	{
	  gcond *cond = dyn_cast <gcond *> (USE_STMT (use_p));
	  if (!cond || !integer_zerop (gimple_cond_rhs (cond))
	      || (gimple_cond_code (cond) != EQ_EXPR
		  && gimple_cond_code (cond) != NE_EXPR))
	    continue;
	  edge e;
	  edge_iterator ei;
	  FOR_EACH_EDGE (e, ei, gimple_bb (cond)->succs)
	    if ((gimple_cond_code (cond) == NE_EXPR)
		== ((e->flags & EDGE_TRUE_VALUE) != 0)
		&& edge_dominates_p (e, gimple_bb (stmt)))
	      return true;
	}
    }
  return false;
}

/* Whether CALL is to a builtin that reads or writes a stream, which GCC
   folds into another such call but never into nothing, unless an
   argument is an empty string or a zero (printf (""), fwrite (p, 0, n,
   f)).  */
static bool
stream_io_builtin_p (gcall *call)
{
  switch (DECL_FUNCTION_CODE (gimple_call_fndecl (call)))
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
    case BUILT_IN_SCANF:
    case BUILT_IN_SSCANF:
    case BUILT_IN_VSCANF:
    case BUILT_IN_VSSCANF:
    case BUILT_IN_VFSCANF:
      break;
    default:
      return false;
    }
  for (unsigned i = 0; i < gimple_call_num_args (call); i++)
    {
      tree arg = gimple_call_arg (call, i);
      if (integer_zerop (arg))
	return false;
      STRIP_NOPS (arg);
      if (TREE_CODE (arg) == ADDR_EXPR)
	arg = TREE_OPERAND (arg, 0);
      if (TREE_CODE (arg) == ARRAY_REF)
	arg = TREE_OPERAND (arg, 0);
      if (TREE_CODE (arg) == STRING_CST && TREE_STRING_LENGTH (arg) <= 1)
	return false;
    }
  return true;
}

/* Whether every use of VALUES, other than as copies of one another, is
   one no pass learns from whether the pointer is NULL: freed, handed to
   a call no pass sees into (opaque_call_p) or to a builtin whose value,
   if any, is unused, or dereferenced.  A pass can then find the pointer
   NULL nowhere, so on no way to a free.  */
static bool
value_never_tested_p (hash_set<tree> *values, bool late)
{
  for (tree name : *values)
    {
      imm_use_iterator it;
      use_operand_p use_p;
      FOR_EACH_IMM_USE_FAST (use_p, it, name)
	{
	  gimple *use = USE_STMT (use_p);
	  if (is_gimple_debug (use))
	    continue;
	  if (gcall *call = dyn_cast <gcall *> (use))
	    {
	      if (gimple_call_fn (call) == name || gimple_call_lhs (call) == name)
		return false;
	      if (gimple_call_builtin_p (call, BUILT_IN_FREE)
		  || opaque_call_p (call, late))
		continue;
	      tree lhs = gimple_call_lhs (call);
	      if (gimple_call_builtin_p (call, BUILT_IN_NORMAL)
		  && (!lhs || (TREE_CODE (lhs) == SSA_NAME
			       && has_zero_uses (lhs))))
		continue;
	      return false;
	    }
	  if (!is_gimple_assign (use))
	    return false;
	  tree lhs = gimple_assign_lhs (use);
	  if (TREE_CODE (lhs) == SSA_NAME && values->contains (lhs)
	      && (gimple_assign_ssa_name_copy_p (use)
		  || CONVERT_EXPR_CODE_P (gimple_assign_rhs_code (use))))
	    continue;
	  /* A load or store through the pointer, not of it.  */
	  if (!gimple_assign_single_p (use) || gimple_assign_rhs1 (use) == name)
	    return false;
	  tree base = get_base_address (gimple_assign_load_p (use)
					? gimple_assign_rhs1 (use) : lhs);
	  if (!base || TREE_CODE (base) != MEM_REF
	      || TREE_OPERAND (base, 0) != name)
	    return false;
	}
    }
  return true;
}

/* Whether one of VALUES is an argument of a call that runs before STMT
   on every way to it and keeps the object they point to, and what it
   holds, in the program: a call no pass sees into (opaque_call_p), or
   one that writes to a stream, which GCC folds into one that reads less
   only for a string whose length it finds by following copies back to a
   constant (gimple-fold.cc, get_range_strlen), never for an allocation's
   pointer.  */
static bool
handed_before_p (gimple *stmt, hash_set<tree> *values, bool late)
{
  for (tree name : *values)
    {
      imm_use_iterator it;
      use_operand_p use_p;
      FOR_EACH_IMM_USE_FAST (use_p, it, name)
	if (gcall *call = dyn_cast <gcall *> (USE_STMT (use_p)))
	  if ((gimple_call_builtin_p (call, BUILT_IN_NORMAL)
	       ? stream_io_builtin_p (call) : opaque_call_p (call, late))
	      && stmt_dominates_stmt_p (call, stmt))
	    return true;
    }
  return false;
}

/* Whether the free CALL stays in the program whatever later passes do.
   A free goes when a pass finds its pointer NULL: a member of a local
   struct set to NULL, an argument IPA-CP makes a constant, what an
   inlined function returns, or on the arm of any test that tells it
   NULL, however written.  And it goes with a builtin allocation once
   the allocation's stores are dead and its loads forwarded
   (tree-ssa-dce.cc, is_removable_allocation_p).  So it stays only if its
   pointer is what a call no pass sees into returned (opaque_call_p), or
   a builtin allocation that is handed, before the free, to a call that
   keeps it (handed_before_p); and either a test has found the pointer
   not NULL before the free (tested_not_null_p), or nothing could tell a
   pass that it is NULL (value_never_tested_p).  */
static bool
lasting_free_p (gcall *call, bool late)
{
  tree ptr = gimple_call_arg (call, 0);
  while (TREE_CODE (ptr) == SSA_NAME)
    {
      gimple *def = SSA_NAME_DEF_STMT (ptr);
      if (gcall *alloc = dyn_cast <gcall *> (def))
	{
	  hash_set<tree> values;
	  add_copies (ptr, &values);
	  if (!tested_not_null_p (call, &values)
	      && !value_never_tested_p (&values, late))
	    return false;
	  if (gimple_call_builtin_p (alloc, BUILT_IN_NORMAL))
	    return ((gimple_call_flags (alloc) & ECF_MALLOC)
		    && handed_before_p (call, &values, late));
	  return opaque_call_p (alloc, late);
	}
      if (!gimple_assign_ssa_name_copy_p (def)
	  && !(is_gimple_assign (def)
	       && CONVERT_EXPR_CODE_P (gimple_assign_rhs_code (def))))
	return false;
      ptr = gimple_assign_rhs1 (def);
    }
  return false;
}

/* Whether STMT certainly stays in the program, in the frame it is in, as
   something that runs: after a call, it keeps that call from becoming a
   tail call whatever later passes do.  A call no pass can inline, fold
   or remove does (opaque_call_p), as does a free that stays
   (lasting_free_p), and a volatile access or volatile asm.  Builtins do
   not, not even those that write to a stream, which fold into nothing
   once their text is found empty (printf ("%s", s)).  Loads, stores and
   the return value do not: dead stores and loads go, and IPA-SRA drops a
   value no caller uses (tail-call-sra-run.c).  */
static bool
tail_call_barrier_p (gimple *stmt, bool late)
{
  /* A clobber, which GCC marks volatile, is no access.  */
  if (gimple_clobber_p (stmt))
    return false;
  if (gimple_has_volatile_ops (stmt))
    return true;
  if (gasm *asm_stmt = dyn_cast <gasm *> (stmt))
    return gimple_asm_volatile_p (asm_stmt);
  gcall *call = dyn_cast <gcall *> (stmt);
  if (!call || gimple_call_internal_p (call))
    return false;
  if (gimple_call_builtin_p (call, BUILT_IN_FREE))
    return lasting_free_p (call, late);
  return opaque_call_p (call, late);
}

/* Whether VALUE OP BOUND, with BOUND a constant, may be true for some
   values of VALUE's type and false for others.  */
static bool
open_comparison_p (tree value, tree bound)
{
  tree type = TREE_TYPE (value);
  if (POINTER_TYPE_P (type))
    return integer_zerop (bound);
  if (TREE_CODE (bound) != INTEGER_CST || !INTEGRAL_TYPE_P (type)
      || !int_fits_type_p (bound, type))
    return false;
  return (tree_int_cst_lt (TYPE_MIN_VALUE (type), bound)
	  && tree_int_cst_lt (bound, TYPE_MAX_VALUE (type)));
}

/* Whether the branch that ends BB compares, with a constant inside its
   type's range, the value of the call just before it, a call no pass can
   see into (opaque_call_p) that promises nothing of its value
   (returns_nonnull).  No pass can decide such a branch, nor remove it
   while its arms differ, so a call before it is a tail call only if
   every arm may lead to the return clear of barriers (if (read (fd, buf,
   n) != n) return -1;).  Any other branch may be decided, by value
   ranges, or once a call is inlined.  */
static bool
branch_on_call_p (basic_block bb, bool late)
{
  gcond *cond = safe_dyn_cast <gcond *> (last_stmt (bb));
  if (!cond || TREE_CODE (gimple_cond_lhs (cond)) != SSA_NAME
      || !open_comparison_p (gimple_cond_lhs (cond), gimple_cond_rhs (cond)))
    return false;
  gcall *call = dyn_cast <gcall *> (SSA_NAME_DEF_STMT (gimple_cond_lhs (cond)));
  gimple_stmt_iterator gsi = gsi_for_stmt (cond);
  gsi_prev_nondebug (&gsi);
  if (!call || gsi_end_p (gsi) || gsi_stmt (gsi) != call
      || !opaque_call_p (call, late))
    return false;
  tree fndecl = gimple_call_fndecl (call);
  return !(lookup_attribute ("returns_nonnull", DECL_ATTRIBUTES (fndecl))
	   || lookup_attribute ("returns_nonnull",
				TYPE_ATTRIBUTES (TREE_TYPE (fndecl))));
}

/* Whether the end of BB reaches the function's return without passing a
   barrier: through blocks in CLEAR (the blocks from which a way leads to
   the return so).  One way is enough, since jump threading may copy a
   block onto it, unless the block's branch tests the value of a call no
   pass sees into (branch_on_call_p).  */
static bool
end_clear_to_return_p (basic_block bb, bitmap clear, bitmap returning,
		       bool late)
{
  bool every_arm = branch_on_call_p (bb, late);
  bool some_arm = false;
  edge e;
  edge_iterator ei;
  FOR_EACH_EDGE (e, ei, bb->succs)
    {
      bool to_exit = e->dest == EXIT_BLOCK_PTR_FOR_FN (cfun);
      /* An arm that never returns (__builtin_unreachable) may go.  */
      if (every_arm && !to_exit && !bitmap_bit_p (returning, e->dest->index))
	continue;
      bool clear_arm = to_exit || bitmap_bit_p (clear, e->dest->index);
      if (clear_arm != every_arm)
	return clear_arm;
      some_arm = true;
    }
  return every_arm && some_arm;
}

/* Set in RETURNING the blocks of FUN from which a way leads to the
   return.  */
static void
find_returning_blocks (function *fun, bitmap returning)
{
  auto_vec<basic_block> work;
  work.safe_push (EXIT_BLOCK_PTR_FOR_FN (fun));
  while (!work.is_empty ())
    {
      basic_block bb = work.pop ();
      edge e;
      edge_iterator ei;
      FOR_EACH_EDGE (e, ei, bb->preds)
	if (e->src != ENTRY_BLOCK_PTR_FOR_FN (fun)
	    && bitmap_set_bit (returning, e->src->index))
	  work.safe_push (e->src);
    }
}

/* The last barrier of BB (tail_call_barrier_p), or NULL.  */
static gimple *
last_barrier (basic_block bb, bool late)
{
  for (gimple_stmt_iterator gsi = gsi_last_bb (bb); !gsi_end_p (gsi);
       gsi_prev (&gsi))
    if (tail_call_barrier_p (gsi_stmt (gsi), late))
      return gsi_stmt (gsi);
  return NULL;
}

/* Whether CALL cannot lead back into the unit (free and malloc among
   them): as a tail call it ends no chain of the unit's frames, and kept
   a real one it holds the frame once, as any call does.  GCC's leaf has
   no effect on a function the unit defines.  */
static bool
leaf_call_p (gcall *call)
{
  tree fndecl = gimple_call_fndecl (call);
  if (!fndecl || !leaf_callee_p (fndecl, gimple_call_flags (call)))
    return false;
  cgraph_node *node = cgraph_node::get (fndecl);
  return !node || !node->definition;
}

/* Add to CALLS the calls of FUN that may become tail calls, in the
   program as written or after any later pass: those from which a way
   reaches the return that passes no barrier (tail_call_barrier_p), and
   that may lead back into the unit.  A chain of tail calls holds one
   frame at a time; a moved object live at one keeps it a real call, and
   the chain's frames then all stay on the stack, plain bytes included.  */
static void
tail_calls_of_program (function *fun, bool late, hash_set<gimple *> *calls)
{
  auto_bitmap clear, returning;
  find_returning_blocks (fun, returning);
  /* Barriers are found once: a free's takes walks over its pointer's
     uses.  */
  auto_vec<gimple *> barrier;
  barrier.safe_grow_cleared (last_basic_block_for_fn (fun));
  basic_block bb;
  FOR_EACH_BB_FN (bb, fun)
    barrier[bb->index] = last_barrier (bb, late);
  bool changed;
  do
    {
      changed = false;
      FOR_EACH_BB_FN (bb, fun)
	if (!bitmap_bit_p (clear, bb->index) && !barrier[bb->index]
	    && end_clear_to_return_p (bb, clear, returning, late))
	  {
	    bitmap_set_bit (clear, bb->index);
	    changed = true;
	  }
    }
  while (changed);
  /* Backwards through each block, down to its last barrier: the calls
     after it.  */
  FOR_EACH_BB_FN (bb, fun)
    {
      if (!end_clear_to_return_p (bb, clear, returning, late))
	continue;
      for (gimple_stmt_iterator gsi = gsi_last_bb (bb); !gsi_end_p (gsi);
	   gsi_prev (&gsi))
	{
	  gcall *call = dyn_cast <gcall *> (gsi_stmt (gsi));
	  if (call && !gimple_call_internal_p (call)
	      && !leaf_call_p (call))
	    calls->add (call);
	  if (gsi_stmt (gsi) == barrier[bb->index])
	    break;
	}
    }
}

/* A call of FUN that may become a tail call into NODE's cycle: the
   recursion would then run in one frame, and a moved object live at the
   call would make it grow the stack where it did not.  */
static gimple *
tail_call_into_cycle (function *fun, int node)
{
  basic_block bb;
  FOR_EACH_BB_FN (bb, fun)
    for (gimple_stmt_iterator gsi = gsi_start_bb (bb); !gsi_end_p (gsi);
	 gsi_next (&gsi))
      if (current.tail_calls->contains (gsi_stmt (gsi))
	  && call_into_cycle_p (as_a <gcall *> (gsi_stmt (gsi)), node))
	return gsi_stmt (gsi);
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

static void
find_tail_calls (function *fun, bool late)
{
  delete current.tail_calls;
  current.tail_calls = new hash_set<gimple *>;
  calculate_dominance_info (CDI_DOMINATORS);
  tail_calls_of_program (fun, late, current.tail_calls);
}

/* Whether CALL ends every chain of calls it starts: it goes to a function
   of the unit, other than the one the pass is at, whose body no other
   unit may replace, that calls nothing at all (a leaf call may take a
   library's stack, snprintf's kilobytes, or run the unit's code, exit's
   atexit handlers), and whose frame, with no alloca, GCC estimates at
   most --param large-stack-frame.  A moved object live at CALL keeps it
   a real call, but then the program holds one frame more than without
   it, the smaller of the two, once: nothing is chained after it.  */
static bool
chain_end_call_p (gcall *call)
{
  tree fndecl = gimple_call_fndecl (call);
  cgraph_node *node = fndecl ? cgraph_node::get (fndecl) : NULL;
  if (!node)
    return false;
  enum availability avail;
  cgraph_node *target = node->ultimate_alias_target (&avail);
  if (!target->has_gimple_body_p () || body_may_be_replaced_p (target, avail)
      || target->decl == current_function_decl)
    return false;
  function *fn = DECL_STRUCT_FUNCTION (target->decl);
  if (!fn || !fn->cfg || fn->calls_alloca
      || estimated_stack_frame_size (target) > param_large_stack_frame)
    return false;
  basic_block bb;
  FOR_EACH_BB_FN (bb, fn)
    for (gimple_stmt_iterator gsi = gsi_start_bb (bb); !gsi_end_p (gsi);
	 gsi_next (&gsi))
      {
	gcall *inner = dyn_cast <gcall *> (gsi_stmt (gsi));
	if (inner && !gimple_call_internal_p (inner))
	  return false;
      }
  return true;
}

/* A call that may become a tail call of the program and that SITE's
   object may still be live at: one a way from the site reaches without
   passing a free that the rewrite makes the end of the slot's life (a
   free of a pointer certainly the site's; a stack-if-small site's frees
   stay, guarded, and end nothing).  GCC's tail call pass keeps a call a
   real one while an addressable variable the call may see is live
   (tree-tailcall.cc, find_tail_calls).  */
static gimple *
tail_call_live_after (const site_info *site, bool small)
{
  if (!flag_optimize_sibling_calls || current.tail_calls->is_empty ())
    return NULL;
  tree lhs = small ? NULL_TREE : gimple_call_lhs (site->call);
  auto_vec<basic_block> work;
  auto_bitmap visited;
  gimple_stmt_iterator gsi = gsi_for_stmt (site->call);
  gsi_next (&gsi);
  basic_block bb = gimple_bb (site->call);
  for (;;)
    {
      bool ended = false;
      for (; !gsi_end_p (gsi); gsi_next (&gsi))
	{
	  gimple *stmt = gsi_stmt (gsi);
	  if (current.tail_calls->contains (stmt)
	      && !chain_end_call_p (as_a <gcall *> (stmt)))
	    return stmt;
	  if (lhs && gimple_call_builtin_p (stmt, BUILT_IN_FREE))
	    {
	      hash_set<tree> seen;
	      if (certainly_site_p (gimple_call_arg (stmt, 0), lhs, &seen))
		{
		  ended = true;
		  break;
		}
	    }
	}
      if (!ended)
	{
	  edge e;
	  edge_iterator ei;
	  FOR_EACH_EDGE (e, ei, bb->succs)
	    if (e->dest != EXIT_BLOCK_PTR_FOR_FN (cfun)
		&& bitmap_set_bit (visited, e->dest->index))
	      work.safe_push (e->dest);
	}
      if (work.is_empty ())
	return NULL;
      bb = work.pop ();
      gsi = gsi_start_bb (bb);
    }
}

char *
stack_tail_call_refuses (const site_info *site, bool small)
{
  gimple *call = tail_call_live_after (site, small);
  if (!call)
    return NULL;
  char *where = where_text (gimple_location (call));
  char *text = xasprintf ("it may be live at the call at %s, which may "
			  "become a tail call: a moved object would keep it "
			  "a real call, and the frames of a chain of tail "
			  "calls would all stay on the stack", where);
  free (where);
  return text;
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
  find_tail_calls (fun, true);
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

  find_tail_calls (fun, false);
  free (current.recursion);
  current.recursion = recursion_of (node);
  current.recursion_room = ULLONG_MAX;
  current.no_allowance = false;
  if (current.recursion)
    {
      current.recursion_room = stack_recursion_allowance ();
      if (gimple *tail = tail_call_into_cycle (fun, current.node))
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
