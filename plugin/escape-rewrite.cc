/* The rewrite: each site that stays in its frame becomes a local array.

   The last stage changes the IR, and only for sites decided stack.  The
   call becomes the address of a new addressable array of the slot's
   bytes and alignment, zeroed first for calloc; accesses p[i] through
   the pointer get the array form a declared array has, so later passes
   treat the slot as they would a hand-written one; and each free the
   policy settled becomes the end of the slot's life (a clobber) where
   its pointer is certainly the site's, or goes away; every slot's life
   ends at the returns too, as a local array's does.  Under ASan, the
   bytes of a slot of a bound past the size asked for are poisoned each
   time the site runs, as the heap object's would be.  */

#include "gcc-common.h"
#include "escape.h"

extern "C" {
#include "graph.h"
#include "policy.h"
#include "report.h"
}

#include "escape-fn.h"

/* ASan's poisoning of user memory (sanitizer/asan_interface.h):
   __asan_poison_memory_region and __asan_unpoison_memory_region, made on
   first use and kept from the garbage collector by escape_rewrite_roots.  */
static tree asan_region_fns[2];

const struct ggc_root_tab escape_rewrite_roots[] = {
  { &asan_region_fns[0], 2, sizeof (asan_region_fns[0]),
    &gt_ggc_mx_tree_node, &gt_pch_nx_tree_node },
  LAST_GGC_ROOT_TAB
};

static tree
asan_region_fn (bool poison)
{
  tree &decl = asan_region_fns[poison];
  if (!decl)
    {
      tree type = build_function_type_list (void_type_node, ptr_type_node,
					    size_type_node, NULL_TREE);
      decl = build_fn_decl (poison ? "__asan_poison_memory_region"
			    : "__asan_unpoison_memory_region", type);
      TREE_NOTHROW (decl) = 1;
      DECL_ATTRIBUTES (decl)
	= tree_cons (get_identifier ("leaf"), NULL_TREE, NULL_TREE);
    }
  return decl;
}

/* Whether the slot of SITE has the bytes between its size and its bound
   poisoned: under ASan, so that the slot keeps the checks of the heap
   object it replaces, whose tail past the size ASan reports.  HWASan and
   the kernel's ASan keep such sites on the heap (escape-stack.cc).  */
static bool
poisoned_tail_p (const site_info *site)
{
  return site->bytes_is_bound && (flag_sanitize & SANITIZE_USER_ADDRESS);
}

/* A call that makes all of SLOT addressable again.  */
gcall *
build_unpoison (tree slot)
{
  return gimple_build_call (asan_region_fn (false), 2,
			    build_fold_addr_expr (slot),
			    TYPE_SIZE_UNIT (TREE_TYPE (slot)));
}

/* The end of SLOT's life; where its tail was poisoned, the slot is made
   addressable first, since another variable may share its stack slot
   from there on.  */
static void
insert_end_of_life (gimple_stmt_iterator *gsi, tree slot, bool poisoned,
		    bool after)
{
  gimple_seq seq = NULL;
  if (poisoned)
    gimple_seq_add_stmt (&seq, build_unpoison (slot));
  gimple_seq_add_stmt (&seq, gimple_build_assign
			       (slot, build_clobber (TREE_TYPE (slot),
						     CLOBBER_EOL)));
  if (after)
    gsi_insert_seq_after (gsi, seq, GSI_NEW_STMT);
  else
    gsi_insert_seq_before (gsi, seq, GSI_SAME_STMT);
}

/* Replace a free by the end of its object's life, or drop it.  */
static void
rewrite_free (gcall *call, tree slot, bool poisoned)
{
  gimple_stmt_iterator gsi = gsi_for_stmt (call);
  tree vdef = gimple_vdef (call);
  unlink_stmt_vdef (call);
  if (slot)
    insert_end_of_life (&gsi, slot, poisoned, false);
  gsi_remove (&gsi, true);
  if (vdef && TREE_CODE (vdef) == SSA_NAME)
    release_ssa_name (vdef);
}

/* Add to SEQ the poisoning of the bytes of SLOT past SIZE, a size_t,
   where ADDR holds the slot's address.  */
void
insert_poison (gimple_seq *seq, tree slot, tree addr, tree size)
{
  tree tail = gimple_build (seq, POINTER_PLUS_EXPR, TREE_TYPE (addr), addr,
			    gimple_convert (seq, sizetype, size));
  tree rest = gimple_build (seq, MINUS_EXPR, size_type_node,
			    fold_convert (size_type_node,
					  TYPE_SIZE_UNIT (TREE_TYPE (slot))),
			    size);
  gimple_seq_add_stmt (seq, gimple_build_call (asan_region_fn (true), 2,
					       tail, rest));
}

