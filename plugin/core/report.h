/* The text of the report.  One decision line per allocation site:

     escape: FILE:LINE:COL: CALLEE(ARGS) -> stack|heap: REASON[: DETAIL]

   and one summary line per function.  The -fopt-info remarks carry the
   same decision text after GCC's own location prefix.  */

#ifndef ESCAPE_REPORT_H
#define ESCAPE_REPORT_H

#include <stddef.h>
#include "reason.h"

/* "CALLEE(ARGS) -> stack: no-escape: DETAIL".  DETAIL may be NULL or
   empty.  Returns what snprintf returns.  */
int esc_format_decision (char *buf, size_t size, const char *callee,
			 const char *args, enum esc_reason reason,
			 const char *detail);

/* "FUNCTION: N sites, S stack, H heap".  */
int esc_format_summary (char *buf, size_t size, const char *function,
			unsigned sites, unsigned stack);

#endif
