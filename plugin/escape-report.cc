/* The report: one line per allocation site.

   Once every site is decided, this stage tells the user why.  A stack
   decision names where its object is freed; a heap decision names its
   first failing rule (docs/rules.md) and the statement behind it, found
   by walking the graph's steps back from the escape (the flow).  The same
   text goes to the dump file (with the whole flow and the other failing
   rules under dump=details), to -fopt-info remarks, and to the JSON
   records that escape-plugin.cc writes at the end of the unit.  Nothing
   is built when nobody reads it.  */

#include "gcc-common.h"
#include "escape.h"

extern "C" {
#include "graph.h"
#include "policy.h"
#include "report.h"
}

#include "escape-fn.h"

static char *
location_text (location_t loc)
{
  expanded_location x = expand_location (loc);
  return xasprintf ("%s:%d:%d", x.file ? lbasename (x.file) : "<unknown>",
		    x.line, x.column);
}

location_t
source_location (gimple *stmt)
{
  location_t loc = gimple_location (stmt);
  for (tree block = gimple_block (stmt);
       block && TREE_CODE (block) == BLOCK; block = BLOCK_SUPERCONTEXT (block))
    if (inlined_function_outer_scope_p (block))
      loc = BLOCK_SOURCE_LOCATION (block);
  return loc;
}

/* Where a site is: a call inlined from the system's headers (glibc's
   asprintf wrapper) is at the program's call of the wrapper.  */
static location_t
site_location (gimple *call)
{
  location_t loc = gimple_location (call);
  return in_system_header_at (loc) ? source_location (call) : loc;
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
  const struct esc_free_index *idx = &ef->frees_by_object;
  esc_obj obj = ef->site_decisions[i].obj;
  for (size_t k = idx->first[obj]; k < idx->first[obj + 1]; k++)
    {
      /* One source free inlined several times is one place to the user.  */
      location_t where = gimple_location (ef->free_calls[idx->frees_of[k]]);
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
  if (site->front_detail
      && reason == esc_first_reason (ef->site_decisions[i].front_reasons))
    return xstrdup (site->front_detail);
  /* A limit on the moved sites together (escape-stack.cc).  */
  if (reason == ESC_FRAME_BUDGET || reason == ESC_STACK_BUDGET
      || reason == ESC_RECURSIVE)
    return stack_refusal_detail (reason, site->bytes);
  const struct esc_free_index *idx = &ef->frees_by_object;
  esc_obj obj = ef->site_decisions[i].obj;
  if (reason == ESC_FREED_ELSEWHERE)
    for (size_t k = idx->first[obj]; k < idx->first[obj + 1]; k++)
      if (esc_points_to_size (ef->g, ef->free_nodes[idx->frees_of[k]]) > 1)
	{
	  size_t f = idx->frees_of[k];
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

/* The unit a JSON record belongs to: the main source file, or under
   -flto at link time the output's dump base (<output>.ltrans0.ltrans),
   which the next link names the same where the LTRANS object's name is
   a new temporary.  */
const char *
report_unit_name (void)
{
  return in_lto_p ? dump_base_name : main_input_filename;
}

static void
add_json_record (escape_fn *ef, unsigned i, const char *args,
		 const char *detail, const flow_text *flow)
{
  site_info *site = &ef->sites[i];
  const esc_site &d = ef->site_decisions[i];
  bool small = ef->site_small[i];
  expanded_location x = expand_location (site_location (site->call));
  esc_site_record r = {
    report_unit_name (), getpwd (), x.file, x.line, x.column,
    function_name (ef->fun), site->callee, args,
    site->known_bytes, site->bytes_is_bound, d.reason, small, d.reasons,
    detail,
    flow->steps.address (), flow->steps.length ()
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

void
report (escape_fn *ef)
{
  /* The text is the costly part; build none when nobody reads it.  */
  if (!dump_file && !dump_enabled_p () && !escape_options.report_path)
    return;
  /* A body of the system's headers that is never emitted (glibc's
     fortify wrappers, always inlined before the pass) has no sites of
     its own: its inlined copies are its callers'.  */
  tree fndecl = ef->fun->decl;
  if (DECL_EXTERNAL (fndecl) && DECL_IN_SYSTEM_HEADER (fndecl))
    return;
  unsigned stack = 0, small = 0;
  for (unsigned i = 0; i < ef->sites.length (); i++)
    {
      site_info *site = &ef->sites[i];
      enum esc_reason reason = ef->site_decisions[i].reason;
      bool if_small = ef->site_small[i];
      /* The early report already tells why a site stays on the heap.  */
      if (ef->late && reason != ESC_NO_ESCAPE)
	continue;
      flow_text flow;
      char *detail;
      if (reason == ESC_NO_ESCAPE)
	{
	  stack++;
	  detail = freed_at_text (ef, i);
	}
      else if (if_small)
	{
	  small++;
	  detail = small_detail (site, freed_at_text (ef, i));
	}
      else
	{
	  collect_flow (ef, i, reason, &flow);
	  detail = heap_detail (ef, i, reason, &flow);
	}

      char *args = args_text (site->call);
      char decision[1024];
      esc_format_decision (decision, sizeof decision, site->callee, args,
			   reason, if_small, detail);
      if (dump_file)
	{
	  char *loc = location_text (site_location (site->call));
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
	dump_printf_loc (reason == ESC_NO_ESCAPE || if_small
			 ? MSG_OPTIMIZED_LOCATIONS
			 : MSG_MISSED_OPTIMIZATION,
			 dump_user_location_t::from_location_t
			   (site_location (site->call)), "%s\n", decision);
      if (escape_options.report_path)
	add_json_record (ef, i, args, detail, &flow);
      free (args);
      free (detail);
    }
  /* Late, the summary counts the sites moved, the only ones reported.  */
  unsigned reported = ef->late ? stack : ef->sites.length ();
  if (dump_file && (!ef->late || reported))
    {
      char line[512];
      esc_format_summary (line, sizeof line, function_name (ef->fun),
			  reported, stack, small);
      fprintf (dump_file, "escape: %s\n", line);
    }
}

