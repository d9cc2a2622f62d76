# miftools: libmif and the mif-* tools.  Plain GNU make.
#
#   make                 build everything under build/
#   make check           install missing Debian packages, then build and test
#   make test            build and test, installing nothing
#   make SANITIZE=1 ...  the same with ASan and UBSan, under build-san/
#   make check SANITIZE=thread   threaded unit tests, mif-diff's cases: TSan (build-tsan/)
#   make demo            show the tools at work on samples/
#   make bench, make stress   speed against other tools; growth curves
#   make install PREFIX=/usr DESTDIR=/tmp/stage
#   make deb             Debian packages (debian/) in build/deb/, checked by lintian

PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
LIBDIR ?= $(PREFIX)/lib
INCLUDEDIR ?= $(PREFIX)/include
MANDIR ?= $(PREFIX)/share/man
SCHEMADIR ?= $(PREFIX)/share/miftools
PKGCONFIGDIR ?= $(LIBDIR)/pkgconfig
COMPLETIONDIR ?= $(PREFIX)/share/bash-completion/completions

CC ?= cc
CLANG ?= clang
BISON ?= bison
FLEX ?= flex
MANDOC ?= mandoc
MAKEWHATIS ?= makewhatis
PKG_CONFIG ?= pkg-config
AR ?= ar
INSTALL ?= install

CFLAGS ?= -std=c11 -Wall -Wextra -O2 -g
LDFLAGS ?=
LDLIBS ?=

ifeq ($(SANITIZE),1)
B := build-san
SAN_FLAGS := -fsanitize=address,undefined -fno-omit-frame-pointer \
	-fno-sanitize-recover=all
TEST_ENV := ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 \
	UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
else ifeq ($(SANITIZE),thread)
# ThreadSanitizer, under build-tsan: `make check SANITIZE=thread` runs the
# unit tests and tool cases of threads (TSAN_TESTS, TSAN_CASES), not the
# whole suite.
B := build-tsan
SAN_FLAGS := -fsanitize=thread -fno-omit-frame-pointer
TEST_ENV := TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1
else
B := build
SAN_FLAGS :=
TEST_ENV :=
endif

VERSION := $(shell sed -n 's/^\#define MIF_VERSION_STRING "\(.*\)"/\1/p' mif/lang.h)
# The soname's version: the major number, or while that is 0, 0.MINOR
# (before 1.0 a minor release may change the ABI).  Whatever changes the
# ABI of libmif.so raises it: an exported function gone or changed, or a
# struct that callers allocate grown (mif_error, mif_parse_options,
# mif_write_options...), so that a program built before refuses to load
# rather than have the library write past its struct.
VERSION_WORDS := $(subst ., ,$(VERSION))
SOVERSION := $(if $(filter 0,$(word 1,$(VERSION_WORDS))),0.$(word 2,$(VERSION_WORDS)),$(word 1,$(VERSION_WORDS)))

# libxml2 only when some library file uses it.
ifneq ($(shell grep -l 'include <libxml/' mif/*/*.c 2>/dev/null),)
XML_CFLAGS := $(shell $(PKG_CONFIG) --cflags libxml-2.0 2>/dev/null)
XML_LIBS := $(shell $(PKG_CONFIG) --libs libxml-2.0 2>/dev/null)
XML_PC := libxml-2.0
endif
# jansson likewise, for the JSON reader.
ifneq ($(shell grep -l 'include <jansson.h>' mif/*/*.c 2>/dev/null),)
JSON_CFLAGS := $(shell $(PKG_CONFIG) --cflags jansson 2>/dev/null)
JSON_LIBS := $(shell $(PKG_CONFIG) --libs jansson 2>/dev/null)
JSON_PC := jansson
endif
# yajl likewise, for streaming the JSON reports that mif-audit merges.
ifneq ($(shell grep -l 'include <yajl/' mif/*/*.c 2>/dev/null),)
YAJL_CFLAGS := $(shell $(PKG_CONFIG) --cflags yajl 2>/dev/null)
YAJL_LIBS := $(shell $(PKG_CONFIG) --libs yajl 2>/dev/null)
YAJL_PC := yajl
endif
# SQLite likewise, for mif-audit --db.
ifneq ($(shell grep -l 'include <sqlite3.h>' mif/*/*.c 2>/dev/null),)
SQLITE_CFLAGS := $(shell $(PKG_CONFIG) --cflags sqlite3 2>/dev/null)
SQLITE_LIBS := $(shell $(PKG_CONFIG) --libs sqlite3 2>/dev/null || echo -lsqlite3)
SQLITE_PC := sqlite3
endif

