/* The state the stages of the escape pass share while they work on one
   function, and the entry points by which the driver (escape-pass.cc)
   runs them in order:

     escape-graph.cc    GIMPLE expressions and statements to the graph
     escape-calls.cc    calls to the graph: allocators, free, builtins,
			callee summaries, thread starts
     escape-library.cc  the printf family and the library table
     escape-checks.cc   what the graph cannot see: size bounds, object-size
			queries, loops, recursion, setjmp, the frame
			budget; the decisions
     escape-report.cc   dump lines, remarks, flows and JSON records
     escape-rewrite.cc  local arrays, zeroing, array indexing, frees to
			clobbers
     escape-small.cc    the stack-if-small fast path: its checks, the
			slot taken when the size fits, guarded frees

   Include gcc-common.h and the core's headers first.  */

#ifndef ESCAPE_FN_H
#define ESCAPE_FN_H

/* One allocation site.  */
struct site_info
{
  gcall *call;
  const char *callee;
  /* Bytes of the stack slot: the constant size or its bound.  */
  unsigned HOST_WIDE_INT bytes;
  /* The size as far as it is known, for the JSON report: -1 when not.  */
  long long known_bytes;
  bool bytes_is_bound;
  unsigned HOST_WIDE_INT align_bits;
  /* Why the size, alignment or position keeps the heap.  */
  char *front_detail;
};

/* One flow step: the statement a constraint came from.  */
struct step_info
{
  gimple *stmt;
};

/* The analysis state of one function.  */
struct escape_fn
{
  function *fun;
  /* The late instance, after IPA inlining (escape-late.cc): it only adds
     moves, and reports only those.  */
  bool late = false;
  struct esc_graph *g;
  auto_vec<esc_node> ssa_nodes;
  hash_map<tree, int> decl_objects;
  auto_vec<esc_node> object_addresses;
  auto_vec<step_info> steps;
  auto_vec<site_info> sites;
  auto_vec<esc_site> site_decisions;
  /* By site: the front offered the slot of small-size bytes; once
     decided, the site is stack-if-small (esc_decide_limits).  */
  auto_vec<bool> site_small;
  auto_vec<gcall *> free_calls;
  auto_vec<esc_node> free_nodes;
  /* Values whose objects GCC's object-size pass may be asked the size
     of, and the steps that ask: the pointer of __builtin_object_size or
     __builtin_dynamic_object_size, which _FORTIFY_SOURCE asks of every
     buffer written, and the arguments of calls to functions with a body
     in the unit that may ask it of their parameters, for when they are
     inlined.  */
  auto_vec<esc_node> size_query_nodes;
  auto_vec<int> size_query_steps;
  /* The values of the function's return statements.  */
  auto_vec<esc_node> returned_values;
  auto_vec<esc_free_decision> free_decisions;
  /* The frees that may free each object, by index into FREE_CALLS.  */
  struct esc_free_index frees_by_object = { NULL, NULL };
  /* One container of each object, or -1 (esc_containers).  */
  esc_obj *containers = NULL;
  auto_vec<esc_obj> param_direct;
  auto_vec<esc_obj> param_deep;
  hash_map<tree, int> param_index;
  esc_obj return_slot;
  /* Set when the function holds an operand the analysis cannot follow;
     every site then stays on the heap.  */
  const char *unsupported = NULL;
  /* By block index: the objects its phis may hold (block_phi_objects).  */
  auto_vec<bitmap> block_phi_objects;
  /* Whether the CFG has a cycle that is no natural loop, or -1 before
     the first site's loop check asks; then the cycle of each block, by
     index (esc_cycles).  */
  int irreducible = -1;
  int *block_cycles = NULL;
  /* Whether this pass enabled a ranger, which only sizes that are not
     constant need.  */
  bool ranger = false;

  ~escape_fn ()
  {
    esc_free_index_release (&frees_by_object);
    for (bitmap objects : block_phi_objects)
      if (objects)
	BITMAP_FREE (objects);
    free (block_cycles);
  }
};

