/* The escape pass: move heap allocations that never leave their function
   to the stack, and report every decision.

   For each function the pass
     1. translates its GIMPLE into the constraints of an escape graph
	(plugin/core/graph.h): SSA names are value nodes; local variables,
	allocation sites and what parameters point to are objects; calls are
	modelled by GCC's fnspec/EAF flags for builtins, by our own summaries
	for functions of this unit analysed earlier (callees come first), and
	as escaping for anything else;
     2. solves the graph and asks it, for every malloc/calloc/aligned_alloc
	site, whether its object may be reached from outside the function;
     3. adds what the graph cannot see: the size and its range bound, loops
	that could reuse the slot while the old object is alive, recursion,
	setjmp, and the frame budget (plugin/core/policy.h);
     4. rewrites each site that passed into the address of a new local
	array, zeroed for calloc, gives the accesses p[i] through its
	pointer the array form a local array has, and replaces its frees by
	clobbers;
     5. writes one report line per site and records what the function does
	with its parameters for its callers.

   Everything the pass cannot follow keeps the heap, with a reason.  */

#include "gcc-plugin.h"
#include "config.h"
#include "system.h"
#include "coretypes.h"
#include "backend.h"
#include "tree.h"
#include "gimple.h"
#include "tree-pass.h"
#include "ssa.h"
#include "cgraph.h"
#include "gimple-iterator.h"
#include "gimple-pretty-print.h"
#include "tree-pretty-print.h"
#include "cfgloop.h"
#include "tree-into-ssa.h"
#include "tree-ssa.h"
#include "tree-eh.h"
#include "tree-cfg.h"
#include "stringpool.h"
#include "attribs.h"
#include "fold-const.h"
#include "builtins.h"
#include "attr-fnspec.h"
#include "internal-fn.h"
#include "cfgexpand.h"
#include "value-query.h"
#include "gimple-range.h"
#include "dumpfile.h"
#include "diagnostic-core.h"
#include "escape.h"

extern "C" {
#include "graph.h"
#include "policy.h"
#include "report.h"
}

/* Summaries of the functions analysed so far, by DECL_UID.  */
static struct esc_summaries *summaries;

/* Functions of this unit in a call-graph cycle, by DECL_UID.  */
static hash_set<int_hash<int, -1, -2> > *recursive_functions;

/* One allocation site.  */
struct site_info
{
  gcall *call;
  const char *callee;
  /* Bytes of the stack slot: the constant size or its bound.  */
  unsigned HOST_WIDE_INT bytes;
  /* The size as far as it is known, for the JSON report: -1 when not.  */
  long long known_bytes;
  bool bytes_is_bound;
  unsigned HOST_WIDE_INT align_bits;
  /* Why the size, alignment or position keeps the heap.  */
  char *front_detail;
};

/* One flow step: the statement a constraint came from.  */
struct step_info
{
  gimple *stmt;
};

/* The analysis state of one function.  */
struct escape_fn
{
  function *fun;
  struct esc_graph *g;
  auto_vec<esc_node> ssa_nodes;
  hash_map<tree, int> decl_objects;
  auto_vec<esc_node> object_addresses;
  auto_vec<step_info> steps;
  auto_vec<site_info> sites;
  auto_vec<esc_site> site_decisions;
  auto_vec<gcall *> free_calls;
  auto_vec<esc_node> free_nodes;
  auto_vec<esc_free_decision> free_decisions;
  /* The frees that may free each object, as lists: FREES_HEAD by object,
     then FREES_NEXT by link; a link is an index into FREE_OF_LINK.  */
  auto_vec<int> frees_head;
  auto_vec<int> frees_next;
  auto_vec<unsigned> free_of_link;
  /* One container of each object, or -1 (esc_containers).  */
  esc_obj *containers = NULL;
  auto_vec<esc_obj> param_direct;
  auto_vec<esc_obj> param_deep;
  hash_map<tree, int> param_index;
  esc_obj return_slot;
  /* Set when the function holds an operand the analysis cannot follow;
     every site then stays on the heap.  */
  const char *unsupported = NULL;
  /* By loop number: header_phi_objects.  */
  auto_vec<bitmap> loop_phi_objects;
  /* Whether this pass enabled a ranger, which only sizes that are not
     constant need.  */
  bool ranger = false;

  ~escape_fn ()
  {
    for (bitmap objects : loop_phi_objects)
      if (objects)
	BITMAP_FREE (objects);
  }
};

static int
new_step (escape_fn *ef, gimple *stmt)
{
  step_info s = { stmt };
  ef->steps.safe_push (s);
  return ef->steps.length () - 1;
}

/* A value node holding exactly OBJ.  */
static esc_node
address_of_object (escape_fn *ef, esc_obj obj)
{
  while (ef->object_addresses.length () <= (unsigned) obj)
    ef->object_addresses.safe_push (-1);
  if (ef->object_addresses[obj] < 0)
    {
      esc_node n = esc_new_value (ef->g);
      esc_add_address (ef->g, n, obj, -1);
      ef->object_addresses[obj] = n;
    }
  return ef->object_addresses[obj];
}

/* The position of PARM among the function's parameters, or -1.  The
   index is built on first use: a function that uses no parameter in a
   way the graph needs pays nothing for a long parameter list.  */
