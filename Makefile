# Makefile for goli. `make` builds ./goli; `make test` runs every test and
# ends with one summary line; `make deps` installs what a fresh Debian 12
# machine lacks. Generated C (re2c scanner, lemon parser) goes under $(B)/
# and is never committed.

CC      ?= gcc
B       ?= build
# Packages the build and the tests need (Debian 12 names).
DEPS    := re2c lemon libgc-dev libcriterion-dev libedit-dev libgmp-dev libmpfr-dev pkg-config tzdata tmux

WARN    := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
           -Wno-sign-compare -Wno-missing-field-initializers
OPT     ?= -O2 -g
CFLAGS  ?=
CFLAGS  += -std=c11 $(OPT) $(WARN) -D_GNU_SOURCE -DGC_THREADS \
           -I. -I$(B)/gen $(SAN) $(EXTRA_CFLAGS)
LDLIBS  := -l:libmpfr.a -l:libgmp.a -lgc -lpthread -ldl -lm
LDFLAGS += $(SAN)

# Warnings lemon's generated C trips over (see ../shared/notes/go-grammar-lalr.md).
GEN_WARN := -Wno-unused-variable -Wno-unused-parameter -Wno-type-limits \
            -Wno-missing-prototypes -Wno-unused-but-set-variable

DIRS    := common lexer parser compiler vm runtime stdlib repl
SRCS    := $(sort $(shell find $(DIRS) -name "*.c" 2>/dev/null))
OBJS    := $(SRCS:%.c=$(B)/obj/%.o)
LIB_GOL := $(sort $(shell find stdlib -name "*.gol" 2>/dev/null))
GEN_C   := $(if $(wildcard lexer/scan.re),$(B)/gen/lexer/scan.c) \
           $(if $(wildcard parser/go.y),$(B)/gen/parser/go.c) \
           $(B)/gen/stdlib/sources.c
GEN_O   := $(GEN_C:$(B)/gen/%.c=$(B)/obj/gen/%.o)
LIB     := $(B)/libgoli.a
UNIT_SRCS := $(wildcard tests/unit/*.c)
UNIT_OBJS := $(UNIT_SRCS:%.c=$(B)/obj/%.o)

.DELETE_ON_ERROR:
.PHONY: all deps test unit asan tsan stress fuzz fuzz-repl clean bench-parse

all: goli

goli: $(B)/goli
	@if [ "$(B)" = build ]; then cp $(B)/goli goli; fi

$(B)/goli: $(B)/obj/goli.o $(LIB)
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(LIB): $(OBJS) $(GEN_O)
	@rm -f $@
	ar rcs $@ $^

# Generated sources. Objects that include the parser's token header wait
# for it.
$(B)/gen/lexer/scan.c: lexer/scan.re
	@mkdir -p $(@D)
	re2c -W -Werror -8 --no-generation-date -o $@ $<

$(B)/gen/parser/go.c $(B)/gen/parser/go.h: parser/go.y
	@mkdir -p $(B)/gen/parser
	lemon -q -d$(B)/gen/parser $<
	@touch $(B)/gen/parser/go.h   # lemon leaves an unchanged header as it was

# The standard library's Go sources, embedded (stdlib/embed.sh).
$(B)/gen/stdlib/sources.c: $(LIB_GOL) stdlib/embed.sh
	@mkdir -p $(@D)
	stdlib/embed.sh $@ $(LIB_GOL)

$(OBJS) $(B)/obj/goli.o $(UNIT_OBJS): | $(GEN_C)

$(B)/obj/gen/%.o: $(B)/gen/%.c
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(GEN_WARN) -MMD -MP -c -o $@ $<

$(B)/obj/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -MMD -MP -c -o $@ $<

# Unit tests: one criterion binary over the library.
$(B)/unit_tests: $(UNIT_OBJS) $(LIB)
	$(CC) $(LDFLAGS) -o $@ $^ -lcriterion $(LDLIBS)

unit: $(B)/unit_tests

# The fuzz mutator (tests/fuzz.sh).
$(B)/mutate: tests/fuzz/mutate.c
	@mkdir -p $(@D)
	$(CC) -O2 -Wall -Wextra -o $@ $<

# A long fuzz run: make fuzz FUZZ_COUNT=20000 FUZZ_SEED=7
FUZZ_COUNT ?= 5000
FUZZ_SEED  ?= 1
fuzz: asan $(B)/mutate
	tests/fuzz.sh build/asan/goli $(B)/mutate $(FUZZ_COUNT) $(FUZZ_SEED)

# The REPL's robustness run: make fuzz-repl FUZZ_REPL_LINES=10000
FUZZ_REPL_LINES ?= 10000
fuzz-repl: asan $(B)/mutate
	tests/fuzz-repl.sh build/asan/goli $(B)/mutate $(FUZZ_REPL_LINES) $(FUZZ_SEED)

test: all $(B)/unit_tests $(B)/mutate
	@B=$(B) tests/run-all.sh

# AddressSanitizer + UBSan build in build/asan/goli (used by tests/fuzz.sh).
asan:
	$(MAKE) B=build/asan OPT="-O1 -g" \
	    SAN="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined" \
	    build/asan/goli

bench-parse: all
	bench/parse.sh

# stress runs every concurrency golden STRESS_ROUNDS times (default 20)
# under GOMAXPROCS 1, 2, 4 and 8; make test runs a short form.
STRESS_ROUNDS ?= 20
stress: all
	GOLDEN_JOBS=4 tests/stress.sh $(B)/goli $(STRESS_ROUNDS)

# ThreadSanitizer build in build/tsan/goli. TSan delays the signals Boehm
# GC stops the world with, so its runs set GC_DONT_GC=1 (no collections).
tsan:
	$(MAKE) B=build/tsan OPT="-O1 -g" SAN="-fsanitize=thread" build/tsan/goli

# deps installs the Debian packages the build needs; it does nothing when
# all are present (as root: no sudo on a fresh machine).
deps:
	@missing=""; for p in $(DEPS); do \
	    dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	    echo "installing:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi

clean:
	rm -rf build goli

-include $(shell find $(B)/obj -name '*.d' 2>/dev/null)
