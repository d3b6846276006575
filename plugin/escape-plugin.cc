/* The plugin front: version check, arguments, and where the pass goes.

   The pass runs inside GCC's early optimizations, right after the first
   constant propagation (docs/design.md says why): sizes written through
   local variables are constants by then, early inlining has run, callees
   have been analysed, and early SRA and FRE still come after it, so a
   small converted object can be scalarized away.  */

#include "gcc-plugin.h"
#include "plugin-version.h"
#include "config.h"
#include "system.h"
#include "coretypes.h"
#include "tree.h"
#include "tree-pass.h"
#include "context.h"
#include "dumpfile.h"
#include "diagnostic-core.h"
#include "escape.h"

extern "C" {
#include "report.h"
}

int plugin_is_GPL_compatible;

/* small-size is 256: enough for the short strings that make most
   temporaries of unknown size (a path, a token, a formatted message),
   while a frame with the default budget holds 128 such slots, which take
   their bytes whether the slot is used or not.  */
struct escape_options escape_options
  = { 4096, 32768, -1, 32768, 256, false, NULL };

#define VALID_ARGUMENTS \
  "dump[=details], max-size=N, frame-budget=N, dry-run, report=PATH, " \
  "recursion-allowance=N, stack-budget=N, small-size=N"

/* Values of the byte arguments stay below this, so no size arithmetic
   can overflow.  */
#define MAX_BYTES_ARGUMENT (1u << 30)

/* Where the pass goes: after this instance of this pass (docs/design.md,
   "Where the pass sits").  scripts/measure-positions.sh builds the
   plugin with others to compare them.  */
#ifndef ESCAPE_AFTER_PASS
#define ESCAPE_AFTER_PASS "ccp"
#define ESCAPE_AFTER_INSTANCE 1
#endif

static struct plugin_info escape_plugin_info = {
  "0.1",
  "Moves malloc/calloc/aligned_alloc that provably do not escape to the "
  "stack.\n"
  "  -fplugin-arg-escape-dump[=details]  write the report as a dump file "
  "(<output>.NNNt.escape; what is moved after IPA inlining goes to "
  "<output>.NNNt.escape_late)\n"
  "  -fplugin-arg-escape-max-size=N      largest object moved, in bytes "
  "(default 4096)\n"
  "  -fplugin-arg-escape-frame-budget=N  most bytes added to one frame "
  "(default 32768)\n"
  "  -fplugin-arg-escape-recursion-allowance=N  most bytes added to a "
  "frame that may recur (default: --param large-stack-frame / 10, 25)\n"
  "  -fplugin-arg-escape-stack-budget=N  most bytes added along any chain "
  "of calls of the unit (default 32768)\n"
  "  -fplugin-arg-escape-small-size=N    stack slot for sizes up to N "
  "where the size has no bound; larger sizes keep the heap (default 256, "
  "0 for none)\n"
  "  -fplugin-arg-escape-dry-run         report, but rewrite nothing\n"
  "  -fplugin-arg-escape-report=PATH     write the decisions as JSON lines: "
  "appended to the file PATH, or one file per translation unit in the "
  "directory PATH\n"
  "Remarks: -fopt-info-optimized, -fopt-info-missed."
};

/* Parse a byte count of an argument; report an error and return false if
   it is missing, malformed or out of range.  */
static bool
parse_bytes (const char *key, const char *value, unsigned HOST_WIDE_INT *out)
{
  if (value && *value)
    {
      char *end;
      errno = 0;
      unsigned long long v = strtoull (value, &end, 10);
      if (ISDIGIT (*value) && !*end && !errno && v <= MAX_BYTES_ARGUMENT)
	{
	  *out = v;
	  return true;
	}
    }
  error ("escape: %s needs a whole number of bytes from 0 to %u, not %qs; "
	 "valid arguments: %s", key, MAX_BYTES_ARGUMENT, value ? value : "",
	 VALID_ARGUMENTS);
  return false;
}