# The public headers are mif.h and mif/LAYER.h; the library's own files
# name their internal headers by layer ("lang/internal.h").
INCLUDES := -I. -Imif -I$(B)/gen
CPPFLAGS_ALL := -D_POSIX_C_SOURCE=200809L $(INCLUDES) $(XML_CFLAGS) $(JSON_CFLAGS) $(YAJL_CFLAGS) $(SQLITE_CFLAGS) $(CPPFLAGS)
CFLAGS_ALL := $(CFLAGS) $(SAN_FLAGS) -MD -MP
LDFLAGS_ALL := $(LDFLAGS) $(SAN_FLAGS)
LIBS_ALL := $(XML_LIBS) $(JSON_LIBS) $(YAJL_LIBS) $(SQLITE_LIBS) -lm -pthread $(LDLIBS)
# flex's and bison's output is not ours to tidy.
GEN_CFLAGS := -Wno-unused-function -Wno-sign-compare -Wno-unused-parameter
CMOCKA_LIBS = $(shell $(PKG_CONFIG) --libs cmocka 2>/dev/null || echo -lcmocka)

# ---- sources --------------------------------------------------------------

# libmif in layers, each knowing only those before it (HACKING.md).
LAYERS := lang meaning forms sms sched
LIB_SRC := $(foreach l,$(LAYERS),$(wildcard mif/$(l)/*.c))
LIB_HDR := $(foreach l,$(LAYERS),$(wildcard mif/$(l)/*.h))
PUBLIC_HDR := $(LAYERS:%=mif/%.h)
GEN_SRC := $(B)/gen/mif.tab.c $(B)/gen/mif.lex.c
GEN_HDR := $(B)/gen/mif.tab.h $(B)/gen/mif.lex.h $(B)/gen/mif_xsd.h
LIB_OBJ := $(LIB_SRC:%.c=$(B)/obj/%.o) $(GEN_SRC:$(B)/gen/%.c=$(B)/obj/gen/%.o)

# Each cli/mif-NAME.c is a tool; the other cli/ files are shared helpers.
TOOL_SRC := $(wildcard cli/mif-*.c)
CLI_SRC := $(filter-out $(TOOL_SRC),$(wildcard cli/*.c))
CLI_OBJ := $(CLI_SRC:%.c=$(B)/obj/%.o)
TOOLS := $(TOOL_SRC:cli/%.c=$(B)/%)

# Each tests/unit/test_NAME.c is a cmocka program; other files there help.
UNIT_SRC := $(wildcard tests/unit/test_*.c)
UNIT_HELP_SRC := $(filter-out $(UNIT_SRC),$(wildcard tests/unit/*.c))
UNIT_HELP_OBJ := $(UNIT_HELP_SRC:%.c=$(B)/obj/%.o)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(B)/tests/%)

STATIC_LIB := $(B)/libmif.a
SHARED_LIB := $(B)/libmif.so.$(VERSION)
SHARED_LINKS := $(B)/libmif.so.$(SOVERSION) $(B)/libmif.so

# The functions of libmif(3)'s SYNOPSIS (.Fn and .Fo): what libmif.so
# exports, and the names its page is installed under.
LIBMIF_PAGE := man/libmif.3
LIBMIF_FUNCTIONS := $(shell sed -n '/^\.Sh SYNOPSIS/,/^\.Sh /s/^\.F[no] \([A-Za-z0-9_]*\).*/\1/p' \
    $(LIBMIF_PAGE))

# The pages name the schema where the default PREFIX puts it; make
# install writes in the folder it installs the schema to.
PAGES_SCHEMADIR := /usr/local/share/miftools

MAN1 := $(wildcard man/*.1)
MAN3 := $(wildcard man/*.3)
MAN5 := $(wildcard man/*.5)
MAN7 := $(wildcard man/*.7)

FUZZ_SRC := $(wildcard tests/fuzz/fuzz_*.c)
FUZZ_BIN := $(FUZZ_SRC:tests/fuzz/%.c=build/fuzz/%)
FUZZ_SECONDS ?= 60

# ---- building -------------------------------------------------------------

all: $(STATIC_LIB) $(SHARED_LIB) $(SHARED_LINKS) $(TOOLS)

$(B)/gen/%.tab.c $(B)/gen/%.tab.h: grammar/%.y
	@mkdir -p $(@D)
	$(BISON) -d -o $(B)/gen/$*.tab.c $<

$(B)/gen/%.lex.c $(B)/gen/%.lex.h: grammar/%.l
	@mkdir -p $(@D)
	$(FLEX) --header-file=$(B)/gen/$*.lex.h -o $(B)/gen/$*.lex.c $<

# The XML Schema, built into the library as a C string (xml_read.c).
$(B)/gen/mif_xsd.h: schema/mif.xsd
	@mkdir -p $(@D)
	{ echo '/* Generated from schema/mif.xsd by the Makefile. */'; \
	  echo 'static const char mif_xsd_text[] ='; \
	  sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/^/"/' -e 's/$$/\\n"/' $<; \
	  echo ';'; } > $@

# One position-independent build serves the static and the shared library.
$(LIB_OBJ): PIC := -fPIC
# Sources may include the generated headers: make those first.
$(LIB_OBJ): | $(GEN_HDR)

$(B)/obj/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS_ALL) $(CFLAGS_ALL) $(PIC) -c -o $@ $<

$(B)/obj/gen/%.o: $(B)/gen/%.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS_ALL) $(CFLAGS_ALL) $(GEN_CFLAGS) $(PIC) -c -o $@ $<

