/* From GIMPLE to the escape graph: calls.

   A call is where most pointers leave a C function, so each kind of
   callee gets its own model, in this order: the allocators make the
   sites; free is recorded for the policy to decide later; realloc is the
   append case (resized); thread starts are the channel case
   (sent-to-thread); builtins and internal functions follow GCC's fnspec
   and EAF flags; functions of this unit analysed earlier follow their
   parameter summaries (escape-pass.cc records them); and anything else
   may keep, free or return whatever its arguments reach.  */

#include "gcc-common.h"
#include "escape.h"

extern "C" {
#include "graph.h"
#include "policy.h"
#include "report.h"
}

#include "escape-fn.h"

static bool
callee_named_p (gcall *call, const char *const *names)
{
  tree fndecl = gimple_call_fndecl (call);
  if (!fndecl || !DECL_NAME (fndecl))
    return false;
  const char *name = IDENTIFIER_POINTER (DECL_NAME (fndecl));
  for (; *names; names++)
    if (strcmp (name, *names) == 0)
      return true;
  return false;
}

/* Calls that run their arguments on another thread: the channel rule.
   OpenMP regions call libgomp through builtins named __builtin_GOMP_...,
   with one entry point for each kind of parallel loop.  */
static bool
thread_start_p (gcall *call)
{
  static const char *const names[] = { "pthread_create", "thrd_create",
				       NULL };
  if (callee_named_p (call, names))
    return true;
  tree fndecl = gimple_call_fndecl (call);
  if (!fndecl || !DECL_NAME (fndecl))
    return false;
  const char *name = IDENTIFIER_POINTER (DECL_NAME (fndecl));
  if (startswith (name, "__builtin_"))
    name += strlen ("__builtin_");
  return (startswith (name, "GOMP_parallel") || startswith (name, "GOMP_task")
	  || startswith (name, "GOMP_teams"));
}

/* strdup and strndup: allocators whose object is made of the bytes of
   a string, and whose size is known only when the copy runs.  */
bool
string_copy_p (gcall *call)
{
  return (gimple_call_builtin_p (call, BUILT_IN_STRDUP)
	  || gimple_call_builtin_p (call, BUILT_IN_STRNDUP));
}

/* The allocator a call is, or NULL.  *BUILTIN tells whether GCC knows it
   as its builtin; a call to a function of that name that is not the
   builtin (-fno-builtin, -ffreestanding) is still a site, kept on the
   heap.  */
static const char *
allocator_of (gcall *call, bool *builtin)
{
  *builtin = true;
  if (gimple_call_builtin_p (call, BUILT_IN_MALLOC))
    return "malloc";
  if (string_copy_p (call))
    return gimple_call_builtin_p (call, BUILT_IN_STRDUP) ? "strdup"
	   : "strndup";
  if (gimple_call_builtin_p (call, BUILT_IN_CALLOC))
    return "calloc";
  if (gimple_call_builtin_p (call, BUILT_IN_ALIGNED_ALLOC))
    return "aligned_alloc";
  static const char *const names[] = { "malloc", "calloc", "aligned_alloc",
				       NULL };
  tree fndecl = gimple_call_fndecl (call);
  if (fndecl && DECL_EXTERNAL (fndecl) && callee_named_p (call, names))
    {
      *builtin = false;
      return IDENTIFIER_POINTER (DECL_NAME (fndecl));
    }
  return NULL;
}

/* GCC's object-size pass answers __builtin_object_size and
   __builtin_dynamic_object_size of a pointer CALL returns with the
   arguments its alloc_size attribute names (malloc, calloc, realloc,
   aligned_alloc, alloca, and any function of the program so declared),
   and those of strdup and strndup with what they copy; an object size
   carries only the pointer's offset, so every argument of such a call,
   and what a pointer argument reads, goes into RESULT's offset.  */
