/* The checks the escape graph cannot make, and the decisions.

   The graph answers whether an object can be reached from outside its
   function.  Moving it is sound only if, besides, the slot is bounded
   and small (a constant size, or a bound from the conditions and
   definitions around the call, or from GCC's ranger; a bound only where
   no object-size query may see the slot in place of the object), no
   pointer to it lives on into the next round of a loop that allocates
   it again, its frame cannot recur (or the site fits the recursion
   allowance; see escape-stack.cc), the function calls no setjmp, and
   every operand was followed.  check_site records each of these that
   fails; decide then hands the sites to the policy
   (plugin/core/policy.h), which adds the free rule and the limits of
   escape-stack.cc: the recursion allowance, the frame budget and the
   stack budget.  */

#include "gcc-common.h"
#include "escape.h"

extern "C" {
#include "graph.h"
#include "policy.h"
#include "report.h"
}

#include "escape-fn.h"

/* The objects the phis of BB may hold, collected on first use: a site
   in a loop is tested against the phis of every enclosing loop, so
   testing each phi per site would be sites x phis.  */
static bitmap
block_phi_objects (escape_fn *ef, basic_block bb)
{
  if (ef->block_phi_objects.length () <= (unsigned) bb->index)
    ef->block_phi_objects.safe_grow_cleared (last_basic_block_for_fn (ef->fun));
  bitmap &objects = ef->block_phi_objects[bb->index];
  if (objects)
    return objects;
  objects = BITMAP_ALLOC (NULL);
  for (gphi_iterator gsi = gsi_start_phis (bb); !gsi_end_p (gsi);
       gsi_next (&gsi))
    {
      tree res = gimple_phi_result (gsi.phi ());
      if (virtual_operand_p (res))
	continue;
      /* An address kept as where a pointer points lives on too.  */
      esc_node held[2] = { ssa_node (ef, res),
			   esc_offset (ef->g, ssa_node (ef, res)) };
      for (esc_node n : held)
	for (size_t k = 0; k < esc_points_to_size (ef->g, n); k++)
	  bitmap_set_bit (objects, esc_points_to_nth (ef->g, n, k));
    }
  return objects;
}

/* Whether the CFG of FUN has a cycle that is no natural loop: an edge
   back to a block of the depth-first walk's path that does not dominate
   the edge's source.  GCC's own marks miss the natural loops nested in
   such a cycle, so the pass finds it itself.  */
static bool
irreducible_cfg_p (function *fun)
{
  /* 0: not reached yet, 1: on the walk's path, 2: done.  */
  auto_vec<char> state;
  state.safe_grow_cleared (last_basic_block_for_fn (fun));
  auto_vec<basic_block> path;
  auto_vec<unsigned> next_edge;
  basic_block entry = ENTRY_BLOCK_PTR_FOR_FN (fun);
  state[entry->index] = 1;
  path.safe_push (entry);
  next_edge.safe_push (0);
  while (!path.is_empty ())
    {
      basic_block bb = path.last ();
      unsigned &i = next_edge.last ();
      if (i == EDGE_COUNT (bb->succs))
	{
	  state[bb->index] = 2;
	  path.pop ();
	  next_edge.pop ();
	  continue;
	}
      basic_block dest = EDGE_SUCC (bb, i++)->dest;
      if (state[dest->index] == 1 && !dominated_by_p (CDI_DOMINATORS, bb, dest))
	return true;
      if (state[dest->index] == 0)
	{
	  state[dest->index] = 1;
	  path.safe_push (dest);
	  next_edge.safe_push (0);
	}
    }
  return false;
}

/* The cycles of the CFG of EF's function, by block index (esc_cycles),
   made on first use.  */