/* Read the arguments.  Returns false after reporting an error.  DUMP is
   set to the dump switch to enable, if any.  */
static bool
parse_arguments (struct plugin_name_args *info, const char **dump)
{
  bool ok = true;
  for (int i = 0; i < info->argc; i++)
    {
      const char *key = info->argv[i].key;
      const char *value = info->argv[i].value;
      if (strcmp (key, "dump") == 0 && !value)
	*dump = "tree-escape";
      else if (strcmp (key, "dump") == 0 && strcmp (value, "details") == 0)
	*dump = "tree-escape-details";
      else if (strcmp (key, "dump") == 0)
	{
	  error ("escape: dump takes no value or %<details%>, not %qs; "
		 "valid arguments: %s", value, VALID_ARGUMENTS);
	  ok = false;
	}
      else if (strcmp (key, "max-size") == 0)
	ok &= parse_bytes (key, value, &escape_options.max_size);
      else if (strcmp (key, "frame-budget") == 0)
	ok &= parse_bytes (key, value, &escape_options.frame_budget);
      else if (strcmp (key, "recursion-allowance") == 0)
	{
	  unsigned HOST_WIDE_INT bytes;
	  if (parse_bytes (key, value, &bytes))
	    escape_options.recursion_allowance = bytes;
	  else
	    ok = false;
	}
      else if (strcmp (key, "stack-budget") == 0)
	ok &= parse_bytes (key, value, &escape_options.stack_budget);
      else if (strcmp (key, "small-size") == 0)
	ok &= parse_bytes (key, value, &escape_options.small_size);
      else if (strcmp (key, "dry-run") == 0 && !value)
	escape_options.dry_run = true;
      else if (strcmp (key, "report") == 0 && value && *value)
	escape_options.report_path = value;
      else if (strcmp (key, "report") == 0)
	{
	  error ("escape: report needs a file or directory, as "
		 "%<report=PATH%>; valid arguments: %s", VALID_ARGUMENTS);
	  ok = false;
	}
      else if (strcmp (key, "dry-run") == 0)
	{
	  error ("escape: dry-run takes no value; valid arguments: %s",
		 VALID_ARGUMENTS);
	  ok = false;
	}
      else
	{
	  error ("escape: unknown argument %qs; valid arguments: %s", key,
		 VALID_ARGUMENTS);
	  ok = false;
	}
    }
  return ok;
}

/* A name for this translation unit's report in a directory, the same on
   every compile of it and different for different outputs: the source's
   base name and a hash of where its output goes.  */
static char *
report_file_name (const char *dir)
{
  unsigned long long hash = 14695981039346656037ULL;
  const char *parts[] = { getpwd (), "/", dump_base_name };
  for (const char *part : parts)
    for (const char *c = part; c && *c; c++)
      hash = (hash ^ (unsigned char) *c) * 1099511628211ULL;
  return xasprintf ("%s/%s-%016llx.escape.json", dir,
		    lbasename (report_unit_name ()), hash);
}

static bool
write_all (int fd, const char *buf, size_t len)
{
  while (len)
    {
      ssize_t n = write (fd, buf, len);
      if (n < 0 && errno == EINTR)
	continue;
      if (n <= 0)
	return false;
      buf += n;
      len -= n;
    }
  return true;
}

/* Write the JSON report.  Into a file, the whole unit goes in one
   appending write, so parallel compiles do not interleave their lines;
   into a directory, a temporary file is renamed into place.  */
