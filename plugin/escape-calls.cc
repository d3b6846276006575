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
#include "format.h"
#include "libc.h"
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
      return true;
    default:
      return false;
    }
}

/* How a builtin of the printf and puts families takes its arguments:
   the format's position, whether a va_list follows it, the position of
   the text it writes out without a format, and of the buffer it
   writes into; -1 where there is none.  GCC gives them no fnspec.  */
struct output_builtin
{
  int format;
  bool va_list;
  int text;
  int buffer;
};

static bool
output_builtin (gcall *call, struct output_builtin *out)
{
  if (!gimple_call_builtin_p (call, BUILT_IN_NORMAL))
    return false;
  struct output_builtin o = { -1, false, -1, -1 };
  switch (DECL_FUNCTION_CODE (gimple_call_fndecl (call)))
    {
    case BUILT_IN_PRINTF:
    case BUILT_IN_PRINTF_UNLOCKED:
      o.format = 0;
      break;
    case BUILT_IN_VPRINTF:
      o.format = 0, o.va_list = true;
      break;
    case BUILT_IN_FPRINTF:
    case BUILT_IN_FPRINTF_UNLOCKED:
    case BUILT_IN_PRINTF_CHK:
      o.format = 1;
      break;
    case BUILT_IN_VFPRINTF:
    case BUILT_IN_VPRINTF_CHK:
      o.format = 1, o.va_list = true;
      break;
    case BUILT_IN_FPRINTF_CHK:
      o.format = 2;
      break;
    case BUILT_IN_VFPRINTF_CHK:
      o.format = 2, o.va_list = true;
      break;
    case BUILT_IN_SPRINTF:
      o.format = 1, o.buffer = 0;
      break;
    case BUILT_IN_VSPRINTF:
      o.format = 1, o.va_list = true, o.buffer = 0;
      break;
    case BUILT_IN_SNPRINTF:
      o.format = 2, o.buffer = 0;
      break;
    case BUILT_IN_VSNPRINTF:
      o.format = 2, o.va_list = true, o.buffer = 0;
      break;
    case BUILT_IN_SPRINTF_CHK:
      o.format = 3, o.buffer = 0;
      break;
    case BUILT_IN_VSPRINTF_CHK:
      o.format = 3, o.va_list = true, o.buffer = 0;
      break;
    case BUILT_IN_SNPRINTF_CHK:
      o.format = 4, o.buffer = 0;
      break;
    case BUILT_IN_VSNPRINTF_CHK:
      o.format = 4, o.va_list = true, o.buffer = 0;
      break;
    case BUILT_IN_PUTS:
    case BUILT_IN_PUTS_UNLOCKED:
    case BUILT_IN_FPUTS:
    case BUILT_IN_FPUTS_UNLOCKED:
    case BUILT_IN_FWRITE:
    case BUILT_IN_FWRITE_UNLOCKED:
      o.text = 0;
      break;
    default:
      return false;
    }
  *out = o;
  return true;
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

/* What a call writes out as text, or stores through ("%n"), escapes
   with everything it reaches: text can be read back into an address.  */
static void
write_out_value (escape_fn *ef, esc_node a, int step)
{
  if (a < 0)
    return;
  esc_add_sink (ef->g, a, ESC_ADDRESS_EXPOSED, step);
  esc_add_sink (ef->g, esc_reachable (ef->g, a, step), ESC_ADDRESS_EXPOSED,
		step);
}

/* A call that writes out the characters A points to: its own object
   stays, but whatever is stored in it escapes, since the bytes of a
   stored address are written out with the rest.  */
static void
write_out_contents (escape_fn *ef, esc_node a, int step)
{
  if (a >= 0)
    esc_add_sink (ef->g, esc_reachable (ef->g, a, step), ESC_ADDRESS_EXPOSED,
		  step);
}

/* A builtin of the printf or puts family, described by O.  The format is
   followed only where it is a constant the pass can read: an argument it
   reads with "%s" keeps its own object; every other argument, and all of
   them behind any other format or a va_list, is written out.  */
static esc_node
analyze_output_call (escape_fn *ef, gcall *call,
		     const struct output_builtin *o, int step)
{
  unsigned n = gimple_call_num_args (call);
  auto_vec<esc_node> args;
  for (unsigned i = 0; i < n; i++)
    args.safe_push (rvalue_of (ef, gimple_call_arg (call, i), step));

  if (o->text >= 0)
    write_out_contents (ef, args[o->text], step);
  /* Sizes and counts (snprintf's size, fwrite's count, the _chk flags)
     show in how much is written.  */
  for (unsigned i = 0; i < n; i++)
    if (!POINTER_TYPE_P (TREE_TYPE (gimple_call_arg (call, i))))
      write_out_value (ef, args[i], step);
  if (o->buffer >= 0 && args[o->buffer] >= 0)
    {
      /* The text may hold the bytes of whatever the arguments reach.  */
      esc_node text = esc_new_value (ef->g);
      esc_add_address (ef->g, text, esc_unknown_object (ef->g), step);
      for (unsigned i = 0; i < n; i++)
	if (args[i] >= 0)
	  esc_add_copy (ef->g, text, esc_reachable (ef->g, args[i], step),
			step);
      esc_add_store (ef->g, args[o->buffer], text, step);
    }
  /* The count of what is written: the lengths of the strings read and
     of the numbers shown.  */
  esc_node count = esc_new_value (ef->g);
  for (unsigned i = 0; i < n; i++)
    if (args[i] >= 0)
      esc_add_copy (ef->g, count,
		    POINTER_TYPE_P (TREE_TYPE (gimple_call_arg (call, i)))
		    ? esc_reachable (ef->g, args[i], step) : args[i], step);
  if (o->format < 0)
    return count;

  write_out_contents (ef, args[o->format], step);
  unsigned first = o->format + 1;
  const char *format = c_getstr (gimple_call_arg (call, o->format));
  const int max_uses = 64;
  enum esc_format_use uses[max_uses];
  int n_uses = -1;
  if (format && !o->va_list)
    n_uses = esc_format_uses (format, uses, max_uses);
  for (unsigned i = first; i < n; i++)
    {
      int k = i - first;
      if (k < n_uses && uses[k] == ESC_FORMAT_STRING
	  && POINTER_TYPE_P (TREE_TYPE (gimple_call_arg (call, i))))
	write_out_contents (ef, args[i], step);
      else
	write_out_value (ef, args[i], step);
    }
  return count;
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
  auto_vec<esc_node> args;
  for (unsigned i = 0; i < n; i++)
    {
      tree arg = gimple_call_arg (call, i);
      esc_node a = rvalue_of (ef, arg, step);
      args.safe_push (a);
      if (a >= 0 && POINTER_TYPE_P (TREE_TYPE (arg)))
	esc_add_copy (ef->g, readable, esc_reachable (ef->g, a, step), step);
    }

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
      if (direct & ESC_PARAM_WRITTEN)
	esc_add_store (ef->g, a, esc_unknown_value (ef->g), step);
      if (deep_flags & ESC_PARAM_WRITTEN)
	esc_add_store (ef->g, deep, esc_unknown_value (ef->g), step);
    }
  return result;
}