static void
carry_object_size (escape_fn *ef, gcall *call, esc_node result, int step)
{
  tree lhs = gimple_call_lhs (call);
  if (!lhs || !POINTER_TYPE_P (TREE_TYPE (lhs)) || result < 0)
    return;
  tree fndecl = gimple_call_fndecl (call);
  tree fntype = fndecl ? TREE_TYPE (fndecl) : gimple_call_fntype (call);
  bool sized = (fntype && lookup_attribute ("alloc_size",
					    TYPE_ATTRIBUTES (fntype)))
	       || gimple_call_builtin_p (call, BUILT_IN_STRDUP)
	       || gimple_call_builtin_p (call, BUILT_IN_STRNDUP)
	       || (gimple_call_builtin_p (call, BUILT_IN_NORMAL)
		   && ALLOCA_FUNCTION_CODE_P (DECL_FUNCTION_CODE (fndecl)));
  if (!sized)
    return;
  esc_node offset = esc_offset (ef->g, result);
  for (unsigned i = 0; i < gimple_call_num_args (call); i++)
    {
      tree arg = gimple_call_arg (call, i);
      esc_node a = rvalue_of (ef, arg, step);
      if (a < 0)
	continue;
      if (POINTER_TYPE_P (TREE_TYPE (arg)))
	{
	  esc_add_copy (ef->g, offset, esc_offset (ef->g, a), step);
	  esc_add_copy (ef->g, offset, esc_reachable (ef->g, a, step), step);
	}
      else
	esc_add_copy (ef->g, offset, a, step);
    }
}

/* In a function whose parameters have an access attribute (written, or
   the one GCC adds for an array parameter with a bound), GCC's
   object-size pass may answer the object size of a pointer parameter
   with the size parameter's value, wherever the pointer came from:
   RESULT carries every parameter.  */
static void
carry_parameter_sizes (escape_fn *ef, esc_node result, int step)
{
  tree fndecl = ef->fun->decl;
  if (!lookup_attribute ("access", TYPE_ATTRIBUTES (TREE_TYPE (fndecl))))
    return;
  for (tree parm = DECL_ARGUMENTS (fndecl); parm; parm = DECL_CHAIN (parm))
    if (INTEGRAL_TYPE_P (TREE_TYPE (parm)))
      if (tree def = get_or_create_ssa_default_def (ef->fun, parm))
	esc_add_copy (ef->g, result, ssa_node (ef, def), step);
}

/* GCC's object-size pass may be asked, at STEP, the size of what NODE
   points to.  */
static void
add_size_query (escape_fn *ef, esc_node node, int step)
{
  ef->size_query_nodes.safe_push (node);
  ef->size_query_steps.safe_push (step);
}

/* A callee with a body in the unit may be inlined after the pass, and
   bring its object-size queries into this function: glibc's
   _FORTIFY_SOURCE wrappers of strcpy or memset are such bodies where a
   call to them became direct only after early inlining, and the call is
   modelled as the library function.  The callee's summary says which
   parameters it asks the size of; without one, every argument may be
   asked, with what it reaches.  Under -flto the body inlined may be
   another unit's copy of an inline, COMDAT or weak function, built with
   other options (_FORTIFY_SOURCE there and not here), for which this
   unit's summary does not speak.  */
static void
add_callee_size_queries (escape_fn *ef, gcall *call, int step)
{
  tree fndecl = gimple_call_fndecl (call);
  cgraph_node *node = fndecl ? cgraph_node::get (fndecl) : NULL;
  if (node)
    node = node->ultimate_alias_target ();
  if (!node || !node->has_gimple_body_p ())
    return;
  tree decl = node->decl;
  bool copies = ((flag_generate_lto || flag_generate_offload)
		 && (DECL_EXTERNAL (decl) || DECL_COMDAT (decl)
		     || DECL_ONE_ONLY (decl) || DECL_WEAK (decl)));
  const struct esc_summary *s
    = copies ? NULL : esc_summary_find (summaries, DECL_UID (decl));
  for (unsigned i = 0; i < gimple_call_num_args (call); i++)
    {
      bool known = s && (int) i < s->n_params;
      bool direct = !known || (s->direct[i] & ESC_PARAM_SIZE_QUERIED);
      bool deep = !known || (s->deep[i] & ESC_PARAM_SIZE_QUERIED);
      if (!direct && !deep)
	continue;
      esc_node a = rvalue_of (ef, gimple_call_arg (call, i), step);
      if (a < 0)
	continue;
      if (direct)
	add_size_query (ef, a, step);
      if (deep)
	add_size_query (ef, esc_reachable (ef->g, a, step), step);
    }
}