/* Poison the bytes of SLOT past the size the call CALL asked for, after
   GSI, where LHS holds the slot's address.  ARGS are the call's
   arguments.  */
static void
poison_tail (gimple_stmt_iterator *gsi, tree slot, tree lhs, gcall *call,
	     const vec<tree> &args)
{
  gimple_seq seq = NULL;
  unsigned first = gimple_call_builtin_p (call, BUILT_IN_ALIGNED_ALLOC);
  tree size = gimple_convert (&seq, size_type_node, args[first]);
  for (unsigned i = first + 1; i < args.length (); i++)
    size = gimple_build (&seq, MULT_EXPR, size_type_node, size,
			 gimple_convert (&seq, size_type_node, args[i]));
  insert_poison (&seq, slot, lhs, size);
  gsi_insert_seq_after (gsi, seq, GSI_NEW_STMT);
}

/* The type T of the accesses *Q, when one of them reads or writes T at
   offset zero and T has ELEMENT_SIZE bytes.  */
static tree
element_type_of_uses (tree q, unsigned HOST_WIDE_INT element_size)
{
  imm_use_iterator it;
  use_operand_p use_p;
  FOR_EACH_IMM_USE_FAST (use_p, it, q)
    {
      gassign *use = dyn_cast <gassign *> (USE_STMT (use_p));
      if (!use)
	continue;
      tree refs[2] = { gimple_assign_lhs (use), gimple_assign_rhs1 (use) };
      for (tree ref : refs)
	if (TREE_CODE (ref) == MEM_REF && TREE_OPERAND (ref, 0) == q
	    && integer_zerop (TREE_OPERAND (ref, 1))
	    && tree_fits_uhwi_p (TYPE_SIZE_UNIT (TREE_TYPE (ref)))
	    && tree_to_uhwi (TYPE_SIZE_UNIT (TREE_TYPE (ref))) == element_size)
	  return TREE_TYPE (ref);
    }
  return NULL_TREE;
}

/* Give the accesses Q = P + I * sizeof (T); *Q, with P the address of the
   new SLOT of BYTES bytes, the form the front end gives an array access:
   Q = &MEM <T[BYTES / sizeof (T)]> [(T *) &SLOT][I], which forwprop folds
   into the access, so that it indexes the frame directly, as a hand-made
   array does.  The address is the same, so every other use of Q stays
   valid; the alias pointer type is that of the access, so type-based
   alias analysis sees what it saw before, and the slot's own type stays
   unsigned char, so no access to it gains a type the program did not
   use.  */
static void
index_as_array (tree p, tree slot, unsigned HOST_WIDE_INT bytes)
{
  imm_use_iterator it;
  gimple *use;
  FOR_EACH_IMM_USE_STMT (use, it, p)
    {
      gassign *plus = dyn_cast <gassign *> (use);
      if (!plus || gimple_assign_rhs_code (plus) != POINTER_PLUS_EXPR
	  || gimple_assign_rhs1 (plus) != p
	  || TREE_CODE (gimple_assign_rhs2 (plus)) != SSA_NAME)
	continue;
      gassign *mult
	= dyn_cast <gassign *> (SSA_NAME_DEF_STMT (gimple_assign_rhs2 (plus)));
      if (!mult || gimple_assign_rhs_code (mult) != MULT_EXPR
	  || !tree_fits_uhwi_p (gimple_assign_rhs2 (mult)))
	continue;
      unsigned HOST_WIDE_INT element_size
	= tree_to_uhwi (gimple_assign_rhs2 (mult));
      if (element_size == 0 || bytes / element_size == 0)
	continue;
      tree q = gimple_assign_lhs (plus);
      tree element = element_type_of_uses (q, element_size);
      /* An array of a type aligned beyond the slot would claim an
	 alignment the slot does not have.  */
      if (!element || TYPE_ALIGN (element) > DECL_ALIGN (slot))
	continue;
      /* The index before its widening to sizetype, as the front end
	 leaves it: the offset is the same, and later passes see the
	 index the program computed.  */
      tree index = gimple_assign_rhs1 (mult);
      if (TREE_CODE (index) == SSA_NAME)
	if (gassign *conv = dyn_cast <gassign *> (SSA_NAME_DEF_STMT (index)))
	  if (CONVERT_EXPR_CODE_P (gimple_assign_rhs_code (conv))
	      && INTEGRAL_TYPE_P (TREE_TYPE (gimple_assign_rhs1 (conv)))
	      && TREE_CODE (gimple_assign_rhs1 (conv)) == SSA_NAME
	      && (TYPE_PRECISION (TREE_TYPE (gimple_assign_rhs1 (conv)))
		  <= TYPE_PRECISION (TREE_TYPE (index))))
	    index = gimple_assign_rhs1 (conv);
      tree array = build_array_type_nelts (element, bytes / element_size);
      tree base = build2 (MEM_REF, array, build_fold_addr_expr (slot),
			  build_int_cst (build_pointer_type (element), 0));
      tree ref = build4 (ARRAY_REF, element, base, index, NULL_TREE,
			 NULL_TREE);
      gimple_stmt_iterator gsi = gsi_for_stmt (plus);
      gimple_assign_set_rhs_from_tree
	(&gsi, build_fold_addr_expr_with_type (ref, TREE_TYPE (q)));
      update_stmt (gsi_stmt (gsi));
    }
}

