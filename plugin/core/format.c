/* Reading printf formats; see format.h.  The grammar is C11 7.21.6.1:
   % flags width precision length conversion, where width and precision
   may be "*", each taking an int argument before the converted one.  */

#include "format.h"

#include <stdbool.h>
#include <string.h>

/* Record USE as the next argument; false when there is no room.  */
static bool
add_use (enum esc_format_use *uses, int max, int *n, enum esc_format_use use)
{
  if (*n >= max)
    return false;
  uses[(*n)++] = use;
  return true;
}

/* Skip a field width or precision at *P: digits, or a "*" that takes an
   argument.  False for a positional "*N$", or when USES is full.  */
static bool
skip_count (const char **p, enum esc_format_use *uses, int max, int *n)
{
  if (**p == '*')
    {
      (*p)++;
      if (**p >= '0' && **p <= '9')
	return false;
      return add_use (uses, max, n, ESC_FORMAT_VALUE);
    }
  while (**p >= '0' && **p <= '9')
    (*p)++;
  return true;
}

/* esc_format_uses, and in *SIDE_EFFECTS whether a conversion stores
   ("%n") or reads errno ("%m").  */
static int
format_uses (const char *format, enum esc_format_use *uses, int max,
	     bool *side_effects)
{
  int n = 0;
  *side_effects = false;
  for (const char *p = format; *p; p++)
    {
      if (*p != '%')
	continue;
      p++;
      if (*p == '%')
	continue;
      /* A digit string ending in '$' is a position, not a width.  */
      const char *digits = p;
      while (*digits >= '0' && *digits <= '9')
	digits++;
      if (*digits == '$')
	return -1;
      p += strspn (p, "-+ #0'I");
      if (!skip_count (&p, uses, max, &n))
	return -1;
      if (*p == '.')
	{
	  p++;
	  if (!skip_count (&p, uses, max, &n))
	    return -1;
	}
      p += strspn (p, "hlLqjzt");
      switch (*p)
	{
	case 's':
	case 'S':
	  if (!add_use (uses, max, &n, ESC_FORMAT_STRING))
	    return -1;
	  break;
	case 'd': case 'i': case 'o': case 'u': case 'x': case 'X':
	case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
	case 'a': case 'A': case 'c': case 'C': case 'p': case 'n':
	  if (!add_use (uses, max, &n, ESC_FORMAT_VALUE))
	    return -1;
	  *side_effects |= *p == 'n';
	  break;
	case 'm':
	  /* glibc's strerror (errno): no argument.  */
	  *side_effects = true;
	  break;
	default:
	  return -1;
	}
    }
  return n;
}

int
esc_format_uses (const char *format, enum esc_format_use *uses, int max)
{
  bool side_effects;
  return format_uses (format, uses, max, &side_effects);
}

bool
esc_format_repeatable (const char *format)
{
  enum esc_format_use uses[ESC_FORMAT_MAX_USES];
  bool side_effects;
  return (format_uses (format, uses, ESC_FORMAT_MAX_USES, &side_effects) >= 0
	  && !side_effects);
}
