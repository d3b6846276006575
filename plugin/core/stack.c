/* Recurring frames and chains of calls; see stack.h.  */

#include "stack.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void *
cg_xrealloc (void *p, size_t n, size_t size)
{
  void *q = realloc (p, (n ? n : 1) * size);
  if (!q)
    {
      fputs ("escape: out of memory\n", stderr);
      abort ();
    }
  return q;
}

static void *
cg_xcalloc (size_t n, size_t size)
{
  void *p = calloc (n ? n : 1, size);
  if (!p)
    {
      fputs ("escape: out of memory\n", stderr);
      abort ();
    }
  return p;
}

static unsigned long long
sat_add (unsigned long long a, unsigned long long b)
{
  return a > ULLONG_MAX - b ? ULLONG_MAX : a + b;
}

/* One node's calls, or callers, with their labels.  */
struct cg_list
{
  int *node;
  int *label;
  int n, cap;
};

static void
list_push (struct cg_list *l, int node, int label)
{
  if (l->n == l->cap)
    {
      l->cap = l->cap ? 2 * l->cap : 4;
      l->node = cg_xrealloc (l->node, (size_t) l->cap, sizeof *l->node);
      l->label = cg_xrealloc (l->label, (size_t) l->cap, sizeof *l->label);
    }
  l->node[l->n] = node;
  l->label[l->n] = label;
  l->n++;
}

struct esc_cg
{
  int n, cap;
  unsigned long long *weight;
  struct cg_list *out, *in;
  bool *self;
  /* The edges, for ignoring repeats: open addressing on from * 2^32 + to,
     with 0 for an empty slot (keys are stored plus one).  */
  unsigned long long *keys;
  size_t n_keys, key_cap;

  /* The solution.  Components are numbered in the order Tarjan's
     algorithm completes them, so a call between two components always
     goes from a higher number to a lower one.  Nodes added after a solve
     get components of their own, numbered above the others.  */
  bool dirty;
  int n_comps, comp_cap;
  int *comp;			/* by node */
  int *comp_size, *first_member;	/* by component */
  int *next_member;		/* by node */
  unsigned long long *cw, *prefix, *suffix;	/* by component */
  /* A worklist of components and its flags, all clear between uses.  */
  int *work;
  bool *queued;
  int work_cap;
};

struct esc_cg *
esc_cg_create (void)
{
  struct esc_cg *cg = cg_xcalloc (1, sizeof *cg);
  esc_cg_add_node (cg);
  return cg;
}

void
esc_cg_destroy (struct esc_cg *cg)
{
  if (!cg)
    return;
  for (int i = 0; i < cg->n; i++)
    {
      free (cg->out[i].node);
      free (cg->out[i].label);
      free (cg->in[i].node);
      free (cg->in[i].label);
    }
  free (cg->weight);
  free (cg->out);
  free (cg->in);
  free (cg->self);
  free (cg->keys);
  free (cg->comp);
  free (cg->comp_size);
  free (cg->first_member);
  free (cg->next_member);
  free (cg->cw);
  free (cg->prefix);
  free (cg->suffix);
  free (cg->work);
  free (cg->queued);
  free (cg);
}

static void
grow_comps (struct esc_cg *cg, int need)
{
  if (need <= cg->comp_cap)
    return;
  int cap = cg->comp_cap ? 2 * cg->comp_cap : 16;
  while (cap < need)
    cap *= 2;
  cg->comp_size = cg_xrealloc (cg->comp_size, (size_t) cap,
			       sizeof *cg->comp_size);
  cg->first_member = cg_xrealloc (cg->first_member, (size_t) cap,
				  sizeof *cg->first_member);
  cg->cw = cg_xrealloc (cg->cw, (size_t) cap, sizeof *cg->cw);
  cg->prefix = cg_xrealloc (cg->prefix, (size_t) cap, sizeof *cg->prefix);
  cg->suffix = cg_xrealloc (cg->suffix, (size_t) cap, sizeof *cg->suffix);
  cg->comp_cap = cap;
}

