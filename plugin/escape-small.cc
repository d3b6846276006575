/* The stack-if-small fast path, for a site whose size has no bound.

   A malloc, calloc, strdup, strndup or asprintf whose only failing rule is
   unknown-size gets a slot of small-size (K) bytes, and its call runs
   only for the sizes that do not fit:

     p = malloc (n)      ->  p = n <= K ? &slot : malloc (n)
     p = calloc (a, b)   ->  p = a <= K && b <= K && a * b <= K
			       ? (memset (&slot, 0, a * b), &slot)
			       : calloc (a, b)
     p = strdup (s)      ->  n = strlen (s);
			     p = n < K ? (memcpy (&slot, s, n),
					  slot[n] = 0, &slot)
				       : strdup (s)
     p = strndup (s, m)  ->  the same with n = strnlen (s, m)
     r = asprintf (&p, f, ...)
			 ->  n = snprintf (&slot, K, f, ...);
			     r = n >= 0 && n < K ? (p = &slot, n)
						 : asprintf (&p, f, ...)
     free (q)            ->  if (q != &slot) free (q)

   The slot counts against the recursion allowance and the budgets as a
   moved object of K bytes, since it takes them whether it serves or
   not.  Every other rule holds, so as for a moved object no pointer to
   the slot leaves the function or lives on into the next run of the
   site, and nothing but the frees of this function may free it; those
   are guarded, whatever else their pointer may point to, since the
   slot's address is no heap object's.  a and b are each at most K, which
   is at most 2^30, so their product cannot wrap in 64 bits.  n == 0
   takes the slot: malloc (0) may return a unique pointer, which the slot
   is while it lives.  Under ASan the bytes of the slot past the size are
   poisoned each time it serves.  Object-size checks would see the
   slot's K bytes where the heap object has n: a site whose size they
   may be asked keeps the heap, as a site of a bound does
   (escape-checks.cc).

   asprintf learns the length of its text only by formatting it, so a
   text that does not fit the slot is formatted twice.  That is the
   same text with no other effect only when the format is a constant of
   the conversions C defines, without "%n" or "%m"
   (esc_format_repeatable), and only with the arguments themselves: a
   va_list (vasprintf) is used up by the first formatting.  The test
   takes the count glibc returns (format_into_slot).  */

#include "gcc-common.h"
#include "escape.h"

extern "C" {
#include "graph.h"
#include "policy.h"
#include "report.h"
}

#include "escape-fn.h"

/* Whether SITE, which fails unknown-size, gets the slot of the fast
   path: when it is a malloc, calloc, strdup, strndup or asprintf that
   can format twice, and no object-size check would see the slot (CHECKS
   says which would, or is NULL); then the slot's bytes are set.  The
   detail says why not when only the checks or the format refuse it.  */
bool
offer_small_slot (site_info *site, const char *checks)
{
  unsigned HOST_WIDE_INT k = escape_options.small_size;
  struct output_builtin formatting;
  bool formatted = formatted_allocator (site->call, &formatting);
  if (k == 0 || k > escape_options.max_size
      || !(gimple_call_builtin_p (site->call, BUILT_IN_MALLOC)
	   || gimple_call_builtin_p (site->call, BUILT_IN_CALLOC)
	   || string_copy_p (site->call) || formatted))
    return false;
  char *refusal = NULL;
  if (checks)
    refusal = xasprintf ("%s would check the slot's "
			 HOST_WIDE_INT_PRINT_UNSIGNED " bytes in place of the "
			 "size", checks, k);
  else if (const char *why = formatted
			     ? formatted_twice_refusal (site->call,
							&formatting)
			     : NULL)
    refusal = xstrdup (why);
  if (refusal)
    {
      char *detail = xasprintf ("%s; no stack-if-small slot, since %s",
				site->front_detail, refusal);
      free (refusal);
      free (site->front_detail);
      site->front_detail = detail;
      return false;
    }
  site->bytes = k;
  return true;
}

/* The detail of a stack-if-small decision: the slot, why the size
   keeps the heap beyond it, and FREED (which this takes), where the
   object is freed.  */
