/* The state the stack rules share: the unit's call graph with the labels
   of its calls (escape-callgraph.cc), the stack decisions of the function
   being decided (escape-stack.cc), and the control of inlining
   (escape-inline.cc).  Include gcc-common.h, the core's headers and
   escape-fn.h first.  */

#ifndef ESCAPE_STACK_STATE_H
#define ESCAPE_STACK_STATE_H


/* How a call reaches its target, for the way back into a cycle.  */
enum call_kind
{
  CALL_DIRECT,
  CALL_SELF,
  CALL_INDIRECT,
  CALL_EXTERN,
  CALL_REPLACEABLE
};

struct call_label
{
  enum call_kind kind;
  char *callee;
  char *where;
};

typedef int_hash<int, -1, -2> uid_hash;

/* A call the guard judged.  The statement's address is the key; the
   caller and callee tell a statement that took the place of a freed one
   from the one judged.  */
struct judged_call
{
  int caller_uid, callee_uid;
  bool blocked;
};

/* What the pass knows of the unit.  */
struct unit_stack
{
  struct esc_cg *cg;
  hash_map<uid_hash, int> node_of;
  auto_vec<call_label> labels;
  /* Bytes moved in the whole unit so far: nothing to guard without.  */
  unsigned long long moved;
  /* Calls the guard already judged, and whether it refused to inline
     them: a block is set again after each rebuild of the edges, and a
     call is reserved once.  */
  hash_map<gimple *, judged_call> judged;

  unit_stack () : cg (esc_cg_create ()), moved (0) {}
  ~unit_stack ()
  {
    esc_cg_destroy (cg);
    for (call_label &l : labels)
      {
	free (l.callee);
	free (l.where);
      }
  }
};


extern unit_stack *unit;

/* escape-callgraph.cc */
char *where_text (location_t loc);
const char *decl_name (tree decl);
int node_for (tree decl);
int known_node (tree decl);
bool leaf_callee_p (tree fndecl, int flags);
int call_target (gcall *call, enum call_kind *kind, tree *callee,
		 bool *also_out);
void scan_calls (tree decl);
bool called_from_outside_p (cgraph_node *node);
void build_unit (void);
void ensure_unit (void);
bool always_inline_p (cgraph_node *node);
void collect_hosts (cgraph_node *node, auto_vec<int> *hosts,
		    hash_set<cgraph_node *> *visited);
char *recursion_of (cgraph_node *node);

/* escape-stack.cc */
bool frame_flags_p (void);
unsigned long long frame_slots (function *fn);
void keep_out_of_unknown_frames (cgraph_node *node);

/* escape-late.cc */
void note_moved_bytes (tree decl, unsigned long long bytes);

#endif