static int *
block_cycles (escape_fn *ef)
{
  if (ef->block_cycles)
    return ef->block_cycles;
  auto_vec<int> edges;
  basic_block bb;
  FOR_EACH_BB_FN (bb, ef->fun)
    {
      edge e;
      edge_iterator ei;
      FOR_EACH_EDGE (e, ei, bb->succs)
	{
	  edges.safe_push (bb->index);
	  edges.safe_push (e->dest->index);
	}
    }
  ef->block_cycles = esc_cycles (last_basic_block_for_fn (ef->fun),
				 (const int (*)[2]) edges.address (),
				 edges.length () / 2);
  return ef->block_cycles;
}

static bool
clobbers_p (gimple *stmt, tree decl)
{
  return gimple_clobber_p (stmt) && gimple_assign_lhs (stmt) == decl;
}

/* Whether DECL is dead after the statements from GSI on, when it is
   DEAD before them: a clobber ends its life; after that, a statement
   that may write it may write a pointer into a new life of it, which a
   goto back into its scope begins.  */
static bool
dead_after (gimple_stmt_iterator gsi, tree decl, bool dead)
{
  for (; !gsi_end_p (gsi); gsi_next (&gsi))
    {
      gimple *stmt = gsi_stmt (gsi);
      if (clobbers_p (stmt, decl))
	dead = true;
      else if (dead && gimple_vdef (stmt)
	       && stmt_may_clobber_ref_p (stmt, decl))
	dead = false;
    }
  return dead;
}

/* Whether DECL is dead on every path from SITE to HEADER, the head of
   the innermost loop around SITE: its life ended at a clobber, which
   GCC puts where its scope ends, and nothing wrote it since.  In C a
   variable declared in the loop's body is a new one on each iteration,
   indeterminate until it is written, so what it held cannot reach the
   next run of SITE (C11 6.2.4).  A path that meets HEADER first keeps
   it alive; so does a path that only meets the clobber in HEADER,
   before the end of the slot's life that the rewrite puts at the
   latch.  */
static bool
dies_before_header (gimple *site, tree decl, basic_block header)
{
  gimple_stmt_iterator after = gsi_for_stmt (site);
  gsi_next (&after);
  bool dead = dead_after (after, decl, false);
  /* Blocks to enter, each with whether DECL is dead there.  */
  auto_vec<std::pair<basic_block, bool>, 16> work;
  auto_bitmap entered_alive, entered_dead;
  edge e;
  edge_iterator ei;
  FOR_EACH_EDGE (e, ei, gimple_bb (site)->succs)
    work.safe_push (std::make_pair (e->dest, dead));
  while (!work.is_empty ())
    {
      std::pair<basic_block, bool> entry = work.pop ();
      basic_block bb = entry.first;
      dead = entry.second;
      if (bb == header)
	{
	  if (!dead)
	    return false;
	  continue;
	}
      if (!bitmap_set_bit (dead ? entered_dead : entered_alive, bb->index))
	continue;
      dead = dead_after (gsi_start_bb (bb), decl, dead);
      FOR_EACH_EDGE (e, ei, bb->succs)
	work.safe_push (std::make_pair (e->dest, dead));
    }
  return true;
}

/* The local variable whose storage OBJ stands for, or NULL_TREE.  */
static tree
variable_of (escape_fn *ef, esc_obj obj)
{
  for (auto entry : ef->decl_objects)
    if (entry.second == obj)
      return VAR_P (entry.first) ? entry.first : NULL_TREE;
  return NULL_TREE;
}

/* Whether the only memory that may hold a pointer to OBJ, which SITE
   allocates in a loop whose head is HEADER, is local variables whose
   life ends before the loop goes round.  */
static bool
held_for_one_iteration (escape_fn *ef, gimple *site, esc_obj obj,
			basic_block header)
{
  const size_t max = 8;
  esc_obj containers[max];
  size_t n = esc_object_containers (ef->g, obj, containers, max);
  if (n > max)
    return false;
  for (size_t i = 0; i < n; i++)
    {
      tree var = variable_of (ef, containers[i]);
      if (!var || is_global_var (var)
	  || !dies_before_header (site, var, header))
	return false;
    }
  return true;
}

