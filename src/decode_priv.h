/* decode_priv.h — what protocol decoders share: adding nodes, the summary line, dispatch between layers. */
#ifndef TAPSCOPE_DECODE_PRIV_H
#define TAPSCOPE_DECODE_PRIV_H

#include "cursor.h"
#include "decode.h"
#include "fmtbuf.h"

/* The network layer as the transport layer needs it (pseudo-header, summary addresses). */
struct l3info {
	int af;			/* 4 or 6 */
	const uint8_t *src, *dst;
	uint32_t src_off, dst_off;
	uint32_t claimed;	/* upper-layer length the IP header claims (summaries show this, like tcpdump) */
	uint32_t plen;		/* the same, cut to what the frame holds on the wire (checksums cover this) */
	int fragment;		/* the payload is a fragment: no checksum over it is possible */
	int summary_open;	/* the summary has "IP " but not yet the addresses (transport adds them) */
	int ports_only;		/* IPv6 after extension headers: tcpdump writes "sport > dport: " alone */
	int jumbo;		/* an IPv6 jumbogram: UDP's length field is 0, claimed is the real length */
};

/* False while only the summary is wanted (decode_frame_summary): skip work that only feeds the tree. */
static inline int dec_tree(const struct decoded *d) { return !d->summary_only; }

/* Opens a group node (option, record) inside the current layer. */
int dec_group_node(struct decoded *d, const struct field_def *def, uint32_t off, uint32_t len);
static inline int dec_group(struct decoded *d, const struct field_def *def, uint32_t off, uint32_t len)
{
	return d->summary_only ? -1 : dec_group_node(d, def, off, len);
}
/* Opens a layer node covering [off, off+len) and makes it the parent of what follows. */
static inline int dec_open(struct decoded *d, enum decode_proto p, const struct field_def *def, uint32_t off,
			   uint32_t len)
{
	if (d->nprotos < DECODE_MAX_PROTOS)
		d->protos[d->nprotos++] = (uint8_t)p;
	return dec_group(d, def, off, len);
}
/* Closes the node opened as idx: its parent becomes current again. end fixes its length (0: keep). */
void dec_close_node(struct decoded *d, int idx, uint32_t end);
static inline void dec_close(struct decoded *d, int idx, uint32_t end)
{
	if (idx >= 0)
		dec_close_node(d, idx, end);
}
/* Stores a node (the slow path of the helpers below); -1 when the tree is full or not wanted. */
int dec_node(struct decoded *d, const struct field_def *def, uint32_t off, uint32_t len, uint64_t value);

/* Adds a leaf; returns its index or -1 when the tree is full. (Inline: in summary-only decoding
 * every node is skipped at the cost of one test.) */
static inline int dec_add(struct decoded *d, const struct field_def *def, uint32_t off, uint32_t len, uint64_t value)
{
	return d->summary_only ? -1 : dec_node(d, def, off, len, value);
}

/* Read-and-add helpers: read at the cursor, add a node there, return the value (0 when short). */
static inline unsigned dec_u8(struct decoded *d, struct cursor *c, const struct field_def *def)
{
	unsigned v;

	if (!cursor_has(c, 1)) {
		c->truncated = 1;
		return 0;
	}
	v = c->buf[c->off];
	dec_add(d, def, c->off++, 1, v);
	return v;
}

static inline unsigned dec_be16(struct decoded *d, struct cursor *c, const struct field_def *def)
{
	unsigned v;

	if (!cursor_has(c, 2)) {
		c->truncated = 1;
		return 0;
	}
	v = (unsigned)(c->buf[c->off] << 8 | c->buf[c->off + 1]);
	dec_add(d, def, c->off, 2, v);
	c->off += 2;
	return v;
}

