/* From GIMPLE to the escape graph: calls into the C library that GCC
   gives no fnspec.

   The printf and puts families write text, and text can carry an
   address: a constant format is read (plugin/core/format.c) so that a
   string read with "%s" keeps its object while everything shown escapes.
   Other library functions that real programs hand their buffers to
   (input, parsing, sorting, paths) follow the table of
   plugin/core/libc.c.  What each computes carries what it was given.
   escape-calls.cc sends these calls here.  */

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

/* The description of the output builtin CALL calls, in *OUT, or false
   when it is none.  */
bool
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

/* The name of the asprintf-like allocator FNDECL is, or NULL: a function
   of glibc's headers that formats into a new object and stores its
   address through its first argument.  *OUT then describes the
   formatting.  */
static const char *
formatted_allocator_decl (tree fndecl, struct output_builtin *out)
{
  if (!DECL_EXTERNAL (fndecl) || !TREE_PUBLIC (fndecl)
      || !DECL_IN_SYSTEM_HEADER (fndecl))
    return NULL;
  const char *name = IDENTIFIER_POINTER (DECL_ASSEMBLER_NAME (fndecl));
  if (*name == '*')
    name++;
  struct output_builtin o = { -1, false, -1, -1 };
  const char *allocator;
  if (strcmp (name, "asprintf") == 0)
    o.format = 1, allocator = "asprintf";
  else if (strcmp (name, "__asprintf_chk") == 0)
    o.format = 2, allocator = "asprintf";
  else if (strcmp (name, "vasprintf") == 0)
    o.format = 1, o.va_list = true, allocator = "vasprintf";
  else if (strcmp (name, "__vasprintf_chk") == 0)
    o.format = 2, o.va_list = true, allocator = "vasprintf";
  else
    return NULL;
  *out = o;
  return allocator;
}

bool
formatted_allocator_p (tree fndecl)
{
  struct output_builtin o;
  return formatted_allocator_decl (fndecl, &o) != NULL;
}

const char *
formatted_allocator (gcall *call, struct output_builtin *out)
{
  tree fndecl = gimple_call_fndecl (call);
  struct output_builtin o;
  const char *allocator = fndecl ? formatted_allocator_decl (fndecl, &o)
			  : NULL;
  if (!allocator || gimple_call_num_args (call) <= (unsigned) o.format)
    return NULL;
  *out = o;
  return allocator;
}

/* Why the asprintf-like CALL, described by O, cannot format into a stack
   slot first and again into a heap object when the text does not fit,
   or NULL when it can: the second formatting must write the same text
   and do nothing else (esc_format_repeatable).  */
const char *
formatted_twice_refusal (gcall *call, const struct output_builtin *o)
{
  if (o->va_list)
    return "a va_list cannot be formatted twice";
  const char *format = c_getstr (gimple_call_arg (call, o->format));
  if (!format)
    return "its format is not a constant, which formatting twice could "
	   "change";
  if (!esc_format_repeatable (format))
    return "its format has a conversion that formatting twice could change "
	   "(%n, %m, a position, or one C does not define)";
  return NULL;
}

/* The nodes of CALL's arguments into ARGS, and of what each reaches by
   loads into DEEP (-1 where the argument has no node).  */
static void
call_args (escape_fn *ef, gcall *call, int step, vec<esc_node> *args,
	   vec<esc_node> *deep)
{
  for (unsigned i = 0; i < gimple_call_num_args (call); i++)
    {
      esc_node a = rvalue_of (ef, gimple_call_arg (call, i), step);
      args->safe_push (a);
      deep->safe_push (a >= 0 ? esc_reachable (ef->g, a, step) : -1);
    }
}

/* What a call writes out as text, or stores through ("%n"), escapes
   with everything it reaches (DEEP): text can be read back into an
   address.  */