/* The summary of FNDECL, when its body is the one that certainly runs,
   or NULL.  */
static const struct esc_summary *
summary_of (tree fndecl)
{
  cgraph_node *node = cgraph_node::get (fndecl);
  if (!node)
    return NULL;
  enum availability avail;
  node = node->function_symbol (&avail);
  /* noipa asks callers to assume nothing about the body.  */
  if (avail < AVAIL_AVAILABLE
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

/* The entry of plugin/core/libc.c for the library function CALL calls,
   or NULL.  Only GCC's builtin, or an external function that the
   system's headers declare, is one; it is known by its assembler name,
   so that glibc's aliases (__fread_alias for fread under
   _FORTIFY_SOURCE, __isoc99_sscanf for sscanf) are found too.  */
static const struct esc_libc_function *
library_function (gcall *call)
{
  tree fndecl = gimple_call_fndecl (call);
  if (!fndecl)
    return NULL;
  if (!gimple_call_builtin_p (call, BUILT_IN_NORMAL)
      && (!DECL_EXTERNAL (fndecl) || !TREE_PUBLIC (fndecl)
	  || !DECL_IN_SYSTEM_HEADER (fndecl)))
    return NULL;
  const char *name = IDENTIFIER_POINTER (DECL_ASSEMBLER_NAME (fndecl));
  if (*name == '*')
    name++;
  return esc_libc_find (name);
}

/* Whether the comparison function ARG, which a library function calls
   with pointers into its arrays, provably keeps, frees, returns and
   writes none of them: a function of this unit analysed already.  */
static bool
callback_keeps_nothing (tree arg)
{
  if (TREE_CODE (arg) != ADDR_EXPR
      || TREE_CODE (TREE_OPERAND (arg, 0)) != FUNCTION_DECL)
    return false;
  const struct esc_summary *s = summary_of (TREE_OPERAND (arg, 0));
  if (!s)
    return false;
  /* The result may be computed from the elements (their values are
     in the array already), but not from their addresses: the order
     the library makes of it would keep them.  */
  unsigned kept = ESC_PARAM_ESCAPES | ESC_PARAM_FREED | ESC_PARAM_WRITTEN;
  for (int i = 0; i < s->n_params; i++)
    if ((s->direct[i] & (kept | ESC_PARAM_RETURNED)) || (s->deep[i] & kept))
      return false;
  return true;
}

/* A library function of the table F.  */
static esc_node
analyze_library_call (escape_fn *ef, gcall *call,
		      const struct esc_libc_function *f, int step)
{
  unsigned n = gimple_call_num_args (call);
  unsigned n_specs = strlen (f->args);
  auto_vec<esc_node> args;
  auto_vec<char> specs;
  int first_read = -1;
  bool callback_keeps = false;
  for (unsigned i = 0; i < n; i++)
    {
      char spec = f->args[MIN (i, n_specs - 1)];
      tree arg = gimple_call_arg (call, i);
      specs.safe_push (spec);
      args.safe_push (spec == 'c' ? -1 : rvalue_of (ef, arg, step));
      if ((spec == 'r' || spec == 'm') && first_read < 0)
	first_read = i;
      if (spec == 'c' && !callback_keeps_nothing (arg))
	callback_keeps = true;
    }
  /* What the function computes from what it is given: the numbers, and
     the bytes it reads, streams included.  A parsed number is the
     digits' value, a count read is the count asked for, and an offset a
     stream tells is the one set before, kept in the stream.  */
  esc_node computed = esc_unknown_value (ef->g);
  for (unsigned i = 0; i < n; i++)
    if (args[i] >= 0 && specs[i] == '.')
      esc_add_copy (ef->g, computed, args[i], step);
    else if (args[i] >= 0 && strchr ("rmof", specs[i]))
      esc_add_copy (ef->g, computed, esc_reachable (ef->g, args[i], step),
		    step);
  for (unsigned i = 0; i < n; i++)
    {
      esc_node a = args[i];
      if (a < 0)
	continue;
      switch (specs[i])
	{
	case 'm':
	  /* The order qsort leaves depends on the count it is given.  */
	  esc_add_store (ef->g, a, computed, step);
	  /* Fall through.  */
	case 'r':
	  /* The comparison function sees pointers into these.  */
	  if (callback_keeps)
	    {
	      esc_add_sink (ef->g, a, ESC_PASSED_TO_CALL, step);
	      esc_add_sink (ef->g, esc_reachable (ef->g, a, step),
			    ESC_PASSED_TO_CALL, step);
	    }
	  break;
	case 'i':
	case 'f':
	  esc_add_store (ef->g, a, computed, step);
	  break;
	case 'o':
	  write_out_contents (ef, a, step);
	  break;
	case 'e':
	  if (first_read >= 0 && args[first_read] >= 0)
	    esc_add_store (ef->g, a, args[first_read], step);
	  break;
	default:
	  break;
	}
    }
  if (f->returns == '-')
    return computed;
  esc_node result = esc_new_value (ef->g);
  if (f->returns == 'u')
    esc_add_address (ef->g, result, esc_unknown_object (ef->g), step);
  else if (ISDIGIT (f->returns) && (unsigned) (f->returns - '0') < n
	   && args[f->returns - '0'] >= 0)
    esc_add_copy (ef->g, result, args[f->returns - '0'], step);
  return result;
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
	}
      else
	{
	  sink_all_args (ef, call, ESC_PASSED_TO_CALL, step);
	  result = esc_unknown_value (ef->g);
	}
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
      /* The size of what a pointer points to depends on where it
	 points.  */
      result = esc_new_value (ef->g);
      for (unsigned i = 0; i < gimple_call_num_args (call); i++)
	{
	  esc_node a = value_of (ef, gimple_call_arg (call, i));
	  if (a >= 0)
	    esc_add_copy (ef->g, result, a, step);
	}
    }
  else if (gimple_call_builtin_p (call, BUILT_IN_APPLY_ARGS))
    {
      /* The arguments go on unnamed: the parameters' uses are lost.  */
      ef->unsupported = "__builtin_apply_args";
      result = esc_unknown_value (ef->g);
    }
  else if (output_builtin (call, &output))
    result = analyze_output_call (ef, call, &output, step);
  else if (const struct esc_libc_function *f = library_function (call))
    result = analyze_library_call (ef, call, f, step);
  else if (gimple_call_internal_p (call)
	   || gimple_call_builtin_p (call, BUILT_IN_NORMAL))
    result = analyze_known_call (ef, call, step);
  else if (const struct esc_summary *s = callee_summary (call))
    result = analyze_summarized_call (ef, call, s, step);
  else
    {
      sink_all_args (ef, call, ESC_PASSED_TO_CALL, step);
      result = esc_unknown_value (ef->g);
    }

  if (lhs)
    assign_to (ef, lhs, result, step);
}