/* A new local array of BYTES bytes, aligned to ALIGN_BITS, for a moved
   object.  */
tree
new_slot (unsigned HOST_WIDE_INT bytes, unsigned HOST_WIDE_INT align_bits)
{
  tree type = build_array_type_nelts (unsigned_char_type_node, bytes);
  tree slot = create_tmp_var (type, "escape");
  SET_DECL_ALIGN (slot, align_bits);
  DECL_USER_ALIGN (slot) = 1;
  TREE_ADDRESSABLE (slot) = 1;
  /* ASan checks overflows of user variables only.  */
  DECL_ARTIFICIAL (slot) = 0;
  return slot;
}

static tree
rewrite_site (site_info *site)
{
  gcall *call = site->call;
  tree slot = new_slot (site->bytes, site->align_bits);
  tree type = TREE_TYPE (slot);

  gimple_stmt_iterator gsi = gsi_for_stmt (call);
  location_t loc = gimple_location (call);
  bool poisoned = poisoned_tail_p (site);
  auto_vec<tree, 2> args;
  for (unsigned i = 0; i < gimple_call_num_args (call); i++)
    args.safe_push (gimple_call_arg (call, i));
  /* The slot's tail is still poisoned when the site runs again.  */
  if (poisoned)
    {
      gcall *unpoison = build_unpoison (slot);
      gimple_set_location (unpoison, loc);
      gsi_insert_before (&gsi, unpoison, GSI_SAME_STMT);
    }
  if (gimple_call_builtin_p (call, BUILT_IN_CALLOC))
    {
      gassign *zero = gimple_build_assign (slot, build_constructor (type,
								    NULL));
      gimple_set_location (zero, loc);
      gsi_insert_before (&gsi, zero, GSI_SAME_STMT);
    }
  tree vdef = gimple_vdef (call);
  unlink_stmt_vdef (call);
  if (tree lhs = gimple_call_lhs (call))
    {
      tree addr = build_fold_addr_expr_with_type (slot, TREE_TYPE (lhs));
      gsi_replace (&gsi, gimple_build_assign (lhs, addr), false);
      if (poisoned)
	poison_tail (&gsi, slot, lhs, call, args);
      index_as_array (lhs, slot, site->bytes);
    }
  else
    gsi_remove (&gsi, true);
  if (vdef && TREE_CODE (vdef) == SSA_NAME)
    release_ssa_name (vdef);
  return slot;
}

/* A moved site in a loop is dead when its loop goes round again, since no
   pointer to it survives into the next iteration (loop_carried_p): end
   its life at the end of a single latch, so the slot can be shared and
   its last stores dropped.  */
void
end_life_at_latch (basic_block bb, tree slot, bool poisoned)
{
  loop_p loop = bb->loop_father;
  if (!loop_outer (loop) || !loop->latch || !single_succ_p (loop->latch))
    return;
  gimple_stmt_iterator gsi = gsi_last_bb (loop->latch);
  insert_end_of_life (&gsi, slot, poisoned, true);
}

/* End the life of every slot of SLOTS at each return, as the gimplifier
   does for the variables of a function's body.  Where the function is
   inlined, the clobbers end the slots' lives there: a slot still live at
   the caller's later call would keep it from becoming a tail call, and a
   chain of such calls from holding one frame at a time
   (tail-call-inlined-run.c).  */
