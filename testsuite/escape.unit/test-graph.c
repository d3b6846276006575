/* Unit tests of the escape graph and its solver.  */

#include <dejagnu.h>
#include <stdbool.h>
#include <stdlib.h>

#include "graph.h"

static void
check (bool ok, const char *what)
{
  if (ok)
    pass (what);
  else
    fail (what);
}

/* p = malloc; q = p + 4; r = phi (q, 0): r may point to the site, and
   nothing escapes.  */
static void
copies (void)
{
  struct esc_graph *g = esc_graph_create ();
  esc_obj site = esc_new_object (g, ESC_OBJ_ALLOC);
  esc_node p = esc_new_value (g), q = esc_new_value (g), r = esc_new_value (g);
  esc_add_address (g, p, site, 0);
  esc_add_copy (g, q, p, 1);
  esc_add_copy (g, r, q, 2);
  esc_solve (g);
  check (esc_points_to_p (g, r, site), "copies: the site reaches r");
  check (esc_points_to_size (g, r) == 1, "copies: r points to one object");
  check (esc_object_reasons (g, site) == 0, "copies: nothing escapes");
  esc_graph_destroy (g);
}

/* A pointer stored in a local struct and loaded back stays local; when
   the struct's address is stored in a global, the pointer escapes with
   it, and the explanation runs from the allocation to the global store.  */
static void
containers (void)
{
  struct esc_graph *g = esc_graph_create ();
  esc_obj site = esc_new_object (g, ESC_OBJ_ALLOC);
  esc_obj local = esc_new_object (g, ESC_OBJ_LOCAL);
  esc_node p = esc_new_value (g), addr = esc_new_value (g);
  esc_node loaded = esc_new_value (g);
  esc_node global_addr = esc_new_value (g);
  esc_add_address (g, p, site, 10);
  esc_add_address (g, addr, local, -1);
  esc_add_store (g, addr, p, 11);	/* local.f = p */
  esc_add_load (g, loaded, addr, 12);	/* x = local.f */
  esc_add_address (g, global_addr, esc_global_object (g), -1);
  esc_solve (g);
  check (esc_points_to_p (g, loaded, site),
	 "containers: a load from the struct gives the site");
  check (esc_object_reasons (g, site) == 0,
	 "containers: a local struct keeps the site local");
  esc_graph_destroy (g);

  g = esc_graph_create ();
  site = esc_new_object (g, ESC_OBJ_ALLOC);
  local = esc_new_object (g, ESC_OBJ_LOCAL);
  p = esc_new_value (g);
  addr = esc_new_value (g);
  global_addr = esc_new_value (g);
  esc_add_address (g, p, site, 10);
  esc_add_address (g, addr, local, 13);
  esc_add_store (g, addr, p, 11);		/* local.f = p */
  esc_add_address (g, global_addr, esc_global_object (g), -1);
  esc_add_store (g, global_addr, addr, 14);	/* g = &local */
  esc_solve (g);
  check (esc_object_reasons (g, site)
	 == ESC_REASON_BIT (ESC_STORED_GLOBAL),
	 "containers: the site escapes with the struct");
  int steps[8];
  size_t n = esc_explain (g, site, ESC_STORED_GLOBAL, steps, 8);
  check (n == 4 && steps[0] == 10 && steps[1] == 11 && steps[2] == 13
	 && steps[3] == 14,
	 "containers: the flow goes allocation, store, address, global");
  esc_obj *containers = esc_containers (g);
  check (containers[site] == local && containers[local] == esc_global_object (g),
	 "containers: the struct holds the site, the global the struct");
  free (containers);
  esc_graph_destroy (g);
}

/* An escaped object may hold anything afterwards: a store through a
   pointer loaded from it reaches unknown memory.  */