/* Whether a pointer to OBJ, allocated by SITE in block BB, may still be
   alive when BB allocates again.  BB only runs again on a cycle of the
   CFG, and then an old pointer lives on into the new run only in memory,
   or through a phi on that cycle in a block that dominates BB: in SSA
   form a value live at BB is defined in a block that dominates BB, and a
   chain of definitions without a phi from BB's own result would make
   that block both dominate BB and be dominated by it.

   When every cycle is a natural loop, that block's phi carries the
   pointer into the loop's header, so the headers of the loops around BB
   are all that needs looking at.  When some cycle is not (a goto into a
   loop), every dominator of BB on BB's cycle is; those come first on
   the way up the dominator tree, since a block that dominates one on
   the cycle and is reached from BB is on it too.

   Memory that holds the pointer keeps it alive, unless it is a local
   variable of the loop's body (held_for_one_iteration); that is only
   looked for where every cycle is a natural loop.  */
static bool
loop_carried_p (escape_fn *ef, gimple *site, esc_obj obj)
{
  basic_block bb = gimple_bb (site);
  if (ef->irreducible < 0)
    ef->irreducible = irreducible_cfg_p (ef->fun);
  if (!ef->irreducible)
    {
      if (bb->loop_father == ef->fun->x_current_loops->tree_root)
	return false;
      if (ef->containers[obj] >= 0
	  && !held_for_one_iteration (ef, site, obj, bb->loop_father->header))
	return true;
      for (loop_p loop = bb->loop_father; loop_outer (loop);
	   loop = loop_outer (loop))
	if (bitmap_bit_p (block_phi_objects (ef, loop->header), obj))
	  return true;
      return false;
    }
  int *cycles = block_cycles (ef);
  int cycle = cycles[bb->index];
  if (cycle < 0)
    return false;
  if (ef->containers[obj] >= 0)
    return true;
  for (basic_block d = bb; d && cycles[d->index] == cycle;
       d = get_immediate_dominator (CDI_DOMINATORS, d))
    if (bitmap_bit_p (block_phi_objects (ef, d), obj))
      return true;
  return false;
}

/* Whether the condition that sends control along E keeps NAME at most a
   constant, stored in BOUND.  */
static bool
edge_condition_bound (edge e, tree name, unsigned HOST_WIDE_INT *bound)
{
  gcond *cond = safe_dyn_cast <gcond *> (last_stmt (e->src));
  if (!cond || !(e->flags & (EDGE_TRUE_VALUE | EDGE_FALSE_VALUE)))
    return false;
  tree lhs = gimple_cond_lhs (cond), rhs = gimple_cond_rhs (cond);
  enum tree_code code = gimple_cond_code (cond);
  if (rhs == name)
    {
      std::swap (lhs, rhs);
      code = swap_tree_comparison (code);
    }
  if (lhs != name || !tree_fits_uhwi_p (rhs))
    return false;
  if (e->flags & EDGE_FALSE_VALUE)
    code = invert_tree_comparison (code, false);
  unsigned HOST_WIDE_INT c = tree_to_uhwi (rhs);
  switch (code)
    {
    case LE_EXPR:
    case EQ_EXPR:
      *bound = c;
      return true;
    case LT_EXPR:
      if (c == 0)
	return false;
      *bound = c - 1;
      return true;
    default:
      return false;
    }
}

/* A condition on the way into BB, through the few single-predecessor
   blocks above it, that keeps NAME at most a constant.  The walk is
   short, so a long chain costs no more than a short one.  */
static bool
dominating_condition_bound (basic_block bb, tree name,
			    unsigned HOST_WIDE_INT *bound)
{
  for (int i = 0; i < 8 && single_pred_p (bb); i++)
    {
      edge e = single_pred_edge (bb);
      if (edge_condition_bound (e, name, bound))
	return true;
      bb = e->src;
    }
  return false;
}