/* Builtins that look at nothing but the value of their arguments: they
   read no memory and keep nothing.  */
static bool
value_only_builtin_p (gcall *call)
{
  if (!gimple_call_builtin_p (call, BUILT_IN_NORMAL))
    return false;
  switch (DECL_FUNCTION_CODE (gimple_call_fndecl (call)))
    {
    case BUILT_IN_OBJECT_SIZE:
    case BUILT_IN_DYNAMIC_OBJECT_SIZE:
    case BUILT_IN_PREFETCH:
    case BUILT_IN_CONSTANT_P:
    case BUILT_IN_EXPECT:
    case BUILT_IN_EXPECT_WITH_PROBABILITY:
      return true;
    default:
      return false;
    }
}

/* Internal functions of the sanitizers only check their arguments.  */
static bool
checking_internal_fn_p (gcall *call)
{
  if (!gimple_call_internal_p (call))
    return false;
  const char *name = internal_fn_name (gimple_call_internal_fn (call));
  return startswith (name, "UBSAN_") || startswith (name, "ASAN_");
}

/* A builtin or internal function, described by its fnspec and EAF
   flags.  */
static esc_node
analyze_known_call (escape_fn *ef, gcall *call, int step)
{
  esc_node result = esc_new_value (ef->g);
  int ret_flags = gimple_call_return_flags (call);
  bool checks = checking_internal_fn_p (call);
  /* A library function returns an address only through a pointer, or as
     the argument its fnspec says it returns.  */
  tree lhs = gimple_call_lhs (call);
  bool returns_pointer = lhs && POINTER_TYPE_P (TREE_TYPE (lhs));
  if (returns_pointer && !(ret_flags & ERF_RETURNS_ARG))
    esc_add_address (ef->g, result, esc_unknown_object (ef->g), step);
  /* A new object (strdup) is none of the arguments.  */
  bool returns_new = returns_pointer && (ret_flags & ERF_NOALIAS);
  unsigned n = gimple_call_num_args (call);

  /* What the callee may copy into memory it writes: whatever it can read
     through any argument, and anything else.  */
  esc_node readable = esc_new_value (ef->g);
  esc_add_address (ef->g, readable, esc_unknown_object (ef->g), step);
  /* Where a returned pointer points (strchr, stpcpy) depends on what
     the callee reads and on the numbers it is given.  */
  esc_node position = esc_offset (ef->g, result);
  /* What a new object (strdup, strndup) is made of: the bytes read,
     from where the pointers point, and the lengths.  */
  esc_node copied = returns_new ? esc_new_value (ef->g) : -1;
  auto_vec<esc_node> args;
  for (unsigned i = 0; i < n; i++)
    {
      tree arg = gimple_call_arg (call, i);
      esc_node a = rvalue_of (ef, arg, step);
      args.safe_push (a);
      if (a < 0)
	continue;
      /* How much is written (memset's and memcpy's sizes) shows in
	 the memory written, like what is copied there.  */
      esc_node read = POINTER_TYPE_P (TREE_TYPE (arg))
		      ? esc_reachable (ef->g, a, step) : a;
      esc_add_copy (ef->g, readable, read, step);
      if (returns_pointer && !returns_new)
	esc_add_copy (ef->g, position, read, step);
      if (returns_new)
	esc_add_copy (ef->g, copied, read, step);
    }
  /* The new object is one the pass does not see, so what goes into it
     is stored into unknown memory.  */
  if (returns_new)
    esc_add_store (ef->g, result, copied, step);

  /* The return part of the fnspec stands on its own: the argument it
     names is the result whatever that argument's flags say, and
     __builtin_assume_aligned marks the argument it returns unused.  */
  if (ret_flags & ERF_RETURNS_ARG)
    {
      unsigned returned = ret_flags & ERF_RETURN_ARG_MASK;
      if (returned < n && args[returned] >= 0)
	esc_add_copy (ef->g, result, args[returned], step);
    }

  for (unsigned i = 0; i < n; i++)
    {
      esc_node a = args[i];
      if (a < 0)
	continue;
      int flags = gimple_call_arg_flags (call, i);
      /* A number is never dereferenced by the callee, but it may be
	 stored (an atomic store) or pass through arithmetic (bswap, abs)
	 and it may be a piece of an address loaded from memory.  */
      if (!POINTER_TYPE_P (TREE_TYPE (gimple_call_arg (call, i))))
	{
	  esc_add_copy (ef->g, result, a, step);
	  if (!checks && !(flags & (EAF_UNUSED | EAF_NO_DIRECT_ESCAPE)))
	    esc_add_sink (ef->g, a, ESC_PASSED_TO_CALL, step);
	  continue;
	}
      /* memcpy and friends: the memory the argument points to is copied
	 into memory another argument points to, which the store of
	 READABLE below models; the argument itself stays put.  */
      attr_fnspec fnspec = gimple_call_fnspec (call);
      unsigned copied_to;
      if (fnspec.known_p () && fnspec.arg_specified_p (i)
	  && fnspec.arg_copied_to_arg_p (i, &copied_to))
	flags |= (EAF_NO_DIRECT_ESCAPE | EAF_NO_INDIRECT_ESCAPE
		  | EAF_NO_DIRECT_CLOBBER | EAF_NO_INDIRECT_CLOBBER);
      if (checks)
	flags = (EAF_NO_DIRECT_ESCAPE | EAF_NO_INDIRECT_ESCAPE
		 | EAF_NO_DIRECT_CLOBBER | EAF_NO_INDIRECT_CLOBBER);
      if (flags & EAF_UNUSED)
	continue;
      esc_node deep = esc_reachable (ef->g, a, step);
      if (!(flags & EAF_NO_DIRECT_ESCAPE))
	esc_add_sink (ef->g, a, ESC_PASSED_TO_CALL, step);
      if (!(flags & EAF_NO_INDIRECT_ESCAPE))
	esc_add_sink (ef->g, deep, ESC_PASSED_TO_CALL, step);
      if (returns_pointer && !returns_new
	  && !(flags & EAF_NOT_RETURNED_DIRECTLY))
	esc_add_copy (ef->g, result, a, step);
      if (returns_pointer && !returns_new
	  && !(flags & EAF_NOT_RETURNED_INDIRECTLY))
	esc_add_copy (ef->g, result, deep, step);
      /* A number computed from the memory read (strlen, memcmp,
	 strcspn) depends on the bytes there, and so on any address
	 stored in them.  */
      if (lhs && !returns_pointer)
	esc_add_copy (ef->g, result, deep, step);
      if (!(flags & EAF_NO_DIRECT_CLOBBER))
	esc_add_store (ef->g, a, readable, step);
      if (!(flags & EAF_NO_INDIRECT_CLOBBER))
	esc_add_store (ef->g, deep, readable, step);
    }
  return result;
}