static void
end_lives_at_returns (const vec<tree> &slots, hash_set<tree> &poisoned)
{
  edge e;
  edge_iterator ei;
  FOR_EACH_EDGE (e, ei, EXIT_BLOCK_PTR_FOR_FN (cfun)->preds)
    {
      gimple_stmt_iterator gsi = gsi_last_bb (e->src);
      if (gsi_end_p (gsi) || gimple_code (gsi_stmt (gsi)) != GIMPLE_RETURN)
	continue;
      for (tree slot : slots)
	insert_end_of_life (&gsi, slot, poisoned.contains (slot), false);
    }
}

/* Whether PTR certainly holds the address that LHS, the result of an
   allocation, was given: LHS itself, or copies and casts of it, also
   through phis all of whose arguments qualify.  A pointer that may be
   NULL does not: free (NULL) ends no object's life, and the object may
   still be in use through another pointer.  */
bool
certainly_site_p (tree ptr, tree lhs, hash_set<tree> *visited)
{
  if (ptr == lhs)
    return true;
  if (TREE_CODE (ptr) != SSA_NAME)
    return false;
  /* A phi met again: its other arguments decide.  */
  if (visited->add (ptr))
    return true;
  gimple *def = SSA_NAME_DEF_STMT (ptr);
  if (gphi *phi = dyn_cast <gphi *> (def))
    {
      for (unsigned i = 0; i < gimple_phi_num_args (phi); i++)
	if (!certainly_site_p (gimple_phi_arg_def (phi, i), lhs, visited))
	  return false;
      return true;
    }
  gassign *assign = dyn_cast <gassign *> (def);
  if (assign && (gimple_assign_ssa_name_copy_p (assign)
		 || CONVERT_EXPR_CODE_P (gimple_assign_rhs_code (assign))))
    return certainly_site_p (gimple_assign_rhs1 (assign), lhs, visited);
  return false;
}

bool
rewrite (escape_fn *ef)
{
  hash_map<int_hash<int, -1, -2>, tree> slots;
  hash_map<int_hash<int, -1, -2>, tree> lhs_of;
  hash_set<tree> poisoned;
  /* The slots of the stack-if-small sites, by object.  */
  hash_map<int_hash<int, -1, -2>, tree> small_slots;
  auto_vec<tree> all_slots;
  bool changed = false;
  for (unsigned i = 0; i < ef->sites.length (); i++)
    if (ef->site_small[i])
      {
	/* Its life does not end at the loop's latch: the guarded frees
	   still read the pointer, which GCC's -Wdangling-pointer would
	   then see as a use after the end of the slot's life, when it
	   walks back around the loop.  */
	tree slot = rewrite_small_site (&ef->sites[i]);
	small_slots.put (ef->site_decisions[i].obj, slot);
	all_slots.safe_push (slot);
	changed = true;
      }
    else if (ef->site_decisions[i].reason == ESC_NO_ESCAPE)
      {
	basic_block bb = gimple_bb (ef->sites[i].call);
	if (tree lhs = gimple_call_lhs (ef->sites[i].call))
	  lhs_of.put (ef->site_decisions[i].obj, lhs);
	tree slot = rewrite_site (&ef->sites[i]);
	slots.put (ef->site_decisions[i].obj, slot);
	if (poisoned_tail_p (&ef->sites[i]))
	  poisoned.add (slot);
	end_life_at_latch (bb, slot, poisoned.contains (slot));
	all_slots.safe_push (slot);
	changed = true;
      }
  for (unsigned f = 0; f < ef->free_calls.length (); f++)
    switch (ef->free_decisions[f].action)
      {
      case ESC_FREE_KEEP:
	break;
      case ESC_FREE_REMOVE:
	rewrite_free (ef->free_calls[f], NULL_TREE, false);
	break;
      case ESC_FREE_CLOBBER:
	{
	  esc_obj obj = ef->free_decisions[f].obj;
	  tree *lhs = lhs_of.get (obj);
	  hash_set<tree> visited;
	  bool certain
	    = lhs && certainly_site_p (gimple_call_arg (ef->free_calls[f], 0),
				       *lhs, &visited);
	  tree slot = certain ? *slots.get (obj) : NULL_TREE;
	  rewrite_free (ef->free_calls[f], slot,
			slot && poisoned.contains (slot));
	  break;
	}
      case ESC_FREE_GUARD:
	{
	  esc_node ptr = ef->free_nodes[f];
	  auto_vec<tree, 2> slots;
	  for (size_t k = 0; k < esc_points_to_size (ef->g, ptr); k++)
	    if (tree *slot = small_slots.get (esc_points_to_nth (ef->g, ptr,
								 k)))
	      slots.safe_push (*slot);
	  guard_free (ef->free_calls[f], slots);
	  break;
	}
      }
  end_lives_at_returns (all_slots, poisoned);
  return changed;
}