$(STATIC_LIB): $(LIB_OBJ)
	@rm -f $@
	$(AR) rcs $@ $^

# The shared library exports the documented API only: the functions of
# libmif(3)'s SYNOPSIS.  Unit tests and tools link the static library.
$(B)/libmif.map: $(LIBMIF_PAGE)
	@mkdir -p $(@D)
	@{ printf '{\n  global:\n'; printf '    %s;\n' $(LIBMIF_FUNCTIONS); \
	  printf '  local: *;\n};\n'; } > $@

$(SHARED_LIB): $(LIB_OBJ) $(B)/libmif.map
	$(CC) $(LDFLAGS_ALL) -pthread -shared -Wl,-soname,libmif.so.$(SOVERSION) \
	    -Wl,--version-script=$(B)/libmif.map -o $@ $(LIB_OBJ) $(LIBS_ALL)

$(B)/libmif.so.$(SOVERSION): $(SHARED_LIB)
	ln -sf libmif.so.$(VERSION) $@

$(B)/libmif.so: $(B)/libmif.so.$(SOVERSION)
	ln -sf libmif.so.$(SOVERSION) $@

$(B)/mif-%: $(B)/obj/cli/mif-%.o $(CLI_OBJ) $(STATIC_LIB)
	$(CC) $(LDFLAGS_ALL) -pthread -o $@ $^ $(LIBS_ALL)

# The tools' shared helpers as an archive, so that a unit test that
# compiles one of them in takes the others only as it needs them.
$(B)/libcli.a: $(CLI_OBJ)
	rm -f $@
	$(AR) rcs $@ $^

$(B)/tests/test_%: $(B)/obj/tests/unit/test_%.o $(UNIT_HELP_OBJ) $(B)/libcli.a $(STATIC_LIB)
	@mkdir -p $(@D)
	$(CC) $(LDFLAGS_ALL) -pthread -o $@ $^ $(CMOCKA_LIBS) $(LIBS_ALL)

