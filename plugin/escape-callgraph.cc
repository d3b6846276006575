/* Stack safety: the call graph of the unit, and the ways back into a
   cycle of it.

   The unit's call graph (plugin/core/stack.h) has a node for the outside:
   indirect calls and calls to functions outside the unit that are not
   `leaf' go there, and from there any function that is externally
   visible or whose address is taken may be called back.  It is built
   from every body at the first use, extended with each function's calls
   when the pass reaches it (early passes turn indirect calls into direct
   ones, which the outside node already covered), and rebuilt from the
   final early IR by the IPA pass below.  */

#include "gcc-common.h"
#include "ipa-utils.h"
#include "langhooks.h"
#include "escape.h"

extern "C" {
#include "graph.h"
#include "policy.h"
#include "report.h"
#include "stack.h"
}

#include "escape-fn.h"
#include "escape-stack.h"

unit_stack *unit;

char *
where_text (location_t loc)
{
  expanded_location x = expand_location (loc);
  return xasprintf ("%s:%d:%d", x.file ? lbasename (x.file) : "<unknown>",
		    x.line, x.column);
}

const char *
decl_name (tree decl)
{
  return DECL_NAME (decl) ? IDENTIFIER_POINTER (DECL_NAME (decl)) : "?";
}

int
node_for (tree decl)
{
  bool existed;
  int &n = unit->node_of.get_or_insert (DECL_UID (decl), &existed);
  if (!existed)
    n = esc_cg_add_node (unit->cg);
  return n;
}

int
known_node (tree decl)
{
  int *n = unit->node_of.get (DECL_UID (decl));
  return n ? *n : -1;
}

static void
add_call (int from, int to, enum call_kind kind, tree callee, gimple *stmt)
{
  int label = unit->labels.length ();
  if (esc_cg_add_edge (unit->cg, from, to, label))
    {
      call_label l = { kind, callee ? xstrdup (decl_name (callee)) : NULL,
		       where_text (gimple_location (stmt)) };
      unit->labels.safe_push (l);
    }
}

/* Output functions into memory, whose handlers the escape rule already
   trusts (escape-calls.cc): GCC does not mark them leaf, since printf
   hooks may call back.  Output to a stream is not trusted: a write to a
   pipe nobody reads, or past RLIMIT_FSIZE, sends SIGPIPE or SIGXFSZ to
   the calling thread before the call returns, and the handler may call
   back (recursive-side-signal-run.c).  */
static bool
trusted_output_p (tree fndecl)
{
  if (formatted_allocator_p (fndecl))
    return true;
  if (!fndecl_built_in_p (fndecl, BUILT_IN_NORMAL))
    return false;
  switch (DECL_FUNCTION_CODE (fndecl))
    {
    case BUILT_IN_SPRINTF:
    case BUILT_IN_SPRINTF_CHK:
    case BUILT_IN_SNPRINTF:
    case BUILT_IN_SNPRINTF_CHK:
    case BUILT_IN_VSPRINTF:
    case BUILT_IN_VSPRINTF_CHK:
    case BUILT_IN_VSNPRINTF:
    case BUILT_IN_VSNPRINTF_CHK:
      return true;
    default:
      return false;
    }
}

/* Whether FNDECL is a function of another unit named one of NAMES, a
   list that ends with NULL.  */
static bool
external_named_p (tree fndecl, const char *const *names)
{
  if (!DECL_NAME (fndecl) || !DECL_EXTERNAL (fndecl))
    return false;
  const char *name = IDENTIFIER_POINTER (DECL_NAME (fndecl));
  for (const char *const *n = names; *n; n++)
    if (strcmp (name, *n) == 0)
      return true;
  return false;
}

/* setjmp and longjmp save and restore registers; they call nothing.  A
   function that calls setjmp keeps every site on the heap anyway.  */
static bool
jump_function_p (tree fndecl)
{
  static const char *const names[] = {
    "setjmp", "_setjmp", "__setjmp", "sigsetjmp", "__sigsetjmp",
    "longjmp", "_longjmp", "__longjmp", "siglongjmp", "__longjmp_chk",
    NULL
  };
  return external_named_p (fndecl, names);
}

/* Builtins that read or set up the frame, and that GCC expands in place
   rather than as a call: the frame address a nested function's static
   chain or trampoline takes (__builtin_dwarf_cfa), and the saves and
   restores of the stack pointer around a variable-length array.  */
static bool
frame_builtin_p (tree fndecl)
{
  if (!fndecl_built_in_p (fndecl, BUILT_IN_NORMAL))
    return false;
  switch (DECL_FUNCTION_CODE (fndecl))
    {
    case BUILT_IN_DWARF_CFA:
    case BUILT_IN_FRAME_ADDRESS:
    case BUILT_IN_RETURN_ADDRESS:
    case BUILT_IN_STACK_SAVE:
    case BUILT_IN_STACK_RESTORE:
    case BUILT_IN_INIT_TRAMPOLINE:
    case BUILT_IN_ADJUST_TRAMPOLINE:
    case BUILT_IN_INIT_DESCRIPTOR:
    case BUILT_IN_ADJUST_DESCRIPTOR:
      return true;
    default:
      return false;
    }
}

