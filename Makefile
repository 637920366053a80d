# tapscope — build, set-up, tests and benchmarks (plain make + pkg-config, like iproute2)
PREFIX  ?= /usr/local
DESTDIR ?=
CC      ?= cc
CFLAGS  ?= -O2 -g
ifeq ($(CI),true)
WERROR  := -Werror
endif

CORE_PKGS := libpcap libnl-3.0 libnl-route-3.0 liburing
UI_PKGS   := ncursesw panelw formw
# Debian packages that building, running and testing need (make deps installs the missing ones)
DEB_PKGS  := gcc make pkg-config libncurses-dev libpcap-dev libnl-3-dev libnl-route-3-dev liburing-dev \
             libcmocka-dev iproute2 iputils-ping arping tcpdump tshark tmux procps \
             clang libclang-rt-14-dev strace python3 util-linux \
             golang-github-google-gopacket-dev python3-dpkt
# (the last two ship other decoders' test captures: tests/integ/public_captures.sh)

PKG_CFLAGS = $(shell pkg-config --cflags $(CORE_PKGS) $(UI_PKGS) 2>/dev/null)
CORE_LIBS  = $(shell pkg-config --libs $(CORE_PKGS) 2>/dev/null)
UI_LIBS    = $(shell pkg-config --libs $(UI_PKGS) 2>/dev/null)

override CFLAGS   += -std=c11 -Wall -Wextra $(WERROR)
override CPPFLAGS += -D_GNU_SOURCE -Isrc $(PKG_CFLAGS)

B := build
CORE_SRC := $(filter-out src/main.c,$(wildcard src/*.c))
CORE_OBJ := $(CORE_SRC:%.c=$(B)/%.o)
UI_SRC   := $(wildcard ui/*.c)
UI_OBJ   := $(UI_SRC:%.c=$(B)/%.o)
UNIT_SRC := $(wildcard tests/unit/test_*.c)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(B)/tests/%)
TOOL_SRC := $(wildcard tests/tools/*.c)
TOOL_BIN := $(TOOL_SRC:tests/tools/%.c=$(B)/tools/%)

.PHONY: all deps run test unit check bench fuzz screenshots install uninstall clean
all: tapscope

$(B)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) -MMD -MP -c -o $@ $<

$(B)/libtapscope.a: $(CORE_OBJ)
	$(AR) rcs $@ $^

tapscope: $(B)/src/main.o $(UI_OBJ) $(B)/libtapscope.a
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(UI_LIBS) $(CORE_LIBS)

$(B)/tests/%: tests/unit/%.c $(B)/libtapscope.a
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) -o $@ $< $(B)/libtapscope.a $(CORE_LIBS) -lcmocka

# tapscope under AddressSanitizer and UndefinedBehaviorSanitizer (tests/integ/public_captures.sh)
SAN_FLAGS := -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer
$(B)/asan/tapscope: $(CORE_SRC) src/main.c $(UI_SRC) $(wildcard src/*.h ui/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) -std=c11 $(SAN_FLAGS) -o $@ $(CORE_SRC) src/main.c $(UI_SRC) $(UI_LIBS) $(CORE_LIBS)

$(B)/tools/%: tests/tools/%.c $(B)/libtapscope.a
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) -o $@ $< $(B)/libtapscope.a $(CORE_LIBS)

# Install the Debian packages that are missing; quiet when everything is present.
deps:
	@missing=""; for p in $(DEB_PKGS); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" != 0 ]; then echo "make deps: missing Debian packages:$$missing — run: sudo make deps" >&2; exit 1; fi; \
	  echo "make deps: installing$$missing"; \
	  echo 'wireshark-common wireshark-common/install-setuid boolean false' | debconf-set-selections; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null || exit 1; \
	fi

run: deps
	@$(MAKE) --no-print-directory tapscope
	@echo "tapscope: namespace 'tapscope', device tap0, 10.18.0.1/24. From another terminal:"
	@echo "    sudo ip netns exec tapscope ping 10.18.0.3"
	@echo "The peers start silent: press n (ARP/NDP answers) and e (echo replies); ? lists the keys."
	@echo "q quits; the device and the namespace are removed."
	@sleep 2
	./tapscope --netns tapscope $(RUN_ARGS)

RUN_ARGS ?=

unit: $(UNIT_BIN)

test: deps
	@$(MAKE) --no-print-directory tapscope unit $(TOOL_BIN) $(B)/asan/tapscope
	@tests/run.sh

bench: deps
	@$(MAKE) --no-print-directory tapscope $(TOOL_BIN)
	@tests/bench/run.sh

install: tapscope
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 tapscope $(DESTDIR)$(PREFIX)/bin/tapscope
	install -m 644 tapscope.1 $(DESTDIR)$(PREFIX)/share/man/man1/tapscope.1

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/tapscope $(DESTDIR)$(PREFIX)/share/man/man1/tapscope.1

clean:
	rm -rf $(B) tapscope tests/out

-include $(shell find $(B) -name '*.d' 2>/dev/null)

# Screenshots render real terminal sessions (tmux -> aha -> headless Chromium)
SHOT_PKGS := aha chromium fonts-dejavu-core
screenshots: deps
	@$(MAKE) --no-print-directory deps DEB_PKGS="$(SHOT_PKGS)"
	@$(MAKE) --no-print-directory tapscope
	@tests/screenshots.sh

FUZZ_SECONDS ?= 600
fuzz: deps
	@tests/fuzz/run.sh $(FUZZ_SECONDS)
