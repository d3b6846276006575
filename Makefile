# escape: a GCC plugin that moves non-escaping malloc/calloc to the stack.
#
#   make            build plugin/escape.so for $(GCC)
#   make example    build, then compile examples/example.c and print its report
#   make check      build, then run the DejaGnu testsuite
#   make install    copy the plugin into $(GCC)'s plugin directory
#   make deps       install the Debian packages of make check (below)
#   make check-fresh  make example and make check in a bare Debian 12 root
#   make check-gcc-all  make check and the torture comparison with each of
#                   GCC 11 to 16, in Debian roots made as needed
#
# On Debian, `make example' and `make check' first install the packages
# they need with apt-get (apt-get update first), saying on the console
# which ones and why (scripts/install-deps.sh): `make example' those of
# EXAMPLE_PKGS, `make check' those of DEPS_PKGS.
#
# GCC=gcc-13 builds for another compiler; GXX defaults to the matching g++.
# The plugin supports GCC 11 to 16 (SUPPORTED_GCC); the differences
# between them are in plugin/gcc-common.h.

GCC ?= gcc
GXX ?= $(subst gcc,g++,$(GCC))
PLUGIN_DIR := $(shell $(GCC) -print-file-name=plugin 2>/dev/null)
GCC_VERSION := $(shell $(GCC) -dumpversion 2>/dev/null)
# The major version: the compiler's own, or for a compiler not installed
# yet the one its name says (gcc-13), so that make deps knows what to get.
GCC_MAJOR := $(or $(firstword $(subst ., ,$(GCC_VERSION))),$(patsubst gcc-%,%,$(filter gcc-%,$(notdir $(GCC)))))
SUPPORTED_GCC := 11 12 13 14 15 16
comma := ,
SUPPORTED_GCC_TEXT := $(subst $() ,$(comma) ,$(filter-out $(lastword $(SUPPORTED_GCC)),$(SUPPORTED_GCC))) and $(lastword $(SUPPORTED_GCC))

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

# Debian package names, N being $(GCC_MAJOR); scripts/install-deps.sh says
# why each is needed.
#   gcc-N-plugin-dev   the plugin's headers
#   g++-N              the compiler of the plugin (build-essential has it
#                      for the default gcc)
#   dejagnu            runtest
#   python3            scripts/escape-report, the fuzzer, the build checks
#   gdb                testsuite/escape.gdb
#   tcl, gcc-N-source  GCC's torture tests (scripts/check-torture.sh)
#   ccache, distcc     the build checks (scripts/check-builds.sh)
EXAMPLE_PKGS := gcc-$(GCC_MAJOR)-plugin-dev g++-$(GCC_MAJOR)
DEPS_PKGS := $(EXAMPLE_PKGS) dejagnu python3 gdb tcl gcc-$(GCC_MAJOR)-source ccache distcc

.PHONY: all deps deps-example example check install uninstall clean check-toolchain

all: $(PLUGIN)

check-toolchain:
	@command -v $(GCC) >/dev/null 2>&1 || { echo "escape: compiler '$(GCC)' not found" >&2; exit 1; }
	@command -v $(GXX) >/dev/null 2>&1 || { echo "escape: C++ compiler '$(GXX)' for $(GCC) not found; set GXX=" >&2; exit 1; }
	@test -f "$(PLUGIN_DIR)/include/gcc-plugin.h" || { echo "escape: no plugin headers for $(GCC) $(GCC_VERSION) in $(PLUGIN_DIR); install gcc-$(GCC_MAJOR)-plugin-dev" >&2; exit 1; }
	@case " $(SUPPORTED_GCC) " in *" $(GCC_MAJOR) "*) ;; *) echo "escape: $(GCC) reports version $(GCC_VERSION); this plugin supports GCC $(SUPPORTED_GCC_TEXT)" >&2; exit 1 ;; esac
	@test "$$(sed -n 's/^#define BUILDING_GCC_MAJOR //p' $(PLUGIN_DIR)/include/bversion.h)" = "$(GCC_MAJOR)" || { echo "escape: the plugin headers in $(PLUGIN_DIR) are not those of $(GCC) $(GCC_VERSION); is it GCC?" >&2; exit 1; }

deps:
	@scripts/install-deps.sh $(DEPS_PKGS)

deps-example:
	@scripts/install-deps.sh $(EXAMPLE_PKGS)

# The compiler the objects were built with: switching GCC= rebuilds them.
GCC_STAMP := build/plugin-gcc.stamp
GCC_STAMP_TEXT := $(GCC) $(GXX) $(GCC_VERSION) $(PLUGIN_DIR)
.PHONY: FORCE
$(GCC_STAMP): FORCE
	@mkdir -p $(dir $@)
	@test "$$(cat $@ 2>/dev/null)" = '$(GCC_STAMP_TEXT)' || echo '$(GCC_STAMP_TEXT)' > $@

# Linked by the C driver: the only C++ runtime the plugin uses is operator
# new and delete, which cc1 exports itself, and a plugin that depends on
# libstdc++.so makes every compile load it (1.6 ms, 5% of a small file).
$(PLUGIN): $(CORE_OBJS) $(GCC_OBJS) | check-toolchain
	$(GCC) -shared -o $@ $(GCC_OBJS) $(CORE_OBJS)

