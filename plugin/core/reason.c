/* Names of the reason codes, as the report prints them.  */

#include "reason.h"

static const char *const reason_names[ESC_N_REASONS] = {
  [ESC_NO_ESCAPE] = "no-escape",
  [ESC_NOT_BUILTIN] = "not-builtin",
  [ESC_RETURNED] = "returned",
  [ESC_STORED_GLOBAL] = "stored-global",
  [ESC_STORED_MEMORY] = "stored-memory",
  [ESC_PASSED_TO_CALL] = "passed-to-call",
  [ESC_SENT_TO_THREAD] = "sent-to-thread",
  [ESC_FREED_ELSEWHERE] = "freed-elsewhere",
  [ESC_RESIZED] = "resized",
  [ESC_TOO_LARGE] = "too-large",
  [ESC_UNKNOWN_SIZE] = "unknown-size",
  [ESC_LOOP_CARRIED] = "loop-carried",
  [ESC_RECURSIVE] = "recursive",
  [ESC_FRAME_BUDGET] = "frame-budget",
  [ESC_STACK_BUDGET] = "stack-budget",
  [ESC_ADDRESS_EXPOSED] = "address-exposed",
  [ESC_UNSUPPORTED] = "unsupported",
};

const char *
esc_reason_name (enum esc_reason reason)
{
  return (unsigned) reason < ESC_N_REASONS ? reason_names[reason] : "?";
}

enum esc_reason
esc_first_reason (esc_reason_set set)
{
  for (int r = 1; r < ESC_N_REASONS; r++)
    if (set & ESC_REASON_BIT (r))
      return (enum esc_reason) r;
  return ESC_NO_ESCAPE;
}
