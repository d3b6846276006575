/* The escape pass: move heap allocations that never leave their function
   to the stack, and report every decision.

   This file is the driver.  For each function, callees first, it
     1. translates its GIMPLE into the constraints of an escape graph
	(escape-graph.cc, and escape-calls.cc for calls), with the
	summaries of the functions of this unit analysed earlier;
     2. solves the graph (plugin/core/graph.h), which tells for every
	malloc/calloc/aligned_alloc site whether its object may be reached
	from outside the function;
     3. adds what the graph cannot see and decides every site and every
	free (escape-checks.cc, plugin/core/policy.h);
     4. writes one report line per site (escape-report.cc);
     5. records what the function does with its parameters, for its
	callers;
     6. rewrites each site that stays in its frame into a local array
	(escape-rewrite.cc).

   Everything the pass cannot follow keeps the heap, with a reason.  */

#include "gcc-common.h"
#include "escape.h"

extern "C" {
#include "graph.h"
#include "policy.h"
#include "report.h"
}

#include "escape-fn.h"

struct esc_summaries *summaries;

/* Whether a free of this function may free OBJ.  */
static bool
freed_here_p (escape_fn *ef, esc_obj obj)
{
  const struct esc_free_index *idx = &ef->frees_by_object;
  return idx->first[obj] < idx->first[obj + 1];
}

/* Whether the function returns a pointer whose offset depends on OBJ:
   its callers get a pointer moved by OBJ's address or contents.  */
static bool
offset_returned_p (escape_fn *ef, esc_obj obj)
{
  esc_node slot = esc_contents (ef->g, ef->return_slot);
  if (esc_points_to_p (ef->g, esc_offset (ef->g, slot), obj))
    return true;
  for (esc_node n : ef->returned_values)
    if (esc_points_to_p (ef->g, esc_offset (ef->g, n), obj))
      return true;
  return false;
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
					freed_here_p (ef, direct));
	s->deep[i] = esc_param_flags (ef->g, deep, freed_here_p (ef, deep));
	if (offset_returned_p (ef, direct))
	  s->direct[i] |= ESC_PARAM_OFFSET_RETURNED;
	if (offset_returned_p (ef, deep))
	  s->deep[i] |= ESC_PARAM_OFFSET_RETURNED;
	if (size_query_step (ef, direct) >= 0)
	  s->direct[i] |= ESC_PARAM_SIZE_QUERIED;
	if (size_query_step (ef, deep) >= 0)
	  s->deep[i] |= ESC_PARAM_SIZE_QUERIED;
      }
}


static unsigned int
execute_escape (function *fun, bool late)
{
  if (!summaries)
    summaries = esc_summaries_create ();
  if (late && !late_unit_ready_p ())
    return 0;

  escape_fn ef;
  ef.fun = fun;
  ef.late = late;
  ef.g = esc_graph_create ();
  build_graph (&ef);
  /* Most functions allocate nothing and need only their summary.  */
  bool has_sites = !ef.sites.is_empty ();
  if (has_sites)
    loop_optimizer_init (LOOPS_HAVE_MARKED_IRREDUCIBLE_REGIONS
			 | AVOID_CFG_MODIFICATIONS);
  esc_solve (ef.g);
  ef.containers = esc_containers (ef.g);
  ef.frees_by_object = esc_index_frees (ef.g, ef.free_nodes.address (),
				       ef.free_nodes.length ());
  decide (&ef);
  report (&ef);
  /* A graph that lost a flow cannot vouch for the parameters either.
     Late, GCC compiles callees before their callers, so the summaries
     close over the unit as it stands after IPA: a body's late summary
     replaces its early one, and at an -flto link, where every unit's
     bodies are at hand, a callee of another unit has one before its
     callers are analysed.  Within a cycle the member analysed first
     sees the others as unknown.  */
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

const pass_data pass_data_escape_late = {
  GIMPLE_PASS,		/* type */
  "escape_late",	/* name */
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
  pass_escape (gcc::context *ctxt, bool late)
    : gimple_opt_pass (late ? pass_data_escape_late : pass_data_escape,
		       ctxt),
      late (late)
  {}

  unsigned int execute (function *fun) final override
  {
    return execute_escape (fun, late);
  }

private:
  bool late;
};

} // anon namespace

gimple_opt_pass *
make_pass_escape (gcc::context *ctxt)
{
  return new pass_escape (ctxt, false);
}

gimple_opt_pass *
make_pass_escape_late (gcc::context *ctxt)
{
  return new pass_escape (ctxt, true);
}
