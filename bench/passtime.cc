/* passtime: a measuring plugin for `make bench-compile`, loaded beside
   escape.so.  It times the escape pass of every function.

   The pass is registered with TV_NONE, so -ftime-report folds it into
   "phase opt and generate".  GCC calls PLUGIN_PASS_EXECUTION before
   every pass it runs; the escape pass of a function ends where the next
   pass starts (the early local passes run one function at a time), so
   the time between the two calls is the pass with its TODOs (the SSA
   update after a rewrite), and nothing else.

     -fplugin=passtime.so -fplugin-arg-passtime-out=FILE

   appends to FILE, for every function, a line written (and flushed) as
   the pass starts and one as it ends,
     start <function> <statements> <nanoseconds of cc1 so far>
     fn <function> <statements> <nanoseconds of the pass>
   where <statements> counts the GIMPLE statements and phis the pass saw;
   a compile killed on a timeout thus still tells whether the pass had
   started.  At the end of the translation unit it appends
     total <nanoseconds of escape> <nanoseconds of the whole cc1>
   Times are CPU times of cc1, so other processes do not count.

     -fplugin-arg-passtime-stop

   makes cc1 exit, with the lines written, once the first function's pass
   is done: for the scaling runs, whose one huge function would keep the
   rest of GCC's pipeline busy far longer than the pass.  */

#include "gcc-plugin.h"
#include "plugin-version.h"
#include "config.h"
#include "system.h"
#include "coretypes.h"
#include "backend.h"
#include "tree.h"
#include "gimple.h"
#include "tree-pass.h"
#include "gimple-iterator.h"
#include "function.h"
#include "diagnostic-core.h"
#include <time.h>
#include <sys/resource.h>

int plugin_is_GPL_compatible;

static FILE *out;
static bool timing;
static long long start_ns, escape_total_ns;
static long statements;
static char *function_text;
static bool stop_after_first;

static long long
cpu_ns (void)
{
  struct timespec ts;
  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (long long) ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static long
count_statements (function *fn)
{
  long n = 0;
  basic_block bb;
  FOR_EACH_BB_FN (bb, fn)
    {
      for (gphi_iterator gsi = gsi_start_phis (bb); !gsi_end_p (gsi);
	   gsi_next (&gsi))
	n++;
      for (gimple_stmt_iterator gsi = gsi_start_bb (bb); !gsi_end_p (gsi);
	   gsi_next (&gsi))
	n++;
    }
  return n;
}

static void
stop (void)
{
  if (!timing)
    return;
  long long ns = cpu_ns () - start_ns;
  escape_total_ns += ns;
  fprintf (out, "fn %s %ld %lld\n", function_text, statements, ns);
  free (function_text);
  timing = false;
  if (stop_after_first)
    {
      fprintf (out, "total %lld %lld\n", escape_total_ns, cpu_ns ());
      fclose (out);
      exit (0);
    }
}

static void
pass_execution (void *gcc_data, void *)
{
  stop ();
  opt_pass *pass = (opt_pass *) gcc_data;
  if (!cfun || strcmp (pass->name, "escape") != 0)
    return;
  function_text = xstrdup (function_name (cfun));
  statements = count_statements (cfun);
  timing = true;
  /* Last, so that counting and writing are not timed.  */
  fprintf (out, "start %s %ld %lld\n", function_text, statements, cpu_ns ());
  fflush (out);
  start_ns = cpu_ns ();
}

static void
finish (void *, void *)
{
  stop ();
  fprintf (out, "total %lld %lld\n", escape_total_ns, cpu_ns ());
  fclose (out);
}

int
plugin_init (struct plugin_name_args *info, struct plugin_gcc_version *version)
{
  if (!plugin_default_version_check (version, &gcc_version))
    {
      error ("passtime: built for another GCC");
      return 1;
    }
  const char *path = NULL;
  for (int i = 0; i < info->argc; i++)
    if (strcmp (info->argv[i].key, "out") == 0)
      path = info->argv[i].value;
    else if (strcmp (info->argv[i].key, "stop") == 0)
      stop_after_first = true;
  if (!path)
    {
      error ("passtime: needs %<-fplugin-arg-passtime-out=FILE%>");
      return 1;
    }
  out = fopen (path, "a");
  if (!out)
    {
      error ("passtime: cannot open %qs: %m", path);
      return 1;
    }
  register_callback (info->base_name, PLUGIN_PASS_EXECUTION, pass_execution,
		     NULL);
  register_callback (info->base_name, PLUGIN_FINISH, finish, NULL);
  return 0;
}
