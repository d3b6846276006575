/* Report text; see report.h for the format.  */

#include "report.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *
esc_decision_name (enum esc_reason reason, int small)
{
  if (small)
    return "stack-if-small";
  return reason == ESC_NO_ESCAPE ? "stack" : "heap";
}

int
esc_format_decision (char *buf, size_t size, const char *callee,
		     const char *args, enum esc_reason reason, int small,
		     const char *detail)
{
  const char *where = esc_decision_name (reason, small);
  if (detail && *detail)
    return snprintf (buf, size, "%s(%s) -> %s: %s: %s", callee, args, where,
		     esc_reason_name (reason), detail);
  return snprintf (buf, size, "%s(%s) -> %s: %s", callee, args, where,
		   esc_reason_name (reason));
}

int
esc_format_summary (char *buf, size_t size, const char *function,
		    unsigned sites, unsigned stack, unsigned small)
{
  if (small)
    return snprintf (buf, size, "%s: %u site%s, %u stack, %u stack-if-small, "
		     "%u heap", function, sites, sites == 1 ? "" : "s", stack,
		     small, sites - stack - small);
  return snprintf (buf, size, "%s: %u site%s, %u stack, %u heap", function,
		   sites, sites == 1 ? "" : "s", stack, sites - stack);
}

static void
text_reserve (struct esc_text *t, size_t more)
{
  if (t->len + more + 1 <= t->cap)
    return;
  size_t cap = t->cap ? t->cap : 256;
  while (cap < t->len + more + 1)
    cap *= 2;
  char *buf = realloc (t->buf, cap);
  if (!buf)
    {
      fputs ("escape: out of memory\n", stderr);
      abort ();
    }
  t->buf = buf;
  t->cap = cap;
}

void
esc_text_printf (struct esc_text *t, const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  int n = vsnprintf (NULL, 0, fmt, ap);
  va_end (ap);
  if (n < 0)
    return;
  text_reserve (t, (size_t) n);
  va_start (ap, fmt);
  vsnprintf (t->buf + t->len, (size_t) n + 1, fmt, ap);
  va_end (ap);
  t->len += (size_t) n;
}

void
esc_text_json_string (struct esc_text *t, const char *s)
{
  esc_text_printf (t, "\"");
  for (const unsigned char *c = (const unsigned char *) s; *c; c++)
    switch (*c)
      {
      case '"':
	esc_text_printf (t, "\\\"");
	break;
      case '\\':
	esc_text_printf (t, "\\\\");
	break;
      case '\n':
	esc_text_printf (t, "\\n");
	break;
      case '\t':
	esc_text_printf (t, "\\t");
	break;
      default:
	if (*c < 0x20)
	  esc_text_printf (t, "\\u%04x", *c);
	else
	  esc_text_printf (t, "%c", *c);
      }
  esc_text_printf (t, "\"");
}

void
esc_text_release (struct esc_text *t)
{
  free (t->buf);
  memset (t, 0, sizeof *t);
}

static void
json_field (struct esc_text *t, const char *key, const char *value)
{
  esc_text_printf (t, ",\"%s\":", key);
  if (value)
    esc_text_json_string (t, value);
  else
    esc_text_printf (t, "null");
}

void
esc_json_site (struct esc_text *t, const struct esc_site_record *r)
{
  esc_text_printf (t, "{\"version\":%d", ESC_REPORT_FORMAT_VERSION);
  json_field (t, "unit", r->unit);
  json_field (t, "cwd", r->cwd);
  json_field (t, "file", r->file);
  esc_text_printf (t, ",\"line\":%d,\"column\":%d", r->line, r->column);
  json_field (t, "function", r->function);
  json_field (t, "callee", r->callee);
  json_field (t, "args", r->args);
  if (r->bytes >= 0)
    esc_text_printf (t, ",\"bytes\":%lld,\"bytes_is_bound\":%s", r->bytes,
		     r->bytes_is_bound ? "true" : "false");
  else
    esc_text_printf (t, ",\"bytes\":null,\"bytes_is_bound\":false");
  json_field (t, "decision", esc_decision_name (r->reason, r->small));
  json_field (t, "reason", esc_reason_name (r->reason));
  esc_text_printf (t, ",\"reasons\":[");
  const char *sep = "";
  for (int reason = 1; reason < ESC_N_REASONS; reason++)
    if (r->reasons & ESC_REASON_BIT (reason))
      {
	esc_text_printf (t, "%s", sep);
	esc_text_json_string (t, esc_reason_name ((enum esc_reason) reason));
	sep = ",";
      }
  esc_text_printf (t, "]");
  json_field (t, "detail", r->detail);
  esc_text_printf (t, ",\"flow\":[");
  for (size_t i = 0; i < r->n_flow; i++)
    {
      const struct esc_flow_step *s = &r->flow[i];
      esc_text_printf (t, "%s{\"stmt\":", i ? "," : "");
      esc_text_json_string (t, s->stmt);
      json_field (t, "file", s->file);
      esc_text_printf (t, ",\"line\":%d,\"column\":%d}", s->line, s->column);
    }
  esc_text_printf (t, "]}\n");
}