/* Functions that may run a signal handler before they return: they send
   a signal to the calling thread, or unblock one that is pending (POSIX,
   kill and pthread_sigmask).  glibc declares them leaf, and GCC's leaf
   allows that (the attribute's documentation), but the handler may call
   back into the unit, and call them again: a recursion
   (recursive-signal-run.c).  gsignal is raise by another name;
   feraiseexcept raises SIGFPE where the program enabled the trap.  Some
   send one as a side effect: growing a file past RLIMIT_FSIZE sends
   SIGXFSZ (ftruncate, truncate, sendfile, which also sends SIGPIPE), a
   timer on a CPU clock set to a time gone by fires before timer_settime
   returns, and terminal control signals the foreground process group,
   or the caller in the background (SIGTTOU, SIGHUP, TIOCSIG).  syscall
   can do what any of them does.  */
static bool
signal_delivering_p (tree fndecl)
{
  static const char *const names[] = {
    "raise", "gsignal", "kill", "killpg", "pthread_kill", "tgkill",
    "tkill", "sigqueue", "pthread_sigqueue", "pidfd_send_signal",
    "sigprocmask", "pthread_sigmask", "sigsetmask", "sigrelse", "sigset",
    "sigsuspend", "sigpause", "feraiseexcept", "ftruncate", "ftruncate64",
    "truncate", "truncate64", "sendfile", "sendfile64", "timer_settime",
    "ioctl", "tcsetattr", "tcsetpgrp", "tcflow", "tcflush", "tcsendbreak",
    "vhangup", "syscall", NULL
  };
  return external_named_p (fndecl, names);
}

/* Whether a call to FNDECL, with the ECF flags FLAGS, cannot call back
   into the unit.  */
bool
leaf_callee_p (tree fndecl, int flags)
{
  if (signal_delivering_p (fndecl))
    return false;
  return ((flags & ECF_LEAF) || trusted_output_p (fndecl)
	  || jump_function_p (fndecl) || frame_builtin_p (fndecl));
}

/* Whether a call to TARGET, of availability AVAIL, may run another body
   than TARGET's: an interposable definition that another unit may
   replace, or an inline definition (C99 inline without extern, or
   gnu_inline), whose call, unless inlined, runs the external definition
   of another unit.  */
bool
body_may_be_replaced_p (cgraph_node *target, enum availability avail)
{
  return avail < AVAIL_AVAILABLE || DECL_EXTERNAL (target->decl);
}

/* Where CALL may go: a function of the unit (its node), the outside, or
   nowhere that can call back (-1).  */
int
call_target (gcall *call, enum call_kind *kind, tree *callee, bool *also_out)
{
  *also_out = false;
  *callee = NULL_TREE;
  if (gimple_call_internal_p (call))
    return -1;
  tree fndecl = gimple_call_fndecl (call);
  if (!fndecl)
    {
      *kind = CALL_INDIRECT;
      return ESC_CG_OUTSIDE;
    }
  *callee = fndecl;
  bool leaf = leaf_callee_p (fndecl, gimple_call_flags (call));
  if (cgraph_node *node = cgraph_node::get (fndecl))
    {
      enum availability avail;
      cgraph_node *target = node->ultimate_alias_target (&avail);
      if (target->has_gimple_body_p ())
	{
	  *also_out = body_may_be_replaced_p (target, avail) && !leaf;
	  *kind = *also_out ? CALL_REPLACEABLE : CALL_DIRECT;
	  *callee = target->decl;
	  return node_for (target->decl);
	}
    }
  if (leaf)
    return -1;
  *kind = CALL_EXTERN;
  return ESC_CG_OUTSIDE;
}

/* Add the calls of the function of DECL, as its body is now.  */
void
scan_calls (tree decl)
{
  function *fn = DECL_STRUCT_FUNCTION (decl);
  if (!fn || !fn->cfg)
    return;
  int self = node_for (decl);
  basic_block bb;
  FOR_EACH_BB_FN (bb, fn)
    for (gimple_stmt_iterator gsi = gsi_start_bb (bb); !gsi_end_p (gsi);
	 gsi_next (&gsi))
      {
	gcall *call = dyn_cast <gcall *> (gsi_stmt (gsi));
	if (!call)
	  continue;
	enum call_kind kind;
	tree callee;
	bool also_out;
	int to = call_target (call, &kind, &callee, &also_out);
	if (to < 0)
	  continue;
	if (to == self && kind == CALL_DIRECT)
	  kind = CALL_SELF;
	add_call (self, to, kind, callee, call);
	if (also_out)
	  add_call (self, ESC_CG_OUTSIDE, CALL_REPLACEABLE, callee, call);
      }
}

