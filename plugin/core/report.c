/* Report text; see report.h for the format.  */

#include "report.h"

#include <stdio.h>

int
esc_format_decision (char *buf, size_t size, const char *callee,
		     const char *args, enum esc_reason reason,
		     const char *detail)
{
  const char *where = reason == ESC_NO_ESCAPE ? "stack" : "heap";
  if (detail && *detail)
    return snprintf (buf, size, "%s(%s) -> %s: %s: %s", callee, args, where,
		     esc_reason_name (reason), detail);
  return snprintf (buf, size, "%s(%s) -> %s: %s", callee, args, where,
		   esc_reason_name (reason));
}

int
esc_format_summary (char *buf, size_t size, const char *function,
		    unsigned sites, unsigned stack)
{
  return snprintf (buf, size, "%s: %u site%s, %u stack, %u heap", function,
		   sites, sites == 1 ? "" : "s", stack, sites - stack);
}