static void
write_out_value (escape_fn *ef, esc_node a, esc_node deep, int step)
{
  if (a < 0)
    return;
  esc_add_sink (ef->g, a, ESC_ADDRESS_EXPOSED, step);
  esc_add_sink (ef->g, deep, ESC_ADDRESS_EXPOSED, step);
}

/* A call that writes out the characters an argument points to: its own
   object stays, but whatever is stored in it (DEEP) escapes, since the
   bytes of a stored address are written out with the rest.  */
static void
write_out_contents (escape_fn *ef, esc_node deep, int step)
{
  if (deep >= 0)
    esc_add_sink (ef->g, deep, ESC_ADDRESS_EXPOSED, step);
}

/* A call of the printf or puts family, described by O, which writes its
   text into O's buffer argument or, for asprintf, into the new object
   MADE points to (else -1).  The format is followed only where it is a
   constant the pass can read: an argument it reads with "%s" keeps its
   own object; every other argument, and all of them behind any other
   format or a va_list, is written out.  */
esc_node
analyze_output_call (escape_fn *ef, gcall *call,
		     const struct output_builtin *o, esc_node made, int step)
{
  unsigned n = gimple_call_num_args (call);
  auto_vec<esc_node> args, deep;
  call_args (ef, call, step, &args, &deep);
  /* asprintf's first argument only receives the new object's address:
     its pointer is not shown, and its contents are not read.  */
  if (made >= 0)
    args[0] = deep[0] = -1;
  auto_vec<bool> pointer;
  for (unsigned i = 0; i < n; i++)
    pointer.safe_push (POINTER_TYPE_P (TREE_TYPE (gimple_call_arg (call, i))));

  if (o->text >= 0)
    write_out_contents (ef, deep[o->text], step);
  /* Sizes and counts (snprintf's size, fwrite's count, the _chk flags,
     the format's numbers) show in how much is written.  */
  for (unsigned i = 0; i < n; i++)
    if (!pointer[i])
      write_out_value (ef, args[i], deep[i], step);
  esc_node into = o->buffer >= 0 ? args[o->buffer] : made;
  if (into >= 0)
    {
      /* The text may hold the bytes of whatever the arguments reach.  */
      esc_node text = esc_new_value (ef->g);
      esc_add_address (ef->g, text, esc_unknown_object (ef->g), step);
      for (unsigned i = 0; i < n; i++)
	if (deep[i] >= 0)
	  esc_add_copy (ef->g, text, deep[i], step);
      esc_add_store (ef->g, into, text, step);
    }
  /* The count of what is written: the lengths of the strings read and
     of the numbers shown.  */
  esc_node count = esc_new_value (ef->g);
  for (unsigned i = 0; i < n; i++)
    if (args[i] >= 0)
      esc_add_copy (ef->g, count, pointer[i] ? deep[i] : args[i], step);
  if (o->format < 0)
    return count;

  write_out_contents (ef, deep[o->format], step);
  unsigned first = o->format + 1;
  const char *format = c_getstr (gimple_call_arg (call, o->format));
  enum esc_format_use uses[ESC_FORMAT_MAX_USES];
  int n_uses = -1;
  if (format && !o->va_list)
    n_uses = esc_format_uses (format, uses, ESC_FORMAT_MAX_USES);
  /* The numbers are written out above.  */
  for (unsigned i = first; i < n; i++)
    {
      int k = i - first;
      if (!pointer[i])
	continue;
      if (k < n_uses && uses[k] == ESC_FORMAT_STRING)
	write_out_contents (ef, deep[i], step);
      else
	write_out_value (ef, args[i], deep[i], step);
    }
  return count;
}

/* The entry of plugin/core/libc.c for the library function CALL calls,
   or NULL.  Only GCC's builtin, or an external function that the
   system's headers declare, is one; it is known by its assembler name,
   so that glibc's aliases (__fread_alias for fread under
   _FORTIFY_SOURCE, __isoc99_sscanf for sscanf) are found too.  */
