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
#include "gimple-pretty-print.h"
#include "tree-pretty-print.h"
#include "cfgloop.h"
#include "tree-into-ssa.h"
#include "tree-ssa.h"
#include "tree-eh.h"
#include "tree-cfg.h"
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

#endif