/* A call to a function of this unit with a summary.  */
static esc_node
analyze_summarized_call (escape_fn *ef, gcall *call,
			 const struct esc_summary *s, int step)
{
  esc_node result = esc_new_value (ef->g);
  esc_add_address (ef->g, result, esc_unknown_object (ef->g), step);
  for (unsigned i = 0; i < gimple_call_num_args (call); i++)
    {
      esc_node a = rvalue_of (ef, gimple_call_arg (call, i), step);
      if (a < 0)
	continue;
      if ((int) i >= s->n_params)
	{
	  esc_add_sink (ef->g, a, ESC_PASSED_TO_CALL, step);
	  continue;
	}
      unsigned direct = s->direct[i], deep_flags = s->deep[i];
      esc_node deep = esc_reachable (ef->g, a, step);
      if (direct & ESC_PARAM_ESCAPES)
	esc_add_sink (ef->g, a, ESC_PASSED_TO_CALL, step);
      if (deep_flags & ESC_PARAM_ESCAPES)
	esc_add_sink (ef->g, deep, ESC_PASSED_TO_CALL, step);
      if (direct & ESC_PARAM_FREED)
	esc_add_sink (ef->g, a, ESC_FREED_ELSEWHERE, step);
      if (deep_flags & ESC_PARAM_FREED)
	esc_add_sink (ef->g, deep, ESC_FREED_ELSEWHERE, step);
      if (direct & ESC_PARAM_RETURNED)
	esc_add_copy (ef->g, result, a, step);
      if (deep_flags & ESC_PARAM_RETURNED)
	esc_add_copy (ef->g, result, deep, step);
      if (direct & ESC_PARAM_OFFSET_RETURNED)
	esc_add_copy (ef->g, esc_offset (ef->g, result), a, step);
      if (deep_flags & ESC_PARAM_OFFSET_RETURNED)
	esc_add_copy (ef->g, esc_offset (ef->g, result), deep, step);
      if (direct & ESC_PARAM_WRITTEN)
	esc_add_store (ef->g, a, esc_unknown_value (ef->g), step);
      if (deep_flags & ESC_PARAM_WRITTEN)
	esc_add_store (ef->g, deep, esc_unknown_value (ef->g), step);
    }
  return result;
}

