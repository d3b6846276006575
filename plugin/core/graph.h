/* The escape graph of one function and its solver.

   Nodes hold sets of abstract objects ("points-to" sets): a node is either
   a value (an SSA name, or a temporary made by the front) or the contents
   of an object.  Objects are the function's allocation sites, its local
   variables, what its parameters point to, and a few summary objects for
   memory the function cannot see.

   Constraints are those of an inclusion-based (Andersen) analysis, each
   tagged with an opaque "step" number that the front maps back to a
   statement, so every fact the solver derives can be explained:

     address   dst ⊇ {obj}          p = &x, p = malloc (...)
     copy      dst ⊇ src            p = q, p = q + 4, phis
     load      dst ⊇ *ptr           p = *q
     store     *ptr ⊇ src           *p = q
     sink      everything in val escapes with a reason

   A pointer is more than the objects it points into: where it points
   inside them is a number that may be made of other addresses (s + k,
   with k computed from an address), and strlen, strchr or a store
   through it give that number back.  So every value node has an offset
   node beside it, holding the objects its offset depends on.  A copy
   carries both; a load or a store through a pointer adds the pointer's
   offset to what is read, or to the offset of the object's contents
   (which bytes are written tells where); a sink takes both.  A value
   copied into an offset node goes whole: what a number is made of
   decides the offset it is added to.  The front keeps numbers whole on
   both sides, so a number turned back into a pointer or reused as an
   offset still carries everything.

   An object stored into a sink object (globals, unknown memory, what a
   parameter points to, the return slot) escapes; an escaped object makes
   everything stored in it escape too, and its contents may afterwards
   point anywhere.  The solver is a worklist over node deltas, so each
   (node, object) pair is propagated once.  */

#ifndef ESCAPE_GRAPH_H
#define ESCAPE_GRAPH_H

#include <stdbool.h>
#include <stddef.h>
#include "reason.h"

typedef int esc_node;
typedef int esc_obj;

enum esc_obj_kind
{
  ESC_OBJ_ALLOC,	/* an allocation site of this function */
  ESC_OBJ_LOCAL,	/* storage of a local variable */
  ESC_OBJ_PARAM,	/* what a parameter points to */
  ESC_OBJ_PARAM_DEEP,	/* what is reached from a parameter by further loads */
  ESC_OBJ_RETURN_SLOT,	/* an aggregate return value */
  ESC_OBJ_GLOBAL,	/* global, static and thread-local storage */
  ESC_OBJ_UNKNOWN	/* memory this function cannot see */
};

struct esc_graph;

struct esc_graph *esc_graph_create (void);
void esc_graph_destroy (struct esc_graph *g);

esc_node esc_new_value (struct esc_graph *g);
esc_obj esc_new_object (struct esc_graph *g, enum esc_obj_kind kind);
esc_node esc_contents (const struct esc_graph *g, esc_obj obj);
enum esc_obj_kind esc_object_kind (const struct esc_graph *g, esc_obj obj);
size_t esc_object_count (const struct esc_graph *g);
esc_obj esc_unknown_object (const struct esc_graph *g);
esc_obj esc_global_object (const struct esc_graph *g);

/* The offset node of value node N: the objects where N points inside
   its objects depends on.  -1 when N is an offset node itself.  */
esc_node esc_offset (const struct esc_graph *g, esc_node n);

/* A value node holding only the unknown object.  */
esc_node esc_unknown_value (struct esc_graph *g);

void esc_add_address (struct esc_graph *g, esc_node dst, esc_obj obj, int step);
void esc_add_copy (struct esc_graph *g, esc_node dst, esc_node src, int step);
void esc_add_load (struct esc_graph *g, esc_node dst, esc_node ptr, int step);
void esc_add_store (struct esc_graph *g, esc_node ptr, esc_node src, int step);
void esc_add_sink (struct esc_graph *g, esc_node val, enum esc_reason reason,
		   int step);

/* A new node holding every object reached from the objects in SRC by one
   or more loads.  */
esc_node esc_reachable (struct esc_graph *g, esc_node src, int step);

void esc_solve (struct esc_graph *g);

/* Queries, valid after esc_solve.  */
esc_reason_set esc_object_reasons (const struct esc_graph *g, esc_obj obj);
bool esc_object_written_p (const struct esc_graph *g, esc_obj obj);
bool esc_points_to_p (const struct esc_graph *g, esc_node node, esc_obj obj);
size_t esc_points_to_size (const struct esc_graph *g, esc_node node);
esc_obj esc_points_to_nth (const struct esc_graph *g, esc_node node, size_t i);
/* For every object, one object whose contents may hold it or its
   address's bits (in the contents' offset), or -1: an
   array of esc_object_count entries that the caller frees.  */
esc_obj *esc_containers (const struct esc_graph *g);
/* Every object whose contents may hold OBJ or its address's bits: the
   first MAX of them into OUT.  Returns how many there are.  */
size_t esc_object_containers (const struct esc_graph *g, esc_obj obj,
			      esc_obj *out, size_t max);

/* The steps that make OBJ fail with REASON, first step first: how its
   address flowed from its allocation to the place that forced the heap.
   Writes at most MAX steps to STEPS and returns how many there are.  */
size_t esc_explain (const struct esc_graph *g, esc_obj obj,
		    enum esc_reason reason, int *steps, size_t max);

#endif
