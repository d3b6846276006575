/* The text of the report.  One decision line per allocation site:

     escape: FILE:LINE:COL: CALLEE(ARGS) -> stack|heap: REASON[: DETAIL]

   and one summary line per function.  The -fopt-info remarks carry the
   same decision text after GCC's own location prefix.  */

#ifndef ESCAPE_REPORT_H
#define ESCAPE_REPORT_H

#include <stddef.h>
#include "reason.h"

/* "CALLEE(ARGS) -> stack: no-escape: DETAIL"; with SMALL, the decision
   is stack-if-small (and REASON unknown-size).  DETAIL may be NULL or
   empty.  Returns what snprintf returns.  */
int esc_format_decision (char *buf, size_t size, const char *callee,
			 const char *args, enum esc_reason reason, int small,
			 const char *detail);

/* The decision: "stack", "stack-if-small" or "heap".  */
const char *esc_decision_name (enum esc_reason reason, int small);

/* "FUNCTION: N sites, S stack, H heap", or with SMALL sites decided
   stack-if-small, "FUNCTION: N sites, S stack, SMALL stack-if-small,
   H heap".  */
int esc_format_summary (char *buf, size_t size, const char *function,
			unsigned sites, unsigned stack, unsigned small);

#endif

/* A growing string, for records built piece by piece.  */
struct esc_text
{
  char *buf;
  size_t len, cap;
};

void esc_text_printf (struct esc_text *t, const char *fmt, ...)
  __attribute__ ((format (printf, 2, 3)));
/* Append S as a JSON string, quoted and escaped.  */
void esc_text_json_string (struct esc_text *t, const char *s);
void esc_text_release (struct esc_text *t);

/* One step of the flow that forced a heap decision.  FILE is NULL for a
   statement without a location.  */
struct esc_flow_step
{
  const char *stmt;
  const char *file;
  int line, column;
};

/* Everything the report says about one site, for the JSON report.  */
struct esc_site_record
{
  /* The translation unit's main file and the compiler's directory.  */
  const char *unit;
  const char *cwd;
  const char *file;
  int line, column;
  const char *function;
  const char *callee;
  const char *args;
  /* The slot's bytes: the constant size or its bound; -1 when unknown.  */
  long long bytes;
  int bytes_is_bound;
  /* The first failing rule, or ESC_NO_ESCAPE for the stack.  */
  enum esc_reason reason;
  /* The decision is stack-if-small: a slot serves the sizes up to
     small-size, the heap the larger ones; BYTES is what is known of
     the size, as for a heap site.  */
  int small;
  /* Every failing rule (esc_site's REASONS); empty for the stack.  */
  esc_reason_set reasons;
  const char *detail;
  const struct esc_flow_step *flow;
  size_t n_flow;
};

#define ESC_REPORT_FORMAT_VERSION 1

/* Append R as one line of JSON (docs/report-format.md).  */
void esc_json_site (struct esc_text *t, const struct esc_site_record *r);