int
esc_cg_add_node (struct esc_cg *cg)
{
  if (cg->n == cg->cap)
    {
      int cap = cg->cap ? 2 * cg->cap : 16;
      cg->weight = cg_xrealloc (cg->weight, (size_t) cap, sizeof *cg->weight);
      cg->out = cg_xrealloc (cg->out, (size_t) cap, sizeof *cg->out);
      cg->in = cg_xrealloc (cg->in, (size_t) cap, sizeof *cg->in);
      cg->self = cg_xrealloc (cg->self, (size_t) cap, sizeof *cg->self);
      cg->comp = cg_xrealloc (cg->comp, (size_t) cap, sizeof *cg->comp);
      cg->next_member = cg_xrealloc (cg->next_member, (size_t) cap,
				     sizeof *cg->next_member);
      cg->cap = cap;
    }
  int v = cg->n++;
  cg->weight[v] = 0;
  memset (&cg->out[v], 0, sizeof cg->out[v]);
  memset (&cg->in[v], 0, sizeof cg->in[v]);
  cg->self[v] = false;
  /* A component of its own, above every other: calls from it keep the
     order, calls into it make the graph dirty.  */
  grow_comps (cg, cg->n_comps + 1);
  int c = cg->n_comps++;
  cg->comp[v] = c;
  cg->comp_size[c] = 1;
  cg->first_member[c] = v;
  cg->next_member[v] = -1;
  cg->cw[c] = 0;
  cg->prefix[c] = 0;
  cg->suffix[c] = 0;
  return v;
}

int
esc_cg_node_count (const struct esc_cg *cg)
{
  return cg->n;
}

/* Record the edge FROM -> TO; returns false if it was there already.  */
static bool
key_insert (struct esc_cg *cg, int from, int to)
{
  if (2 * (cg->n_keys + 1) > cg->key_cap)
    {
      size_t old_cap = cg->key_cap;
      unsigned long long *old = cg->keys;
      cg->key_cap = old_cap ? 2 * old_cap : 64;
      cg->keys = cg_xcalloc (cg->key_cap, sizeof *cg->keys);
      for (size_t i = 0; i < old_cap; i++)
	if (old[i])
	  {
	    size_t mask = cg->key_cap - 1;
	    size_t j = (size_t) ((old[i] * 0x9e3779b97f4a7c15ull) >> 17) & mask;
	    while (cg->keys[j])
	      j = (j + 1) & mask;
	    cg->keys[j] = old[i];
	  }
      free (old);
    }
  unsigned long long key
    = (((unsigned long long) (unsigned) from << 32) | (unsigned) to) + 1;
  size_t mask = cg->key_cap - 1;
  size_t j = (size_t) ((key * 0x9e3779b97f4a7c15ull) >> 17) & mask;
  while (cg->keys[j])
    {
      if (cg->keys[j] == key)
	return false;
      j = (j + 1) & mask;
    }
  cg->keys[j] = key;
  cg->n_keys++;
  return true;
}

/* The worklist, large enough for every component.  */
static void
grow_work (struct esc_cg *cg)
{
  if (cg->work_cap >= cg->n_comps)
    return;
  int cap = cg->comp_cap;
  cg->work = cg_xrealloc (cg->work, (size_t) cap, sizeof *cg->work);
  cg->queued = cg_xrealloc (cg->queued, (size_t) cap, sizeof *cg->queued);
  memset (cg->queued, 0, (size_t) cap * sizeof *cg->queued);
  cg->work_cap = cap;
}

/* The suffix of component C grew: raise those of its callers.  */
static void
raise_suffixes (struct esc_cg *cg, int c)
{
  grow_work (cg);
  int *work = cg->work;
  bool *queued = cg->queued;
  int n = 0;
  work[n++] = c;
  queued[c] = true;
  while (n)
    {
      int x = work[--n];
      queued[x] = false;
      for (int m = cg->first_member[x]; m >= 0; m = cg->next_member[m])
	for (int k = 0; k < cg->in[m].n; k++)
	  {
	    int p = cg->comp[cg->in[m].node[k]];
	    if (p == x)
	      continue;
	    unsigned long long cand = sat_add (cg->cw[p], cg->suffix[x]);
	    if (cand > cg->suffix[p])
	      {
		cg->suffix[p] = cand;
		if (!queued[p])
		  {
		    queued[p] = true;
		    work[n++] = p;
		  }
	      }
	  }
    }
}

/* What lies above component C and in it grew: raise the prefixes of its
   callees.  */
static void
raise_prefixes (struct esc_cg *cg, int c)
{
  grow_work (cg);
  int *work = cg->work;
  bool *queued = cg->queued;
  int n = 0;
  work[n++] = c;
  queued[c] = true;
  while (n)
    {
      int x = work[--n];
      queued[x] = false;
      unsigned long long above = sat_add (cg->prefix[x], cg->cw[x]);
      for (int m = cg->first_member[x]; m >= 0; m = cg->next_member[m])
	for (int k = 0; k < cg->out[m].n; k++)
	  {
	    int s = cg->comp[cg->out[m].node[k]];
	    if (s != x && above > cg->prefix[s])
	      {
		cg->prefix[s] = above;
		if (!queued[s])
		  {
		    queued[s] = true;
		    work[n++] = s;
		  }
	      }
	  }
    }
}

bool
esc_cg_add_edge (struct esc_cg *cg, int from, int to, int label)
{
  if (!key_insert (cg, from, to))
    return false;
  list_push (&cg->out[from], to, label);
  list_push (&cg->in[to], from, label);
  if (from == to)
    {
      cg->self[from] = true;
      return true;
    }
  if (cg->dirty)
    return true;
  int cu = cg->comp[from], cv = cg->comp[to];
  if (cu == cv)
    return true;
  if (cu < cv)
    {
      /* It may close a cycle.  */
      cg->dirty = true;
      return true;
    }
  unsigned long long cand = sat_add (cg->cw[cu], cg->suffix[cv]);
  if (cand > cg->suffix[cu])
    {
      cg->suffix[cu] = cand;
      raise_suffixes (cg, cu);
    }
  unsigned long long above = sat_add (cg->prefix[cu], cg->cw[cu]);
  if (above > cg->prefix[cv])
    {
      cg->prefix[cv] = above;
      raise_prefixes (cg, cv);
    }
  return true;
}

/* Tarjan's algorithm, iterative so deep call chains cannot overflow the
   compiler's stack; then the components' weights and paths.  */
static void
solve (struct esc_cg *cg)
{
  int n = cg->n;
  int *index = cg_xcalloc ((size_t) n, sizeof *index);
  int *low = cg_xcalloc ((size_t) n, sizeof *low);
  bool *on_stack = cg_xcalloc ((size_t) n, sizeof *on_stack);
  int *stack = cg_xcalloc ((size_t) n, sizeof *stack);
  int *call = cg_xcalloc ((size_t) n, sizeof *call);
  int *next_edge = cg_xcalloc ((size_t) n, sizeof *next_edge);
  int counter = 0, sp = 0, n_comps = 0;
  grow_comps (cg, n);

  for (int root = 0; root < n; root++)
    {
      if (index[root])
	continue;
      int depth = 0;
      call[depth++] = root;
      index[root] = low[root] = ++counter;
      stack[sp++] = root;
      on_stack[root] = true;
      next_edge[root] = 0;
      while (depth)
	{
	  int v = call[depth - 1];
	  if (next_edge[v] < cg->out[v].n)
	    {
	      int w = cg->out[v].node[next_edge[v]++];
	      if (!index[w])
		{
		  index[w] = low[w] = ++counter;
		  stack[sp++] = w;
		  on_stack[w] = true;
		  next_edge[w] = 0;
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
	  int c = n_comps++;
	  cg->comp_size[c] = 0;
	  cg->first_member[c] = -1;
	  int w;
	  do
	    {
	      w = stack[--sp];
	      on_stack[w] = false;
	      cg->comp[w] = c;
	      cg->next_member[w] = cg->first_member[c];
	      cg->first_member[c] = w;
	      cg->comp_size[c]++;
	    }
	  while (w != v);
	}
    }
  cg->n_comps = n_comps;
  free (index);
  free (low);
  free (on_stack);
  free (stack);
  free (call);
  free (next_edge);

  for (int c = 0; c < n_comps; c++)
    {
      cg->cw[c] = 0;
      cg->prefix[c] = 0;
      cg->suffix[c] = 0;
      for (int m = cg->first_member[c]; m >= 0; m = cg->next_member[m])
	cg->cw[c] = sat_add (cg->cw[c], cg->weight[m]);
    }
  /* Callees have lower numbers: suffixes upwards, prefixes downwards.  */
  for (int c = 0; c < n_comps; c++)
    {
      unsigned long long below = 0;
      for (int m = cg->first_member[c]; m >= 0; m = cg->next_member[m])
	for (int k = 0; k < cg->out[m].n; k++)
	  {
	    int s = cg->comp[cg->out[m].node[k]];
	    if (s != c && cg->suffix[s] > below)
	      below = cg->suffix[s];
	  }
      cg->suffix[c] = sat_add (cg->cw[c], below);
    }
  for (int c = n_comps - 1; c >= 0; c--)
    {
      unsigned long long above = sat_add (cg->prefix[c], cg->cw[c]);
      for (int m = cg->first_member[c]; m >= 0; m = cg->next_member[m])
	for (int k = 0; k < cg->out[m].n; k++)
	  {
	    int s = cg->comp[cg->out[m].node[k]];
	    if (s != c && above > cg->prefix[s])
	      cg->prefix[s] = above;
	  }
    }
  cg->dirty = false;
}

static void
ensure_solved (struct esc_cg *cg)
{
  if (cg->dirty)
    solve (cg);
}

bool
esc_cg_recurs (struct esc_cg *cg, int node)
{
  if (node == ESC_CG_OUTSIDE)
    return false;
  ensure_solved (cg);
  return cg->self[node] || cg->comp_size[cg->comp[node]] > 1;
}

bool
esc_cg_same_cycle (struct esc_cg *cg, int a, int b)
{
  ensure_solved (cg);
  if (a == b)
    return esc_cg_recurs (cg, a);
  return cg->comp[a] == cg->comp[b];
}

int
esc_cg_witness (struct esc_cg *cg, int node)
{
  if (!esc_cg_recurs (cg, node))
    return -1;
  int c = cg->comp[node];
  int outside = -1;
  const struct cg_list *l = &cg->out[node];
  for (int k = 0; k < l->n; k++)
    if (cg->comp[l->node[k]] == c)
      {
	if (l->node[k] != ESC_CG_OUTSIDE)
	  return l->label[k];
	if (outside < 0)
	  outside = l->label[k];
      }
  return outside;
}

void
esc_cg_add_weight (struct esc_cg *cg, int node, unsigned long long bytes)
{
  if (!bytes)
    return;
  cg->weight[node] = sat_add (cg->weight[node], bytes);
  if (cg->dirty)
    return;
  int c = cg->comp[node];
  cg->cw[c] = sat_add (cg->cw[c], bytes);
  cg->suffix[c] = sat_add (cg->suffix[c], bytes);
  raise_suffixes (cg, c);
  raise_prefixes (cg, c);
}

unsigned long long
esc_cg_weight (const struct esc_cg *cg, int node)
{
  return cg->weight[node];
}

unsigned long long
esc_cg_chain (struct esc_cg *cg, int node)
{
  ensure_solved (cg);
  int c = cg->comp[node];
  return sat_add (cg->prefix[c], cg->suffix[c]);
}

unsigned long long
esc_cg_room (struct esc_cg *cg, int node, unsigned long long budget)
{
  unsigned long long chain = esc_cg_chain (cg, node);
  return chain < budget ? budget - chain : 0;
}
