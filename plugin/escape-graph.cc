/* From GIMPLE to the escape graph: expressions and statements.

   This is the first stage of the pass.  Every SSA name becomes a value
   node, and every local variable, parameter target, global and the
   return slot an object (plugin/core/graph.h).  Each assignment becomes
   an edge of the graph that carries its statement as a step, so that a
   decision can later be explained by the flow that forced it: copies for
   register moves, casts, arithmetic and phis, loads and stores for
   memory, and sinks where a value leaves the function (returns, asm,
   addresses turned into numbers).  Calls are the next file's
   (escape-calls.cc).  An operand the analysis cannot follow marks the
   function unsupported, which keeps all its sites on the heap.  */

#include "gcc-common.h"
#include "escape.h"

extern "C" {
#include "graph.h"
#include "policy.h"
#include "report.h"
}

#include "escape-fn.h"

int
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
base_address_of_ref (escape_fn *ef, tree ref)
{
  tree base = get_base_address (ref);
  if (!base)
    return unsupported_operand (ef, ref);
  if (TREE_CODE (base) == MEM_REF)
    return value_of (ef, TREE_OPERAND (base, 0));
  if (TREE_CODE (base) == TARGET_MEM_REF)
    return value_of (ef, TMR_BASE (base));
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

/* OP's node, when OP is a value that is not constant, or -1.  */
static esc_node
variable_part (escape_fn *ef, tree op)
{
  return op && TREE_CODE (op) == SSA_NAME ? value_of (ef, op) : -1;
}

/* The values that choose which part of its base the memory reference
   REF names: array indices, bounds and element sizes, field offsets and
   the indices of a TARGET_MEM_REF that are not constant.  What is read
   or written there, and the part's address, depend on them, so they go
   along: a table indexed by bits of an address gives the bits back.  */
static esc_node
index_values (escape_fn *ef, tree ref)
{
  esc_node n = -1;
  tree t = ref;
  for (; handled_component_p (t); t = TREE_OPERAND (t, 0))
    if (TREE_CODE (t) == ARRAY_REF || TREE_CODE (t) == ARRAY_RANGE_REF)
      for (int i = 1; i <= 3; i++)
	n = union_of (ef, n, variable_part (ef, TREE_OPERAND (t, i)), -1);
    else if (TREE_CODE (t) == COMPONENT_REF)
      n = union_of (ef, n, variable_part (ef, TREE_OPERAND (t, 2)), -1);
  if (TREE_CODE (t) == TARGET_MEM_REF)
    {
      n = union_of (ef, n, variable_part (ef, TMR_INDEX (t)), -1);
      n = union_of (ef, n, variable_part (ef, TMR_INDEX2 (t)), -1);
    }
  return n;
}

/* The node of the address of the memory reference REF.  */
static esc_node
address_of_ref (escape_fn *ef, tree ref)
{
  esc_node base = base_address_of_ref (ef, ref);
  return union_of (ef, base, index_values (ef, ref), -1);
}

esc_node
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
	  esc_obj target = i >= 0 ? param_object (ef, i)
			   : esc_unknown_object (ef->g);
	  esc_add_address (ef->g, n, target, -1);
	  /* A number is whole on both sides (as_number).  */
	  if (!POINTER_TYPE_P (TREE_TYPE (name)))
	    esc_add_address (ef->g, esc_offset (ef->g, n), target, -1);
	}
      else if (var && TREE_CODE (var) == RESULT_DECL)
	esc_add_address (ef->g, n, ef->return_slot, -1);
    }
  return n;
}

/* The node of a register operand, or -1 when it holds no address.  */
esc_node
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
esc_node
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
  esc_node ptr = base_address_of_ref (ef, op);
  esc_node n = esc_new_value (ef->g);
  if (ptr >= 0)
    esc_add_load (ef->g, n, ptr, step);
  esc_node index = index_values (ef, op);
  if (index >= 0)
    esc_add_copy (ef->g, n, index, step);
  return n;
}

/* SRC as a number: a node holding everything SRC is made of, the
   objects it may point into and those its offset depends on, on both
   sides.  A number added to a pointer moves it by all of that, and
   bytes stored as a number may be read back as a pointer.  */
esc_node
as_number (escape_fn *ef, esc_node src, int step)
{
  if (src < 0)
    return src;
  esc_node n = esc_new_value (ef->g);
  esc_add_copy (ef->g, n, src, step);
  esc_add_copy (ef->g, n, esc_offset (ef->g, src), step);
  esc_add_copy (ef->g, esc_offset (ef->g, n), src, step);
  return n;
}

/* Whether a value of TYPE is a number: what is not a pointer and holds
   no pointer fields, which keep their own offsets.  */
static bool
number_type_p (tree type)
{
  return !POINTER_TYPE_P (type) && !AGGREGATE_TYPE_P (type);
}

/* LHS = SRC, for a register or memory LHS.  */
void
assign_to (escape_fn *ef, tree lhs, esc_node src, int step)
{
  if (number_type_p (TREE_TYPE (lhs)))
    src = as_number (ef, src, step);
  if (TREE_CODE (lhs) == SSA_NAME)
    {
      if (src >= 0)
	esc_add_copy (ef->g, ssa_node (ef, lhs), src, step);
      return;
    }
  /* Where a constant goes is data too: table[i] = 0 marks the place i
     names, and a later read finds it there.  */
  src = union_of (ef, src, as_number (ef, index_values (ef, lhs), step), step);
  esc_node ptr = base_address_of_ref (ef, lhs);
  /* A constant stored tells where by which bytes it lands.  */
  if (src < 0 && ptr >= 0 && esc_offset (ef->g, ptr) >= 0)
    src = esc_new_value (ef->g);
  if (src < 0)
    return;
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
      /* An address turned into a number is followed like a pointer:
	 the number carries it wherever it goes.  A number turned into a
	 pointer may also point anywhere.  */
      src = value_of (ef, rhs1);
      if (CONVERT_EXPR_CODE_P (code) && POINTER_TYPE_P (TREE_TYPE (lhs))
	  && !POINTER_TYPE_P (TREE_TYPE (rhs1)))
	src = union_of (ef, as_number (ef, src, step),
			esc_unknown_value (ef->g), step);
      break;
    default:
      /* Every operation carries what its operands carry, comparisons
	 and pointer differences too: bits of an address put back
	 together give the address, and so do the null tests of pointers
	 made of those bits (docs/rules.md).  A pointer made by an
	 operation points where its operands say: the pointer of p + k
	 and the arms of a select keep their own offsets, and all the
	 rest (k, the condition, both sides of MIN) moves it.  */
      for (unsigned i = 1; i < gimple_num_ops (stmt); i++)
	{
	  esc_node op = value_of (ef, gimple_op (stmt, i));
	  bool keeps_offset = ((code == POINTER_PLUS_EXPR && i == 1)
			       || (code == COND_EXPR && i >= 2));
	  if (POINTER_TYPE_P (TREE_TYPE (lhs)) && !keeps_offset)
	    op = as_number (ef, op, step);
	  src = union_of (ef, src, op, step);
	}
      break;
    }
  assign_to (ef, lhs, src, step);
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
	  int step = new_step (ef, stmt);
	  esc_node n = rvalue_of (ef, ret, step);
	  if (n >= 0)
	    {
	      esc_add_sink (ef->g, n, ESC_RETURNED, step);
	      ef->returned_values.safe_push (n);
	    }
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

void
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