plugin/core/%.o: plugin/core/%.c $(wildcard plugin/core/*.h) $(GCC_STAMP)
	$(GCC) $(CORE_CFLAGS) -c -o $@ $<

plugin/%.o: plugin/%.cc $(wildcard plugin/*.h) $(wildcard plugin/core/*.h) $(GCC_STAMP) | check-toolchain
	$(GXX) $(PLUGIN_CXXFLAGS) -c -o $@ $<

# A copy of the plugin that carries the version stamp of another GCC, to
# test the refusal a user gets when loading a plugin built for another
# compiler.  The stamp is all plugin_default_version_check compares; GCC
# 4.5.0, the first with plugins, is none of the supported ones.
OTHER_GCC_PLUGIN := plugin/escape-other-gcc.so
OTHER_GCC_STAMP := build/other-gcc/plugin-version.h

$(OTHER_GCC_STAMP): $(GCC_STAMP) | check-toolchain
	@mkdir -p $(dir $@)
	sed -e 's/basever\[\] = "[^"]*"/basever[] = "4.5.0"/' \
	    -e 's/datestamp\[\] = "[^"]*"/datestamp[] = "20100414"/' \
	    $(PLUGIN_DIR)/include/plugin-version.h > $@

$(OTHER_GCC_PLUGIN): plugin/escape-plugin.cc $(OTHER_GCC_STAMP) $(GCC_STAMP) $(CORE_OBJS) $(filter-out plugin/escape-plugin.o,$(GCC_OBJS))
	$(GXX) $(PLUGIN_CXXFLAGS) -iquote build/other-gcc -shared -o $@ plugin/escape-plugin.cc \
		$(filter-out plugin/escape-plugin.o,$(GCC_OBJS)) $(CORE_OBJS)

example: deps-example
	@$(MAKE) --no-print-directory all
	@rm -f examples/*.escape examples/*.escape_late
	$(GCC) -O2 -fplugin=./$(PLUGIN) -fplugin-arg-escape-dump \
		-c examples/example.c -o examples/example.o
	@cat examples/example.c.*t.escape examples/example.c.*t.escape_late | grep '^escape:'

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
	rm -rf testsuite/tmp
	@# Not into the mounts of a chroot that check-fresh may have left behind.
	rm -rf --one-file-system build

# The README's two commands on a bare machine (scripts/check-fresh.sh):
# a Debian 12 root made with debootstrap --variant=minbase and only
# build-essential and git (scripts/make-root.sh; its tarball is kept in
# build/roots/), a clone of HEAD under /root there, then make example
# and make check in it with chroot.  Root only; some minutes.
.PHONY: check-fresh

check-fresh:
	scripts/check-fresh.sh

# Each supported GCC in the Debian release that ships it (bookworm: 11
# and 12, trixie: 13 and 14, sid: 15 and 16): make check and the torture
# tests that allocate at -O0 to -Os, with and without the plugin
# (scripts/check-gcc-all.sh; the roots are made under build/gcc-all/
# with scripts/make-root.sh, their tarballs kept in build/roots/).  One
# line per compiler, then "N passed, M failed, K skipped".  Root only.
#   make check-gcc-all [GCC_ALL="13 14"] [GCC_ALL_ARGS=--no-torture]
.PHONY: check-gcc-all
GCC_ALL ?=
GCC_ALL_ARGS ?=

check-gcc-all:
	scripts/check-gcc-all.sh $(GCC_ALL_ARGS) $(GCC_ALL)

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
	GCC=$(GCC) python3 scripts/test-escape-report.py

check-report-html:
	@$(MAKE) --no-print-directory all
	scripts/test-html-report.sh

check-builds:
	@$(MAKE) --no-print-directory all
	GCC=$(GCC) scripts/check-builds.sh

# Soundness at scale (issue 3): random differential testing, the testsuite
# under GCC's checking, and the plugin under valgrind.
#   make fuzz [N=100] [SEED=1] [FUZZ_JOBS=2] [FUZZ_ARGS=...]
#                         N random programs of scripts/escape-fuzz.py, each
#                         built without and with the plugin at -O0 -O1 -O2
#                         -O3 -Os; outputs must match the plain -O0 build's,
#                         no warning may come only with the plugin, and the
#                         plugin's builds must run within the plain builds'
#                         stack plus 64 KiB (docs/testing.md; FUZZ_ARGS
#                         passes options, e.g. --scenarios irreducible)
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
FUZZ_ARGS ?=
CHECKING_DIR := build/check-checking

fuzz:
	@$(MAKE) --no-print-directory all
	scripts/escape-fuzz.py -n $(N) --seed $(SEED) --jobs $(FUZZ_JOBS) --gcc $(GCC) $(FUZZ_ARGS)

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
# instead of Debian's -O2 (results-O3.json); LTO=1 builds both ways with
# -flto as Debian turns it on, the plugin at the link too
# (results-lto.json); RESUME=1 reuses the results of packages built by an
# earlier run with the same plugin.
.PHONY: check-packages check-packages-quick
PACKAGES ?=
OPT ?=
LTO ?=
RESUME ?=
PACKAGES_ARGS = $(if $(PACKAGES),--packages "$(PACKAGES)") $(if $(OPT),--opt=$(OPT)) \
	$(if $(LTO),--lto) $(if $(RESUME),--resume)

check-packages:
	@$(MAKE) --no-print-directory all
	python3 scripts/check-packages.py $(PACKAGES_ARGS)

check-packages-quick:
	@$(MAKE) --no-print-directory all
	python3 scripts/check-packages.py --quick $(PACKAGES_ARGS)