/* Whether code outside the unit's direct calls may call NODE: it is
   externally visible, its address is taken, or it is otherwise not
   local.  */
bool
called_from_outside_p (cgraph_node *node)
{
  /* A C++ program never calls main ([basic.start.main]); C allows it,
     so in C main is a function like the others.  */
  if (lang_GNU_CXX () && MAIN_NAME_P (DECL_NAME (node->decl))
      && DECL_FILE_SCOPE_P (node->decl) && !node->address_taken)
    return false;
  return node->address_taken || node->externally_visible
	 || TREE_PUBLIC (node->decl) || !node->local_p ();
}

/* The graph of the whole unit, from its bodies as they are now.  */
void
build_unit (void)
{
  cgraph_node *node;
  FOR_EACH_FUNCTION (node)
    if (!node->inlined_to && node->has_gimple_body_p ())
      {
	int n = node_for (node->decl);
	if (called_from_outside_p (node))
	  esc_cg_add_edge (unit->cg, ESC_CG_OUTSIDE, n, -1);
      }
  FOR_EACH_FUNCTION (node)
    if (!node->inlined_to && node->has_gimple_body_p ())
      scan_calls (node->decl);
}

void
ensure_unit (void)
{
  if (unit)
    return;
  unit = new unit_stack;
  build_unit ();
}

/* The way back into NODE's cycle, as text.  */
static char *
way_back_text (int node)
{
  int label = esc_cg_witness (unit->cg, node);
  if (label < 0)
    return xstrdup ("");
  const call_label &l = unit->labels[label];
  switch (l.kind)
    {
    case CALL_SELF:
      return xasprintf ("via a call to itself at %s", l.where);
    case CALL_DIRECT:
      return xasprintf ("via %s() at %s", l.callee, l.where);
    case CALL_INDIRECT:
      return xasprintf ("via indirect call at %s", l.where);
    case CALL_EXTERN:
      return xasprintf ("via extern %s() at %s", l.callee, l.where);
    case CALL_REPLACEABLE:
      return xasprintf ("via %s() at %s, which another unit may replace",
			l.callee, l.where);
    }
  gcc_unreachable ();
}

bool
always_inline_p (cgraph_node *node)
{
  return (DECL_DISREGARD_INLINE_LIMITS (node->decl)
	  && lookup_attribute ("always_inline",
			       DECL_ATTRIBUTES (node->decl)));
}

/* Why the frames that hold NODE's code may recur, or NULL: NODE is in a
   cycle, or it is always_inline and one of the frames it is inlined into
   may recur, or those frames are not all known.  */
static char *
recursion_text (cgraph_node *node, hash_set<cgraph_node *> *visited)
{
  int n = node_for (node->decl);
  if (esc_cg_recurs (unit->cg, n))
    {
      char *way = way_back_text (n);
      char *text = xasprintf ("%s is in a call-graph cycle %s",
			      decl_name (node->decl), way);
      free (way);
      return text;
    }
  if (!always_inline_p (node) || visited->add (node))
    return NULL;
  if (node->address_taken)
    return xasprintf ("%s is always_inline and its address is taken: the "
		      "frames it may be inlined into are not known",
		      decl_name (node->decl));
  if ((flag_generate_lto || flag_generate_offload) && !node->local)
    return xasprintf ("%s is always_inline and may be inlined into other "
		      "units", decl_name (node->decl));
  for (cgraph_edge *e = node->callers; e; e = e->next_caller)
    {
      cgraph_node *host = e->caller->inlined_to ? e->caller->inlined_to
			  : e->caller;
      if (char *why = recursion_text (host, visited))
	{
	  char *text = xasprintf ("%s is inlined into %s: %s",
				  decl_name (node->decl),
				  decl_name (host->decl), why);
	  free (why);
	  return text;
	}
    }
  return NULL;
}

/* The frames NODE, always_inline, is inlined into: its callers, and
   theirs where they are always_inline too.  */
void
collect_hosts (cgraph_node *node, auto_vec<int> *hosts,
	       hash_set<cgraph_node *> *visited)
{
  if (visited->add (node))
    return;
  for (cgraph_edge *e = node->callers; e; e = e->next_caller)
    {
      cgraph_node *host = e->caller->inlined_to ? e->caller->inlined_to
			  : e->caller;
      if (always_inline_p (host))
	collect_hosts (host, hosts, visited);
      else
	hosts->safe_push (node_for (host->decl));
    }
}

char *
recursion_of (cgraph_node *node)
{
  hash_set<cgraph_node *> visited;
  return recursion_text (node, &visited);
}