char *
small_detail (const site_info *site, char *freed)
{
  char *text = xasprintf ("sizes up to " HOST_WIDE_INT_PRINT_UNSIGNED
			  " bytes in a stack slot, larger ones on the heap "
			  "(%s); %s", site->bytes, site->front_detail, freed);
  free (freed);
  return text;
}

/* Make STMT, which ends no block, run only where LHS CODE RHS holds, with
   probability PROB: STMT gets a block of its own, entered on the true
   edge of the test; the false edge, returned, goes around it to the
   statements that followed it.  */
static edge
run_only_if (gimple *stmt, enum tree_code code, tree lhs, tree rhs,
	     profile_probability prob)
{
  basic_block bb = gimple_bb (stmt);
  gimple_stmt_iterator gsi = gsi_for_stmt (stmt);
  gcond *test = gimple_build_cond (code, lhs, rhs, NULL_TREE, NULL_TREE);
  gimple_set_location (test, gimple_location (stmt));
  gsi_insert_before (&gsi, test, GSI_SAME_STMT);
  edge into = split_block (bb, test);
  edge after = split_block (into->dest, stmt);
  basic_block join = after->dest;
  into->flags = (into->flags & ~EDGE_FALLTHRU) | EDGE_TRUE_VALUE;
  into->probability = prob;
  into->dest->count = bb->count.apply_probability (prob);
  edge around = make_edge (bb, join, EDGE_FALSE_VALUE);
  around->probability = prob.invert ();
  if (dom_info_available_p (CDI_DOMINATORS))
    set_immediate_dominator (CDI_DOMINATORS, join, bb);
  return around;
}

/* The length of the string that the strdup or strndup CALL copies,
   built into SEQ: what the call itself would measure.  A bound of
   small-size would measure less of a long string, but GCC 11 warns
   (-Wstringop-overread) where it passes the end of an array.  */
static tree
copied_length (gimple_seq *seq, gcall *call)
{
  tree string = gimple_call_arg (call, 0);
  gcall *measure
    = gimple_call_builtin_p (call, BUILT_IN_STRDUP)
      ? gimple_build_call (builtin_decl_explicit (BUILT_IN_STRLEN), 1, string)
      : gimple_build_call (builtin_decl_explicit (BUILT_IN_STRNLEN), 2, string,
			   gimple_call_arg (call, 1));
  tree length = make_ssa_name (size_type_node);
  gimple_call_set_lhs (measure, length);
  gimple_seq_add_stmt (seq, measure);
  return length;
}

/* The size CALL asks for, as a size_t, built into SEQ; and in *FITS a
   boolean that says whether it is at most K without wrapping.  For a
   string copy, *LENGTH is the length of the string.  */
static tree
small_size_test (gimple_seq *seq, gcall *call, tree k, tree *fits,
		 tree *length)
{
  if (string_copy_p (call))
    {
      /* A length below K: with its terminating zero, the copy fits.  */
      *length = copied_length (seq, call);
      *fits = gimple_build (seq, LT_EXPR, boolean_type_node, *length, k);
      return gimple_build (seq, PLUS_EXPR, size_type_node, *length,
			   size_one_node);
    }
  tree size = gimple_convert (seq, size_type_node, gimple_call_arg (call, 0));
  if (gimple_call_num_args (call) == 1)
    {
      *fits = gimple_build (seq, LE_EXPR, boolean_type_node, size, k);
      return size;
    }
  tree other = gimple_convert (seq, size_type_node, gimple_call_arg (call, 1));
  /* Each factor at most K < 2^31: the product fits in 64 bits.  */
  tree wide = TYPE_PRECISION (size_type_node) >= 64 ? size_type_node
	      : long_long_unsigned_type_node;
  tree product = gimple_build (seq, MULT_EXPR, wide,
			       gimple_convert (seq, wide, size),
			       gimple_convert (seq, wide, other));
  tree both = gimple_build (seq, BIT_AND_EXPR, boolean_type_node,
			    gimple_build (seq, LE_EXPR, boolean_type_node,
					  size, k),
			    gimple_build (seq, LE_EXPR, boolean_type_node,
					  other, k));
  *fits = gimple_build (seq, BIT_AND_EXPR, boolean_type_node, both,
			gimple_build (seq, LE_EXPR, boolean_type_node, product,
				      fold_convert (wide, k)));
  return gimple_convert (seq, size_type_node, product);
}