-include $(wildcard $(B)/obj/*/*.d $(B)/obj/*/*/*.d $(B)/obj/*/*/*/*.d)

# ---- testing --------------------------------------------------------------

# Install what a fresh Debian machine lacks (as root, or through sudo).
deps:
	@.ci/install-deps

check: deps
	@$(MAKE) --no-print-directory test

# What SANITIZE=thread runs: the unit tests that start threads or test
# what runs in them (TSAN_TESTS), and the golden cases of the tools that
# read their inputs in threads (TSAN_CASES: mif-diff reads OLD and NEW at
# once), with the tools those cases call.
TSAN_TESTS := split threads places diff input_encoding
TSAN_CASES := $(notdir $(wildcard tests/tools/diff-*))
TSAN_TOOLS := mif-diff mif-check mif-get

ifeq ($(SANITIZE),thread)
test: $(TSAN_TESTS:%=$(B)/tests/test_%) $(TSAN_TOOLS:%=$(B)/%)
	@mkdir -p $(B)/check; status=0; \
	for t in $(TSAN_TESTS:%=$(B)/tests/test_%); do \
		$(TEST_ENV) $$t || status=1; \
	done; \
	$(TEST_ENV) tests/tools/run $(B) $(TSAN_CASES) || status=1; \
	exit $$status
else
# Unit tests, golden tool tests, the contract of miftools(7) run against
# every tool, and lint; one summary line at the end.
test: all $(UNIT_BIN)
	@mkdir -p $(B)/check; rm -f $(B)/check/*.sum; status=0; \
	$(TEST_ENV) tests/unit/run --summary $(B)/check/unit.sum $(B) || status=1; \
	$(TEST_ENV) tests/tools/run --summary $(B)/check/tools.sum $(B) || status=1; \
	$(TEST_ENV) tests/contract/run --summary $(B)/check/contract.sum $(B) || status=1; \
	EXAMPLE_FLAGS="$(SAN_FLAGS)" $(TEST_ENV) \
	    tests/examples/run --summary $(B)/check/examples.sum $(B) || status=1; \
	tests/install/run --summary $(B)/check/install.sum "$(MAKE)" $(SANITIZE) || status=1; \
	if ! $(MAKE) --no-print-directory lint; then \
		echo "0 1" > $(B)/check/lint.sum; status=1; \
	fi; \
	cat $(B)/check/*.sum | awk '{ p += $$1; f += $$2 } \
	    END { printf "%d passed, %d failed\n", p, f }'; \
	exit $$status
endif

# Manual pages clean under mandoc's strictest lint (laid out as a manual
# tree for it, so that it finds the pages they refer to), a scanner
# that never backs up (one state per character: fast, and no surprises),
# no library file that includes a header of a layer above its own, every
# name of the library with its prefix, and a shared library that exports
# the functions libmif(3) documents.
lint: $(STATIC_LIB) $(SHARED_LIB)
	@tests/lint/layers-test.sh && tests/lint/layers.sh && tests/lint/headers.sh $(CC)
	@tests/lint/prefix.sh $(STATIC_LIB)
	@tests/lint/exports.sh $(SHARED_LIB) $(CC)
	@tmp=$$(mktemp -d); for f in $(MAN1) $(MAN3) $(MAN5) $(MAN7); do \
		mkdir -p $$tmp/man$${f##*.}; cp $$f $$tmp/man$${f##*.}/; \
	done; \
	PATH=$$PATH:/usr/sbin $(MAKEWHATIS) $$tmp; \
	out=$$(MANPATH=$$tmp $(MANDOC) -Tlint -Wstyle $(MAN1) $(MAN3) $(MAN5) $(MAN7) 2>&1); \
	rm -rf $$tmp; \
	if [ -n "$$out" ]; then printf '%s\n' "$$out"; exit 1; fi
	@src=$(CURDIR)/grammar/mif.l; tmp=$$(mktemp -d); \
	(cd $$tmp && $(FLEX) -b -o /dev/null $$src) || { rm -rf $$tmp; exit 1; }; \
	if ! grep -qx 'No backing up.' $$tmp/lex.backup; then \
		echo "grammar/mif.l: the scanner backs up:"; head -40 $$tmp/lex.backup; \
		rm -rf $$tmp; exit 1; \
	fi; rm -rf $$tmp

# ---- fuzzing and benchmarks -----------------------------------------------

# Each tests/fuzz/fuzz_NAME.c is a libFuzzer harness built with clang over
# the whole library.  It starts from tests/fuzz/corpus, the regression
# inputs and samples/; new inputs go to build/fuzz/corpus-NAME, crashes
# to build/fuzz/.
build/fuzz/fuzz_%: tests/fuzz/fuzz_%.c $(wildcard tests/fuzz/*.h tests/unit/*.h mif/*.h) $(LIB_HDR) $(LIB_SRC) \
    $(GEN_SRC) $(GEN_HDR)
	@mkdir -p $(@D)
	$(CLANG) -std=c11 -g -O1 -fsanitize=fuzzer,address,undefined -DJPULL_CHUNK=61 \
	    -D_POSIX_C_SOURCE=200809L $(INCLUDES) $(XML_CFLAGS) $(JSON_CFLAGS) $(YAJL_CFLAGS) $(SQLITE_CFLAGS) $(GEN_CFLAGS) \
	    -o $@ $< $(LIB_SRC) $(GEN_SRC) $(XML_LIBS) $(JSON_LIBS) $(YAJL_LIBS) $(SQLITE_LIBS) -lm

fuzz:
	@.ci/install-deps clang
	@$(MAKE) --no-print-directory SANITIZE= $(FUZZ_BIN)
	@for f in $(FUZZ_BIN); do \
		name=$${f##*/}; mkdir -p build/fuzz/corpus-$$name; \
		dirs=build/fuzz/corpus-$$name; \
		for d in tests/fuzz/corpus tests/fuzz/regressions samples; do \
			[ -d $$d ] && dirs="$$dirs $$d"; \
		done; \
		dict=; [ -f tests/fuzz/mif.dict ] && dict=-dict=tests/fuzz/mif.dict; \
		echo "$$f: $(FUZZ_SECONDS) s on $$dirs"; \
		$$f -max_total_time=$(FUZZ_SECONDS) -artifact_prefix=build/fuzz/ \
		    $$dict $$dirs || exit 1; \
	done

