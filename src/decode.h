/* decode.h — the decoding engine: one frame in, a tree of Wireshark-named fields and a summary out. */
#ifndef TAPSCOPE_DECODE_H
#define TAPSCOPE_DECODE_H

#include <stdio.h>
#include <stddef.h>
#include <stdint.h>

#include "frame.h"
#include "tok.h"

/* How a field's value is shown (and written to JSON). */
enum field_type {
	FT_PROTO,	/* a protocol layer; its fields are its children */
	FT_GROUP,	/* a labelled subtree inside a layer (an option, a DNS record) */
	FT_UINT,	/* unsigned, decimal (JSON number) */
	FT_HEX,		/* unsigned, 0x-prefixed with 2 digits a byte of length (JSON number) */
	FT_BOOL,	/* one flag: "Set" / "Not set" (JSON 1 / 0, as tshark -T fields) */
	FT_MAC,		/* 6 bytes at off */
	FT_IPV4,	/* 4 bytes at off */
	FT_IPV6,	/* 16 bytes at off */
	FT_BYTES,	/* len bytes at off, shown as hex */
	FT_STRING,	/* len bytes of text at off, non-printables escaped */
	FT_DNSNAME,	/* a DNS name at off; value = offset of the DNS message (for compression) */
	FT_CSUM,	/* checksum status: value is enum csum_status */
	FT_EXPERT,	/* a note on the frame (truncated, malformed); value points to static text */
	FT_ABSTIME,	/* a wall-clock time: value = seconds << 20 | microseconds, shown in UTC */
};

/* Wireshark's numbers: 3 is an IPv4 UDP checksum of 0 ("not present"), 4 the same over IPv6 ("illegal"). */
enum csum_status { CSUM_BAD = 0, CSUM_GOOD = 1, CSUM_UNVERIFIED = 2, CSUM_NONE = 3, CSUM_ILLEGAL = 4 };

/*
 * Static description of one field. A name string lives at one address: fields that share a
 * name (icmp.code with different value tables) share the char array, so a name can be
 * recognised by its pointer.
 */
struct field_def {
	const char *name;	/* display-filter name: "ip.ttl" */
	const char *label;	/* title: "Time to Live" */
	enum field_type type;
	const struct tok *vals;	/* value -> name for FT_UINT/FT_HEX, or NULL */
	const char *unit;	/* appended to numbers (" bytes"), or NULL */
	const char *explain;	/* one plain sentence for a learner */
};

/* Every field_def is defined with FIELD_REG: the linker gathers them into one section, the
 * table of every field tapscope knows (decode_field_lookup), so a name typed in a find is
 * checked before a file is searched. aligned(8) keeps them back to back (48 bytes each). */
#define FIELD_REG __attribute__((used, section("tapscope_fields"), aligned(8)))

/* The field_def of that Wireshark name ("ip.ttl", "dns"), or NULL for a name no decoder has. */
const struct field_def *decode_field_lookup(const char *name);
/* The field types (1 << enum field_type) of the fields of that name: 0 for a name none has. */
unsigned decode_field_types(const char *name);
/* A known name close to name (a typo or two away), for "did you mean", or NULL. */
const char *decode_field_suggest(const char *name);
/* Typos between two names (a swap of neighbours is one), at most 3; and how many make a name
 * "near" another (1, or 2 past 6 characters). */
int decode_field_distance(const char *a, const char *b);
int decode_field_near(const char *name);
/* --fields: every field name, its kind and title, sorted, a line each. 0, or -1 (a write failed). */
int decode_fields_print(FILE *out);
/* How many field definitions there are (several may share a name, as icmp.code's tables). */
size_t decode_field_count(void);

/* One node of the tree. Nodes are stored in pre-order: a parent precedes its children. */
struct field {
	const struct field_def *def;
	uint64_t value;
	uint32_t off;		/* from the start of frame data (PI header included) */
	uint32_t len;
	int16_t parent;		/* index of the parent node, -1 at the top */
	uint8_t depth;		/* 0 for protocol layers at the top */
	uint8_t flags;		/* FIELD_HIDDEN */
};

/* A hidden field, as Wireshark has them (ip.version in an IPv6 header): found by find and kept
 * in -v and --json as tshark -T fields gives it, but not a row of the UI's tree. */
#define FIELD_HIDDEN 1

/* Protocol layers, in the order of a frame's "protocols" list; names as Wireshark's short names. */
enum decode_proto {
	PROTO_TUN, PROTO_ETH, PROTO_VLAN, PROTO_SLL, PROTO_ARP, PROTO_IP, PROTO_IPV6,
	PROTO_ICMP, PROTO_ICMPV6, PROTO_UDP, PROTO_TCP, PROTO_DNS, PROTO_DHCP, PROTO_DATA,
	PROTO_NULL, PROTO_PPP, PROTO_GRE, PROTO_ERSPAN, PROTO_VXLAN, PROTO_GENEVE, PROTO_MPLS,
	PROTO_PPPOES, PROTO_PPPOED, PROTO_AH, PROTO_L2TP, PROTO_LCP,
	PROTO_COUNT
};

