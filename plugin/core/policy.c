/* Site decisions, free actions, parameter summaries and recursion; see
   policy.h.  */

#include "policy.h"

#include <stdio.h>
#include <stdlib.h>

static void *
esc_xcalloc (size_t n, size_t size)
{
  void *p = calloc (n ? n : 1, size);
  if (!p)
    {
      fputs ("escape: out of memory\n", stderr);
      abort ();
    }
  return p;
}

/* The site of each object, or -1: indexed by object.  */
static int *
site_of_objects (const struct esc_graph *g, const struct esc_site *sites,
		 size_t n_sites)
{
  size_t n_objects = esc_object_count (g);
  int *site_of = esc_xcalloc (n_objects, sizeof *site_of);
  for (size_t i = 0; i < n_objects; i++)
    site_of[i] = -1;
  for (size_t i = 0; i < n_sites; i++)
    site_of[sites[i].obj] = (int) i;
  return site_of;
}

/* Whether everything PTR may point to is a site that moves.  */
static bool
frees_only_moved (const struct esc_graph *g, const struct esc_site *sites,
		  const int *site_of, esc_node ptr)
{
  for (size_t k = 0; k < esc_points_to_size (g, ptr); k++)
    {
      int s = site_of[esc_points_to_nth (g, ptr, k)];
      if (s < 0 || sites[s].reason != ESC_NO_ESCAPE)
	return false;
    }
  return true;
}

struct esc_free_index
esc_index_frees (const struct esc_graph *g, const esc_node *frees,
		 size_t n_frees)
{
  size_t n_objects = esc_object_count (g);
  struct esc_free_index idx;
  idx.first = esc_xcalloc (n_objects + 1, sizeof *idx.first);
  for (size_t f = 0; f < n_frees; f++)
    for (size_t k = 0; k < esc_points_to_size (g, frees[f]); k++)
      idx.first[esc_points_to_nth (g, frees[f], k) + 1]++;
  for (size_t o = 0; o < n_objects; o++)
    idx.first[o + 1] += idx.first[o];
  idx.frees_of = esc_xcalloc (idx.first[n_objects], sizeof *idx.frees_of);
  size_t *fill = esc_xcalloc (n_objects, sizeof *fill);
  for (size_t f = 0; f < n_frees; f++)
    for (size_t k = 0; k < esc_points_to_size (g, frees[f]); k++)
      {
	esc_obj o = esc_points_to_nth (g, frees[f], k);
	idx.frees_of[idx.first[o] + fill[o]++] = f;
      }
  free (fill);
  return idx;
}

void
esc_free_index_release (struct esc_free_index *idx)
{
  free (idx->first);
  free (idx->frees_of);
  idx->first = NULL;
  idx->frees_of = NULL;
}

/* Queue every free that may free OBJ.  */
static void
queue_frees_of (const struct esc_free_index *idx, esc_obj obj, bool *queued,
		size_t *queue, size_t *n_queue)
{
  for (size_t k = idx->first[obj]; k < idx->first[obj + 1]; k++)
    {
      size_t f = idx->frees_of[k];
      if (!queued[f])
	{
	  queued[f] = true;
	  queue[(*n_queue)++] = f;
	}
    }
}

/* A free that may free a heap object keeps every site it may free on the
   heap.  QUEUE holds the frees to look at; a site that goes to the heap
   queues the frees that may free it, so each free is looked at again only
   when one of its sites changed.  */
static void
apply_free_rule (const struct esc_graph *g, struct esc_site *sites,
		 const int *site_of, const esc_node *frees,
		 const struct esc_free_index *idx, bool *queued,
		 size_t *queue, size_t n_queue)
{
  while (n_queue)
    {
      size_t f = queue[--n_queue];
      queued[f] = false;
      if (frees_only_moved (g, sites, site_of, frees[f]))
	continue;
      for (size_t k = 0; k < esc_points_to_size (g, frees[f]); k++)
	{
	  int s = site_of[esc_points_to_nth (g, frees[f], k)];
	  if (s >= 0 && sites[s].reason == ESC_NO_ESCAPE)
	    {
	      sites[s].reason = ESC_FREED_ELSEWHERE;
	      sites[s].reasons |= ESC_REASON_BIT (ESC_FREED_ELSEWHERE);
	      queue_frees_of (idx, sites[s].obj, queued, queue, &n_queue);
	    }
	}
    }
}