/* The summary of FNDECL, when its body is the one that certainly runs,
   or NULL.  */
const struct esc_summary *
summary_of (tree fndecl)
{
  cgraph_node *node = cgraph_node::get (fndecl);
  if (!node)
    return NULL;
  enum availability avail;
  node = node->function_symbol (&avail);
  /* noipa asks callers to assume nothing about the body.  */
  if (body_may_be_replaced_p (node, avail)
      || lookup_attribute ("noipa", DECL_ATTRIBUTES (node->decl)))
    return NULL;
  return esc_summary_find (summaries, DECL_UID (node->decl));
}

/* The summary of the function CALL certainly runs, or NULL.  */
static const struct esc_summary *
callee_summary (gcall *call)
{
  tree fndecl = gimple_call_fndecl (call);
  return fndecl ? summary_of (fndecl) : NULL;
}

static void
sink_all_args (escape_fn *ef, gcall *call, enum esc_reason reason, int step)
{
  for (unsigned i = 0; i < gimple_call_num_args (call); i++)
    {
      esc_node a = rvalue_of (ef, gimple_call_arg (call, i), step);
      if (a >= 0)
	esc_add_sink (ef->g, a, reason, step);
    }
}

static void
add_site (escape_fn *ef, gcall *call, const char *callee, bool builtin,
	  esc_obj obj)
{
  site_info info = { call, callee, 0, -1, false, 0, NULL };
  esc_site decision = { obj, builtin ? 0 : ESC_REASON_BIT (ESC_NOT_BUILTIN),
			0, ESC_NO_ESCAPE, 0 };
  ef->sites.safe_push (info);
  ef->site_decisions.safe_push (decision);
}

