# escape: a GCC plugin that moves non-escaping malloc/calloc to the stack.
#
#   make            build plugin/escape.so for $(GCC)
#   make example    build, then compile examples/example.c and print its report
#   make check      build, then run the DejaGnu testsuite
#   make install    copy the plugin into $(GCC)'s plugin directory
#
# GCC=gcc-11 builds for another compiler; GXX defaults to the matching g++.

GCC ?= gcc
GXX ?= $(subst gcc,g++,$(GCC))
PLUGIN_DIR := $(shell $(GCC) -print-file-name=plugin 2>/dev/null)
GCC_VERSION := $(shell $(GCC) -dumpversion 2>/dev/null)
GCC_MAJOR := $(firstword $(subst ., ,$(GCC_VERSION)))

PREFIX ?=
DESTDIR ?=
# PREFIX replaces the compiler's own plugin directory when set.
INSTALL_DIR = $(DESTDIR)$(if $(PREFIX),$(PREFIX)/lib/gcc/escape,$(PLUGIN_DIR))

WARN := -Wall -Wextra
CORE_CFLAGS := -std=c11 -O2 -g -fPIC $(WARN)
PLUGIN_CXXFLAGS := -std=gnu++17 -O2 -g -fPIC -fno-rtti -fno-exceptions $(WARN) \
	-I$(PLUGIN_DIR)/include -Iplugin/core

