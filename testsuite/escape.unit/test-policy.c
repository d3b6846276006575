/* Unit tests of the decisions: the free rule, the frame budget, free
   actions, parameter summaries, recursion and the report text.  */

#include <dejagnu.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "policy.h"
#include "report.h"

static void
check (bool ok, const char *what)
{
  if (ok)
    pass (what);
  else
    fail (what);
}

/* esc_decide with the free index built as the pass builds it.  */
static void
decide (struct esc_graph *g, struct esc_site *sites, size_t n_sites,
	const esc_node *frees, size_t n_frees, unsigned long long budget,
	struct esc_free_decision *actions)
{
  struct esc_free_index idx = esc_index_frees (g, frees, n_frees);
  esc_decide (g, sites, n_sites, frees, n_frees, &idx, budget, actions);
  esc_free_index_release (&idx);
}

/* The free index lists each object's frees in the order of the frees,
   and no free for an object none may free.  */
static void
free_index (void)
{
  struct esc_graph *g = esc_graph_create ();
  esc_obj a = esc_new_object (g, ESC_OBJ_ALLOC);
  esc_obj b = esc_new_object (g, ESC_OBJ_ALLOC);
  esc_obj c = esc_new_object (g, ESC_OBJ_ALLOC);
  esc_node pa = esc_new_value (g), pb = esc_new_value (g);
  esc_node both = esc_new_value (g);
  esc_add_address (g, pa, a, 0);
  esc_add_address (g, pb, b, 1);
  esc_add_copy (g, both, pa, 2);
  esc_add_copy (g, both, pb, 2);
  esc_solve (g);

  esc_node frees[3] = { pb, both, pa };
  struct esc_free_index idx = esc_index_frees (g, frees, 3);
  check (idx.first[a + 1] - idx.first[a] == 2
	 && idx.frees_of[idx.first[a]] == 1
	 && idx.frees_of[idx.first[a] + 1] == 2,
	 "free index: a's frees in order");
  check (idx.first[b + 1] - idx.first[b] == 2
	 && idx.frees_of[idx.first[b]] == 0
	 && idx.frees_of[idx.first[b] + 1] == 1,
	 "free index: b's frees in order");
  check (idx.first[c + 1] == idx.first[c], "free index: c has no free");
  esc_free_index_release (&idx);
  esc_graph_destroy (g);
}

/* Two sites merged into one free: when one must stay on the heap, the
   other must too, and the free stays.  */
static void
free_rule (void)
{
  struct esc_graph *g = esc_graph_create ();
  esc_obj a = esc_new_object (g, ESC_OBJ_ALLOC);
  esc_obj b = esc_new_object (g, ESC_OBJ_ALLOC);
  esc_node pa = esc_new_value (g), pb = esc_new_value (g);
  esc_node merged = esc_new_value (g);
  esc_add_address (g, pa, a, 0);
  esc_add_address (g, pb, b, 1);
  esc_add_copy (g, merged, pa, 2);
  esc_add_copy (g, merged, pb, 2);
  esc_solve (g);

  struct esc_site sites[2] = {
    { a, 0, 16, ESC_NO_ESCAPE, 0 },
    { b, ESC_REASON_BIT (ESC_TOO_LARGE), 0, ESC_NO_ESCAPE, 0 },
  };
  esc_node frees[2] = { merged, pa };
  struct esc_free_decision actions[2];
  decide (g, sites, 2, frees, 1, 1000, actions);
  check (sites[1].reason == ESC_TOO_LARGE, "free rule: b keeps its reason");
  check (sites[0].reason == ESC_FREED_ELSEWHERE,
	 "free rule: a is freed with a heap object");
  check (sites[0].reasons == ESC_REASON_BIT (ESC_FREED_ELSEWHERE)
	 && sites[1].reasons == ESC_REASON_BIT (ESC_TOO_LARGE),
	 "free rule: the reason sets");
  check (actions[0].action == ESC_FREE_KEEP,
	 "free rule: the shared free stays");

  sites[0] = (struct esc_site) { a, 0, 16, ESC_NO_ESCAPE, 0 };
  sites[1] = (struct esc_site) { b, 0, 16, ESC_NO_ESCAPE, 0 };
  decide (g, sites, 2, frees, 2, 1000, actions);
  check (sites[0].reason == ESC_NO_ESCAPE && sites[1].reason == ESC_NO_ESCAPE,
	 "free rule: both move when both can");
  check (sites[0].reasons == 0 && sites[1].reasons == 0,
	 "free rule: moved sites have no reasons");
  check (actions[0].action == ESC_FREE_REMOVE,
	 "free rule: a free of two moved objects is removed, not clobbered");
  check (actions[1].action == ESC_FREE_CLOBBER && actions[1].obj == a,
	 "free rule: a free of one object ends its life");
  esc_graph_destroy (g);
}