/* The first of LIMITS that BYTES more than USED would pass, or -1.  */
static int
first_passed (const struct esc_limit *limits, size_t n_limits,
	      unsigned long long used, unsigned long long bytes)
{
  for (size_t j = 0; j < n_limits; j++)
    if (limits[j].bytes < used || bytes > limits[j].bytes - used)
      return (int) j;
  return -1;
}

/* Admit the moving sites, and the stack-if-small ones, in order while
   they fit every limit; queue the frees of each site that does not fit.
   Returns the length of QUEUE.  */
static size_t
apply_budget (struct esc_site *sites, size_t n_sites, bool *small,
	      const struct esc_limit *limits, size_t n_limits,
	      const struct esc_free_index *idx, bool *queued, size_t *queue)
{
  size_t n_queue = 0;
  unsigned long long used = 0;
  for (size_t i = 0; i < n_sites; i++)
    {
      if (sites[i].reason != ESC_NO_ESCAPE && !(small && small[i]))
	continue;
      int j = first_passed (limits, n_limits, used, sites[i].bytes);
      if (j >= 0)
	{
	  sites[i].reason = limits[j].reason;
	  sites[i].reasons |= ESC_REASON_BIT (limits[j].reason);
	  if (small)
	    small[i] = false;
	  queue_frees_of (idx, sites[i].obj, queued, queue, &n_queue);
	}
      else
	used += sites[i].bytes;
    }
  return n_queue;
}

/* The decision for a free of PTR, once every site is decided.  */
static struct esc_free_decision
decide_free (const struct esc_graph *g, const struct esc_site *sites,
	     const bool *small, const int *site_of, esc_node ptr)
{
  struct esc_free_decision d = { ESC_FREE_KEEP, -1 };
  size_t n = esc_points_to_size (g, ptr);
  if (n == 0)
    return d;
  if (!frees_only_moved (g, sites, site_of, ptr))
    {
      /* The free rule left no moved site beside a stack-if-small one:
	 the guard need only skip the slots of the latter.  */
      for (size_t k = 0; k < n; k++)
	{
	  int s = site_of[esc_points_to_nth (g, ptr, k)];
	  if (s >= 0 && small && small[s])
	    d.action = ESC_FREE_GUARD;
	}
      return d;
    }
  /* Ending the life of an object at a free that may free another would
     end it while it may still be in use.  */
  if (n == 1)
    {
      d.action = ESC_FREE_CLOBBER;
      d.obj = esc_points_to_nth (g, ptr, 0);
    }
  else
    d.action = ESC_FREE_REMOVE;
  return d;
}

void
esc_decide (const struct esc_graph *g, struct esc_site *sites,
	    size_t n_sites, const esc_node *frees, size_t n_frees,
	    const struct esc_free_index *idx, unsigned long long budget,
	    struct esc_free_decision *free_decisions)
{
  struct esc_limit limit = { budget, ESC_FRAME_BUDGET };
  esc_decide_limits (g, sites, n_sites, NULL, frees, n_frees, idx, &limit,
		     1, free_decisions);
}