/* The largest value of an unsigned integer type of PRECISION bits.  */
static unsigned HOST_WIDE_INT
unsigned_max (unsigned precision)
{
  return precision >= HOST_BITS_PER_WIDE_INT ? HOST_WIDE_INT_M1U
	 : (HOST_WIDE_INT_1U << precision) - 1;
}

/* An upper bound of the unsigned value OP where BB uses it, found
   without a ranger, for the forms bounded sizes usually take: constants;
   MIN_EXPR and BIT_AND_EXPR with a constant; widening from a narrower
   unsigned type; additions and multiplications by constants that cannot
   wrap; phis of such values, or of values the condition on their edge
   bounds (if (n > 64) n = 64); and values a condition just above BB
   bounds.  *STEPS limits the definitions looked at, so that wide phis
   cannot make the search grow.  */
static bool
simple_bound (tree op, basic_block bb, int *steps,
	      unsigned HOST_WIDE_INT *bound)
{
  if (tree_fits_uhwi_p (op))
    {
      *bound = tree_to_uhwi (op);
      return true;
    }
  if (TREE_CODE (op) != SSA_NAME || !INTEGRAL_TYPE_P (TREE_TYPE (op))
      || !TYPE_UNSIGNED (TREE_TYPE (op)) || --*steps < 0)
    return false;
  if (dominating_condition_bound (bb, op, bound))
    return true;
  unsigned HOST_WIDE_INT max = unsigned_max (TYPE_PRECISION (TREE_TYPE (op)));
  gimple *def = SSA_NAME_DEF_STMT (op);
  if (gphi *phi = dyn_cast <gphi *> (def))
    {
      unsigned HOST_WIDE_INT most = 0;
      for (unsigned i = 0; i < gimple_phi_num_args (phi); i++)
	{
	  tree arg = gimple_phi_arg_def (phi, i);
	  edge e = gimple_phi_arg_edge (phi, i);
	  unsigned HOST_WIDE_INT b;
	  if (!edge_condition_bound (e, arg, &b)
	      && !simple_bound (arg, e->src, steps, &b))
	    return false;
	  most = MAX (most, b);
	}
      *bound = most;
      return true;
    }
  gassign *assign = dyn_cast <gassign *> (def);
  if (!assign)
    return false;
  tree rhs1 = gimple_assign_rhs1 (assign);
  tree rhs2 = gimple_assign_rhs2 (assign);
  unsigned HOST_WIDE_INT b1, b2;
  switch (gimple_assign_rhs_code (assign))
    {
    CASE_CONVERT:
      if (!INTEGRAL_TYPE_P (TREE_TYPE (rhs1))
	  || !TYPE_UNSIGNED (TREE_TYPE (rhs1))
	  || TYPE_PRECISION (TREE_TYPE (rhs1))
	     > TYPE_PRECISION (TREE_TYPE (op)))
	return false;
      if (!simple_bound (rhs1, bb, steps, bound))
	*bound = unsigned_max (TYPE_PRECISION (TREE_TYPE (rhs1)));
      return true;
    case MIN_EXPR:
      {
	bool known1 = simple_bound (rhs1, bb, steps, &b1);
	bool known2 = simple_bound (rhs2, bb, steps, &b2);
	if (!known1 && !known2)
	  return false;
	*bound = known1 && known2 ? MIN (b1, b2) : known1 ? b1 : b2;
	return true;
      }
    case BIT_AND_EXPR:
      if (!tree_fits_uhwi_p (rhs2))
	return false;
      *bound = tree_to_uhwi (rhs2);
      return true;
    case PLUS_EXPR:
      if (!tree_fits_uhwi_p (rhs2)
	  || !simple_bound (rhs1, bb, steps, &b1)
	  || b1 > max - tree_to_uhwi (rhs2))
	return false;
      *bound = b1 + tree_to_uhwi (rhs2);
      return true;
    case MULT_EXPR:
      if (!tree_fits_uhwi_p (rhs2)
	  || !simple_bound (rhs1, bb, steps, &b1)
	  || __builtin_mul_overflow (b1, tree_to_uhwi (rhs2), bound)
	  || *bound > max)
	return false;
      return true;
    default:
      return false;
    }
}