/* stack-if-small: a site offered the slot keeps it when unknown-size is
   its only reason and the slot fits the limits.  Its frees are guarded,
   also one that may free a heap object; one that may free a moved site
   too keeps that site on the heap.  A site that does not fit the limits
   keeps the heap with the limit's reason, and its frees stay.  */
static void
small_sites (void)
{
  struct esc_graph *g = esc_graph_create ();
  esc_obj a = esc_new_object (g, ESC_OBJ_ALLOC);
  esc_obj b = esc_new_object (g, ESC_OBJ_ALLOC);
  esc_obj h = esc_new_object (g, ESC_OBJ_ALLOC);
  esc_node pa = esc_new_value (g), pb = esc_new_value (g);
  esc_node ph = esc_new_value (g);
  esc_node a_or_h = esc_new_value (g), a_or_b = esc_new_value (g);
  esc_add_address (g, pa, a, 0);
  esc_add_address (g, pb, b, 1);
  esc_add_address (g, ph, h, 2);
  esc_add_copy (g, a_or_h, pa, 3);
  esc_add_copy (g, a_or_h, ph, 3);
  esc_add_copy (g, a_or_b, pa, 4);
  esc_add_copy (g, a_or_b, pb, 4);
  esc_solve (g);

  struct esc_site sites[3] = {
    { a, ESC_REASON_BIT (ESC_UNKNOWN_SIZE), 256, ESC_NO_ESCAPE, 0 },
    { b, 0, 16, ESC_NO_ESCAPE, 0 },
    { h, ESC_REASON_BIT (ESC_TOO_LARGE), 0, ESC_NO_ESCAPE, 0 },
  };
  bool small[3] = { true, false, false };
  esc_node frees[3] = { a_or_h, a_or_b, pa };
  struct esc_free_index idx = esc_index_frees (g, frees, 3);
  struct esc_free_decision actions[3];
  struct esc_limit limit = { 1000, ESC_FRAME_BUDGET };
  esc_decide_limits (g, sites, 3, small, frees, 3, &idx, &limit, 1, actions);
  check (small[0] && sites[0].reason == ESC_UNKNOWN_SIZE
	 && sites[0].reasons == ESC_REASON_BIT (ESC_UNKNOWN_SIZE),
	 "stack-if-small: the site keeps its slot, reason unknown-size");
  check (sites[1].reason == ESC_FREED_ELSEWHERE,
	 "stack-if-small: a moved site freed with it keeps the heap");
  check (actions[0].action == ESC_FREE_GUARD
	 && actions[1].action == ESC_FREE_GUARD
	 && actions[2].action == ESC_FREE_GUARD,
	 "stack-if-small: every free that may free it is guarded");

  sites[0] = (struct esc_site) { a, ESC_REASON_BIT (ESC_UNKNOWN_SIZE), 256,
				 ESC_NO_ESCAPE, 0 };
  sites[1] = (struct esc_site) { b, 0, 16, ESC_NO_ESCAPE, 0 };
  small[0] = true;
  limit.bytes = 200;
  esc_decide_limits (g, sites, 3, small, frees, 3, &idx, &limit, 1, actions);
  check (!small[0] && sites[0].reason == ESC_FRAME_BUDGET,
	 "stack-if-small: a slot past the budget keeps the heap, frame-budget");
  check (actions[0].action == ESC_FREE_KEEP
	 && actions[2].action == ESC_FREE_KEEP,
	 "stack-if-small: the frees of a refused site stay");

  sites[0] = (struct esc_site) { a, ESC_REASON_BIT (ESC_UNKNOWN_SIZE)
				    | ESC_REASON_BIT (ESC_LOOP_CARRIED), 256,
				 ESC_NO_ESCAPE, 0 };
  small[0] = true;
  limit.bytes = 1000;
  esc_decide_limits (g, sites, 3, small, frees, 3, &idx, &limit, 1, actions);
  check (!small[0] && sites[0].reason == ESC_UNKNOWN_SIZE,
	 "stack-if-small: not for a site that fails another rule");
  esc_free_index_release (&idx);
  esc_graph_destroy (g);
}