const struct esc_libc_function *
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
esc_node
analyze_library_call (escape_fn *ef, gcall *call,
		      const struct esc_libc_function *f, int step)
{
  unsigned n = gimple_call_num_args (call);
  unsigned n_specs = strlen (f->args);
  auto_vec<esc_node> args, deep;
  call_args (ef, call, step, &args, &deep);
  auto_vec<char> specs;
  int first_read = -1;
  bool callback_keeps = false;
  for (unsigned i = 0; i < n; i++)
    {
      char spec = f->args[MIN (i, n_specs - 1)];
      specs.safe_push (spec);
      if ((spec == 'r' || spec == 'm') && first_read < 0)
	first_read = i;
      if (spec == 'c' && !callback_keeps_nothing (gimple_call_arg (call, i)))
	callback_keeps = true;
    }
  /* What the function computes from what it is given: the numbers, and
     the bytes it reads, streams included.  A parsed number is the
     digits' value, a count read is the count asked for, and an offset a
     stream tells is the one set before, kept in the stream.  */
  esc_node given = esc_new_value (ef->g);
  for (unsigned i = 0; i < n; i++)
    if (args[i] >= 0 && specs[i] == '.')
      esc_add_copy (ef->g, given, args[i], step);
    else if (args[i] >= 0 && strchr ("rmof", specs[i]))
      esc_add_copy (ef->g, given, deep[i], step);
  /* What the function computes may stay behind: in errno (strtol's
     ERANGE comes from the digits), in a stream's or the kernel's state
     (a file offset, a mode, the bytes written), where later calls read
     it back.  Only the searches and sorts, which call back into the
     unit, keep nothing.  */
  if (!strchr (f->args, 'c'))
    esc_add_sink (ef->g, given, ESC_PASSED_TO_CALL, step);
  /* Data from outside the program may look like any address.  */
  esc_node computed = esc_new_value (ef->g);
  esc_add_address (ef->g, computed, esc_unknown_object (ef->g), step);
  esc_add_copy (ef->g, computed, given, step);
  for (unsigned i = 0; i < n; i++)
    {
      esc_node a = args[i];
      if (a < 0 || specs[i] == 'c')
	continue;
      switch (specs[i])
	{
	case 'm':
	  /* The order qsort leaves depends on the count it is given, and
	     on what the elements hold, addresses included.  */
	  esc_add_store (ef->g, a, as_number (ef, computed, step), step);
	  /* Fall through.  */
	case 'r':
	  /* The comparison function sees pointers into these.  */
	  if (callback_keeps)
	    {
	      esc_add_sink (ef->g, a, ESC_PASSED_TO_CALL, step);
	      esc_add_sink (ef->g, deep[i], ESC_PASSED_TO_CALL, step);
	    }
	  break;
	case 'i':
	case 'f':
	  esc_add_store (ef->g, a, computed, step);
	  break;
	case 'o':
	  write_out_contents (ef, deep[i], step);
	  break;
	case 'e':
	  if (first_read >= 0 && args[first_read] >= 0)
	    {
	      /* A pointer into the string, where its bytes and the base
		 say.  */
	      esc_node end = esc_new_value (ef->g);
	      esc_add_copy (ef->g, end, args[first_read], step);
	      esc_add_copy (ef->g, esc_offset (ef->g, end), given, step);
	      esc_add_store (ef->g, a, end, step);
	    }
	  break;
	default:
	  break;
	}
    }
  if (f->returns == '-')
    return computed;
  esc_node result = esc_new_value (ef->g);
  /* What a search finds (getenv's string, bsearch's element) is where
     the bytes it compares say.  */
  esc_add_copy (ef->g, esc_offset (ef->g, result), given, step);
  if (f->returns == 'u')
    esc_add_address (ef->g, result, esc_unknown_object (ef->g), step);
  else if (ISDIGIT (f->returns) && (unsigned) (f->returns - '0') < n
	   && args[f->returns - '0'] >= 0)
    esc_add_copy (ef->g, result, args[f->returns - '0'], step);
  return result;
}