void
analyze_call (escape_fn *ef, gcall *call)
{
  int step = new_step (ef, call);
  tree lhs = gimple_call_lhs (call);
  esc_node result = -1;
  bool builtin;
  struct output_builtin output;

  if (tree chain = gimple_call_chain (call))
    {
      esc_node c = value_of (ef, chain);
      if (c >= 0)
	esc_add_sink (ef->g, c, ESC_PASSED_TO_CALL, step);
    }

  if (const char *callee = allocator_of (call, &builtin))
    {
      esc_obj obj = esc_new_object (ef->g, ESC_OBJ_ALLOC);
      add_site (ef, call, callee, builtin, obj);
      if (builtin)
	{
	  result = esc_new_value (ef->g);
	  esc_add_address (ef->g, result, obj, step);
	  /* strdup's copy holds what its string reaches: that is in the
	     result's offset, which every read of the copy adds to what it
	     reads.  */
	  carry_object_size (ef, call, result, step);
	}
      else
	{
	  sink_all_args (ef, call, ESC_PASSED_TO_CALL, step);
	  result = esc_unknown_value (ef->g);
	}
    }
  else if (const char *callee = formatted_allocator (call, &output))
    {
      /* The new object's address goes only where the first argument
	 points; a null pointer there is undefined, so an unknown place.  */
      esc_obj obj = esc_new_object (ef->g, ESC_OBJ_ALLOC);
      add_site (ef, call, callee, true, obj);
      esc_node made = esc_new_value (ef->g);
      esc_add_address (ef->g, made, obj, step);
      result = analyze_output_call (ef, call, &output, made, step);
      esc_node where = rvalue_of (ef, gimple_call_arg (call, 0), step);
      esc_add_store (ef->g, where >= 0 ? where : esc_unknown_value (ef->g),
		     made, step);
    }
  else if (gimple_call_builtin_p (call, BUILT_IN_FREE))
    {
      esc_node p = value_of (ef, gimple_call_arg (call, 0));
      /* A free with an exception edge cannot simply be removed.  */
      if (p >= 0 && stmt_can_throw_internal (ef->fun, call))
	esc_add_sink (ef->g, p, ESC_FREED_ELSEWHERE, step);
      else if (p >= 0)
	{
	  ef->free_calls.safe_push (call);
	  ef->free_nodes.safe_push (p);
	}
    }
  else if (gimple_call_builtin_p (call, BUILT_IN_REALLOC))
    {
      esc_node p = value_of (ef, gimple_call_arg (call, 0));
      result = esc_new_value (ef->g);
      esc_add_address (ef->g, result, esc_unknown_object (ef->g), step);
      if (p >= 0)
	{
	  esc_add_sink (ef->g, p, ESC_RESIZED, step);
	  esc_add_copy (ef->g, result, p, step);
	}
      carry_object_size (ef, call, result, step);
    }
  else if (gimple_call_builtin_p (call, BUILT_IN_GOMP_FREE))
    sink_all_args (ef, call, ESC_FREED_ELSEWHERE, step);
  else if (thread_start_p (call))
    {
      sink_all_args (ef, call, ESC_SENT_TO_THREAD, step);
      result = esc_unknown_value (ef->g);
    }
  else if (value_only_builtin_p (call))
    {
      /* The size left behind a pointer depends on where it points
	 inside its object and on the size the object was made with,
	 which the offset carries (carry_object_size), but not on the
	 object's address: so it carries the pointer's offset alone.
	 FORTIFY_SOURCE asks it of every buffer that is written.  */
      bool sizes = (gimple_call_builtin_p (call, BUILT_IN_OBJECT_SIZE)
		    || gimple_call_builtin_p (call,
					      BUILT_IN_DYNAMIC_OBJECT_SIZE));
      result = esc_new_value (ef->g);
      for (unsigned i = 0; i < gimple_call_num_args (call); i++)
	{
	  tree arg = gimple_call_arg (call, i);
	  esc_node a = value_of (ef, arg);
	  if (a >= 0 && sizes && POINTER_TYPE_P (TREE_TYPE (arg)))
	    {
	      esc_add_copy (ef->g, result, esc_offset (ef->g, a), step);
	      add_size_query (ef, a, step);
	    }
	  else if (a >= 0)
	    esc_add_copy (ef->g, result, a, step);
	}
      if (sizes)
	carry_parameter_sizes (ef, result, step);
    }
  else if (gimple_call_builtin_p (call, BUILT_IN_APPLY_ARGS))
    {
      /* The arguments go on unnamed: the parameters' uses are lost.  */
      ef->unsupported = "__builtin_apply_args";
      result = esc_unknown_value (ef->g);
    }
  else if (output_builtin (call, &output))
    result = analyze_output_call (ef, call, &output, -1, step);
  else if (const struct esc_libc_function *f = library_function (call))
    result = analyze_library_call (ef, call, f, step);
  else if (gimple_call_internal_p (call)
	   || gimple_call_builtin_p (call, BUILT_IN_NORMAL))
    {
      result = analyze_known_call (ef, call, step);
      carry_object_size (ef, call, result, step);
    }
  else if (const struct esc_summary *s = callee_summary (call))
    {
      result = analyze_summarized_call (ef, call, s, step);
      carry_object_size (ef, call, result, step);
    }
  else
    {
      sink_all_args (ef, call, ESC_PASSED_TO_CALL, step);
      result = esc_unknown_value (ef->g);
    }

  add_callee_size_queries (ef, call, step);
  if (lhs)
    assign_to (ef, lhs, result, step);
}

