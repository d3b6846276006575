/* Declarations shared by the plugin front (escape-plugin.cc) and the pass
   (escape-pass.cc).  */

#ifndef ESCAPE_H
#define ESCAPE_H

struct escape_options
{
  /* The largest single object moved to the stack, in bytes.  */
  unsigned HOST_WIDE_INT max_size;
  /* The most bytes conversions may add to one function's frame.  */
  unsigned HOST_WIDE_INT frame_budget;
  /* The most bytes conversions may add to a frame that may recur; -1
     for GCC's --param large-stack-frame / 10.  */
  HOST_WIDE_INT recursion_allowance;
  /* The most bytes conversions may add along any chain of calls of the
     unit.  */
  unsigned HOST_WIDE_INT stack_budget;
  /* The slot of a site whose size is not bounded, which serves the sizes
     up to it while larger ones keep the heap (stack-if-small); 0 for
     none.  */
  unsigned HOST_WIDE_INT small_size;
  /* Analyse and report, but rewrite nothing.  */
  bool dry_run;
  /* Where the JSON report goes: a file to append to, or a directory to
     write one file per translation unit into; NULL for none.  */
  const char *report_path;
};

extern struct escape_options escape_options;
extern struct esc_text escape_json_report;
const char *report_unit_name (void);

/* The trees the rewrite keeps across functions (escape-rewrite.cc).  */
extern const struct ggc_root_tab escape_rewrite_roots[];

gimple_opt_pass *make_pass_escape (gcc::context *ctxt);
gimple_opt_pass *make_pass_escape_late (gcc::context *ctxt);
void build_late_unit (void *, void *);
gimple_opt_pass *make_pass_escape_inline (gcc::context *ctxt);
simple_ipa_opt_pass *make_pass_escape_stack (gcc::context *ctxt);

#endif
