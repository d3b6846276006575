/* Reason codes: why an allocation site stays on the heap.

   The order is the report order: when several reasons hold, a site is
   reported with the first one in this list.  docs/rules.md maps each code
   to the rule of the seed document it implements.  */

#ifndef ESCAPE_REASON_H
#define ESCAPE_REASON_H

enum esc_reason
{
  ESC_NO_ESCAPE = 0,		/* moved to the stack */
  ESC_NOT_BUILTIN,		/* malloc is not GCC's builtin here */
  ESC_RETURNED,
  ESC_STORED_GLOBAL,
  ESC_STORED_MEMORY,
  ESC_PASSED_TO_CALL,
  ESC_SENT_TO_THREAD,
  ESC_FREED_ELSEWHERE,
  ESC_RESIZED,
  ESC_TOO_LARGE,
  ESC_UNKNOWN_SIZE,
  ESC_LOOP_CARRIED,
  ESC_RECURSIVE,
  ESC_FRAME_BUDGET,
  ESC_STACK_BUDGET,		/* a chain of calls would pass the budget */
  ESC_ADDRESS_EXPOSED,
  ESC_UNSUPPORTED,
  ESC_N_REASONS
};

typedef unsigned esc_reason_set;

#define ESC_REASON_BIT(R) (1u << (R))

/* Reasons that make an object reachable by code outside the function:
   whatever is stored in such an object escapes with it, and the outside
   code may store anything into it.  */
#define ESC_ESCAPE_REASONS						\
  (ESC_REASON_BIT (ESC_STORED_GLOBAL) | ESC_REASON_BIT (ESC_STORED_MEMORY) \
   | ESC_REASON_BIT (ESC_PASSED_TO_CALL) | ESC_REASON_BIT (ESC_SENT_TO_THREAD) \
   | ESC_REASON_BIT (ESC_ADDRESS_EXPOSED))

/* Reasons that also hold for everything stored inside the object.  */
#define ESC_REACHING_REASONS (ESC_ESCAPE_REASONS | ESC_REASON_BIT (ESC_RETURNED))

const char *esc_reason_name (enum esc_reason reason);

/* The first reason in report order, or ESC_NO_ESCAPE for an empty set.  */
enum esc_reason esc_first_reason (esc_reason_set set);

#endif