static inline uint32_t dec_be32(struct decoded *d, struct cursor *c, const struct field_def *def)
{
	const uint8_t *p;
	uint32_t v;

	if (!cursor_has(c, 4)) {
		c->truncated = 1;
		return 0;
	}
	p = c->buf + c->off;
	v = (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
	dec_add(d, def, c->off, 4, v);
	c->off += 4;
	return v;
}

/* Adds a node for n bytes at the cursor (MAC, addresses, bytes, strings) and skips them; NULL if short. */
static inline const uint8_t *dec_bytes(struct decoded *d, struct cursor *c, const struct field_def *def, uint32_t n)
{
	const uint8_t *p = cursor_ptr(c, n);

	if (!p)
		return NULL;
	dec_add(d, def, c->off, n, 0);
	c->off += n;
	return p;
}

/* Whether c ends where the capture was cut (not where the packet itself ends). */
static inline int dec_cut_by_capture(const struct decoded *d, const struct cursor *c)
{
	return c->end >= d->caplen && d->caplen < d->len;
}

/* The layer ends early: the capture was cut (short) or a length lies (malformed). Adds the note. */
void dec_short(struct decoded *d, const struct cursor *c, enum decode_proto p);
/* The two halves of dec_short: the note in the tree (returns 0 inside a quoted packet), the summary mark. */
int dec_short_note(struct decoded *d, const struct cursor *c, enum decode_proto p);
void dec_sum_trunc(struct decoded *d, enum decode_proto p);
void dec_malformed(struct decoded *d, uint32_t off, uint32_t len, const char *why);
/* Adds a checksum status node for the checksum field at off. */
void dec_csum(struct decoded *d, const struct field_def *def, uint32_t off, enum csum_status st, uint16_t want);

/* Summary helpers. */
static inline struct fmtbuf dec_sum_begin(struct decoded *d)
{
	struct fmtbuf b = { d->summary, d->summary_len, sizeof(d->summary) };

	return b;
}
/* Inside a quoted packet (ICMP error) the layers add nodes but leave the summary alone. */
static inline void dec_sum_end(struct decoded *d, const struct fmtbuf *b)
{
	if (d->inner)
		d->summary[d->summary_len] = '\0';
	else
		d->summary_len = b->len;
}
static inline void dec_sum_str(struct decoded *d, const char *s)
{
	struct fmtbuf b = dec_sum_begin(d);

	fmtbuf_str(&b, s);
	dec_sum_end(d, &b);
}

/* Dispatch. Each takes a cursor over its layer's bytes (as far as captured) and consumes them. */
void decode_eth(struct decoded *d, struct cursor *c);
void decode_sll(struct decoded *d, struct cursor *c);
void decode_sll2(struct decoded *d, struct cursor *c);
void decode_tunpi(struct decoded *d, struct cursor *c, int dlt);
void decode_ethertype(struct decoded *d, struct cursor *c, unsigned type);
void decode_arp(struct decoded *d, struct cursor *c);
void decode_ip(struct decoded *d, struct cursor *c);
void decode_ipv6(struct decoded *d, struct cursor *c);
void decode_ipproto(struct decoded *d, struct cursor *c, unsigned proto, struct l3info *l3);
void decode_icmp(struct decoded *d, struct cursor *c, struct l3info *l3);
void decode_icmpv6(struct decoded *d, struct cursor *c, struct l3info *l3);
void decode_udp(struct decoded *d, struct cursor *c, struct l3info *l3);
void decode_tcp(struct decoded *d, struct cursor *c, struct l3info *l3);
/* A DNS message; claimed is its length as the lower layer says (the summary's "(N)"). */
void decode_dns(struct decoded *d, struct cursor *c, int summary, uint32_t claimed);
/* A TCP segment's payload on port 53: a 2-byte length, then one DNS message (not reassembled). */
void decode_dns_tcp(struct decoded *d, struct cursor *c, uint32_t seglen);
/* HTTP on TCP 80 and 8080: tcpdump's ": HTTP: <first line>" in the summary, the bytes as data. */
void decode_http(struct decoded *d, struct cursor *c, uint32_t len);
/* BOOTP/DHCP; claimed is the message length UDP gives (without any Ethernet trailer). */
void decode_dhcp(struct decoded *d, struct cursor *c, uint32_t claimed);
void decode_null(struct decoded *d, struct cursor *c);
void decode_ppp(struct decoded *d, struct cursor *c, int dlt);
void decode_ppp_proto(struct decoded *d, struct cursor *c, unsigned proto);
void decode_pppoe(struct decoded *d, struct cursor *c, int session);
void decode_gre(struct decoded *d, struct cursor *c, struct l3info *l3);
/* ERSPAN after GRE: type II when the GRE header had a sequence number, else type I (no header). */
void decode_erspan(struct decoded *d, struct cursor *c, int type2);
void decode_vxlan(struct decoded *d, struct cursor *c);
/* L2TP; claimed is the UDP payload's length as UDP says (a message without a length field ends there). */
void decode_l2tp(struct decoded *d, struct cursor *c, uint32_t claimed);
/* The AVPs of an L2TP control message of len bytes at the cursor (decode_l2tp_avp.c). */
void l2tp_avps(struct decoded *d, struct cursor *c, uint32_t len);
/* The AVPs of an L2TPv3 control message, in the tree only (tcpdump does not print them). */
void l2tp_v3_avps(struct decoded *d, struct cursor *c);
/* IPsec AH, then the header it names (l3 as the IP layer gave it). */
void decode_ah(struct decoded *d, struct cursor *c, struct l3info *l3);
/* PPP's Link Control Protocol (decode_lcp.c): its fields; the summary is decode_ppp's. */
void decode_lcp(struct decoded *d, struct cursor *c);
void decode_geneve(struct decoded *d, struct cursor *c);
void decode_mpls(struct decoded *d, struct cursor *c);
/* Enters one more tunnel level: 0 when too many are nested (the rest is then data). */
int dec_encap_enter(struct decoded *d, struct cursor *c);
/* After the tun PI header: Ethernet on a tap, else the PI's ethertype (or the IP version). */
void decode_tunpi_next(struct decoded *d, struct cursor *c, int dlt, unsigned proto);
/* Writes the DNS name at name_off (message at [msg_off, msg_end)) as "a.b.c."; returns bytes in place. */
uint32_t dns_name_format(const uint8_t *buf, uint32_t msg_off, uint32_t msg_end, uint32_t name_off, struct fmtbuf *b);
/* Whatever is left becomes a data node with its length. */
void decode_data(struct decoded *d, struct cursor *c);
/* One byte of text as tcpdump's fn_print_char writes it: M- for the high bit, ^X for controls. */
void dec_print_char(struct fmtbuf *b, unsigned ch);
/* Writes "src > dst" or "src.sport > dst.dport" for the l3 addresses into the summary. */
void dec_sum_addrs(struct decoded *d, const struct l3info *l3, int sport, int dport);

extern const struct tok ipproto_names[];
extern const struct field_def dec_ip_version;
extern const struct field_def dec_icmp_ident;	/* "icmp.ident", for echo and extended echo */
void decode_icmp_extecho(struct decoded *d, struct cursor *c, unsigned type);	/* "ip.version", in the IPv4 and IPv6 trees */	/* tcpdump's lower-case names: "udp", "tcp"... */

#endif