void
esc_decide_limits (const struct esc_graph *g, struct esc_site *sites,
		   size_t n_sites, bool *small, const esc_node *frees,
		   size_t n_frees, const struct esc_free_index *idx,
		   const struct esc_limit *limits, size_t n_limits,
		   struct esc_free_decision *free_decisions)
{
  for (size_t i = 0; i < n_sites; i++)
    {
      esc_reason_set set = esc_object_reasons (g, sites[i].obj)
			   | sites[i].front_reasons;
      set &= ~ESC_REASON_BIT (ESC_NO_ESCAPE);
      sites[i].reasons = set;
      sites[i].reason = esc_first_reason (set);
      /* A stack-if-small site is no moved site to the free rule: a free
	 that may free it and a moved site keeps the moved one on the
	 heap, and the guard of the free then serves the rest.  */
      if (small)
	small[i] &= set == ESC_REASON_BIT (ESC_UNKNOWN_SIZE);
    }
  int *site_of = site_of_objects (g, sites, n_sites);
  bool *queued = esc_xcalloc (n_frees, sizeof *queued);
  size_t *queue = esc_xcalloc (n_frees, sizeof *queue);
  for (size_t f = 0; f < n_frees; f++)
    {
      queued[f] = true;
      queue[f] = n_frees - 1 - f;
    }
  apply_free_rule (g, sites, site_of, frees, idx, queued, queue, n_frees);
  /* The budget only counts sites the free rule left on the stack, and
     the free rule only takes sites off it, so after this second round
     the budget still holds.  */
  size_t n_queue = apply_budget (sites, n_sites, small, limits, n_limits,
				 idx, queued, queue);
  apply_free_rule (g, sites, site_of, frees, idx, queued, queue, n_queue);
  for (size_t f = 0; f < n_frees; f++)
    free_decisions[f] = decide_free (g, sites, small, site_of, frees[f]);
  free (queue);
  free (queued);
  free (site_of);
}

unsigned
esc_param_flags (const struct esc_graph *g, esc_obj param, bool freed_here)
{
  esc_reason_set reasons = esc_object_reasons (g, param);
  unsigned flags = 0;
  if (reasons & ESC_ESCAPE_REASONS)
    flags |= ESC_PARAM_ESCAPES;
  if (reasons & ESC_REASON_BIT (ESC_RETURNED))
    flags |= ESC_PARAM_RETURNED;
  if (reasons & (ESC_REASON_BIT (ESC_FREED_ELSEWHERE)
		 | ESC_REASON_BIT (ESC_RESIZED)))
    flags |= ESC_PARAM_FREED;
  if (freed_here)
    flags |= ESC_PARAM_FREED;
  if (esc_object_written_p (g, param))
    flags |= ESC_PARAM_WRITTEN;
  return flags;
}

struct summary_entry
{
  int id;
  struct esc_summary summary;
};

struct esc_summaries
{
  struct summary_entry *entries;	/* open addressing; id -1 is empty */
  size_t n, cap;
};

struct esc_summaries *
esc_summaries_create (void)
{
  return esc_xcalloc (1, sizeof (struct esc_summaries));
}

void
esc_summaries_destroy (struct esc_summaries *s)
{
  if (!s)
    return;
  for (size_t i = 0; i < s->cap; i++)
    if (s->entries[i].id >= 0)
      {
	free (s->entries[i].summary.direct);
	free (s->entries[i].summary.deep);
      }
  free (s->entries);
  free (s);
}

static struct summary_entry *
summary_slot (const struct esc_summaries *s, int id)
{
  size_t mask = s->cap - 1;
  for (size_t i = ((size_t) id * 2654435761u) & mask;; i = (i + 1) & mask)
    if (s->entries[i].id == id || s->entries[i].id < 0)
      return &s->entries[i];
}

static void
summaries_grow (struct esc_summaries *s)
{
  struct esc_summaries old = *s;
  s->cap = old.cap ? 2 * old.cap : 64;
  s->entries = esc_xcalloc (s->cap, sizeof *s->entries);
  for (size_t i = 0; i < s->cap; i++)
    s->entries[i].id = -1;
  for (size_t i = 0; i < old.cap; i++)
    if (old.entries[i].id >= 0)
      *summary_slot (s, old.entries[i].id) = old.entries[i];
  free (old.entries);
}

struct esc_summary *
esc_summary_add (struct esc_summaries *s, int id, int n_params)
{
  if (2 * (s->n + 1) > s->cap)
    summaries_grow (s);
  struct summary_entry *e = summary_slot (s, id);
  if (e->id == id)
    {
      free (e->summary.direct);
      free (e->summary.deep);
    }
  else
    s->n++;
  e->id = id;
  e->summary.n_params = n_params;
  e->summary.direct = esc_xcalloc ((size_t) n_params, 1);
  e->summary.deep = esc_xcalloc ((size_t) n_params, 1);
  return &e->summary;
}