/* Copy into ADDR the string of LENGTH bytes that the strdup or strndup
   CALL copies, and the zero that ends it (strndup's string may have
   none within its bound).  */
static void
copy_string (gimple_seq *seq, gcall *call, tree addr, tree length)
{
  tree copy = builtin_decl_explicit (BUILT_IN_MEMCPY);
  gimple_seq_add_stmt (seq, gimple_build_call (copy, 3, addr,
					       gimple_call_arg (call, 0),
					       length));
  tree end = gimple_build (seq, POINTER_PLUS_EXPR, ptr_type_node, addr,
			   length);
  tree byte = build2 (MEM_REF, char_type_node, end,
		      build_int_cst (build_pointer_type (char_type_node), 0));
  gimple_seq_add_stmt (seq, gimple_build_assign (byte,
						 build_zero_cst (char_type_node)));
}

/* VALUE, through an empty asm that GCC cannot see through, built into
   SEQ.  */
static tree
opaque_copy (gimple_seq *seq, tree value)
{
  tree copy = make_ssa_name (TREE_TYPE (value));
  vec<tree, va_gc> *inputs = NULL, *outputs = NULL;
  vec_safe_push (outputs,
		 build_tree_list (build_tree_list (NULL_TREE,
						   build_string (3, "=r")),
				  copy));
  vec_safe_push (inputs,
		 build_tree_list (build_tree_list (NULL_TREE,
						   build_string (2, "0")),
				  value));
  gasm *barrier = gimple_build_asm_vec ("", inputs, outputs, NULL, NULL);
  SSA_NAME_DEF_STMT (copy) = barrier;
  gimple_seq_add_stmt (seq, barrier);
  return copy;
}

/* Format the text of the asprintf-like CALL, described by O, into the
   slot at ADDR of K bytes, built into SEQ: an snprintf of the same
   format and arguments, __snprintf_chk with the flag of __asprintf_chk.
   Returns its count; *FITS says whether the text and its zero fit, and
   *SIZE is their length.  A count below zero is an error, which the
   call then meets again.

   The format goes through an empty asm.  GCC would otherwise work out
   the count from the format by C's rules, where glibc, which runs,
   sometimes writes more (a byte for "%lc" of L'\0', a decimal point
   of two bytes in some locales): folding the test with that count
   would let a long text take the slot.  It would also warn that the
   slot truncates a text, which is what the test looks for.  */
static tree
format_into_slot (gimple_seq *seq, gcall *call,
		  const struct output_builtin *o, tree addr, tree k, tree *fits,
		  tree *size)
{
  auto_vec<tree, 8> args;
  args.safe_push (addr);
  args.safe_push (k);
  enum built_in_function code = BUILT_IN_SNPRINTF;
  if (o->format == 2)
    {
      code = BUILT_IN_SNPRINTF_CHK;
      args.safe_push (unshare_expr (gimple_call_arg (call, 1)));
      args.safe_push (k);
    }
  args.safe_push (opaque_copy (seq, gimple_call_arg (call, o->format)));
  for (unsigned i = o->format + 1; i < gimple_call_num_args (call); i++)
    args.safe_push (unshare_expr (gimple_call_arg (call, i)));
  gcall *format = gimple_build_call_vec (builtin_decl_explicit (code), args);
  tree count = make_ssa_name (integer_type_node);
  gimple_call_set_lhs (format, count);
  gimple_seq_add_stmt (seq, format);
  tree length = gimple_convert (seq, size_type_node, count);
  *fits = gimple_build (seq, LT_EXPR, boolean_type_node, length, k);
  *size = gimple_build (seq, PLUS_EXPR, size_type_node, length,
			size_one_node);
  return count;
}

/* Store ADDR where the asprintf-like CALL stores the address of its
   text, built into SEQ.  The store may alias any pointer.  */