static void
write_json_report (void *, void *)
{
  /* A preprocessing run (ccache, distcc) compiles nothing, nor does the
     whole-program stage of -flto.  */
  if (flag_preprocess_only || flag_wpa)
    return;
  const char *path = escape_options.report_path;
  struct stat st;
  bool to_dir = stat (path, &st) == 0 && S_ISDIR (st.st_mode);
  char *target = to_dir ? report_file_name (path) : xstrdup (path);
  char *tmp = to_dir ? xasprintf ("%s.%ld.tmp", target, (long) getpid ())
		: xstrdup (path);
  int fd = open (tmp, O_WRONLY | O_CREAT | (to_dir ? O_TRUNC : O_APPEND),
		 0666);
  bool ok = fd >= 0 && write_all (fd, escape_json_report.buf,
				  escape_json_report.len);
  if (fd >= 0 && close (fd) != 0)
    ok = false;
  if (ok && to_dir && rename (tmp, target) != 0)
    ok = false;
  if (!ok)
    {
      error ("escape: cannot write the report to %qs: %m", target);
      if (to_dir)
	unlink (tmp);
    }
  free (tmp);
  free (target);
  esc_text_release (&escape_json_report);
}

/* Insert PASS at POS of instance INSTANCE of the pass named REFERENCE
   (0: every instance).  */
static void
insert_pass (const char *plugin, opt_pass *pass, const char *reference,
	     int instance, enum pass_positioning_ops pos)
{
  struct register_pass_info pass_info;
  pass_info.pass = pass;
  pass_info.reference_pass_name = reference;
  pass_info.ref_pass_instance_number = instance;
  pass_info.pos_op = pos;
  register_callback (plugin, PLUGIN_PASS_MANAGER_SETUP, NULL, &pass_info);
}

int
plugin_init (struct plugin_name_args *info, struct plugin_gcc_version *version)
{
  if (!plugin_default_version_check (version, &gcc_version))
    {
      error ("escape: plugin built for GCC %s (%s) cannot run in GCC %s (%s); "
	     "rebuild it with this compiler", gcc_version.basever,
	     gcc_version.datestamp, version->basever, version->datestamp);
      return 0;
    }

  const char *dump = NULL;
  if (!parse_arguments (info, &dump))
    return 0;

  register_callback (info->base_name, PLUGIN_INFO, NULL, &escape_plugin_info);
  register_callback (info->base_name, PLUGIN_REGISTER_GGC_ROOTS, NULL,
		     const_cast<ggc_root_tab *> (escape_rewrite_roots));

  insert_pass (info->base_name, make_pass_escape (g), ESCAPE_AFTER_PASS,
	       ESCAPE_AFTER_INSTANCE, PASS_POS_INSERT_AFTER);
  /* The inlining guard, after each local-fnsummary pass: before the early
     inliner, and after the last rebuild of the call edges of the early
     pipeline (escape-stack.cc).  */
  insert_pass (info->base_name, make_pass_escape_inline (g),
	       "local-fnsummary", 0, PASS_POS_INSERT_AFTER);
  /* The unit once more from its final early IR, before the IPA passes:
     the last of the small IPA passes.  */
  insert_pass (info->base_name, make_pass_escape_stack (g), "emutls", 1,
	       PASS_POS_INSERT_AFTER);
  /* The late instance, after IPA inlining, on the call graph the IPA
     passes leave (escape-late.cc).  */
  insert_pass (info->base_name, make_pass_escape_late (g), "alias", 1,
	       PASS_POS_INSERT_BEFORE);
  register_callback (info->base_name, PLUGIN_ALL_IPA_PASSES_END,
		     build_late_unit, NULL);

  if (escape_options.report_path)
    register_callback (info->base_name, PLUGIN_FINISH, write_json_report,
		       NULL);

  if (dump)
    {
      g->get_dumps ()->dump_switch_p (dump);
      g->get_dumps ()->dump_switch_p (strcmp (dump, "tree-escape") == 0
				      ? "tree-escape_late"
				      : "tree-escape_late-details");
    }
  /* With the details, the stack rules' notes too: which calls stay calls,
     and each function's moved bytes and heaviest chain.  */
  if (dump && strcmp (dump, "tree-escape-details") == 0)
    {
      g->get_dumps ()->dump_switch_p ("tree-escape_inline");
      g->get_dumps ()->dump_switch_p ("ipa-escape_stack");
    }
  return 0;
}