/* Sites are admitted in order until the budget is used up; a later small
   site may still fit.  */
static void
budget (void)
{
  struct esc_graph *g = esc_graph_create ();
  struct esc_site sites[3];
  unsigned long long bytes[3] = { 600, 600, 300 };
  for (int i = 0; i < 3; i++)
    sites[i] = (struct esc_site) { esc_new_object (g, ESC_OBJ_ALLOC), 0,
				   bytes[i], ESC_NO_ESCAPE, 0 };
  esc_solve (g);
  decide (g, sites, 3, NULL, 0, 1000, NULL);
  check (sites[0].reason == ESC_NO_ESCAPE, "budget: the first fits");
  check (sites[1].reason == ESC_FRAME_BUDGET, "budget: the second does not");
  check (sites[2].reason == ESC_NO_ESCAPE, "budget: the third still fits");
  check (sites[1].reasons == ESC_REASON_BIT (ESC_FRAME_BUDGET)
	 && sites[0].reasons == 0 && sites[2].reasons == 0,
	 "budget: the reason sets");
  esc_graph_destroy (g);
}

/* The first reason in report order wins.  */
static void
order (void)
{
  struct esc_graph *g = esc_graph_create ();
  esc_obj a = esc_new_object (g, ESC_OBJ_ALLOC);
  esc_node p = esc_new_value (g);
  esc_add_address (g, p, a, 0);
  esc_add_sink (g, p, ESC_PASSED_TO_CALL, 1);
  esc_add_sink (g, p, ESC_RETURNED, 2);
  esc_solve (g);
  struct esc_site site = { a, ESC_REASON_BIT (ESC_TOO_LARGE), 0,
			   ESC_NO_ESCAPE, 0 };
  decide (g, &site, 1, NULL, 0, 1000, NULL);
  check (site.reason == ESC_RETURNED, "order: returned before the others");
  check (strcmp (esc_reason_name (site.reason), "returned") == 0,
	 "order: reason names");
  esc_graph_destroy (g);
}

/* A site that fails several rules, of the graph and of the front, gets
   every one of them; its decision is still the first.  */
static void
all_reasons (void)
{
  struct esc_graph *g = esc_graph_create ();
  esc_obj a = esc_new_object (g, ESC_OBJ_ALLOC);
  esc_obj b = esc_new_object (g, ESC_OBJ_ALLOC);
  esc_node pa = esc_new_value (g), pb = esc_new_value (g);
  esc_add_address (g, pa, a, 0);
  esc_add_address (g, pb, b, 1);
  esc_add_sink (g, pa, ESC_ADDRESS_EXPOSED, 2);
  esc_add_sink (g, pa, ESC_PASSED_TO_CALL, 3);
  esc_solve (g);
  struct esc_site sites[2] = {
    { a, ESC_REASON_BIT (ESC_TOO_LARGE) | ESC_REASON_BIT (ESC_LOOP_CARRIED)
	 | ESC_REASON_BIT (ESC_UNSUPPORTED), 0, ESC_NO_ESCAPE, 0 },
    { b, ESC_REASON_BIT (ESC_UNKNOWN_SIZE), 0, ESC_NO_ESCAPE, 0 },
  };
  decide (g, sites, 2, NULL, 0, 1000, NULL);
  check (sites[0].reasons == (ESC_REASON_BIT (ESC_PASSED_TO_CALL)
			      | ESC_REASON_BIT (ESC_TOO_LARGE)
			      | ESC_REASON_BIT (ESC_LOOP_CARRIED)
			      | ESC_REASON_BIT (ESC_ADDRESS_EXPOSED)
			      | ESC_REASON_BIT (ESC_UNSUPPORTED)),
	 "all reasons: every failing rule of the graph and the front");
  check (sites[0].reason == ESC_PASSED_TO_CALL,
	 "all reasons: the decision names the first");
  check (sites[1].reasons == ESC_REASON_BIT (ESC_UNKNOWN_SIZE)
	 && sites[1].reason == ESC_UNKNOWN_SIZE,
	 "all reasons: one failing rule is one reason");
  check (esc_first_reason (sites[0].reasons) == sites[0].reason
	 && esc_first_reason (0) == ESC_NO_ESCAPE,
	 "all reasons: the first of the set");
  esc_graph_destroy (g);
}