static void
store_text_address (gimple_seq *seq, gcall *call, tree addr)
{
  tree where = gimple_call_arg (call, 0);
  tree ptr = make_ssa_name (TREE_TYPE (where));
  gimple_seq_add_stmt (seq, gimple_build_assign (ptr, unshare_expr (where)));
  tree target = build2 (MEM_REF, ptr_type_node, ptr,
			build_int_cst (build_pointer_type (char_type_node),
				       0));
  gimple_seq_add_stmt (seq, gimple_build_assign (target, addr));
}

/* Rewrite the stack-if-small SITE; returns its slot.  */
tree
rewrite_small_site (site_info *site)
{
  gcall *call = site->call;
  location_t loc = gimple_location (call);
  tree slot = new_slot (site->bytes, site->align_bits);
  tree k = build_int_cst (size_type_node, site->bytes);
  bool poisoned = flag_sanitize & SANITIZE_USER_ADDRESS;
  gimple_seq seq = NULL;
  tree fits, size, length = NULL_TREE, count = NULL_TREE;
  struct output_builtin formatting;
  bool formatted = formatted_allocator (call, &formatting);
  if (formatted)
    {
      /* The text goes into the slot before the test: all of it.  */
      if (poisoned)
	gimple_seq_add_stmt (&seq, build_unpoison (slot));
      count = format_into_slot (&seq, call, &formatting,
				build_fold_addr_expr_with_type (slot,
								ptr_type_node),
				k, &fits, &size);
    }
  else
    size = small_size_test (&seq, call, k, &fits, &length);
  gimple_seq_set_location (seq, loc);
  gimple_stmt_iterator gsi = gsi_for_stmt (call);
  gsi_insert_seq_before (&gsi, seq, GSI_SAME_STMT);

  edge around = run_only_if (call, EQ_EXPR, fits, boolean_false_node,
			     profile_probability::unlikely ());
  basic_block small = split_edge (around);
  tree addr = build_fold_addr_expr_with_type (slot, ptr_type_node);
  seq = NULL;
  if (poisoned && !formatted)
    gimple_seq_add_stmt (&seq, build_unpoison (slot));
  if (gimple_call_builtin_p (call, BUILT_IN_CALLOC))
    gimple_seq_add_stmt (&seq, gimple_build_call
				 (builtin_decl_explicit (BUILT_IN_MEMSET), 3,
				  addr, integer_zero_node, size));
  if (string_copy_p (call))
    copy_string (&seq, call, addr, length);
  if (formatted)
    store_text_address (&seq, call, addr);
  if (poisoned)
    insert_poison (&seq, slot, addr, size);
  gimple_seq_set_location (seq, loc);
  gsi = gsi_start_bb (small);
  gsi_insert_seq_before (&gsi, seq, GSI_SAME_STMT);

  if (tree lhs = gimple_call_lhs (call))
    {
      tree heap = make_ssa_name (TREE_TYPE (lhs));
      gimple_call_set_lhs (call, heap);
      gphi *phi = create_phi_node (lhs, single_succ (small));
      add_phi_arg (phi, formatted ? count
			: build_fold_addr_expr_with_type (slot, TREE_TYPE (lhs)),
		   single_succ_edge (small), loc);
      add_phi_arg (phi, heap, single_succ_edge (gimple_bb (call)), loc);
    }
  return slot;
}

/* Make the free CALL skip the pointers that are one of SLOTS.  */
void
guard_free (gcall *call, const vec<tree> &slots)
{
  gcc_checking_assert (!slots.is_empty ());
  tree ptr = gimple_call_arg (call, 0);
  gimple_seq seq = NULL;
  tree heap = boolean_true_node;
  for (tree slot : slots)
    {
      tree other = gimple_build (&seq, NE_EXPR, boolean_type_node, ptr,
				 build_fold_addr_expr_with_type
				   (slot, TREE_TYPE (ptr)));
      heap = heap == boolean_true_node ? other
	     : gimple_build (&seq, BIT_AND_EXPR, boolean_type_node, heap,
			     other);
    }
  gimple_seq_set_location (seq, gimple_location (call));
  gimple_stmt_iterator gsi = gsi_for_stmt (call);
  gsi_insert_seq_before (&gsi, seq, GSI_SAME_STMT);
  run_only_if (call, NE_EXPR, heap, boolean_false_node,
	       profile_probability::even ());
}