static int
param_number (escape_fn *ef, tree parm)
{
  if (ef->param_index.is_empty ())
    {
      int i = 0;
      for (tree p = DECL_ARGUMENTS (ef->fun->decl); p; p = DECL_CHAIN (p))
	ef->param_index.put (p, i++);
    }
  int *i = ef->param_index.get (parm);
  return i ? *i : -1;
}

/* What parameter I points to, made on first use, so that parameters
   without uses cost nothing.  */
static esc_obj
param_object (escape_fn *ef, int i)
{
  if (ef->param_direct[i] < 0)
    {
      esc_obj direct = esc_new_object (ef->g, ESC_OBJ_PARAM);
      esc_obj deep = esc_new_object (ef->g, ESC_OBJ_PARAM_DEEP);
      esc_add_address (ef->g, esc_contents (ef->g, direct), deep, -1);
      esc_add_address (ef->g, esc_contents (ef->g, deep), deep, -1);
      ef->param_direct[i] = direct;
      ef->param_deep[i] = deep;
    }
  return ef->param_direct[i];
}

/* The object standing for the storage of DECL.  */
static esc_obj
object_of_decl (escape_fn *ef, tree decl)
{
  if (VAR_P (decl) && is_global_var (decl))
    return esc_global_object (ef->g);
  if (TREE_CODE (decl) == RESULT_DECL)
    return ef->return_slot;
  if (!VAR_P (decl) && TREE_CODE (decl) != PARM_DECL)
    {
      ef->unsupported = get_tree_code_name (TREE_CODE (decl));
      return esc_unknown_object (ef->g);
    }
  if (int *obj = ef->decl_objects.get (decl))
    return *obj;
  esc_obj obj = esc_new_object (ef->g, ESC_OBJ_LOCAL);
  ef->decl_objects.put (decl, obj);
  /* A parameter kept in memory holds what the caller passed.  */
  if (TREE_CODE (decl) == PARM_DECL)
    {
      int i = param_number (ef, decl);
      esc_obj target = i >= 0 ? param_object (ef, i)
		       : esc_unknown_object (ef->g);
      esc_add_address (ef->g, esc_contents (ef->g, obj), target, -1);
    }
  return obj;
}

static esc_node value_of (escape_fn *ef, tree op);
static esc_node union_of (escape_fn *ef, esc_node a, esc_node b, int step);

/* An operand the analysis does not know: what it reads is not followed,
   so nothing in the function may move.  */
static esc_node
unsupported_operand (escape_fn *ef, tree op)
{
  ef->unsupported = get_tree_code_name (TREE_CODE (op));
  return esc_unknown_value (ef->g);
}

/* The node of the pointer that the memory reference REF is based on, or
   of the object it names.  */
static esc_node
address_of_ref (escape_fn *ef, tree ref)
{
  tree base = get_base_address (ref);
  if (!base)
    return unsupported_operand (ef, ref);
  if (TREE_CODE (base) == MEM_REF)
    return value_of (ef, TREE_OPERAND (base, 0));
  if (TREE_CODE (base) == TARGET_MEM_REF)
    {
      esc_node n = value_of (ef, TMR_BASE (base));
      if (TMR_INDEX (base))
	n = union_of (ef, n, value_of (ef, TMR_INDEX (base)), -1);
      if (TMR_INDEX2 (base))
	n = union_of (ef, n, value_of (ef, TMR_INDEX2 (base)), -1);
      return n;
    }
  if (DECL_P (base))
    {
      if (TREE_CODE (base) == FUNCTION_DECL || TREE_CODE (base) == LABEL_DECL
	  || TREE_CODE (base) == CONST_DECL)
	return -1;
      return address_of_object (ef, object_of_decl (ef, base));
    }
  if (CONSTANT_CLASS_P (base))
    return address_of_object (ef, esc_global_object (ef->g));
  return unsupported_operand (ef, base);
}

static esc_node
ssa_node (escape_fn *ef, tree name)
{
  unsigned v = SSA_NAME_VERSION (name);
  while (ef->ssa_nodes.length () <= v)
    ef->ssa_nodes.safe_push (-1);
  if (ef->ssa_nodes[v] >= 0)
    return ef->ssa_nodes[v];
  esc_node n = esc_new_value (ef->g);
  ef->ssa_nodes[v] = n;
  if (SSA_NAME_IS_DEFAULT_DEF (name))
    {
      tree var = SSA_NAME_VAR (name);
      if (var && TREE_CODE (var) == PARM_DECL)
	{
	  int i = param_number (ef, var);
	  esc_add_address (ef->g, n, i >= 0 ? param_object (ef, i)
			   : esc_unknown_object (ef->g), -1);
	}
      else if (var && TREE_CODE (var) == RESULT_DECL)
	esc_add_address (ef->g, n, ef->return_slot, -1);
    }
  return n;
}

/* The node of a register operand, or -1 when it holds no address.  */
static esc_node
value_of (escape_fn *ef, tree op)
{
  switch (TREE_CODE (op))
    {
    case SSA_NAME:
      return ssa_node (ef, op);
    case ADDR_EXPR:
      return address_of_ref (ef, TREE_OPERAND (op, 0));
    case INTEGER_CST:
      if (POINTER_TYPE_P (TREE_TYPE (op)) && !integer_zerop (op))
	return esc_unknown_value (ef->g);
      return -1;
    default:
      if (CONSTANT_CLASS_P (op))
	return -1;
      return unsupported_operand (ef, op);
    }
}

