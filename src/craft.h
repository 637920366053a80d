/* craft.h — the crafting engine: one text spec -> the bytes that make the kernel receive an ICMP/ICMPv6 packet. */
#ifndef TAPSCOPE_CRAFT_H
#define TAPSCOPE_CRAFT_H

#include <stddef.h>
#include <stdint.h>

#include "addrset.h"
#include "frame.h"
#include "tok.h"

/*
 * Spec grammar (tokens separated by blanks; names case-insensitive; numbers decimal or 0x hex):
 *   icmp|icmp6 field=value ...
 * A value may be double-quoted ("..."; \" and \\ escape) to hold blanks: payload="text:a b".
 * Fields (see craft_fields()): type code src dst id seq ttl|hlim tos|tclass flow df ipid
 *   payload=text:..|hex:..|size:N  quote=last|frame:N|none  checksum=auto|bad|0..0xffff
 *   answer=last|frame:N (echo replies: the request's id, seq and data, its addresses swapped)
 *   count=N interval=DURATION (ns, us, ms, s, m; bare number = seconds; "2.5s")
 *   smac dmac (tap only)  mtu gateway pointer target rdst flags lifetime curhlim prefix lladdr
 *
 * Defaults, resolved by craft_build when a field is omitted:
 *   type     echo-request          code   0 (frag-needed etc. when named)
 *   src      the inner packet's dst when quoting (quote=last or frame:N), else addrset_default_peer() of the family;
 *            RA and ICMPv6 redirect: fe80:: plus that peer's interface id (must be link-local)
 *   dst      the inner packet's src when quoting; RS ff02::2, RA ff02::1, NS the
 *            solicited-node group of target; else the device's first address of the family
 *   id 1, seq 1 (+ repeat), ttl/hlim 64 (NDP 255), tos 0, flow 0, df off,
 *   ipid     ctx->next_ip_id + repeat
 *   payload  size:56 for echo, nothing otherwise (pattern: byte i = i & 0xff)
 *   quote    error messages without quote= or payload= quote a stand-in: IP + UDP headers
 *            from dst port 40000 to src port 33434; quote=none sends no quote at all
 *   mtu      1400 (v4 frag-needed), 1280 (packet-too-big)
 *   target   NS: the device's first IPv6 address; NA: src. rdst: target.
 *   flags    NA: S,O to a unicast dst, O to a multicast dst; RA: none
 *   lifetime 1800 s (router adverts); curhlim 64 (RA)
 *   lladdr   auto: on tap, NDP carries the source (RS/RA/NS) or target (NA, redirect)
 *            link-layer address option; none: omit; or an explicit MAC
 *   smac     peer_mac(src); dmac: the device's MAC, 33:33:.. / 01:00:5e:.. for multicast
 *   count 1, interval 1s
 */

#define CRAFT_PAYLOAD_MAX 2048	/* bytes of text:/hex: payload kept in a spec */
#define CRAFT_SIZE_MAX 65000	/* largest size:N */

enum craft_field {
	CRAFT_F_TYPE, CRAFT_F_CODE, CRAFT_F_SRC, CRAFT_F_DST, CRAFT_F_ID, CRAFT_F_SEQ,
	CRAFT_F_TTL, CRAFT_F_TOS, CRAFT_F_FLOW, CRAFT_F_DF, CRAFT_F_IPID, CRAFT_F_PAYLOAD,
	CRAFT_F_QUOTE, CRAFT_F_CHECKSUM, CRAFT_F_COUNT, CRAFT_F_INTERVAL, CRAFT_F_SMAC,
	CRAFT_F_DMAC, CRAFT_F_MTU, CRAFT_F_GATEWAY, CRAFT_F_POINTER, CRAFT_F_TARGET,
	CRAFT_F_RDST, CRAFT_F_FLAGS, CRAFT_F_LIFETIME, CRAFT_F_CURHLIM, CRAFT_F_PREFIX,
	CRAFT_F_LLADDR, CRAFT_F_ANSWER,
	CRAFT_F_COUNT_OF_FIELDS
};

enum craft_payload { CRAFT_PAYLOAD_NONE, CRAFT_PAYLOAD_TEXT, CRAFT_PAYLOAD_HEX, CRAFT_PAYLOAD_SIZE };
enum craft_csum { CRAFT_CSUM_AUTO, CRAFT_CSUM_BAD, CRAFT_CSUM_VALUE };
enum craft_lladdr { CRAFT_LLADDR_AUTO, CRAFT_LLADDR_NONE, CRAFT_LLADDR_MAC };

/* Neighbor Advertisement flags (RFC 4861 4.4) and Router Advertisement flags (4.2). */
#define CRAFT_NA_ROUTER 0x80
#define CRAFT_NA_SOLICITED 0x40
#define CRAFT_NA_OVERRIDE 0x20
#define CRAFT_RA_MANAGED 0x80
#define CRAFT_RA_OTHER 0x40