static void
escaped_contents (void)
{
  struct esc_graph *g = esc_graph_create ();
  esc_obj shared = esc_new_object (g, ESC_OBJ_ALLOC);
  esc_obj site = esc_new_object (g, ESC_OBJ_ALLOC);
  esc_node s = esc_new_value (g), p = esc_new_value (g);
  esc_node inner = esc_new_value (g);
  esc_add_address (g, s, shared, 0);
  esc_add_address (g, p, site, 1);
  esc_add_sink (g, s, ESC_PASSED_TO_CALL, 2);	/* unknown (s) */
  esc_add_load (g, inner, s, 3);		/* inner = s->next */
  esc_add_store (g, inner, p, 4);		/* inner->data = p */
  esc_solve (g);
  check (esc_object_reasons (g, site)
	 & ESC_REASON_BIT (ESC_STORED_MEMORY),
	 "escaped contents: storing into them escapes");
  esc_graph_destroy (g);
}

/* The closure node of esc_reachable follows chains of any length.  */
static void
reachable (void)
{
  struct esc_graph *g = esc_graph_create ();
  esc_obj a = esc_new_object (g, ESC_OBJ_LOCAL);
  esc_obj b = esc_new_object (g, ESC_OBJ_LOCAL);
  esc_obj c = esc_new_object (g, ESC_OBJ_ALLOC);
  esc_node pa = esc_new_value (g), pb = esc_new_value (g);
  esc_node pc = esc_new_value (g);
  esc_add_address (g, pa, a, 0);
  esc_add_address (g, pb, b, 0);
  esc_add_address (g, pc, c, 0);
  esc_add_store (g, pa, pb, 1);
  esc_add_store (g, pb, pc, 2);
  esc_node deep = esc_reachable (g, pa, 3);
  esc_add_sink (g, deep, ESC_PASSED_TO_CALL, 4);
  esc_solve (g);
  check (esc_points_to_p (g, deep, c) && !esc_points_to_p (g, deep, a),
	 "reachable: two loads deep, not the start");
  check (esc_object_reasons (g, c) & ESC_REASON_BIT (ESC_PASSED_TO_CALL),
	 "reachable: a deep sink reaches the end of the chain");
  check (!(esc_object_reasons (g, a) & ESC_REASON_BIT (ESC_PASSED_TO_CALL)),
	 "reachable: a deep sink leaves the start alone");
  esc_graph_destroy (g);
}

/* A chain of 100000 objects each stored in the next, the last one
   escaping, must not recurse once per link.  */
static void
long_chain (void)
{
  enum { N = 100000 };
  struct esc_graph *g = esc_graph_create ();
  esc_node prev = -1;
  esc_obj first = -1;
  for (int i = 0; i < N; i++)
    {
      esc_obj o = esc_new_object (g, ESC_OBJ_ALLOC);
      esc_node v = esc_new_value (g);
      esc_add_address (g, v, o, i);
      if (prev >= 0)
	esc_add_store (g, v, prev, i);
      else
	first = o;
      prev = v;
    }
  esc_add_sink (g, prev, ESC_RETURNED, N);
  esc_solve (g);
  check (esc_object_reasons (g, first) & ESC_REASON_BIT (ESC_RETURNED),
	 "long chain: the first object is returned through the last");
  esc_graph_destroy (g);
}

/* Parameters: a store into what a parameter points to escapes, a load
   from it gives the deeper object.  */
static void
parameters (void)
{
  struct esc_graph *g = esc_graph_create ();
  esc_obj param = esc_new_object (g, ESC_OBJ_PARAM);
  esc_obj deep = esc_new_object (g, ESC_OBJ_PARAM_DEEP);
  esc_add_address (g, esc_contents (g, param), deep, -1);
  esc_obj site = esc_new_object (g, ESC_OBJ_ALLOC);
  esc_node arg = esc_new_value (g), p = esc_new_value (g);
  esc_node loaded = esc_new_value (g);
  esc_add_address (g, arg, param, -1);
  esc_add_address (g, p, site, 0);
  esc_add_load (g, loaded, arg, 1);
  esc_add_store (g, arg, p, 2);
  esc_solve (g);
  check (esc_points_to_p (g, loaded, deep),
	 "parameters: a load gives the deeper object");
  check (esc_object_reasons (g, site) == ESC_REASON_BIT (ESC_STORED_MEMORY),
	 "parameters: storing through one escapes");
  check (esc_object_reasons (g, deep) == 0,
	 "parameters: the deeper object does not escape by the store");
  check (esc_object_written_p (g, param), "parameters: the target is written");
  esc_graph_destroy (g);
}