/* Constant value or upper bound of the size operand OP at CALL.  GCC 12's
   ranger costs more than linear time in the size of the function to set
   up, so it only answers what simple_bound cannot, or where its bound is
   above max-size.  */
static bool
size_bound (escape_fn *ef, tree op, gcall *call,
	    unsigned HOST_WIDE_INT *bound, bool *constant)
{
  *constant = tree_fits_uhwi_p (op);
  if (*constant)
    {
      *bound = tree_to_uhwi (op);
      return true;
    }
  if (TREE_CODE (op) != SSA_NAME || !INTEGRAL_TYPE_P (TREE_TYPE (op)))
    return false;
  int steps = 32;
  if (simple_bound (op, gimple_bb (call), &steps, bound)
      && *bound <= escape_options.max_size)
    return true;
  if (!ef->ranger)
    {
      enable_ranger (ef->fun);
      ef->ranger = true;
    }
  int_range_max r;
  if (!get_range_query (ef->fun)->range_of_expr (r, op, call)
      || r.undefined_p () || r.varying_p ())
    return false;
  wide_int max = r.upper_bound ();
  if (!wi::fits_uhwi_p (max))
    return false;
  *bound = max.to_uhwi ();
  return true;
}

/* The largest alignment malloc guarantees: that of max_align_t.  */
static unsigned HOST_WIDE_INT
malloc_alignment_bits (void)
{
  unsigned HOST_WIDE_INT align = MALLOC_ABI_ALIGNMENT;
  align = MAX (align, TYPE_ALIGN (long_double_type_node));
  align = MAX (align, TYPE_ALIGN (long_long_integer_type_node));
  return MAX (align, (unsigned HOST_WIDE_INT) BITS_PER_UNIT);
}

/* Whether aligned_alloc's alignment argument can be honoured on the
   stack: a constant power of two, no larger than the largest object.  */
static bool
stack_alignment_ok (tree align, unsigned HOST_WIDE_INT max_size)
{
  return (tree_fits_uhwi_p (align) && pow2p_hwi (tree_to_uhwi (align))
	  && tree_to_uhwi (align) <= MAX (max_size, 16u)
	  && tree_to_uhwi (align) * BITS_PER_UNIT <= MAX_OFILE_ALIGNMENT);
}

/* The first step at which GCC's object-size pass may be asked the size
   of OBJ, here or in a callee once inlined, or -1.  */
int
size_query_step (escape_fn *ef, esc_obj obj)
{
  for (unsigned i = 0; i < ef->size_query_nodes.length (); i++)
    if (esc_points_to_p (ef->g, ef->size_query_nodes[i], obj))
      return ef->size_query_steps[i];
  return -1;
}

/* Why a slot larger than OBJ's size would weaken a check of that size,
   or NULL.  Unit-wide: HWASan or the kernel's ASan, which would not
   poison the bytes between the size and the slot's end (under ASan the
   rewrite poisons them), and UBSan's object-size check.  Per object: a
   query of its size by __builtin_object_size or
   __builtin_dynamic_object_size, which _FORTIFY_SOURCE makes for every
   buffer that is written, here or in a callee once inlined; its answer
   would be the slot's size.  */