static bool
memory_ref_p (tree op)
{
  return (DECL_P (op) && !is_gimple_reg (op))
	 || handled_component_p (op)
	 || TREE_CODE (op) == MEM_REF || TREE_CODE (op) == TARGET_MEM_REF;
}

/* The node of what an operand holds: a register value, or the contents
   of the memory it reads.  */
static esc_node
rvalue_of (escape_fn *ef, tree op, int step)
{
  if (TREE_CODE (op) == WITH_SIZE_EXPR)
    op = TREE_OPERAND (op, 0);
  if (TREE_CODE (op) == CONSTRUCTOR)
    {
      esc_node n = esc_new_value (ef->g);
      unsigned i;
      tree elt;
      FOR_EACH_CONSTRUCTOR_VALUE (CONSTRUCTOR_ELTS (op), i, elt)
	{
	  esc_node e = rvalue_of (ef, elt, step);
	  if (e >= 0)
	    esc_add_copy (ef->g, n, e, step);
	}
      return n;
    }
  if (!memory_ref_p (op))
    return value_of (ef, op);
  /* VIEW_CONVERT_EXPR, REALPART_EXPR or BIT_FIELD_REF of a register.  */
  tree base = get_base_address (op);
  if (base && TREE_CODE (base) == SSA_NAME)
    return value_of (ef, base);
  esc_node ptr = address_of_ref (ef, op);
  if (ptr < 0)
    return -1;
  esc_node n = esc_new_value (ef->g);
  esc_add_load (ef->g, n, ptr, step);
  return n;
}

/* LHS = SRC, for a register or memory LHS.  */
static void
assign_to (escape_fn *ef, tree lhs, esc_node src, int step)
{
  if (src < 0)
    return;
  if (TREE_CODE (lhs) == SSA_NAME)
    {
      esc_add_copy (ef->g, ssa_node (ef, lhs), src, step);
      return;
    }
  esc_node ptr = address_of_ref (ef, lhs);
  if (ptr >= 0)
    esc_add_store (ef->g, ptr, src, step);
}

static esc_node
union_of (escape_fn *ef, esc_node a, esc_node b, int step)
{
  if (a < 0)
    return b;
  if (b < 0)
    return a;
  esc_node n = esc_new_value (ef->g);
  esc_add_copy (ef->g, n, a, step);
  esc_add_copy (ef->g, n, b, step);
  return n;
}

static void
analyze_assign (escape_fn *ef, gassign *stmt)
{
  if (gimple_clobber_p (stmt))
    return;
  int step = new_step (ef, stmt);
  tree lhs = gimple_assign_lhs (stmt);
  enum tree_code code = gimple_assign_rhs_code (stmt);
  tree rhs1 = gimple_assign_rhs1 (stmt);
  esc_node src = -1;

  switch (get_gimple_rhs_class (code))
    {
    case GIMPLE_SINGLE_RHS:
      src = rvalue_of (ef, rhs1, step);
      break;
    case GIMPLE_UNARY_RHS:
      src = value_of (ef, rhs1);
      if (CONVERT_EXPR_CODE_P (code) && POINTER_TYPE_P (TREE_TYPE (rhs1))
	  && !POINTER_TYPE_P (TREE_TYPE (lhs)))
	{
	  /* An address turned into a number can come back anywhere.  */
	  if (src >= 0)
	    esc_add_sink (ef->g, src, ESC_ADDRESS_EXPOSED, step);
	  src = -1;
	}
      else if (CONVERT_EXPR_CODE_P (code) && POINTER_TYPE_P (TREE_TYPE (lhs))
	       && !POINTER_TYPE_P (TREE_TYPE (rhs1)))
	src = union_of (ef, src, esc_unknown_value (ef->g), step);
      break;
    default:
      if (TREE_CODE_CLASS (code) == tcc_comparison
	  || code == POINTER_DIFF_EXPR)
	break;
      for (unsigned i = 1; i < gimple_num_ops (stmt); i++)
	src = union_of (ef, src, value_of (ef, gimple_op (stmt, i)), step);
      break;
    }
  assign_to (ef, lhs, src, step);
}

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

/* Builtins that only look at their arguments: they keep nothing, free
   nothing and return none of them.  GCC gives them no fnspec, so without
   this list every printf would keep its buffer on the heap.  */