/* Where a pointer points, as opposed to what it points into: q = buf + k
   with k made of x's address points into buf only, but a store through
   it tells x's address by where it lands, a load through it by what it
   finds, and a global store or a return takes both.  */
static void
offsets (void)
{
  struct esc_graph *g = esc_graph_create ();
  esc_obj x = esc_new_object (g, ESC_OBJ_ALLOC);
  esc_obj buf = esc_new_object (g, ESC_OBJ_LOCAL);
  esc_node k = esc_new_value (g), q = esc_new_value (g);
  esc_node r = esc_new_value (g), mark = esc_new_value (g);
  esc_add_address (g, k, x, 0);
  esc_add_address (g, q, buf, 1);
  esc_add_copy (g, esc_offset (g, q), k, 2);	/* q = buf + k */
  esc_add_copy (g, r, q, 3);			/* r = q */
  esc_add_store (g, r, mark, 4);		/* *r = 0 */
  esc_solve (g);
  check (!esc_points_to_p (g, r, x), "offsets: r does not point to x");
  check (esc_points_to_p (g, esc_offset (g, r), x),
	 "offsets: a copy keeps the offset");
  check (esc_points_to_p (g, esc_offset (g, esc_contents (g, buf)), x),
	 "offsets: a store through r marks buf's contents");
  check (esc_object_reasons (g, x) == 0, "offsets: nothing escapes yet");
  esc_graph_destroy (g);

  g = esc_graph_create ();
  x = esc_new_object (g, ESC_OBJ_ALLOC);
  buf = esc_new_object (g, ESC_OBJ_LOCAL);
  k = esc_new_value (g), q = esc_new_value (g);
  esc_node read = esc_new_value (g), number = esc_new_value (g);
  esc_add_address (g, k, x, 0);
  esc_add_address (g, q, buf, 1);
  esc_add_copy (g, esc_offset (g, q), k, 2);	/* q = buf + k */
  esc_add_load (g, read, q, 3);			/* c = *q */
  esc_add_copy (g, number, esc_offset (g, read), 4);
  esc_add_sink (g, number, ESC_RETURNED, 5);	/* return c */
  esc_solve (g);
  check (esc_object_reasons (g, x) == ESC_REASON_BIT (ESC_RETURNED),
	 "offsets: what a load finds depends on where it reads");
  esc_graph_destroy (g);

  g = esc_graph_create ();
  x = esc_new_object (g, ESC_OBJ_ALLOC);
  buf = esc_new_object (g, ESC_OBJ_LOCAL);
  k = esc_new_value (g), q = esc_new_value (g);
  esc_node global = esc_new_value (g);
  esc_add_address (g, k, x, 0);
  esc_add_address (g, q, buf, 1);
  esc_add_copy (g, esc_offset (g, q), k, 2);
  esc_add_address (g, global, esc_global_object (g), 3);
  esc_add_store (g, global, q, 4);		/* g = q */
  esc_solve (g);
  check (esc_object_reasons (g, x) == ESC_REASON_BIT (ESC_STORED_GLOBAL),
	 "offsets: a pointer stored globally takes its offset along");
  check (esc_object_reasons (g, buf) == ESC_REASON_BIT (ESC_STORED_GLOBAL),
	 "offsets: and its object");
  esc_graph_destroy (g);
}

int
main (void)
{
  copies ();
  containers ();
  escaped_contents ();
  reachable ();
  long_chain ();
  parameters ();
  offsets ();
  totals ();
  return 0;
}