CORE_SRCS := $(wildcard plugin/core/*.c)
CORE_OBJS := $(CORE_SRCS:.c=.o)
GCC_SRCS := $(wildcard plugin/*.cc)
GCC_OBJS := $(GCC_SRCS:.cc=.o)
PLUGIN := plugin/escape.so

# Debian package names; `make deps` installs whichever is missing.
DEPS_PKGS := gcc-12-plugin-dev dejagnu

.PHONY: all deps example check install uninstall clean check-toolchain

all: $(PLUGIN)

check-toolchain:
	@command -v $(GCC) >/dev/null 2>&1 || { echo "escape: compiler '$(GCC)' not found" >&2; exit 1; }
	@command -v $(GXX) >/dev/null 2>&1 || { echo "escape: C++ compiler '$(GXX)' for $(GCC) not found; set GXX=" >&2; exit 1; }
	@test -f "$(PLUGIN_DIR)/include/gcc-plugin.h" || { echo "escape: no plugin headers for $(GCC) $(GCC_VERSION) in $(PLUGIN_DIR); install gcc-$(GCC_MAJOR)-plugin-dev" >&2; exit 1; }
	@test "$(GCC_MAJOR)" = 12 || { echo "escape: $(GCC) reports version $(GCC_VERSION); this plugin supports GCC 12 only" >&2; exit 1; }

deps:
	@missing=; for p in $(DEPS_PKGS); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "escape: installing$$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	fi

# Linked by the C driver: the only C++ runtime the plugin uses is operator
# new and delete, which cc1 exports itself, and a plugin that depends on
# libstdc++.so makes every compile load it (1.6 ms, 5% of a small file).
$(PLUGIN): $(CORE_OBJS) $(GCC_OBJS) | check-toolchain
	$(GCC) -shared -o $@ $(GCC_OBJS) $(CORE_OBJS)

plugin/core/%.o: plugin/core/%.c $(wildcard plugin/core/*.h)
	$(GCC) $(CORE_CFLAGS) -c -o $@ $<

plugin/%.o: plugin/%.cc $(wildcard plugin/*.h) $(wildcard plugin/core/*.h) | check-toolchain
	$(GXX) $(PLUGIN_CXXFLAGS) -c -o $@ $<

# A copy of the plugin that carries the version stamp of another GCC, to
# test the refusal a user gets when loading a plugin built for another
# compiler.  The stamp is all plugin_default_version_check compares.
OTHER_GCC_PLUGIN := plugin/escape-other-gcc.so
OTHER_GCC_STAMP := build/other-gcc/plugin-version.h

$(OTHER_GCC_STAMP): | check-toolchain
	@mkdir -p $(dir $@)
	sed -e 's/basever\[\] = "[^"]*"/basever[] = "11.3.0"/' \
	    -e 's/datestamp\[\] = "[^"]*"/datestamp[] = "20220421"/' \
	    $(PLUGIN_DIR)/include/plugin-version.h > $@

$(OTHER_GCC_PLUGIN): plugin/escape-plugin.cc $(OTHER_GCC_STAMP) $(CORE_OBJS) $(filter-out plugin/escape-plugin.o,$(GCC_OBJS))
	$(GXX) $(PLUGIN_CXXFLAGS) -iquote build/other-gcc -shared -o $@ plugin/escape-plugin.cc \
		$(filter-out plugin/escape-plugin.o,$(GCC_OBJS)) $(CORE_OBJS)

example: deps
	@$(MAKE) --no-print-directory all
	@rm -f examples/*.escape
	$(GCC) -O2 -fplugin=./$(PLUGIN) -fplugin-arg-escape-dump \
		-c examples/example.c -o examples/example.o
	@grep '^escape:' examples/example.c.*t.escape

check: deps
	@$(MAKE) --no-print-directory all $(OTHER_GCC_PLUGIN)
	cd testsuite && runtest --tool escape --srcdir . PLUGIN=$(CURDIR)/$(PLUGIN) GCC=$(GCC)

install: $(PLUGIN)
	install -d $(INSTALL_DIR)
	install -m 644 $(PLUGIN) $(INSTALL_DIR)/escape.so

uninstall:
	rm -f $(INSTALL_DIR)/escape.so

clean:
	rm -f $(PLUGIN) $(OTHER_GCC_PLUGIN) plugin/*.o plugin/core/*.o examples/*.o examples/*.escape
	rm -f testsuite/*.log testsuite/*.sum
	rm -rf testsuite/tmp build

# Differential runs of GCC's C torture suite without and with the plugin
# (scripts/check-torture.sh; the tests are unpacked into build/torture/).
#   make check-torture        every test, -O0 -O1 -O2 -O3 -Os, plus compile/
#   make check-torture-quick  tests that allocate, -O2 only: a few minutes
.PHONY: check-torture check-torture-quick

check-torture:
	@$(MAKE) --no-print-directory all
	GCC=$(GCC) scripts/check-torture.sh --compile

check-torture-quick:
	@$(MAKE) --no-print-directory all
	GCC=$(GCC) scripts/check-torture.sh --subset malloc --levels -O2

# Build-wide reports: scripts/escape-report (docs/report-format.md).
#   make check-report       the tool's tests, on a build of examples/multi
#   make check-report-html  its HTML view in headless Chromium (installed
#                           from Debian if missing); the screenshot goes to
#                           build/report-html/words.png
#   make check-builds       the reports of real builds of examples/multi:
#                           make -j2 -O, ccache and a local distccd, as
#                           README.md describes them (scripts/check-builds.sh;
#                           installs ccache and distcc if missing)
.PHONY: check-report check-report-html check-builds

check-report:
	@$(MAKE) --no-print-directory all
	python3 scripts/test-escape-report.py

check-report-html:
	@$(MAKE) --no-print-directory all
	scripts/test-html-report.sh

check-builds:
	@$(MAKE) --no-print-directory all
	GCC=$(GCC) scripts/check-builds.sh

# Soundness at scale (issue 3): random differential testing, the testsuite
# under GCC's checking, and the plugin under valgrind.
#   make fuzz [N=100] [SEED=1] [FUZZ_JOBS=2]
#                         N random programs of scripts/escape-fuzz.py, each
#                         built without the plugin at -O0 and with it at
#                         -O0 -O1 -O2 -O3 -Os; outputs must match
#   make fuzz-quick       40 programs of a fixed seed, in build/fuzz-quick/
#   make check-checking   the DejaGnu testsuite again, every compile with
#                         -fchecking=2 -fplugin-arg-escape-dump=details;
#                         results in build/check-checking/escape.sum
#   make check-valgrind   cc1 with the plugin under valgrind on a few files
#                         (scripts/check-valgrind.sh)
.PHONY: fuzz fuzz-quick check-checking check-valgrind

N ?= 100
SEED ?= 1
FUZZ_JOBS ?= 2
CHECKING_DIR := build/check-checking

fuzz:
	@$(MAKE) --no-print-directory all
	scripts/escape-fuzz.py -n $(N) --seed $(SEED) --jobs $(FUZZ_JOBS) --gcc $(GCC)

# Its own directory, so that it can run while a long `make fuzz' does.
fuzz-quick:
	@$(MAKE) --no-print-directory all
	scripts/escape-fuzz.py -n 40 --seed 1 --jobs $(FUZZ_JOBS) --gcc $(GCC) \
		--out build/fuzz-quick

# A directory of its own, so that the results of `make check' stay.
check-checking: deps
	@$(MAKE) --no-print-directory all $(OTHER_GCC_PLUGIN)
	@mkdir -p $(CHECKING_DIR)
	cd $(CHECKING_DIR) && runtest --tool escape --srcdir $(CURDIR)/testsuite \
		PLUGIN=$(CURDIR)/$(PLUGIN) GCC=$(GCC) \
		ESCAPE_EXTRA_FLAGS="-fchecking=2 -fplugin-arg-escape-dump=details"

check-valgrind:
	@$(MAKE) --no-print-directory all
	GCC=$(GCC) scripts/check-valgrind.sh

# ---- Performance (issue 4; bench/, docs/performance.md) ----
#   make bench          runtime benchmarks, variants a-e: table, bench/results.json
#   make bench-compile  compile-time overhead, scaling and memory of the pass:
#                       tables, bench/compile-results.json
# BENCH_ARGS and BENCH_COMPILE_ARGS pass options to bench/run.py and
# bench/compile.py (--help lists them), e.g. BENCH_COMPILE_ARGS=--no-ir.
.PHONY: bench bench-compile
BENCH_PASSTIME := build/bench/passtime.so

$(BENCH_PASSTIME): bench/passtime.cc | check-toolchain
	@mkdir -p $(dir $@)
	$(GXX) $(PLUGIN_CXXFLAGS) -shared -o $@ $<

bench:
	@$(MAKE) --no-print-directory all
	GCC=$(GCC) python3 bench/run.py $(BENCH_ARGS)

bench-compile:
	@$(MAKE) --no-print-directory all $(BENCH_PASSTIME)
	GCC=$(GCC) python3 bench/compile.py $(BENCH_COMPILE_ARGS)

# ---- Real code (docs/real-code.md) ----
# Debian source packages (scripts/packages.list) built by their own rules
# with Debian's flags and test suites, without and with the plugin
# (scripts/check-packages.py).  Needs root: adds a deb-src entry for
# bookworm and installs each package's build dependencies, saying so.
#   make check-packages        every listed package: table, and
#                              build/packages/results.json
#   make check-packages-quick  the packages marked quick: two minutes
# PACKAGES="zlib sed" picks packages; OPT=-O3 builds both ways at -O3
# instead of Debian's -O2 (results-O3.json); RESUME=1 reuses the results
# of packages built by an earlier run with the same plugin.
.PHONY: check-packages check-packages-quick
PACKAGES ?=
OPT ?=
RESUME ?=
PACKAGES_ARGS = $(if $(PACKAGES),--packages "$(PACKAGES)") $(if $(OPT),--opt=$(OPT)) \
	$(if $(RESUME),--resume)

check-packages:
	@$(MAKE) --no-print-directory all
	python3 scripts/check-packages.py $(PACKAGES_ARGS)

check-packages-quick:
	@$(MAKE) --no-print-directory all
	python3 scripts/check-packages.py --quick $(PACKAGES_ARGS)