static bool
inspecting_builtin_p (gcall *call)
{
  if (!gimple_call_builtin_p (call, BUILT_IN_NORMAL))
    return false;
  switch (DECL_FUNCTION_CODE (gimple_call_fndecl (call)))
    {
    case BUILT_IN_PRINTF:
    case BUILT_IN_PRINTF_UNLOCKED:
    case BUILT_IN_FPRINTF:
    case BUILT_IN_FPRINTF_UNLOCKED:
    case BUILT_IN_VPRINTF:
    case BUILT_IN_VFPRINTF:
    case BUILT_IN_PUTS:
    case BUILT_IN_PUTS_UNLOCKED:
    case BUILT_IN_FPUTS:
    case BUILT_IN_FPUTS_UNLOCKED:
    case BUILT_IN_FWRITE:
    case BUILT_IN_FWRITE_UNLOCKED:
    case BUILT_IN_SPRINTF:
    case BUILT_IN_SNPRINTF:
    case BUILT_IN_VSPRINTF:
    case BUILT_IN_VSNPRINTF:
    case BUILT_IN_OBJECT_SIZE:
    case BUILT_IN_DYNAMIC_OBJECT_SIZE:
    case BUILT_IN_PREFETCH:
    case BUILT_IN_CONSTANT_P:
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

/* A builtin or internal function, described by its EAF flags.  */
static esc_node
analyze_known_call (escape_fn *ef, gcall *call, int step)
{
  esc_node result = esc_new_value (ef->g);
  int ret_flags = gimple_call_return_flags (call);
  bool inspects = inspecting_builtin_p (call) || checking_internal_fn_p (call);
  /* A library function returns an address only through a pointer.  */
  tree lhs = gimple_call_lhs (call);
  bool returns_pointer = lhs && POINTER_TYPE_P (TREE_TYPE (lhs));
  if (returns_pointer && !(ret_flags & ERF_RETURNS_ARG))
    esc_add_address (ef->g, result, esc_unknown_object (ef->g), step);
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
	  if (inspecting_builtin_p (call))
	    continue;
	  esc_add_copy (ef->g, result, a, step);
	  if (!checking_internal_fn_p (call)
	      && !(flags & (EAF_UNUSED | EAF_NO_DIRECT_ESCAPE)))
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
      if (inspects)
	flags |= (EAF_NO_DIRECT_ESCAPE | EAF_NO_INDIRECT_ESCAPE
		  | EAF_NOT_RETURNED_DIRECTLY | EAF_NOT_RETURNED_INDIRECTLY);
      if (checking_internal_fn_p (call))
	flags = EAF_NO_DIRECT_ESCAPE | EAF_NO_INDIRECT_ESCAPE
		| EAF_NO_DIRECT_CLOBBER | EAF_NO_INDIRECT_CLOBBER;
      if (flags & EAF_UNUSED)
	continue;
      esc_node deep = esc_reachable (ef->g, a, step);
      if (!(flags & EAF_NO_DIRECT_ESCAPE))
	esc_add_sink (ef->g, a, ESC_PASSED_TO_CALL, step);
      if (!(flags & EAF_NO_INDIRECT_ESCAPE))
	esc_add_sink (ef->g, deep, ESC_PASSED_TO_CALL, step);
      if (returns_pointer && !(flags & EAF_NOT_RETURNED_DIRECTLY))
	esc_add_copy (ef->g, result, a, step);
      if (returns_pointer && !(flags & EAF_NOT_RETURNED_INDIRECTLY))
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

/* The summary of the function CALL certainly runs, or NULL.  */
static const struct esc_summary *
callee_summary (gcall *call)
{
  tree fndecl = gimple_call_fndecl (call);
  if (!fndecl)
    return NULL;
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

static void
analyze_call (escape_fn *ef, gcall *call)
{
  int step = new_step (ef, call);
  tree lhs = gimple_call_lhs (call);
  esc_node result = -1;
  bool builtin;

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

static void
analyze_asm (escape_fn *ef, gasm *stmt)
{
  int step = new_step (ef, stmt);
  for (unsigned i = 0; i < gimple_asm_ninputs (stmt); i++)
    {
      tree op = TREE_VALUE (gimple_asm_input_op (stmt, i));
      esc_node n = memory_ref_p (op) ? address_of_ref (ef, op)
		   : value_of (ef, op);
      if (n >= 0)
	esc_add_sink (ef->g, n, ESC_ADDRESS_EXPOSED, step);
    }
  for (unsigned i = 0; i < gimple_asm_noutputs (stmt); i++)
    {
      tree op = TREE_VALUE (gimple_asm_output_op (stmt, i));
      if (memory_ref_p (op))
	{
	  esc_node n = address_of_ref (ef, op);
	  if (n >= 0)
	    esc_add_sink (ef->g, n, ESC_ADDRESS_EXPOSED, step);
	}
      assign_to (ef, op, esc_unknown_value (ef->g), step);
    }
}

static void
analyze_stmt (escape_fn *ef, gimple *stmt)
{
  switch (gimple_code (stmt))
    {
    case GIMPLE_ASSIGN:
      analyze_assign (ef, as_a <gassign *> (stmt));
      break;
    case GIMPLE_CALL:
      analyze_call (ef, as_a <gcall *> (stmt));
      break;
    case GIMPLE_ASM:
      analyze_asm (ef, as_a <gasm *> (stmt));
      break;
    case GIMPLE_RETURN:
      if (tree ret = gimple_return_retval (as_a <greturn *> (stmt)))
	{
	  /* An integer narrower than a pointer cannot hand an address to
	     the caller.  */
	  tree type = TREE_TYPE (ret);
	  if (INTEGRAL_TYPE_P (type) && TYPE_PRECISION (type) < POINTER_SIZE)
	    break;
	  int step = new_step (ef, stmt);
	  esc_node n = rvalue_of (ef, ret, step);
	  if (n >= 0)
	    esc_add_sink (ef->g, n, ESC_RETURNED, step);
	}
      break;
    default:
      break;
    }
}

static void
analyze_phi (escape_fn *ef, gphi *phi)
{
  tree res = gimple_phi_result (phi);
  if (virtual_operand_p (res))
    return;
  int step = new_step (ef, phi);
  esc_node n = ssa_node (ef, res);
  for (unsigned i = 0; i < gimple_phi_num_args (phi); i++)
    {
      esc_node a = value_of (ef, gimple_phi_arg_def (phi, i));
      if (a >= 0)
	esc_add_copy (ef->g, n, a, step);
    }
}

static void
build_graph (escape_fn *ef)
{
  for (tree parm = DECL_ARGUMENTS (ef->fun->decl); parm;
       parm = DECL_CHAIN (parm))
    {
      ef->param_direct.safe_push (-1);
      ef->param_deep.safe_push (-1);
    }
  ef->return_slot = esc_new_object (ef->g, ESC_OBJ_RETURN_SLOT);

  basic_block bb;
  FOR_EACH_BB_FN (bb, ef->fun)
    {
      for (gphi_iterator gsi = gsi_start_phis (bb); !gsi_end_p (gsi);
	   gsi_next (&gsi))
	analyze_phi (ef, gsi.phi ());
      for (gimple_stmt_iterator gsi = gsi_start_bb (bb); !gsi_end_p (gsi);
	   gsi_next (&gsi))
	analyze_stmt (ef, gsi_stmt (gsi));
    }
}

/* The objects the phis at the head of LOOP may hold, collected on first
   use: a site in a loop is tested against every enclosing loop, so
   testing each phi per site would be sites x phis.  */
static bitmap
header_phi_objects (escape_fn *ef, loop_p loop)
{
  if (ef->loop_phi_objects.length () <= (unsigned) loop->num)
    ef->loop_phi_objects.safe_grow_cleared (number_of_loops (ef->fun));
  bitmap &objects = ef->loop_phi_objects[loop->num];
  if (objects)
    return objects;
  objects = BITMAP_ALLOC (NULL);
  for (gphi_iterator gsi = gsi_start_phis (loop->header); !gsi_end_p (gsi);
       gsi_next (&gsi))
    {
      tree res = gimple_phi_result (gsi.phi ());
      if (virtual_operand_p (res))
	continue;
      esc_node n = ssa_node (ef, res);
      for (size_t k = 0; k < esc_points_to_size (ef->g, n); k++)
	bitmap_set_bit (objects, esc_points_to_nth (ef->g, n, k));
    }
  return objects;
}

/* Whether a pointer to OBJ, allocated in BB, may still be alive when BB
   allocates again: it reaches a phi at the head of an enclosing loop, or
   it is kept in memory.  */
static bool
loop_carried_p (escape_fn *ef, basic_block bb, esc_obj obj)
{
  if (bb->flags & BB_IRREDUCIBLE_LOOP)
    return true;
  if (bb->loop_father == ef->fun->x_current_loops->tree_root)
    return false;
  if (ef->containers[obj] >= 0)
    return true;
  for (loop_p loop = bb->loop_father; loop_outer (loop);
       loop = loop_outer (loop))
    if (bitmap_bit_p (header_phi_objects (ef, loop), obj))
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
   leaves the slot's bytes unset, and the other checks still run.  */
static esc_reason_set
check_site (escape_fn *ef, site_info *site, esc_obj obj)
{
  gcall *call = site->call;
  unsigned HOST_WIDE_INT max_size = escape_options.max_size;
  bool aligned = gimple_call_builtin_p (call, BUILT_IN_ALIGNED_ALLOC);
  esc_reason_set reasons = 0;

  unsigned HOST_WIDE_INT bytes = 1;
  bool all_constant = true, overflow = false, unknown = false;
  for (unsigned i = aligned ? 1 : 0; i < gimple_call_num_args (call); i++)
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
      else
	site->bytes = MAX (bytes, (unsigned HOST_WIDE_INT) 1);
    }

  if (loop_carried_p (ef, gimple_bb (call), obj))
    front_fails (site, &reasons, ESC_LOOP_CARRIED,
		 xstrdup ("a pointer to it may live on into the next "
			  "iteration"));
  if (recursive_functions->contains (DECL_UID (ef->fun->decl)))
    front_fails (site, &reasons, ESC_RECURSIVE,
		 xasprintf ("%s is in a call-graph cycle",
			    function_name (ef->fun)));
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

/* The budget conversions may use here: the frame budget, kept under
   -Wframe-larger-than= and -Wstack-usage= when they are given.  */
static unsigned HOST_WIDE_INT
frame_budget (function *fun)
{
  unsigned HOST_WIDE_INT budget = escape_options.frame_budget;
  HOST_WIDE_INT limit = MIN (warn_frame_larger_than_size, warn_stack_usage);
  if (limit == HOST_WIDE_INT_MAX)
    return budget;
  HOST_WIDE_INT used
    = estimated_stack_frame_size (cgraph_node::get (fun->decl));
  if (used >= limit)
    return 0;
  return MIN (budget, (unsigned HOST_WIDE_INT) (limit - used));
}

static void
decide (escape_fn *ef)
{
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
      d->front_reasons = check_site (ef, site, d->obj);
      d->bytes = site->bytes;
    }
  ef->free_decisions.safe_grow (ef->free_nodes.length ());
  esc_decide (ef->g, ef->site_decisions.address (), ef->sites.length (),
	      ef->free_nodes.address (), ef->free_nodes.length (),
	      frame_budget (ef->fun), ef->free_decisions.address ());
}

/* Build the lists of frees by object, in statement order.  */
static void
index_frees (escape_fn *ef)
{
  ef->frees_head.safe_grow (esc_object_count (ef->g));
  for (unsigned o = 0; o < ef->frees_head.length (); o++)
    ef->frees_head[o] = -1;
  for (unsigned f = ef->free_nodes.length (); f-- > 0;)
    for (size_t k = 0; k < esc_points_to_size (ef->g, ef->free_nodes[f]); k++)
      {
	esc_obj obj = esc_points_to_nth (ef->g, ef->free_nodes[f], k);
	ef->frees_next.safe_push (ef->frees_head[obj]);
	ef->free_of_link.safe_push (f);
	ef->frees_head[obj] = ef->free_of_link.length () - 1;
      }
}

static char *
location_text (location_t loc)
{
  expanded_location x = expand_location (loc);
  return xasprintf ("%s:%d:%d", x.file ? lbasename (x.file) : "<unknown>",
		    x.line, x.column);
}

static char *
stmt_text (gimple *stmt)
{
  pretty_printer pp;
  pp_gimple_stmt_1 (&pp, stmt, 0, TDF_SLIM);
  char *text = xstrdup (pp_formatted_text (&pp));
  size_t len = strlen (text);
  if (len && text[len - 1] == ';')
    text[len - 1] = 0;
  return text;
}

static char *
args_text (gcall *call)
{
  pretty_printer pp;
  for (unsigned i = 0; i < gimple_call_num_args (call); i++)
    {
      if (i)
	pp_string (&pp, ", ");
      dump_generic_node (&pp, gimple_call_arg (call, i), 0, TDF_SLIM, false);
    }
  return xstrdup (pp_formatted_text (&pp));
}

/* Where the object of site I is freed, for a stack decision.  */
static char *
freed_at_text (escape_fn *ef, unsigned i)
{
  char *text = NULL;
  hash_set<location_hash> seen;
  for (int link = ef->frees_head[ef->site_decisions[i].obj]; link >= 0;
       link = ef->frees_next[link])
    {
      /* One source free inlined several times is one place to the user.  */
      location_t where
	= gimple_location (ef->free_calls[ef->free_of_link[link]]);
      location_t locus = LOCATION_LOCUS (where);
      if (locus > BUILTINS_LOCATION && seen.add (locus))
	continue;
      char *loc = location_text (where);
      char *joined = text ? xasprintf ("%s, %s", text, loc)
		     : xasprintf ("freed at %s", loc);
      free (loc);
      free (text);
      text = joined;
    }
  return text ? text : xstrdup ("never freed");
}

/* The flow that forced a heap decision, first step first, one step per
   statement.  */
struct flow_text
{
  auto_vec<esc_flow_step> steps;

  ~flow_text ()
  {
    unsigned i;
    esc_flow_step *step;
    FOR_EACH_VEC_ELT (steps, i, step)
      free (const_cast<char *> (step->stmt));
  }
};

static void
collect_flow (escape_fn *ef, unsigned i, enum esc_reason reason,
	      flow_text *flow)
{
  int steps[64];
  size_t n = esc_explain (ef->g, ef->site_decisions[i].obj, reason, steps,
			  ARRAY_SIZE (steps));
  gimple *last = NULL;
  for (size_t k = 0; k < n; k++)
    {
      gimple *stmt = ef->steps[steps[k]].stmt;
      if (stmt == last)
	continue;
      last = stmt;
      expanded_location x = expand_location (gimple_location (stmt));
      esc_flow_step step = { stmt_text (stmt), x.file, x.line, x.column };
      flow->steps.safe_push (step);
    }
}

/* The detail of a heap decision: the limit that was hit, or the
   statement behind the last flow step.  */
static char *
heap_detail (escape_fn *ef, unsigned i, enum esc_reason reason,
	     const flow_text *flow)
{
  site_info *site = &ef->sites[i];
  if (reason == ESC_FRAME_BUDGET)
    return xasprintf (HOST_WIDE_INT_PRINT_UNSIGNED " bytes would pass the "
		      "frame budget", site->bytes);
  if (site->front_detail
      && reason == esc_first_reason (ef->site_decisions[i].front_reasons))
    return xstrdup (site->front_detail);
  if (reason == ESC_FREED_ELSEWHERE)
    for (int link = ef->frees_head[ef->site_decisions[i].obj]; link >= 0;
	 link = ef->frees_next[link])
      if (esc_points_to_size (ef->g,
			      ef->free_nodes[ef->free_of_link[link]]) > 1)
	{
	  unsigned f = ef->free_of_link[link];
	  char *loc = location_text (gimple_location (ef->free_calls[f]));
	  char *text = xasprintf ("a free at %s may also free an object "
				  "that stays on the heap", loc);
	  free (loc);
	  return text;
	}
  if (flow->steps.is_empty ())
    return NULL;
  const esc_flow_step &last = flow->steps[flow->steps.length () - 1];
  if (!last.file)
    return xstrdup (last.stmt);
  return xasprintf ("%s at %s:%d:%d", last.stmt, lbasename (last.file),
		    last.line, last.column);
}

/* The JSON records of this translation unit, written at the end of the
   compilation (escape-plugin.cc).  */
struct esc_text escape_json_report;

static void
add_json_record (escape_fn *ef, unsigned i, const char *args,
		 const char *detail, const flow_text *flow)
{
  site_info *site = &ef->sites[i];
  expanded_location x = expand_location (gimple_location (site->call));
  esc_site_record r = {
    main_input_filename, getpwd (), x.file, x.line, x.column,
    function_name (ef->fun), site->callee, args, site->known_bytes,
    site->bytes_is_bound, ef->site_decisions[i].reason,
    ef->site_decisions[i].reasons, detail, flow->steps.address (),
    flow->steps.length ()
  };
  esc_json_site (&escape_json_report, &r);
}

/* For dump=details: the rules that fail for a heap site besides the one
   its decision line names.  */
static void
also_fails (FILE *file, const esc_site &d)
{
  esc_reason_set others = d.reasons & ~ESC_REASON_BIT (d.reason);
  if (!others)
    return;
  fputs ("  also fails:", file);
  const char *sep = " ";
  for (int r = 1; r < ESC_N_REASONS; r++)
    if (others & ESC_REASON_BIT (r))
      {
	fprintf (file, "%s%s", sep, esc_reason_name ((enum esc_reason) r));
	sep = ", ";
      }
  fputc ('\n', file);
}

static void
report (escape_fn *ef)
{
  /* The text is the costly part; build none when nobody reads it.  */
  if (!dump_file && !dump_enabled_p () && !escape_options.report_path)
    return;
  unsigned stack = 0;
  for (unsigned i = 0; i < ef->sites.length (); i++)
    {
      site_info *site = &ef->sites[i];
      enum esc_reason reason = ef->site_decisions[i].reason;
      flow_text flow;
      char *detail;
      if (reason == ESC_NO_ESCAPE)
	{
	  stack++;
	  detail = freed_at_text (ef, i);
	}
      else
	{
	  collect_flow (ef, i, reason, &flow);
	  detail = heap_detail (ef, i, reason, &flow);
	}

      char *args = args_text (site->call);
      char decision[1024];
      esc_format_decision (decision, sizeof decision, site->callee, args,
			   reason, detail);
      if (dump_file)
	{
	  char *loc = location_text (gimple_location (site->call));
	  fprintf (dump_file, "escape: %s: %s\n", loc, decision);
	  free (loc);
	  if (dump_flags & TDF_DETAILS)
	    {
	      also_fails (dump_file, ef->site_decisions[i]);
	      for (const esc_flow_step &step : flow.steps)
		{
		  if (step.file)
		    fprintf (dump_file, "  flow: %s at %s:%d:%d\n", step.stmt,
			     lbasename (step.file), step.line, step.column);
		  else
		    fprintf (dump_file, "  flow: %s\n", step.stmt);
		}
	    }
	}
      if (dump_enabled_p ())
	dump_printf_loc (reason == ESC_NO_ESCAPE ? MSG_OPTIMIZED_LOCATIONS
			 : MSG_MISSED_OPTIMIZATION, site->call, "%s\n",
			 decision);
      if (escape_options.report_path)
	add_json_record (ef, i, args, detail, &flow);
      free (args);
      free (detail);
    }
  if (dump_file)
    {
      char line[512];
      esc_format_summary (line, sizeof line, function_name (ef->fun),
			  ef->sites.length (), stack);
      fprintf (dump_file, "escape: %s\n", line);
    }
}

static gassign *
build_end_of_life (tree slot)
{
  return gimple_build_assign (slot, build_clobber (TREE_TYPE (slot),
						   CLOBBER_EOL));
}

/* Replace a free by the end of its object's life, or drop it.  */
static void
rewrite_free (gcall *call, tree slot)
{
  gimple_stmt_iterator gsi = gsi_for_stmt (call);
  tree vdef = gimple_vdef (call);
  unlink_stmt_vdef (call);
  if (slot)
    gsi_replace (&gsi, build_end_of_life (slot), false);
  else
    gsi_remove (&gsi, true);
  if (vdef && TREE_CODE (vdef) == SSA_NAME)
    release_ssa_name (vdef);
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

static tree
rewrite_site (site_info *site)
{
  gcall *call = site->call;
  tree type = build_array_type_nelts (unsigned_char_type_node, site->bytes);
  tree slot = create_tmp_var (type, "escape");
  SET_DECL_ALIGN (slot, site->align_bits);
  DECL_USER_ALIGN (slot) = 1;
  TREE_ADDRESSABLE (slot) = 1;
  /* ASan checks overflows of user variables only.  */
  DECL_ARTIFICIAL (slot) = 0;

  gimple_stmt_iterator gsi = gsi_for_stmt (call);
  location_t loc = gimple_location (call);
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
static void
end_life_at_latch (basic_block bb, tree slot)
{
  loop_p loop = bb->loop_father;
  if (!loop_outer (loop) || !loop->latch || !single_succ_p (loop->latch))
    return;
  gimple_stmt_iterator gsi = gsi_last_bb (loop->latch);
  gsi_insert_after (&gsi, build_end_of_life (slot), GSI_NEW_STMT);
}

/* Whether PTR certainly holds the address that LHS, the result of an
   allocation, was given: LHS itself, or copies and casts of it, also
   through phis all of whose arguments qualify.  A pointer that may be
   NULL does not: free (NULL) ends no object's life, and the object may
   still be in use through another pointer.  */
static bool
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

static bool
rewrite (escape_fn *ef)
{
  hash_map<int_hash<int, -1, -2>, tree> slots;
  hash_map<int_hash<int, -1, -2>, tree> lhs_of;
  bool changed = false;
  for (unsigned i = 0; i < ef->sites.length (); i++)
    if (ef->site_decisions[i].reason == ESC_NO_ESCAPE)
      {
	basic_block bb = gimple_bb (ef->sites[i].call);
	if (tree lhs = gimple_call_lhs (ef->sites[i].call))
	  lhs_of.put (ef->site_decisions[i].obj, lhs);
	tree slot = rewrite_site (&ef->sites[i]);
	slots.put (ef->site_decisions[i].obj, slot);
	end_life_at_latch (bb, slot);
	changed = true;
      }
  for (unsigned f = 0; f < ef->free_calls.length (); f++)
    switch (ef->free_decisions[f].action)
      {
      case ESC_FREE_KEEP:
	break;
      case ESC_FREE_REMOVE:
	rewrite_free (ef->free_calls[f], NULL_TREE);
	break;
      case ESC_FREE_CLOBBER:
	{
	  esc_obj obj = ef->free_decisions[f].obj;
	  tree *lhs = lhs_of.get (obj);
	  hash_set<tree> visited;
	  bool certain
	    = lhs && certainly_site_p (gimple_call_arg (ef->free_calls[f], 0),
				       *lhs, &visited);
	  rewrite_free (ef->free_calls[f], certain ? *slots.get (obj)
			: NULL_TREE);
	  break;
	}
      }
  return changed;
}

static void
record_summary (escape_fn *ef)
{
  int n = ef->param_direct.length ();
  struct esc_summary *s = esc_summary_add (summaries,
					   DECL_UID (ef->fun->decl), n);
  /* A parameter without an object has no use: its flags stay zero.  */
  for (int i = 0; i < n; i++)
    if (ef->param_direct[i] >= 0)
      {
	esc_obj direct = ef->param_direct[i], deep = ef->param_deep[i];
	s->direct[i] = esc_param_flags (ef->g, direct,
					ef->frees_head[direct] >= 0);
	s->deep[i] = esc_param_flags (ef->g, deep, ef->frees_head[deep] >= 0);
      }
}

/* Direct calls between the functions of this unit, to find cycles.  */
static void
find_recursive_functions (void)
{
  recursive_functions = new hash_set<int_hash<int, -1, -2> >;
  hash_map<int_hash<int, -1, -2>, int> number;
  auto_vec<tree> decls;
  cgraph_node *node;
  FOR_EACH_FUNCTION_WITH_GIMPLE_BODY (node)
    {
      number.put (DECL_UID (node->decl), decls.length ());
      decls.safe_push (node->decl);
    }
  auto_vec<int> edges;
  for (unsigned i = 0; i < decls.length (); i++)
    {
      function *fn = DECL_STRUCT_FUNCTION (decls[i]);
      if (!fn || !fn->cfg)
	continue;
      basic_block bb;
      FOR_EACH_BB_FN (bb, fn)
	for (gimple_stmt_iterator gsi = gsi_start_bb (bb); !gsi_end_p (gsi);
	     gsi_next (&gsi))
	  {
	    gcall *call = dyn_cast <gcall *> (gsi_stmt (gsi));
	    tree callee = call ? gimple_call_fndecl (call) : NULL_TREE;
	    if (!callee)
	      continue;
	    cgraph_node *target = cgraph_node::get (callee);
	    if (target)
	      callee = target->ultimate_alias_target ()->decl;
	    if (int *j = number.get (DECL_UID (callee)))
	      {
		edges.safe_push (i);
		edges.safe_push (*j);
	      }
	  }
    }
  bool *recursive
    = esc_find_recursive (decls.length (),
			  (const int (*)[2]) edges.address (),
			  edges.length () / 2);
  for (unsigned i = 0; i < decls.length (); i++)
    if (recursive[i])
      recursive_functions->add (DECL_UID (decls[i]));
  free (recursive);
}

static unsigned int
execute_escape (function *fun)
{
  if (!summaries)
    summaries = esc_summaries_create ();
  if (!recursive_functions)
    find_recursive_functions ();

  escape_fn ef;
  ef.fun = fun;
  ef.g = esc_graph_create ();
  build_graph (&ef);
  /* Most functions allocate nothing and need only their summary.  */
  bool has_sites = !ef.sites.is_empty ();
  if (has_sites)
    loop_optimizer_init (LOOPS_HAVE_MARKED_IRREDUCIBLE_REGIONS
			 | AVOID_CFG_MODIFICATIONS);
  esc_solve (ef.g);
  ef.containers = esc_containers (ef.g);
  decide (&ef);
  index_frees (&ef);
  report (&ef);
  /* A graph that lost a flow cannot vouch for the parameters either.  */
  if (!ef.unsupported)
    record_summary (&ef);
  bool changed = !escape_options.dry_run && rewrite (&ef);

  for (unsigned i = 0; i < ef.sites.length (); i++)
    free (ef.sites[i].front_detail);
  free (ef.containers);
  esc_graph_destroy (ef.g);
  if (ef.ranger)
    disable_ranger (fun);
  if (has_sites)
    loop_optimizer_finalize ();

  if (!changed)
    return 0;
  mark_virtual_operands_for_renaming (fun);
  return TODO_update_ssa_only_virtuals;
}

namespace {

const pass_data pass_data_escape = {
  GIMPLE_PASS,		/* type */
  "escape",		/* name */
  OPTGROUP_NONE,	/* optinfo_flags */
  TV_NONE,		/* tv_id */
  PROP_ssa | PROP_cfg,	/* properties_required */
  0,			/* properties_provided */
  0,			/* properties_destroyed */
  0,			/* todo_flags_start */
  0,			/* todo_flags_finish */
};

class pass_escape : public gimple_opt_pass
{
public:
  pass_escape (gcc::context *ctxt)
    : gimple_opt_pass (pass_data_escape, ctxt)
  {}

  unsigned int execute (function *fun) final override
  {
    return execute_escape (fun);
  }
};

} // anon namespace

gimple_opt_pass *
make_pass_escape (gcc::context *ctxt)
{
  return new pass_escape (ctxt);
}