/* Summaries of the functions analysed so far, by DECL_UID
   (escape-pass.cc).  */
extern struct esc_summaries *summaries;

/* escape-graph.cc */
int new_step (escape_fn *ef, gimple *stmt);
esc_node ssa_node (escape_fn *ef, tree name);
esc_node value_of (escape_fn *ef, tree op);
esc_node rvalue_of (escape_fn *ef, tree op, int step);
esc_node as_number (escape_fn *ef, esc_node src, int step);
void assign_to (escape_fn *ef, tree lhs, esc_node src, int step);
void build_graph (escape_fn *ef);

/* escape-callgraph.cc: whether a call to TARGET may run another body.  */
bool body_may_be_replaced_p (cgraph_node *target, enum availability avail);

/* escape-calls.cc */
bool string_copy_p (gcall *call);
void analyze_call (escape_fn *ef, gcall *call);
const struct esc_summary *summary_of (tree fndecl);

/* escape-library.cc */
/* How a builtin of the printf and puts families takes its arguments:
   the format's position, whether a va_list follows it, the position of
   the text it writes out without a format, and of the buffer it
   writes into; -1 where there is none.  GCC gives them no fnspec.  */
struct output_builtin
{
  int format;
  bool va_list;
  int text;
  int buffer;
};
bool output_builtin (gcall *call, struct output_builtin *out);
esc_node analyze_output_call (escape_fn *ef, gcall *call,
			      const struct output_builtin *o, esc_node made,
			      int step);
/* The name of the asprintf-like allocator CALL calls, or NULL: a
   function of glibc's headers that formats into a new object and stores
   its address through its first argument.  *OUT then describes the
   formatting.  */
const char *formatted_allocator (gcall *call, struct output_builtin *out);
bool formatted_allocator_p (tree fndecl);
const char *formatted_twice_refusal (gcall *call,
				     const struct output_builtin *o);
const struct esc_libc_function *library_function (gcall *call);
esc_node analyze_library_call (escape_fn *ef, gcall *call,
			       const struct esc_libc_function *f, int step);

/* escape-checks.cc */
int size_query_step (escape_fn *ef, esc_obj obj);
void decide (escape_fn *ef);

/* escape-stack.cc: recurring frames, chains of calls, frame flags and
   inlining, for the function being decided between stack_begin and
   stack_end.  */
void stack_begin (escape_fn *ef);
unsigned HOST_WIDE_INT stack_site_cost (const site_info *site);
char *stack_recursion_refuses (const site_info *site, bool size_known);
char *stack_tail_call_refuses (const site_info *site, bool small);
size_t stack_limits (struct esc_limit *limits);
char *stack_refusal_detail (enum esc_reason reason, unsigned long long bytes);
unsigned HOST_WIDE_INT stack_recursion_allowance (void);
void stack_end (escape_fn *ef);

/* escape-late.cc */
bool late_unit_ready_p (void);

/* escape-report.cc */
/* Where STMT is in the function's own source: a statement inlined from
   another function (a _FORTIFY_SOURCE wrapper) is at its call.  */
location_t source_location (gimple *stmt);
void report (escape_fn *ef);

/* escape-rewrite.cc */
bool rewrite (escape_fn *ef);
bool certainly_site_p (tree ptr, tree lhs, hash_set<tree> *visited);
tree new_slot (unsigned HOST_WIDE_INT bytes, unsigned HOST_WIDE_INT align_bits);
gcall *build_unpoison (tree slot);
void insert_poison (gimple_seq *seq, tree slot, tree addr, tree size);
void end_life_at_latch (basic_block bb, tree slot, bool poisoned);

/* escape-small.cc */
bool offer_small_slot (site_info *site, const char *checks);
char *small_detail (const site_info *site, char *freed);
tree rewrite_small_site (site_info *site);
void guard_free (gcall *call, const vec<tree> &slots);

#endif