const struct esc_summary *
esc_summary_find (const struct esc_summaries *s, int id)
{
  if (!s->cap)
    return NULL;
  struct summary_entry *e = summary_slot (s, id);
  return e->id == id ? &e->summary : NULL;
}

/* Tarjan's algorithm, iterative so deep call chains cannot overflow the
   compiler's stack.  */
int *
esc_cycles (int n_funcs, const int (*edges)[2], size_t n_edges)
{
  int *cycle = esc_xcalloc ((size_t) n_funcs, sizeof *cycle);
  bool *self = esc_xcalloc ((size_t) n_funcs, sizeof *self);
  /* Successor lists in compressed form.  */
  int *first = esc_xcalloc ((size_t) n_funcs + 1, sizeof *first);
  int *succ = esc_xcalloc (n_edges, sizeof *succ);
  for (size_t e = 0; e < n_edges; e++)
    first[edges[e][0] + 1]++;
  for (int f = 0; f < n_funcs; f++)
    first[f + 1] += first[f];
  int *fill = esc_xcalloc ((size_t) n_funcs, sizeof *fill);
  for (size_t e = 0; e < n_edges; e++)
    {
      int from = edges[e][0];
      succ[first[from] + fill[from]++] = edges[e][1];
      if (edges[e][0] == edges[e][1])
	self[from] = true;
    }

  int *index = esc_xcalloc ((size_t) n_funcs, sizeof *index);
  int *low = esc_xcalloc ((size_t) n_funcs, sizeof *low);
  bool *on_stack = esc_xcalloc ((size_t) n_funcs, sizeof *on_stack);
  int *stack = esc_xcalloc ((size_t) n_funcs, sizeof *stack);
  int *call = esc_xcalloc ((size_t) n_funcs, sizeof *call);
  int *next_edge = esc_xcalloc ((size_t) n_funcs, sizeof *next_edge);
  int counter = 0, sp = 0, n_cycles = 0;

  for (int root = 0; root < n_funcs; root++)
    {
      if (index[root])
	continue;
      int depth = 0;
      call[depth++] = root;
      index[root] = low[root] = ++counter;
      stack[sp++] = root;
      on_stack[root] = true;
      next_edge[root] = first[root];
      while (depth)
	{
	  int v = call[depth - 1];
	  if (next_edge[v] < first[v + 1])
	    {
	      int w = succ[next_edge[v]++];
	      if (!index[w])
		{
		  index[w] = low[w] = ++counter;
		  stack[sp++] = w;
		  on_stack[w] = true;
		  next_edge[w] = first[w];
		  call[depth++] = w;
		}
	      else if (on_stack[w] && index[w] < low[v])
		low[v] = index[w];
	      continue;
	    }
	  depth--;
	  if (depth && low[v] < low[call[depth - 1]])
	    low[call[depth - 1]] = low[v];
	  if (low[v] != index[v])
	    continue;
	  int size = 0, w;
	  int top = sp;
	  do
	    {
	      w = stack[--sp];
	      on_stack[w] = false;
	      size++;
	    }
	  while (w != v);
	  bool cyclic = size > 1 || self[v];
	  for (int i = sp; i < top; i++)
	    cycle[stack[i]] = cyclic ? n_cycles : -1;
	  n_cycles += cyclic;
	}
    }
  free (first);
  free (succ);
  free (fill);
  free (index);
  free (low);
  free (on_stack);
  free (stack);
  free (call);
  free (next_edge);
  free (self);
  return cycle;
}

bool *
esc_find_recursive (int n_funcs, const int (*edges)[2], size_t n_edges)
{
  int *cycle = esc_cycles (n_funcs, edges, n_edges);
  bool *recursive = esc_xcalloc ((size_t) n_funcs, sizeof *recursive);
  for (int f = 0; f < n_funcs; f++)
    recursive[f] = cycle[f] >= 0;
  free (cycle);
  return recursive;
}