#define DECODE_MAX_FIELDS 512
#define DECODE_MAX_PROTOS 16
#define DECODE_SUMMARY_MAX 1024

/* Reusable and fixed-size: decode_frame never allocates. Initialise with memset 0 or just decode. */
struct decoded {
	const uint8_t *data;	/* the frame's bytes (not copied: keep the frame while using this) */
	uint32_t caplen, len;
	uint64_t number;	/* the frame's number (frame.number) */
	uint32_t pi_len;	/* a tun PI header's bytes at the start (not in a saved file's frame.len) */
	int64_t ts_sec;		/* the frame's arrival time (a ping's timestamp is judged against it) */
	int nfields;
	int overflow;		/* more fields than DECODE_MAX_FIELDS: the rest were dropped */
	int truncated;		/* the capture ended inside a layer (see trunc_proto) */
	int malformed;		/* a length or value inside the frame contradicts the frame */
	int trunc_proto;	/* enum decode_proto of the layer that was cut, or -1 */
	int nprotos;
	uint8_t protos[DECODE_MAX_PROTOS];
	struct field fields[DECODE_MAX_FIELDS];

	/* decoder state: where new nodes go, and what lower layers told upper ones */
	int cur_parent;
	int cur_depth;
	int summary_only;	/* decode_frame_summary: the line alone, no tree and no checksums */
	int inner;		/* > 0 while decoding the packet quoted in an ICMP error */
	int encap;		/* tunnels entered so far (GRE, VXLAN, IP-in-IP...): bounded */
	size_t summary_len;
	size_t info_off;	/* where the innermost packet's text starts after its "IP a > b: " (decode_info) */
	char summary[DECODE_SUMMARY_MAX];
};

/* The direction a link header itself records, for a file that keeps none of its own: a Linux
 * cooked capture's packet type (4, sent by us: FRAME_OUT; 0-3, received: FRAME_IN), as tcpdump
 * prints Out and In, and PPP_WITH_DIR's first byte (1 sent, 0 received); else FRAME_DIR_UNKNOWN. */
enum frame_dir decode_link_dir(int dlt, const uint8_t *data, uint32_t caplen);
/* True for the link types whose header records one (the file's readers ask once a file). */
int decode_link_has_dir(int dlt);

/*
 * Decodes f into d. Never reads past f->caplen. Returns the number of nodes (>= 1 for any
 * frame with caplen > 0; a frame of unknown link type becomes one data node).
 */
int decode_frame(struct decoded *d, const struct frame *f);
/* The summary line of f alone (decode_summary): no field tree is built and no checksum is
 * verified, so it costs a fraction of decode_frame. The protocol list is filled. Returns 0. */
int decode_frame_summary(struct decoded *d, const struct frame *f);

/* tcpdump -n style one-liner: "IP 10.18.0.1 > 10.18.0.3: ICMP echo request, id 7, seq 1, length 64". */
const char *decode_summary(const struct decoded *d);

/* Wireshark's Info column: the summary from past the innermost "IP a > b: " (or "IP6"), whose
 * addresses and ports the other columns show; the whole summary when it has none. */
const char *decode_info(const struct decoded *d);

/* The field tree. i is 0 .. decode_count()-1; nodes are in pre-order. */
int decode_count(const struct decoded *d);
const struct field *decode_field(const struct decoded *d, int i);
const char *decode_name(const struct decoded *d, int i);	/* "ip.ttl" */
const char *decode_label(const struct decoded *d, int i);	/* "Time to Live" */
const char *decode_explain(const struct decoded *d, int i);	/* one sentence */
uint32_t decode_offset(const struct decoded *d, int i);
uint32_t decode_length(const struct decoded *d, int i);
int decode_parent(const struct decoded *d, int i);		/* -1 at the top */
int decode_depth(const struct decoded *d, int i);
/* The display text of node i ("64", "0x4a21 [correct]", "Echo (ping) request (8)"...), formatted now. */
size_t decode_text(const struct decoded *d, int i, char *buf, size_t len);

/* A checksum status node's value in words: "good", "bad", "not present", "illegal", "unverified". */
const char *decode_csum_word(uint64_t value);

/* The bare value of node i for machine output: numbers in decimal, addresses, names without quotes. */
size_t decode_value_text(const struct decoded *d, int i, char *buf, size_t len);

/* Protocol layers in order, e.g. eth, ip, icmp, ip, udp for an ICMP error quoting a UDP packet. */
int decode_nprotos(const struct decoded *d);
const char *decode_proto_name(const struct decoded *d, int k);	/* "eth", "ip", ... */
const char *decode_proto_short(enum decode_proto p);

#endif