/* A parsed spec: plain data, copyable. Only fields whose bit is in `given` were in the text. */
struct craft_spec {
	int v6;			/* 0: icmp (IPv4), 1: icmp6 */
	uint32_t given;		/* 1u << enum craft_field for each field present */
	uint8_t type, code;
	uint8_t src[16], dst[16];	/* IPv4 uses the first 4 bytes */
	uint16_t id, seq;
	uint8_t ttl, tos;
	uint32_t flow;		/* IPv6 flow label, 20 bits */
	int df;
	uint16_t ip_id;
	enum craft_payload payload_kind;
	uint32_t payload_len;	/* bytes in payload[], or N for size:N */
	uint8_t payload[CRAFT_PAYLOAD_MAX];
	int quote_last;		/* quote= or answer= last or frame:N: a real packet to quote or answer */
	uint64_t quote_frame;	/* frame:N: N (0: the kernel's last packet) */
	int answer;		/* answer=: an echo reply taking id, seq and data from that request */
	enum craft_csum csum_mode;
	uint16_t csum_value;
	unsigned count;
	uint64_t interval_ns;
	uint8_t smac[6], dmac[6];
	uint32_t mtu;
	uint8_t gateway[4];
	uint32_t pointer;
	uint8_t target[16], rdst[16];
	uint8_t flags;		/* CRAFT_NA_* or CRAFT_RA_* */
	uint16_t lifetime;
	uint8_t curhlim;
	uint8_t prefix[16];
	uint8_t prefix_len;
	enum craft_lladdr lladdr_mode;
	uint8_t lladdr[6];	/* CRAFT_LLADDR_MAC */
};

/* Where a crafted packet goes. */
struct craft_ctx {
	int tap;		/* 1: Ethernet II frames (tap), 0: raw IP (tun) */
	int pi;			/* 1: prepend the 4-byte tun PI header (flags 0, proto = ethertype) */
	uint8_t dev_mac[6];	/* the tap device's MAC (default dmac) */
	const struct addrset *addrs;	/* the device's own addresses; may be NULL */
	const struct frame *last_in;	/* last frame the kernel sent into the device; may be NULL */
	/* quote=frame:N: frame N if it is still kept, else NULL; find_frame may be NULL */
	const struct frame *(*find_frame)(void *arg, uint64_t number);
	void *find_arg;
	uint16_t next_ip_id;	/* default IPv4 id (+ repeat) */
};


/* Parses a spec. Returns 0, or -EINVAL with a message naming the offending token in err. */
int craft_parse(const char *text, struct craft_spec *out, char *err, size_t errlen);

/* Where a spec went wrong, besides a field (enum craft_field): */
#define CRAFT_AT_NONE (-1)	/* no error, or the spec as a whole (empty, too long, a quote left open) */
#define CRAFT_AT_PROTO (-2)	/* the first word (icmp or icmp6) */
#define CRAFT_AT_UNKNOWN (-3)	/* a word that names no field */
/* craft_parse, and on error *where (may be NULL) gets the field at fault (enum craft_field,
 * or CRAFT_AT_*), so a form can put the message beside that field without reading it. */
int craft_parse_at(const char *text, struct craft_spec *out, char *err, size_t errlen, int *where);

/* Builds the bytes to write to the tun/tap fd for repeat number `repeat` (0-based: seq and
 * the default ip id advance by it). Returns 0 with *len set, or -EINVAL / -ENOENT / -ENOSPC
 * with a message in err (no address to default to, nothing to quote, buffer too small). */
int craft_build(const struct craft_spec *s, const struct craft_ctx *ctx, unsigned repeat,
		uint8_t *buf, size_t cap, size_t *len, char *err, size_t errlen);

/* Writes the canonical spec text (given fields only, fixed order); parse(format(x)) == x.
 * Returns the length it needed (like snprintf) or -ENOSPC when n is too small. */
int craft_format(const struct craft_spec *s, char *out, size_t n);

/* "500ms", "2s", "2.5s", "1m" (ns, us, ms, s, m; a bare number is seconds), at most an hour,
 * into nanoseconds. 0 or -EINVAL. */
int craft_parse_duration(const char *text, uint64_t *ns);

/* How many packets to send (count=, default 1) and the gap between them (interval=, default 1s). */
unsigned craft_count(const struct craft_spec *s);
uint64_t craft_interval_ns(const struct craft_spec *s);

/* Name tables for the UI form: ICMP (v6=0) or ICMPv6 types, the named codes of one type
 * (a table holding only the end row when the type has none), and the spec's fields. */
const struct tok *craft_icmp_types(int v6);
const struct tok *craft_icmp_codes(int v6, int type);
const struct tok *craft_fields(void);

/* The name of a type or code, or NULL when it has none. */
const char *craft_type_name(int v6, int type);
const char *craft_code_name(int v6, int type, int code);

#endif