static void
summaries (void)
{
  struct esc_graph *g = esc_graph_create ();
  esc_obj param = esc_new_object (g, ESC_OBJ_PARAM);
  esc_node arg = esc_new_value (g);
  esc_add_address (g, arg, param, -1);
  esc_add_sink (g, arg, ESC_RETURNED, 0);
  esc_solve (g);
  unsigned flags = esc_param_flags (g, param, true);
  check (flags == (ESC_PARAM_RETURNED | ESC_PARAM_FREED),
	 "summaries: returned and freed, not escaping");
  esc_graph_destroy (g);

  struct esc_summaries *table = esc_summaries_create ();
  for (int id = 0; id < 1000; id++)
    esc_summary_add (table, id * 7, 2)->deep[1] = (unsigned char) (id & 15);
  const struct esc_summary *s = esc_summary_find (table, 7 * 123);
  check (s && s->n_params == 2 && s->deep[1] == (123 & 15),
	 "summaries: found after the table grew");
  check (esc_summary_find (table, 5) == NULL, "summaries: absent id");
  esc_summaries_destroy (table);
}

static void
recursion (void)
{
  /* 0 -> 1 -> 2 -> 1, 3 -> 3, 4 -> 0.  */
  const int edges[][2] = { { 0, 1 }, { 1, 2 }, { 2, 1 }, { 3, 3 }, { 4, 0 } };
  bool *rec = esc_find_recursive (5, edges, 5);
  check (!rec[0] && rec[1] && rec[2] && rec[3] && !rec[4],
	 "recursion: cycles and self-calls, not their callers");
  free (rec);

  enum { N = 200000 };
  int (*chain)[2] = malloc (sizeof *chain * N);
  for (int i = 0; i < N; i++)
    {
      chain[i][0] = i;
      chain[i][1] = (i + 1) % N;
    }
  rec = esc_find_recursive (N, (const int (*)[2]) chain, N);
  check (rec[0] && rec[N / 2] && rec[N - 1],
	 "recursion: one long cycle without deep recursion");
  free (rec);
  free (chain);
}

static void
report_text (void)
{
  char buf[256];
  esc_format_decision (buf, sizeof buf, "malloc", "16", ESC_NO_ESCAPE, 0,
		       "never freed");
  check (strcmp (buf, "malloc(16) -> stack: no-escape: never freed") == 0,
	 "report: stack line");
  esc_format_decision (buf, sizeof buf, "calloc", "n_3, 8", ESC_UNKNOWN_SIZE,
		       0, NULL);
  check (strcmp (buf, "calloc(n_3, 8) -> heap: unknown-size") == 0,
	 "report: heap line without detail");
  esc_format_summary (buf, sizeof buf, "f", 1, 0, 0);
  check (strcmp (buf, "f: 1 site, 0 stack, 1 heap") == 0,
	 "report: summary line");

  struct esc_text t = { 0 };
  struct esc_site_record r = {
    "u.c", "/d", "u.c", 3, 13, "f", "malloc", "8000", 8000, 0,
    ESC_TOO_LARGE, 0, ESC_REASON_BIT (ESC_TOO_LARGE)
		   | ESC_REASON_BIT (ESC_ADDRESS_EXPOSED),
    "8000 bytes, above max-size 4096", NULL, 0
  };
  esc_json_site (&t, &r);
  check (strstr (t.buf, "\"reason\":\"too-large\",\"reasons\":"
		 "[\"too-large\",\"address-exposed\"],") != NULL,
	 "report: JSON lists every reason, in rule order");
  esc_text_release (&t);
  r.reason = ESC_NO_ESCAPE;
  r.reasons = 0;
  esc_json_site (&t, &r);
  check (strstr (t.buf, "\"reason\":\"no-escape\",\"reasons\":[],")
	 != NULL, "report: JSON of a stack site has no reasons");
  esc_text_release (&t);
}

int
main (void)
{
  free_index ();
  free_rule ();
  small_sites ();
  budget ();
  order ();
  all_reasons ();
  summaries ();
  recursion ();
  report_text ();
  totals ();
  return 0;
}