static char *
object_size_checks (escape_fn *ef, esc_obj obj)
{
  if (flag_sanitize & (SANITIZE_KERNEL_ADDRESS | SANITIZE_HWADDRESS
		       | SANITIZE_KERNEL_HWADDRESS))
    return xstrdup ("the kernel's AddressSanitizer or HWASan");
  if (flag_sanitize & SANITIZE_OBJECT_SIZE)
    return xstrdup ("-fsanitize=object-size");
  int step = size_query_step (ef, obj);
  if (step < 0)
    return NULL;
  gcall *call = as_a <gcall *> (ef->steps[step].stmt);
  expanded_location x = expand_location (source_location (call));
  const char *file = x.file ? lbasename (x.file) : "<unknown>";
  tree fndecl = gimple_call_fndecl (call);
  if (gimple_call_builtin_p (call, BUILT_IN_OBJECT_SIZE)
      || gimple_call_builtin_p (call, BUILT_IN_DYNAMIC_OBJECT_SIZE))
    return xasprintf ("the object-size query (%s) at %s:%d:%d",
		      IDENTIFIER_POINTER (DECL_NAME (fndecl)), file, x.line,
		      x.column);
  return xasprintf ("the object-size query of %s(), called at %s:%d:%d",
		    IDENTIFIER_POINTER (DECL_NAME (fndecl)), file, x.line,
		    x.column);
}

/* Note that the front's check REASON fails for SITE: add it to REASONS,
   and keep DETAIL (which this takes) when it is the first to fail.  */
static void
front_fails (site_info *site, esc_reason_set *reasons, enum esc_reason reason,
	     char *detail)
{
  if (!*reasons)
    site->front_detail = detail;
  else
    free (detail);
  *reasons |= ESC_REASON_BIT (reason);
}

/* Size, alignment and position: what the graph does not know.  Returns
   every check that fails.  The checks run in report order, so the detail
   kept is that of the first reason.  A size that is unknown or too large
   leaves the slot's bytes unset, and the other checks still run; SMALL
   says whether the site was offered the slot of the stack-if-small fast
   path (escape-small.cc) instead.  */