bench: all
	@.ci/install-deps time libxml2-utils hyperfine
	tests/bench/run $(B)

# Growth curves on hostile inputs (tests/stress/README); not part of check.
stress: all
	@.ci/install-deps time
	tests/stress/run $(B)

# ---- showing --------------------------------------------------------------

# The README's picture of mif-audit -f html (tests/screenshot/run).
screenshot: all
	@.ci/install-deps chromium optipng
	tests/screenshot/run $(B)

DEMO_VALID := samples/corpus/os2tk45_names.mif
DEMO_INVALID := samples/corpus/writer-missing-end-group.mif
DEMO_MESSY := samples/messy.mif

# Each command is shown as typed, then run from the top of the tree.
demo: deps
	@$(MAKE) --no-print-directory all
	@rm -rf $(B)/demo; mkdir -p $(B)/demo; PATH=$(CURDIR)/$(B):$$PATH; \
	run() { printf '\n$$ %s\n' "$$*"; eval "$$*"; }; \
	run 'mif-check $(DEMO_VALID) && echo "(exit 0: no errors)"' && \
	run 'mif-check $(DEMO_INVALID) || echo "(exit $$?: errors)"' && \
	run 'mif-check samples/*.mif && echo "(exit 0: all valid)"' && \
	run 'cat $(DEMO_MESSY)' && \
	run 'mif-fmt $(DEMO_MESSY)' && \
	run 'mif-fmt --check $(DEMO_MESSY) || echo "(exit $$?: not canonical)"' && \
	run 'mif-fmt $(DEMO_MESSY) > $(B)/demo/messy.mif' && \
	run 'mif-fmt $(B)/demo/messy.mif | cmp - $(B)/demo/messy.mif && echo "(stable)"' && \
	run 'cp $(DEMO_MESSY) $(DEMO_VALID) $(B)/demo/' && \
	run 'mif-fmt -l $(B)/demo/*.mif' && \
	run 'mif-fmt -w $(B)/demo/*.mif && mif-fmt --check $(B)/demo/*.mif && echo "(all canonical now)"' && \
	run 'mif-fmt --encoding utf-16le --newline crlf $(DEMO_VALID) | od -c | head -3' && \
	run 'cat samples/sched/kb-fast-at-3pm.timeline' && \
	run 'mif-sched --all-assignments samples/sched/kb-adverts.mif samples/sched/kb-fast-at-3pm.timeline' && \
	run 'mif-status --sms 1.0 --replay samples/jobs/seed-history.mif --until 1996-06-03T23:59:59 | mif-get -H -g "Detailed Status"' && \
	run 'mif-expire --sms 1.1 --explain samples/jobs/seed-day1.mif > $(B)/demo/expired-1.1.mif' && \
	run 'tests/demo/side-by-side samples/jobs/seed-day1.mif' && \
	run 'mif-audit --inventory samples/jobs/inventory samples/jobs/seed-history.mif'

# ---- installing -----------------------------------------------------------

