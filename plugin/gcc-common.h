/* The GCC headers the plugin's C++ layer uses, in the order GCC needs
   them, for every file of the layer.  Differences between GCC versions
   belong here too, in the style of the Linux kernel's
   scripts/gcc-plugins/gcc-common.h, so that the pass has none.  */

#ifndef ESCAPE_GCC_COMMON_H
#define ESCAPE_GCC_COMMON_H

#include "gcc-plugin.h"
#include "config.h"
#include "system.h"
#include "coretypes.h"
#include "backend.h"
#include "tree.h"
#include "gimple.h"
#include "tree-pass.h"
#include "ssa.h"
#include "cgraph.h"
#include "gimple-iterator.h"
#include "gimple-fold.h"
#include "gimplify.h"
#include "gimple-pretty-print.h"
#include "tree-pretty-print.h"
#include "cfgloop.h"
#include "tree-into-ssa.h"
#include "tree-ssa.h"
#include "tree-eh.h"
#include "tree-cfg.h"
#include "tree-dfa.h"
#include "stringpool.h"
#include "attribs.h"
#include "fold-const.h"
#include "builtins.h"
#include "attr-fnspec.h"
#include "internal-fn.h"
#include "cfgexpand.h"
#include "value-query.h"
#include "gimple-range.h"
#include "dumpfile.h"
#include "diagnostic-core.h"
#include "bversion.h"

/* The compatibility layer.  The pass is written against GCC 12; for
   every other version the names it uses are defined here with GCC 12's
   meaning, so that it compiles unchanged from GCC 11 to 16.  Each block
   says which version changed what.  */

#if BUILDING_GCC_MAJOR < 11
#error "escape needs GCC 11 or later"
#endif

#if BUILDING_GCC_MAJOR < 12
/* GCC 12 added startswith to system.h.  */
static inline bool
startswith (const char *str, const char *prefix)
{
  return strncmp (str, prefix, strlen (prefix)) == 0;
}

/* GCC 12 added __builtin_dynamic_object_size.  A code that no call
   carries keeps its case label harmless.  */
#define BUILT_IN_DYNAMIC_OBJECT_SIZE END_BUILTINS

/* GCC 12 gave build_clobber a kind; GCC 11's one kind of clobber is what
   ends a variable's life for stack slot sharing.  */
enum clobber_kind { CLOBBER_UNDEF, CLOBBER_EOL };
static inline tree
build_clobber (tree type, enum clobber_kind)
{
  return build_clobber (type);
}

/* GCC 11's loop_optimizer_init asserts that AVOID_CFG_MODIFICATIONS
   comes with no flag but LOOPS_HAVE_RECORDED_EXITS; GCC 12 also allows
   LOOPS_HAVE_MARKED_IRREDUCIBLE_REGIONS, which only marks.  Here the
   marking is done after the init, as GCC 12's apply_loop_flags does it.
   Like GCC 12's, the init computes the dominators (CDI_DOMINATORS),
   which the marking does not free.  */
static inline void
escape_loop_optimizer_init (unsigned flags)
{
  bool mark = ((flags & AVOID_CFG_MODIFICATIONS)
	       && (flags & LOOPS_HAVE_MARKED_IRREDUCIBLE_REGIONS));
  if (mark)
    flags &= ~LOOPS_HAVE_MARKED_IRREDUCIBLE_REGIONS;
  loop_optimizer_init (flags);
  if (mark)
    mark_irreducible_loops ();
}
#define loop_optimizer_init escape_loop_optimizer_init

/* GCC 12 replaced GCC 11's EAF flags (EAF_DIRECT, EAF_NOCLOBBER,
   EAF_NOESCAPE, EAF_NODIRECTESCAPE, EAF_UNUSED) by direct and indirect
   halves.  GCC 11's flags are translated as GCC 12's
   attr_fnspec::arg_eaf_flags translates an fnspec, and as GCC 11's
   points-to analysis reads them (EAF_DIRECT: nothing reached through the
   argument escapes, is clobbered or returned).  GCC 11 has nothing that
   says an argument is not returned, so EAF_NOT_RETURNED_DIRECTLY is
   never set: a flag GCC 11 does not give is never claimed.  The new bits
   are above GCC 11's.  */
#define EAF_NO_DIRECT_CLOBBER		(1 << 16)
#define EAF_NO_INDIRECT_CLOBBER		(1 << 17)
#define EAF_NO_DIRECT_ESCAPE		(1 << 18)
#define EAF_NO_INDIRECT_ESCAPE		(1 << 19)
#define EAF_NOT_RETURNED_DIRECTLY	(1 << 20)
#define EAF_NOT_RETURNED_INDIRECTLY	(1 << 21)
static inline int
escape_call_arg_flags (const gcall *call, unsigned i)
{
  int f = gimple_call_arg_flags (call, i);
  int r = f & EAF_UNUSED;
  if (f & EAF_DIRECT)
    r |= (EAF_NO_INDIRECT_ESCAPE | EAF_NO_INDIRECT_CLOBBER
	  | EAF_NOT_RETURNED_INDIRECTLY);
  if (f & EAF_NOESCAPE)
    r |= EAF_NO_DIRECT_ESCAPE | EAF_NO_INDIRECT_ESCAPE;
  if (f & EAF_NODIRECTESCAPE)
    r |= EAF_NO_DIRECT_ESCAPE;
  if (f & EAF_NOCLOBBER)
    r |= EAF_NO_DIRECT_CLOBBER | EAF_NO_INDIRECT_CLOBBER;
  return r;
}
#define gimple_call_arg_flags escape_call_arg_flags

/* GCC 12's ranger of a function (enable_ranger, get_range_query,
   disable_ranger); GCC 11 has the gimple_ranger class only.  The pass
   has one function's ranger at a time, made and dropped in different
   files: an inline function of external linkage has one static for all
   of them.  */
inline gimple_ranger *&
escape_gcc11_ranger (void)
{
  static gimple_ranger *ranger;
  return ranger;
}
static inline gimple_ranger *
enable_ranger (function *)
{
  gcc_checking_assert (!escape_gcc11_ranger ());
  return escape_gcc11_ranger () = new gimple_ranger;
}
static inline void
disable_ranger (function *)
{
  delete escape_gcc11_ranger ();
  escape_gcc11_ranger () = NULL;
}
static inline range_query *
get_range_query (function *)
{
  return escape_gcc11_ranger ();
}
#endif

#if BUILDING_GCC_MAJOR >= 14
/* GCC 14 removed last_stmt; GCC 13's skipped trailing debug statements,
   as gsi_last_nondebug_bb does.  */
static inline gimple *
last_stmt (basic_block bb)
{
  return gsi_stmt (gsi_last_nondebug_bb (bb));
}

/* GCC 14 split CLOBBER_EOL into the ends of an object's lifetime and of
   its storage; the end of a freed object is that of its storage.  */
#define CLOBBER_EOL CLOBBER_STORAGE_END
#endif

#endif