static esc_reason_set
check_site (escape_fn *ef, site_info *site, esc_obj obj, bool *small)
{
  gcall *call = site->call;
  unsigned HOST_WIDE_INT max_size = escape_options.max_size;
  bool aligned = gimple_call_builtin_p (call, BUILT_IN_ALIGNED_ALLOC);
  esc_reason_set reasons = 0;

  unsigned HOST_WIDE_INT bytes = 1;
  bool all_constant = true, overflow = false, unknown = false;
  char *checks = object_size_checks (ef, obj);
  struct output_builtin formatting;
  if (string_copy_p (call))
    {
      front_fails (site, &reasons, ESC_UNKNOWN_SIZE,
		   xstrdup ("a string's length, known only when it is copied"));
      unknown = true;
    }
  else if (formatted_allocator (call, &formatting))
    {
      front_fails (site, &reasons, ESC_UNKNOWN_SIZE,
		   xstrdup ("the length of a text, known only when it is "
			    "formatted"));
      unknown = true;
    }
  for (unsigned i = aligned ? 1 : 0;
       !unknown && i < gimple_call_num_args (call); i++)
    {
      unsigned HOST_WIDE_INT bound;
      bool constant;
      if (!size_bound (ef, gimple_call_arg (call, i), call, &bound,
		       &constant))
	{
	  front_fails (site, &reasons, ESC_UNKNOWN_SIZE,
		       xstrdup ("not constant, and no bound is known"));
	  unknown = true;
	  break;
	}
      all_constant &= constant;
      overflow |= __builtin_mul_overflow (bytes, bound, &bytes);
    }
  if (overflow && !unknown)
    front_fails (site, &reasons,
		 all_constant ? ESC_TOO_LARGE : ESC_UNKNOWN_SIZE,
		 xstrdup ("the size overflows"));
  else if (!unknown)
    {
      site->known_bytes = bytes <= LLONG_MAX ? (long long) bytes : -1;
      site->bytes_is_bound = !all_constant;
      if (bytes > max_size)
	front_fails (site, &reasons,
		     all_constant ? ESC_TOO_LARGE : ESC_UNKNOWN_SIZE,
		     xasprintf ("%s" HOST_WIDE_INT_PRINT_UNSIGNED " bytes, "
				"above max-size " HOST_WIDE_INT_PRINT_UNSIGNED,
				all_constant ? "" : "not constant, at most ",
				bytes, max_size));
      else if (!all_constant && checks)
	/* A slot of the bound would answer the bound to object-size checks,
	   and ASan would not poison its tail beyond the size.  */
	front_fails (site, &reasons, ESC_UNKNOWN_SIZE,
		     xasprintf ("not constant, at most " HOST_WIDE_INT_PRINT_UNSIGNED
				" bytes, and %s would check a slot of the "
				"bound weaker than the object", bytes, checks));
      else if (bytes == 0 && checks)
	/* malloc (0) may return a unique pointer, which a slot of one byte
	   is; object-size checks would then answer 1 in place of 0.  */
	front_fails (site, &reasons, ESC_UNKNOWN_SIZE,
		     xasprintf ("0 bytes, and %s would see the 1 byte of a "
				"slot", checks));
      else
	site->bytes = MAX (bytes, (unsigned HOST_WIDE_INT) 1);
    }
  /* Late, an early stack-if-small site's malloc is still in the IR: a
     second slot for it would take the stack twice.  */
  *small = (!ef->late && (reasons & ESC_REASON_BIT (ESC_UNKNOWN_SIZE))
	    && offer_small_slot (site, checks));
  free (checks);

  if (loop_carried_p (ef, call, obj))
    front_fails (site, &reasons, ESC_LOOP_CARRIED,
		 xstrdup ("a pointer to it may live on into the next "
			  "iteration"));
  if (char *why = stack_recursion_refuses (site, site->bytes != 0))
    front_fails (site, &reasons, ESC_RECURSIVE, why);
  if (char *why = stack_tail_call_refuses (site, *small))
    front_fails (site, &reasons, ESC_STACK_BUDGET, why);
  if (ef->fun->calls_setjmp || ef->fun->has_nonlocal_label)
    front_fails (site, &reasons, ESC_UNSUPPORTED,
		 xstrdup ("the function calls setjmp or vfork, or has a "
			  "nonlocal label"));
  else if (ef->unsupported)
    front_fails (site, &reasons, ESC_UNSUPPORTED,
		 xasprintf ("the function has an operand the analysis "
			    "cannot follow (%s)", ef->unsupported));
  else if (stmt_can_throw_internal (ef->fun, call))
    front_fails (site, &reasons, ESC_UNSUPPORTED,
		 xstrdup ("the call has an exception edge"));
  else
    {
      site->align_bits = malloc_alignment_bits ();
      if (aligned)
	{
	  tree align = gimple_call_arg (call, 0);
	  if (!stack_alignment_ok (align, max_size))
	    front_fails (site, &reasons, ESC_UNSUPPORTED,
			 xstrdup ("alignment is not a constant power of two "
				  "up to max-size"));
	  else
	    site->align_bits = MAX (site->align_bits,
				    tree_to_uhwi (align) * BITS_PER_UNIT);
	}
    }
  return reasons;
}

void
decide (escape_fn *ef)
{
  stack_begin (ef);
  ef->site_small.safe_grow_cleared (ef->sites.length ());
  unsigned i;
  site_info *site;
  FOR_EACH_VEC_ELT (ef->sites, i, site)
    {
      esc_site *d = &ef->site_decisions[i];
      if (d->front_reasons & ESC_REASON_BIT (ESC_NOT_BUILTIN))
	{
	  site->front_detail = xstrdup ("not GCC's builtin here "
					"(-fno-builtin or -ffreestanding)");
	  continue;
	}
      d->front_reasons = check_site (ef, site, d->obj, &ef->site_small[i]);
      d->bytes = site->bytes ? stack_site_cost (site) : 0;
    }
  ef->free_decisions.safe_grow (ef->free_nodes.length ());
  struct esc_limit limits[3];
  size_t n_limits = stack_limits (limits);
  esc_decide_limits (ef->g, ef->site_decisions.address (),
		     ef->sites.length (), ef->site_small.address (),
		     ef->free_nodes.address (),
		     ef->free_nodes.length (), &ef->frees_by_object, limits,
		     n_limits, ef->free_decisions.address ());
  stack_end (ef);
}