install: all
	$(INSTALL) -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(LIBDIR) \
	    $(DESTDIR)$(INCLUDEDIR)/mif $(DESTDIR)$(PKGCONFIGDIR) \
	    $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man3 $(DESTDIR)$(MANDIR)/man5 \
	    $(DESTDIR)$(MANDIR)/man7 \
	    $(DESTDIR)$(SCHEMADIR) $(DESTDIR)$(COMPLETIONDIR)
	$(INSTALL) -m 755 $(TOOLS) $(DESTDIR)$(BINDIR)
	$(INSTALL) -m 644 $(STATIC_LIB) $(DESTDIR)$(LIBDIR)
	$(INSTALL) -m 755 $(SHARED_LIB) $(DESTDIR)$(LIBDIR)
	ln -sf libmif.so.$(VERSION) $(DESTDIR)$(LIBDIR)/libmif.so.$(SOVERSION)
	ln -sf libmif.so.$(SOVERSION) $(DESTDIR)$(LIBDIR)/libmif.so
	$(INSTALL) -m 644 mif/mif.h $(DESTDIR)$(INCLUDEDIR)
	$(INSTALL) -m 644 $(PUBLIC_HDR) $(DESTDIR)$(INCLUDEDIR)/mif
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@LIBDIR@|$(LIBDIR)|' \
	    -e 's|@INCLUDEDIR@|$(INCLUDEDIR)|' -e 's|@VERSION@|$(VERSION)|' \
	    -e 's|@REQUIRES_PRIVATE@|$(XML_PC) $(JSON_PC) $(YAJL_PC) $(SQLITE_PC)|' mif.pc.in \
	    > $(DESTDIR)$(PKGCONFIGDIR)/mif.pc
	for p in $(MAN1) $(MAN3) $(MAN5) $(MAN7); do \
	    to=$(DESTDIR)$(MANDIR)/man$${p##*.}/$${p#man/}; \
	    sed 's|$(PAGES_SCHEMADIR)/|$(SCHEMADIR)/|g' $$p > $$to && chmod 644 $$to || exit 1; \
	done
	for f in $(LIBMIF_FUNCTIONS); do \
	    echo '.so man3/libmif.3' > $(DESTDIR)$(MANDIR)/man3/$$f.3; done
	$(INSTALL) -m 644 schema/mif.xsd $(DESTDIR)$(SCHEMADIR)
	$(INSTALL) -m 644 completion/miftools.bash $(DESTDIR)$(COMPLETIONDIR)/miftools
	for t in $(TOOLS:$(B)/%=%); do ln -sf miftools $(DESTDIR)$(COMPLETIONDIR)/$$t; done

# The Debian packages of debian/, built in a copy of the tree under
# build/deb/ (dpkg-buildpackage writes them beside the tree it builds:
# there, not in the folder above this one), then checked by lintian.
DEB_DIR := build/deb
DEB_TREE := $(DEB_DIR)/miftools-$(VERSION)

deb:
	@.ci/install-deps build-essential debhelper dpkg-dev fakeroot lintian
	rm -rf $(DEB_DIR); mkdir -p $(DEB_TREE)
	tar cf - --exclude=./build --exclude=./build-san --exclude=./.git . | \
	    tar xf - -C $(DEB_TREE)
	cd $(DEB_TREE) && dpkg-buildpackage -us -uc -b
	rm -rf $(DEB_TREE)
	lintian --fail-on error,warning $(DEB_DIR)/*.changes
	@ls $(DEB_DIR)/*.deb

uninstall:
	rm -f $(TOOLS:$(B)/%=$(DESTDIR)$(BINDIR)/%)
	rm -f $(DESTDIR)$(LIBDIR)/libmif.a $(DESTDIR)$(LIBDIR)/libmif.so.$(VERSION) \
	    $(DESTDIR)$(LIBDIR)/libmif.so.$(SOVERSION) $(DESTDIR)$(LIBDIR)/libmif.so
	rm -f $(DESTDIR)$(INCLUDEDIR)/mif.h $(DESTDIR)$(PKGCONFIGDIR)/mif.pc
	rm -f $(PUBLIC_HDR:mif/%=$(DESTDIR)$(INCLUDEDIR)/mif/%)
	-rmdir $(DESTDIR)$(INCLUDEDIR)/mif
	rm -f $(MAN1:man/%=$(DESTDIR)$(MANDIR)/man1/%) \
	    $(MAN3:man/%=$(DESTDIR)$(MANDIR)/man3/%) \
	    $(MAN5:man/%=$(DESTDIR)$(MANDIR)/man5/%) \
	    $(MAN7:man/%=$(DESTDIR)$(MANDIR)/man7/%)
	rm -f $(LIBMIF_FUNCTIONS:%=$(DESTDIR)$(MANDIR)/man3/%.3)
	rm -f $(DESTDIR)$(SCHEMADIR)/mif.xsd
	rm -f $(DESTDIR)$(COMPLETIONDIR)/miftools \
	    $(TOOLS:$(B)/%=$(DESTDIR)$(COMPLETIONDIR)/%)

clean:
	rm -rf build build-san build-tsan

.PHONY: all deps check test lint fuzz bench stress demo screenshot install deb uninstall clean
.DELETE_ON_ERROR:
# Keep objects and generated sources that only pattern rules name.
.SECONDARY:
