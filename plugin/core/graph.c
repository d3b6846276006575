/* The escape graph and its worklist solver; see graph.h for the model.

   Each node keeps its points-to set as an array in insertion order, with
   the reason each member was added (the step and the node it came from),
   so explanations can walk back from any fact to the allocation.  "Is OBJ
   in NODE" and "does this edge exist" scan small sets and look large ones
   up in a hash table, in constant time either way.  All per-node arrays
   come from one arena.  A node's members before DONE have been pushed along its edges;
   the worklist holds nodes with members after DONE.  Escapes are queued
   too, so long chains of objects stored in objects need no recursion.  */

#include "graph.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define GROW(ARR, N, CAP)						\
  do {									\
    if ((N) == (CAP))							\
      {									\
	(CAP) = (CAP) ? 2 * (CAP) : 4;					\
	(ARR) = esc_xrealloc ((ARR), (size_t) (CAP) * sizeof *(ARR));	\
      }									\
  } while (0)

static void *
esc_xrealloc (void *ptr, size_t size)
{
  void *p = realloc (ptr, size);
  if (!p)
    {
      fputs ("escape: out of memory\n", stderr);
      abort ();
    }
  return p;
}

/* The small per-node arrays live in an arena that the graph frees at
   once: a function has a few arrays per statement, and growing and
   freeing each through malloc took a third of the pass.  A grown array
   leaves its old copy behind, at most as much again as the live ones.  */
struct arena_chunk
{
  struct arena_chunk *next;
  size_t used, size;
  max_align_t data[];
};

#define ARENA_CHUNK_BYTES (64 * 1024)

struct arena
{
  struct arena_chunk *chunks;
  /* The last block handed out, which can grow in place.  */
  void *last;
};

static void *
arena_alloc (struct arena *a, size_t size)
{
  size = (size + sizeof (max_align_t) - 1) & ~(sizeof (max_align_t) - 1);
  struct arena_chunk *c = a->chunks;
  if (!c || c->size - c->used < size)
    {
      size_t bytes = size > ARENA_CHUNK_BYTES ? size : ARENA_CHUNK_BYTES;
      c = esc_xrealloc (NULL, sizeof *c + bytes);
      c->used = 0;
      c->size = bytes;
      c->next = a->chunks;
      a->chunks = c;
    }
  void *p = (char *) c->data + c->used;
  c->used += size;
  a->last = p;
  return p;
}

/* PTR, a block of OLD_SIZE bytes from A or NULL, resized to NEW_SIZE.  */
static void *
arena_resize (struct arena *a, void *ptr, size_t old_size, size_t new_size)
{
  const size_t align = sizeof (max_align_t);
  size_t old_rounded = (old_size + align - 1) & ~(align - 1);
  size_t new_rounded = (new_size + align - 1) & ~(align - 1);
  struct arena_chunk *c = a->chunks;
  if (ptr && ptr == a->last
      && c->size - c->used >= new_rounded - old_rounded)
    {
      c->used += new_rounded - old_rounded;
      return ptr;
    }
  void *p = arena_alloc (a, new_size);
  if (old_size)
    memcpy (p, ptr, old_size);
  return p;
}

static void
arena_free (struct arena *a)
{
  while (a->chunks)
    {
      struct arena_chunk *next = a->chunks->next;
      free (a->chunks);
      a->chunks = next;
    }
}

#define GROW_IN_ARENA(G, ARR, N, CAP)					\
  do {									\
    if ((N) == (CAP))							\
      {									\
	int cap_ = (CAP) ? 2 * (CAP) : 2;				\
	(ARR) = arena_resize (&(G)->arena, (ARR),			\
			      (size_t) (CAP) * sizeof *(ARR),		\
			      (size_t) cap_ * sizeof *(ARR));		\
	(CAP) = cap_;							\
      }									\
  } while (0)

/* Why OBJ is in a node's set: added by STEP, copied from node FROM (-1 for
   a seed).  */
struct member
{
  esc_obj obj;
  int step;
  esc_node from;
};

struct edge
{
  esc_node other;
  int step;
};

struct sink
{
  enum esc_reason reason;
  int step;
  esc_obj container;	/* the escaped object whose contents this is, or -1 */
};

struct node
{
  struct member *members;
  int n_members, cap_members, done;
  struct edge *copies;	/* dst ⊇ this */
  int n_copies, cap_copies;
  struct edge *loads;	/* dst ⊇ *this */
  int n_loads, cap_loads;
  struct edge *stores;	/* *this ⊇ src */
  int n_stores, cap_stores;
  struct sink *sinks;
  int n_sinks, cap_sinks;
  esc_node offset;	/* the node of what this one's offset depends on,
			   or -1 for such a node itself */
  bool queued;
};

/* Why an object escaped with one reason: either it was in NODE when a sink
   with STEP was found there, or it was stored in CONTAINER when that
   escaped.  */
struct cause
{
  esc_node node;
  int step;
  esc_obj container;
};

struct object
{
  enum esc_obj_kind kind;
  esc_node contents;
  esc_reason_set reasons;
  bool written;
  struct cause causes[ESC_N_REASONS];
};

struct pending_escape
{
  esc_obj obj;
  enum esc_reason reason;
};

/* Open addressing over 64-bit keys; the key space is split by tag so one
   table serves members, copy edges and sinks.  */
struct table
{
  uint64_t *keys;	/* 0 is empty; stored keys are never 0 */
  int *values;
  size_t n, cap;
};

struct esc_graph
{
  struct node *nodes;
  int n_nodes, cap_nodes;
  struct object *objects;
  int n_objects, cap_objects;
  struct table table;
  esc_node *worklist;
  int n_work, cap_work;
  struct pending_escape *pending;
  int n_pending, cap_pending;
  esc_obj unknown, global;
  esc_node unknown_value;
  struct arena arena;
};

enum key_tag { KEY_MEMBER = 1, KEY_COPY = 2 };

static uint64_t
make_key (enum key_tag tag, uint32_t a, uint32_t b)
{
  return ((uint64_t) tag << 62) | ((uint64_t) a << 31) | b;
}

static size_t
hash_key (uint64_t key)
{
  key ^= key >> 33;
  key *= 0xff51afd7ed558ccdULL;
  key ^= key >> 33;
  return (size_t) key;
}

static int *table_slot (struct table *t, uint64_t key, bool insert);

static void
table_grow (struct table *t)
{
  struct table old = *t;
  t->cap = old.cap ? 2 * old.cap : 256;
  t->n = 0;
  t->keys = calloc (t->cap, sizeof *t->keys);
  t->values = calloc (t->cap, sizeof *t->values);
  if (!t->keys || !t->values)
    {
      fputs ("escape: out of memory\n", stderr);
      abort ();
    }
  for (size_t i = 0; i < old.cap; i++)
    if (old.keys[i])
      *table_slot (t, old.keys[i], true) = old.values[i];
  free (old.keys);
  free (old.values);
}

/* The value slot of KEY, or NULL when absent and INSERT is false.  A new
   slot holds -1.  */
static int *
table_slot (struct table *t, uint64_t key, bool insert)
{
  if (insert && 2 * (t->n + 1) > t->cap)
    table_grow (t);
  if (!t->cap)
    return NULL;
  size_t mask = t->cap - 1;
  for (size_t i = hash_key (key) & mask;; i = (i + 1) & mask)
    {
      if (t->keys[i] == key)
	return &t->values[i];
      if (!t->keys[i])
	{
	  if (!insert)
	    return NULL;
	  t->keys[i] = key;
	  t->values[i] = -1;
	  t->n++;
	  return &t->values[i];
	}
    }
}

static void
enqueue (struct esc_graph *g, esc_node n)
{
  if (g->nodes[n].queued)
    return;
  g->nodes[n].queued = true;
  GROW (g->worklist, g->n_work, g->cap_work);
  g->worklist[g->n_work++] = n;
}

/* Sets and edge lists up to this size are searched by a scan; larger ones
   are also indexed in the table.  Most nodes hold one or two objects, and
   a scan of a few neighbours is cheaper than a cache miss in a table that
   grows with the function.  */
#define SMALL_SET 8

static int
member_index (const struct esc_graph *g, esc_node n, esc_obj obj)
{
  const struct node *nd = &g->nodes[n];
  if (nd->n_members <= SMALL_SET)
    {
      for (int i = 0; i < nd->n_members; i++)
	if (nd->members[i].obj == obj)
	  return i;
      return -1;
    }
  int *slot = table_slot ((struct table *) &g->table,
			  make_key (KEY_MEMBER, n, obj), false);
  return slot ? *slot : -1;
}

static void
add_member (struct esc_graph *g, esc_node n, esc_obj obj, int step,
	    esc_node from)
{
  if (member_index (g, n, obj) >= 0)
    return;
  struct node *nd = &g->nodes[n];
  GROW_IN_ARENA (g, nd->members, nd->n_members, nd->cap_members);
  nd->members[nd->n_members++] = (struct member) { obj, step, from };
  if (nd->n_members > SMALL_SET)
    /* Crossing the limit indexes the whole set.  */
    for (int i = nd->n_members == SMALL_SET + 1 ? 0 : nd->n_members - 1;
	 i < nd->n_members; i++)
      *table_slot (&g->table, make_key (KEY_MEMBER, n, nd->members[i].obj),
		   true) = i;
  enqueue (g, n);
}

static const struct member *
find_member (const struct esc_graph *g, esc_node n, esc_obj obj)
{
  int i = member_index (g, n, obj);
  return i >= 0 ? &g->nodes[n].members[i] : NULL;
}

/* Whether SRC already has a copy edge to DST; records it if not.  */
static bool
copy_seen (struct esc_graph *g, esc_node src, esc_node dst)
{
  const struct node *nd = &g->nodes[src];
  if (nd->n_copies < SMALL_SET)
    {
      for (int i = 0; i < nd->n_copies; i++)
	if (nd->copies[i].other == dst)
	  return true;
      return false;
    }
  if (nd->n_copies == SMALL_SET)
    for (int i = 0; i < nd->n_copies; i++)
      *table_slot (&g->table, make_key (KEY_COPY, src, nd->copies[i].other),
		   true) = 0;
  int *slot = table_slot (&g->table, make_key (KEY_COPY, src, dst), true);
  if (*slot >= 0)
    return true;
  *slot = 0;
  return false;
}

static void
escape_object (struct esc_graph *g, esc_obj obj, enum esc_reason reason,
	       struct cause cause)
{
  struct object *o = &g->objects[obj];
  if (o->reasons & ESC_REASON_BIT (reason))
    return;
  o->reasons |= ESC_REASON_BIT (reason);
  o->causes[reason] = cause;
  GROW (g->pending, g->n_pending, g->cap_pending);
  g->pending[g->n_pending++] = (struct pending_escape) { obj, reason };
}

/* Make every object in N, now and later, escape with REASON.  */
static void
attach_sink (struct esc_graph *g, esc_node n, enum esc_reason reason,
	     int step, esc_obj container)
{
  /* Where a pointer points inside its object leaves with it.  */
  if (g->nodes[n].offset >= 0)
    attach_sink (g, g->nodes[n].offset, reason, step, container);
  struct node *nd = &g->nodes[n];
  /* At most one sink per reason.  */
  for (int i = 0; i < nd->n_sinks; i++)
    if (nd->sinks[i].reason == reason)
      return;
  GROW_IN_ARENA (g, nd->sinks, nd->n_sinks, nd->cap_sinks);
  nd->sinks[nd->n_sinks++] = (struct sink) { reason, step, container };
  struct cause cause = { n, step, container };
  for (int i = 0; i < g->nodes[n].n_members; i++)
    escape_object (g, g->nodes[n].members[i].obj, reason, cause);
}

/* DST ⊇ SRC from now on, and the same for their offsets.  An offset
   node takes the whole of a value copied into it: what a value is made
   of decides the offset it is added to.  */
static void
attach_copy (struct esc_graph *g, esc_node src, esc_node dst, int step)
{
  if (src == dst || copy_seen (g, src, dst))
    return;
  if (g->nodes[src].offset >= 0)
    {
      esc_node to = g->nodes[dst].offset;
      attach_copy (g, g->nodes[src].offset, to >= 0 ? to : dst, step);
    }
  struct node *nd = &g->nodes[src];
  GROW_IN_ARENA (g, nd->copies, nd->n_copies, nd->cap_copies);
  nd->copies[nd->n_copies++] = (struct edge) { dst, step };
  for (int i = 0; i < g->nodes[src].n_members; i++)
    add_member (g, dst, g->nodes[src].members[i].obj, step, src);
}

static void
push_edge (struct esc_graph *g, struct edge **arr, int *n, int *cap,
	   esc_node other, int step)
{
  GROW_IN_ARENA (g, *arr, *n, *cap);
  (*arr)[(*n)++] = (struct edge) { other, step };
}

/* The reason an object stored into an object of KIND escapes with.  */
static enum esc_reason
sink_reason (enum esc_obj_kind kind)
{
  switch (kind)
    {
    case ESC_OBJ_GLOBAL:
      return ESC_STORED_GLOBAL;
    case ESC_OBJ_UNKNOWN:
    case ESC_OBJ_PARAM:
    case ESC_OBJ_PARAM_DEEP:
      return ESC_STORED_MEMORY;
    case ESC_OBJ_RETURN_SLOT:
      return ESC_RETURNED;
    default:
      return ESC_NO_ESCAPE;
    }
}

struct esc_graph *
esc_graph_create (void)
{
  struct esc_graph *g = calloc (1, sizeof *g);
  if (!g)
    {
      fputs ("escape: out of memory\n", stderr);
      abort ();
    }
  g->unknown = esc_new_object (g, ESC_OBJ_UNKNOWN);
  g->global = esc_new_object (g, ESC_OBJ_GLOBAL);
  g->unknown_value = esc_new_value (g);
  add_member (g, g->unknown_value, g->unknown, -1, -1);
  add_member (g, g->objects[g->unknown].contents, g->unknown, -1, -1);
  struct cause none = { -1, -1, -1 };
  escape_object (g, g->unknown, ESC_STORED_MEMORY, none);
  escape_object (g, g->global, ESC_STORED_GLOBAL, none);
  return g;
}

void
esc_graph_destroy (struct esc_graph *g)
{
  if (!g)
    return;
  arena_free (&g->arena);
  free (g->nodes);
  free (g->objects);
  free (g->table.keys);
  free (g->table.values);
  free (g->worklist);
  free (g->pending);
  free (g);
}

static esc_node
new_node (struct esc_graph *g)
{
  GROW (g->nodes, g->n_nodes, g->cap_nodes);
  memset (&g->nodes[g->n_nodes], 0, sizeof g->nodes[0]);
  g->nodes[g->n_nodes].offset = -1;
  return g->n_nodes++;
}

esc_node
esc_new_value (struct esc_graph *g)
{
  esc_node n = new_node (g);
  esc_node offset = new_node (g);
  g->nodes[n].offset = offset;
  return n;
}

esc_node
esc_offset (const struct esc_graph *g, esc_node n)
{
  return g->nodes[n].offset;
}

esc_obj
esc_new_object (struct esc_graph *g, enum esc_obj_kind kind)
{
  esc_node contents = esc_new_value (g);
  GROW (g->objects, g->n_objects, g->cap_objects);
  struct object *o = &g->objects[g->n_objects];
  memset (o, 0, sizeof *o);
  o->kind = kind;
  o->contents = contents;
  return g->n_objects++;
}

esc_node
esc_contents (const struct esc_graph *g, esc_obj obj)
{
  return g->objects[obj].contents;
}

enum esc_obj_kind
esc_object_kind (const struct esc_graph *g, esc_obj obj)
{
  return g->objects[obj].kind;
}

size_t
esc_object_count (const struct esc_graph *g)
{
  return (size_t) g->n_objects;
}

esc_obj
esc_unknown_object (const struct esc_graph *g)
{
  return g->unknown;
}

esc_obj
esc_global_object (const struct esc_graph *g)
{
  return g->global;
}

esc_node
esc_unknown_value (struct esc_graph *g)
{
  return g->unknown_value;
}

void
esc_add_address (struct esc_graph *g, esc_node dst, esc_obj obj, int step)
{
  add_member (g, dst, obj, step, -1);
}

void
esc_add_copy (struct esc_graph *g, esc_node dst, esc_node src, int step)
{
  attach_copy (g, src, dst, step);
}

/* Which bytes are read depends on where PTR points.  */
void
esc_add_load (struct esc_graph *g, esc_node dst, esc_node ptr, int step)
{
  struct node *nd = &g->nodes[ptr];
  push_edge (g, &nd->loads, &nd->n_loads, &nd->cap_loads, dst, step);
  enqueue (g, ptr);
  esc_node from = g->nodes[ptr].offset, to = g->nodes[dst].offset;
  if (from >= 0)
    attach_copy (g, from, to >= 0 ? to : dst, step);
}

void
esc_add_store (struct esc_graph *g, esc_node ptr, esc_node src, int step)
{
  struct node *nd = &g->nodes[ptr];
  push_edge (g, &nd->stores, &nd->n_stores, &nd->cap_stores, src, step);
  enqueue (g, ptr);
}

void
esc_add_sink (struct esc_graph *g, esc_node val, enum esc_reason reason,
	      int step)
{
  attach_sink (g, val, reason, step, -1);
}

esc_node
esc_reachable (struct esc_graph *g, esc_node src, int step)
{
  esc_node r = esc_new_value (g);
  esc_add_load (g, r, src, step);
  esc_add_load (g, r, r, step);
  return r;
}

/* Push member I of node N along N's edges.  */
static void
propagate_member (struct esc_graph *g, esc_node n, int i)
{
  esc_obj obj = g->nodes[n].members[i].obj;
  esc_node contents = g->objects[obj].contents;
  for (int k = 0; k < g->nodes[n].n_copies; k++)
    add_member (g, g->nodes[n].copies[k].other, obj,
		g->nodes[n].copies[k].step, n);
  for (int k = 0; k < g->nodes[n].n_loads; k++)
    attach_copy (g, contents, g->nodes[n].loads[k].other,
		 g->nodes[n].loads[k].step);
  for (int k = 0; k < g->nodes[n].n_stores; k++)
    {
      /* Which bytes are written depends on where N points, so the
	 object's contents depend on that too.  */
      struct edge st = g->nodes[n].stores[k];
      esc_node where = g->nodes[n].offset;
      g->objects[obj].written = true;
      attach_copy (g, st.other, contents, st.step);
      if (where >= 0)
	attach_copy (g, where, g->nodes[contents].offset, st.step);
      enum esc_reason reason = sink_reason (g->objects[obj].kind);
      if (reason != ESC_NO_ESCAPE)
	{
	  attach_sink (g, st.other, reason, st.step, -1);
	  if (where >= 0)
	    attach_sink (g, where, reason, st.step, -1);
	}
    }
  for (int k = 0; k < g->nodes[n].n_sinks; k++)
    {
      struct sink s = g->nodes[n].sinks[k];
      escape_object (g, obj, s.reason, (struct cause) { n, s.step,
							  s.container });
    }
}

/* What follows from OBJ escaping with REASON.  */
static void
apply_escape (struct esc_graph *g, struct pending_escape e)
{
  esc_reason_set bit = ESC_REASON_BIT (e.reason);
  esc_node contents = g->objects[e.obj].contents;
  if (bit & ESC_REACHING_REASONS)
    attach_sink (g, contents, e.reason, -1, e.obj);
  if (bit & ESC_ESCAPE_REASONS)
    add_member (g, contents, g->unknown, -1, -1);
}

void
esc_solve (struct esc_graph *g)
{
  while (g->n_work || g->n_pending)
    {
      if (g->n_pending)
	{
	  apply_escape (g, g->pending[--g->n_pending]);
	  continue;
	}
      esc_node n = g->worklist[--g->n_work];
      g->nodes[n].queued = false;
      while (g->nodes[n].done < g->nodes[n].n_members)
	propagate_member (g, n, g->nodes[n].done++);
    }
}

esc_reason_set
esc_object_reasons (const struct esc_graph *g, esc_obj obj)
{
  return g->objects[obj].reasons;
}

bool
esc_object_written_p (const struct esc_graph *g, esc_obj obj)
{
  return g->objects[obj].written;
}

bool
esc_points_to_p (const struct esc_graph *g, esc_node node, esc_obj obj)
{
  return find_member (g, node, obj) != NULL;
}

size_t
esc_points_to_size (const struct esc_graph *g, esc_node node)
{
  return (size_t) g->nodes[node].n_members;
}

esc_obj
esc_points_to_nth (const struct esc_graph *g, esc_node node, size_t i)
{
  return g->nodes[node].members[i].obj;
}

esc_obj *
esc_containers (const struct esc_graph *g)
{
  esc_obj *container = esc_xrealloc (NULL, ((size_t) g->n_objects + 1)
					   * sizeof *container);
  for (esc_obj o = 0; o < g->n_objects; o++)
    container[o] = -1;
  for (esc_obj o = 0; o < g->n_objects; o++)
    {
      esc_node c = g->objects[o].contents;
      const struct node *held[2] = { &g->nodes[c],
				     &g->nodes[g->nodes[c].offset] };
      for (int h = 0; h < 2; h++)
	for (int i = 0; i < held[h]->n_members; i++)
	  container[held[h]->members[i].obj] = o;
    }
  return container;
}

size_t
esc_object_containers (const struct esc_graph *g, esc_obj obj, esc_obj *out,
		       size_t max)
{
  size_t n = 0;
  for (esc_obj o = 0; o < g->n_objects; o++)
    {
      esc_node c = g->objects[o].contents;
      if (find_member (g, c, obj) || find_member (g, g->nodes[c].offset, obj))
	{
	  if (n < max)
	    out[n] = o;
	  n++;
	}
    }
  return n;
}

/* Append STEP to STEPS unless it is a seed or STEPS is full.  */
static size_t
push_step (int *steps, size_t count, size_t max, int step)
{
  if (step >= 0 && count < max)
    steps[count++] = step;
  return count;
}

/* Append to STEPS, last step first, the steps that brought OBJ into N.  */
static size_t
explain_member (const struct esc_graph *g, esc_node n, esc_obj obj,
		int *steps, size_t count, size_t max)
{
  const struct member *m = find_member (g, n, obj);
  while (m && count < max)
    {
      count = push_step (steps, count, max, m->step);
      m = m->from >= 0 ? find_member (g, m->from, obj) : NULL;
    }
  return count;
}

static void
reverse_steps (int *steps, size_t from, size_t to)
{
  for (; from + 1 < to; from++, to--)
    {
      int t = steps[from];
      steps[from] = steps[to - 1];
      steps[to - 1] = t;
    }
}

size_t
esc_explain (const struct esc_graph *g, esc_obj obj, enum esc_reason reason,
	     int *steps, size_t max)
{
  size_t count = 0;
  /* One segment per object on the way: how OBJ got into the container
     that escaped, then how that container escaped, and so on.  Each
     segment is collected backwards and then turned around.  */
  while (obj >= 0 && (g->objects[obj].reasons & ESC_REASON_BIT (reason))
	 && count < max)
    {
      struct cause c = g->objects[obj].causes[reason];
      size_t start = count;
      if (c.container >= 0)
	{
	  esc_node held = g->objects[c.container].contents;
	  if (!find_member (g, held, obj))
	    held = g->nodes[held].offset;
	  count = explain_member (g, held, obj, steps, count, max);
	}
      else
	{
	  count = push_step (steps, count, max, c.step);
	  if (c.node >= 0)
	    count = explain_member (g, c.node, obj, steps, count, max);
	}
      reverse_steps (steps, start, count);
      obj = c.container;
    }
  return count;
}
