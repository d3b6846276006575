#!/usr/bin/env python3
"""Generate one large C translation unit for the compile-time overhead
run of `make bench-compile`.

  bench/gen_large.py [FUNCTIONS] > large.c

The unit cycles through templates of ordinary C: record sorting, parsers,
numeric kernels, linked lists, string building, and the allocation
patterns the plugin looks at (temporary buffers, calloc'd counters,
bounded sizes) next to ones that must stay on the heap (returned,
stored in a list, stored in a global).  Every function is extern, so
none is dropped before the plugin runs; constants vary with the
function's number, so no two bodies are the same.
"""

import sys

PRELUDE = """\
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct node { struct node *next; long key; char tag[8]; };
struct rec { int id; double weight; char name[24]; };
void *registry[64];
"""


def record_sort(k):
    return f"""
int sort_records_{k} (struct rec *r, int n)
{{
  for (int i = 1; i < n; i++)
    {{
      struct rec t = r[i];
      int j = i - 1;
      while (j >= 0 && (r[j].weight > t.weight
                        || (r[j].weight == t.weight && r[j].id > t.id)))
        {{
          r[j + 1] = r[j];
          j--;
        }}
      r[j + 1] = t;
    }}
  int checksum = {k % 97};
  for (int i = 0; i < n; i++)
    checksum = checksum * 31 + r[i].id + (int) r[i].name[{k % 24}];
  return checksum;
}}
"""


def temp_buffer(k):
    size = 32 + k % 200
    return f"""
unsigned long format_hash_{k} (const char *name, int id)
{{
  char *buf = malloc ({size});
  if (!buf)
    return 0;
  snprintf (buf, {size}, "%s/{k}/%d", name, id);
  unsigned long h = {k}ul;
  for (const char *c = buf; *c; c++)
    h = h * 131 + (unsigned char) *c;
  free (buf);
  return h;
}}
"""


def parser(k):
    return f"""
int count_tokens_{k} (const char *s, int *numbers, int max)
{{
  enum {{ SPACE, WORD, NUMBER, QUOTE }} state = SPACE;
  int tokens = 0, value = 0, found = 0;
  for (; *s; s++)
    switch (state)
      {{
      case SPACE:
        if (*s >= '0' && *s <= '9')
          state = NUMBER, value = *s - '0', tokens++;
        else if (*s == '"')
          state = QUOTE, tokens++;
        else if (*s != ' ' && *s != '\\t')
          state = WORD, tokens++;
        break;
      case NUMBER:
        if (*s >= '0' && *s <= '9')
          value = value * 10 + (*s - '0');
        else
          {{
            if (found < max)
              numbers[found++] = value + {k % 13};
            state = *s == ' ' ? SPACE : WORD;
          }}
        break;
      case WORD:
        if (*s == ' ')
          state = SPACE;
        break;
      case QUOTE:
        if (*s == '"')
          state = SPACE;
        break;
      }}
  return tokens * {1 + k % 5} + found;
}}
"""


def numeric(k):
    n = 3 + k % 4
    return f"""
double transform_{k} (const double *in, double *out, int count)
{{
  double m[{n}][{n}];
  for (int i = 0; i < {n}; i++)
    for (int j = 0; j < {n}; j++)
      m[i][j] = (i == j) ? 1.0 + {k % 7} * 0.125 : 0.0625 * (i - j);
  double norm = 0;
  for (int p = 0; p + {n} <= count; p += {n})
    for (int i = 0; i < {n}; i++)
      {{
        double s = 0;
        for (int j = 0; j < {n}; j++)
          s += m[i][j] * in[p + j];
        out[p + i] = s;
        norm += s * s;
      }}
  return norm;
}}
"""


def list_build(k):
    return f"""
struct node *build_list_{k} (const long *keys, int n)
{{
  struct node *head = 0;
  for (int i = 0; i < n; i++)
    {{
      struct node *nd = malloc (sizeof *nd);
      if (!nd)
        break;
      nd->key = keys[i] ^ {k};
      memcpy (nd->tag, "nd{k % 10}", 4);
      nd->next = head;
      head = nd;
    }}
  return head;
}}

long sum_and_free_{k} (struct node *head)
{{
  long s = 0;
  while (head)
    {{
      struct node *next = head->next;
      s += head->key * {1 + k % 3};
      free (head);
      head = next;
    }}
  return s;
}}
"""


def histogram(k):
    bins = 16 << (k % 5)
    return f"""
int mode_{k} (const unsigned char *data, int len)
{{
  int *counts = calloc ({bins}, sizeof *counts);
  if (!counts)
    return -1;
  for (int i = 0; i < len; i++)
    counts[data[i] % {bins}]++;
  int best = 0;
  for (int b = 1; b < {bins}; b++)
    if (counts[b] > counts[best])
      best = b;
  free (counts);
  return best;
}}
"""


def escape_string(k):
    return f"""
char *quote_{k} (const char *s)
{{
  size_t len = strlen (s);
  char *out = malloc (2 * len + 3);
  if (!out)
    return 0;
  char *o = out;
  *o++ = '{"'" if k % 2 else '"'}';
  for (; *s; s++)
    {{
      if (*s == '\\\\' || *s == '"')
        *o++ = '\\\\';
      *o++ = *s;
    }}
  *o++ = '{"'" if k % 2 else '"'}';
  *o = 0;
  return out;
}}
"""


def bounded(k):
    limit = 16 + k % 112
    return f"""
long window_sum_{k} (const int *v, unsigned n)
{{
  if (n > {limit})
    n = {limit};
  int *copy = malloc (n * sizeof *copy);
  if (!copy)
    return -1;
  memcpy (copy, v, n * sizeof *copy);
  for (unsigned i = 1; i < n; i++)
    copy[i] += copy[i - 1];
  long s = n ? copy[n - 1] : 0;
  free (copy);
  return s;
}}
"""


def registry_store(k):
    return f"""
int register_{k} (int slot, long key)
{{
  struct node *nd = malloc (sizeof *nd);
  if (!nd)
    return -1;
  nd->key = key + {k};
  nd->next = 0;
  registry[slot & 63] = nd;
  return 0;
}}
"""


def caller(k):
    # Calls functions generated before it (earlier groups of templates).
    base = k - k % len(TEMPLATES) - len(TEMPLATES)
    if base < 0:
        return ""
    return f"""
long pipeline_{k} (const char *text, const unsigned char *bytes, int n)
{{
  int numbers[16];
  long r = count_tokens_{base + 2} (text, numbers, 16);
  r += mode_{base + 5} (bytes, n);
  r += window_sum_{base + 7} (numbers, (unsigned) n);
  r += (long) format_hash_{base + 1} (text, n);
  char *q = quote_{base + 6} (text);
  if (q)
    {{
      r += (long) strlen (q);
      free (q);
    }}
  return r;
}}
"""


TEMPLATES = [record_sort, temp_buffer, parser, numeric, list_build,
             histogram, escape_string, bounded, registry_store, caller]


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 4000
    sys.stdout.write(PRELUDE)
    for k in range(count):
        sys.stdout.write(TEMPLATES[k % len(TEMPLATES)](k))


if __name__ == "__main__":
    main()
