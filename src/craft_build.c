/* craft_build.c — lays out a parsed spec as PI + Ethernet + IPv4/IPv6 + ICMP bytes (RFC 791, 8200, 792, 4443, 4861).
 *
 *   [PI: flags(2) proto(2)] [Ethernet: dmac(6) smac(6) type(2)] [IP header] [ICMP message]
 *
 *   ICMP:  0      7 8     15 16             31
 *         +--------+--------+----------------+
 *         |  type  |  code  |    checksum    |
 *         +--------+--------+----------------+
 *         |   rest of header (by type)       |
 *         +----------------------------------+
 *         |   body: payload, quote, options  |
 */
#include "craft.h"
#include "craft_priv.h"

#include <arpa/inet.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <pcap/dlt.h>

#include "bytes.h"
#include "checksum.h"
#include "frameloc.h"
#include "proto.h"
#include "quotering.h"

#define IP4_HLEN IPV4_HDR_MIN
#define IP6_HLEN IPV6_HDR_LEN
#define ICMP_HLEN 8
#define IP4_ERR_MAX 576		/* RFC 1812 4.3.2.3 / Linux icmp_send: quote up to 576 bytes in all */
#define IP6_MIN_MTU 1280	/* RFC 4443 2.4(c): as much as fits in the minimum MTU */
#define STANDIN_SPORT 40000
#define STANDIN_DPORT 33434	/* traceroute's first port */
#define ND_OPT_SLL ND_OPT_SOURCE_LLADDR
#define ND_OPT_TLL ND_OPT_TARGET_LLADDR
#define ND_OPT_PREFIX 3
#define ND_OPT_REDIR 4
#define DEFAULT_ID 1
#define DEFAULT_SEQ 1
#define DEFAULT_TTL 64
#define NDP_HLIM 255		/* RFC 4861: NDP with any other hop limit is dropped */
#define DEFAULT_ECHO_SIZE 56
#define DEFAULT_LIFETIME 1800
#define DEFAULT_MTU4 1400
#define DEFAULT_MTU6 1280

/* A bounded writer: every store checks the room left and sets a sticky overflow flag. */
struct wr {
	uint8_t *p;
	size_t room, len;
	int overflow;
};

struct bld {
	const struct craft_spec *s;
	const struct craft_ctx *ctx;
	unsigned repeat;
	char *err;
	size_t errlen;
	int af;
	size_t alen;
	uint8_t src[16], dst[16], target[16];
	uint8_t smac[6], dmac[6];
	const uint8_t *quote;	/* the inner IP packet */
	size_t quote_len;
	int quote_af;
	uint16_t ans_id, ans_seq;	/* answer=: the request's */
	const uint8_t *ans_data;
	size_t ans_len;
};

static int berr(struct bld *b, int rc, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (!b->errlen)
		return rc;
	n = snprintf(b->err, b->errlen, "inject: ");
	va_start(ap, fmt);
	if (n > 0 && (size_t)n < b->errlen)
		vsnprintf(b->err + n, b->errlen - (size_t)n, fmt, ap);
	va_end(ap);
	return rc;
}

static uint8_t *wr_take(struct wr *w, size_t n)
{
	uint8_t *at = w->p + w->len;

	if (w->overflow || n > w->room - w->len) {
		w->overflow = 1;
		return NULL;
	}
	w->len += n;
	return at;
}

static void wr_bytes(struct wr *w, const void *data, size_t n)
{
	uint8_t *at = wr_take(w, n);

	if (at && n)
		memcpy(at, data, n);
}

static void wr_zero(struct wr *w, size_t n)
{
	uint8_t *at = wr_take(w, n);

	if (at)
		memset(at, 0, n);
}

static void wr_u8(struct wr *w, uint8_t v) { wr_bytes(w, &v, 1); }

static void wr_u16(struct wr *w, uint16_t v)
{
	uint8_t *at = wr_take(w, 2);

	if (at)
		put_be16(at, v);
}

static void wr_u32(struct wr *w, uint32_t v)
{
	uint8_t *at = wr_take(w, 4);

	if (at)
		put_be32(at, v);
}

static int given(const struct craft_spec *s, int f)
{
	return !!(s->given & (1u << f));
}

static const char *af_name(int af)
{
	return af == AF_INET6 ? "IPv6" : "IPv4";
}

/* ---- the packet to quote ---- */

/* Finds the IP packet to quote (the kernel's last frame, or frame N), cut to its own length
 * (Ethernet padding is not part of it). */
static int find_quote(struct bld *b)
{
	const struct frame *f;
	struct frameloc loc;
	char label[48], what[48];

	const char *key = b->s->answer ? "answer" : "quote";

	if (b->s->quote_frame) {
		snprintf(label, sizeof(label), "%s=frame:%llu", key, (unsigned long long)b->s->quote_frame);
		snprintf(what, sizeof(what), "frame %llu", (unsigned long long)b->s->quote_frame);
		f = b->ctx->find_frame ? b->ctx->find_frame(b->ctx->find_arg, b->s->quote_frame) : NULL;
		if (!f)
			return berr(b, -ENOENT, "%s: %s is not kept (only the last %d frames can be quoted)", label, what,
				    QUOTERING_FRAMES);
	} else {
		snprintf(label, sizeof(label), "%s=last", key);
		snprintf(what, sizeof(what), "the last frame the kernel sent");
		f = b->ctx->last_in;
		if (!f || !f->data)
			return berr(b, -ENOENT, "%s: the kernel has sent nothing into the device yet", label);
	}
	if (frameloc_compute(&loc, f) < 0)
		return berr(b, -ENOENT, "%s: cannot quote from link type %d", label, f->dlt);
	if (loc.ethertype == ETHERTYPE_ARP)
		return berr(b, -ENOENT, "%s: %s is ARP, not an IP packet", label, what);
	if (loc.has_eth && !loc.af && !(loc.flags & LOC_SHORT))
		return berr(b, -ENOENT, "%s: %s is ethertype 0x%04x, not IP", label, what, loc.ethertype);
	if (!loc.af || (loc.flags & LOC_SHORT))
		return berr(b, -ENOENT, "%s: %s holds no whole IP header", label, what);
	if (loc.af != b->af)
		return berr(b, -EINVAL, "%s: %s is %s, but the spec is %s", label, what, af_name(loc.af),
			    b->af == AF_INET6 ? "icmp6" : "icmp");
	b->quote_af = loc.af;
	b->quote = f->data + loc.l3_off;
	b->quote_len = loc.l3_len;
	if (!b->s->answer)
		return 0;
	if (loc.icmp_type != (loc.af == AF_INET6 ? ICMP6_T_ECHO_REQUEST : ICMP_T_ECHO_REQUEST) || loc.l4_len < 8 ||
	    loc.l3_hlen != loc.l4_off - loc.l3_off)
		return berr(b, -EINVAL, "%s: %s is not an echo request to answer", label, what);
	b->ans_id = get_be16(f->data + loc.l4_off + 4);
	b->ans_seq = get_be16(f->data + loc.l4_off + 6);
	b->ans_data = f->data + loc.l4_off + 8;
	b->ans_len = loc.l4_len - 8;
	return 0;
}

/* ---- addresses ---- */

static int is_multicast(int af, const uint8_t *a)
{
	if (af == AF_INET6)
		return a[0] == 0xff;
	return (a[0] & 0xf0) == 0xe0 || (a[0] == 255 && a[1] == 255 && a[2] == 255 && a[3] == 255);
}

static int is_unspecified(const uint8_t *a, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (a[i])
			return 0;
	return 1;
}

static int own_addr(struct bld *b, uint8_t *out, const char *what)
{
	const struct dev_addr *a = b->ctx->addrs ? addrset_first(b->ctx->addrs, b->af) : NULL;

	if (!a)
		return berr(b, -ENOENT, "the device has no %s address to default %s to (give %s=)",
			    af_name(b->af), what, what);
	memcpy(out, a->addr, b->alen);
	return 0;
}

static int resolve_src(struct bld *b)
{
	const struct craft_spec *s = b->s;
	const uint8_t *inner_dst = b->quote ? b->quote + (b->af == AF_INET ? 16 : 24) : NULL;

	if (given(s, CRAFT_F_SRC)) {
		memcpy(b->src, s->src, b->alen);
		return 0;
	}
	if (inner_dst && !is_multicast(b->af, inner_dst)) {
		memcpy(b->src, inner_dst, b->alen);
		return 0;
	}
	if (b->ctx->addrs && !addrset_default_peer(b->ctx->addrs, b->af, b->src)) {
		if (s->v6 && (s->type == ND_RA || s->type == ND_REDIRECT)) {
			/* the kernel takes router adverts and redirects only from link-local sources */
			memset(b->src, 0, 8);
			b->src[0] = 0xfe;
			b->src[1] = 0x80;
		}
		return 0;
	}
	return berr(b, -ENOENT, "the device has no %s subnet to pick a peer src from (give src=)", af_name(b->af));
}

static void solicited_node(const uint8_t *target, uint8_t *out)
{
	static const uint8_t base[13] = { 0xff, 0x02, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0xff };

	memcpy(out, base, sizeof(base));
	memcpy(out + 13, target + 13, 3);
}

static int resolve_dst(struct bld *b)
{
	const struct craft_spec *s = b->s;

	if (given(s, CRAFT_F_DST)) {
		memcpy(b->dst, s->dst, b->alen);
		return 0;
	}
	if (b->quote) {
		memcpy(b->dst, b->quote + (b->af == AF_INET ? 12 : 8), b->alen);
		return 0;
	}
	if (s->v6 && (s->type == ND_RS || s->type == ND_RA)) {
		static const uint8_t all[16] = { 0xff, 0x02, [15] = 1 };

		memcpy(b->dst, all, 16);
		b->dst[15] = s->type == ND_RS ? 2 : 1;	/* all-routers, all-nodes */
		return 0;
	}
	if (s->v6 && s->type == ND_NS) {
		solicited_node(b->target, b->dst);
		return 0;
	}
	return own_addr(b, b->dst, "dst");
}

static int resolve_target(struct bld *b)
{
	const struct craft_spec *s = b->s;

	if (given(s, CRAFT_F_TARGET))
		memcpy(b->target, s->target, 16);
	else if (s->v6 && s->type == ND_NS)
		return own_addr(b, b->target, "target");
	else if (s->v6 && s->type == ND_NA)
		memcpy(b->target, b->src, 16);
	return 0;
}

static void multicast_mac(int af, const uint8_t *a, uint8_t *mac)
{
	if (af == AF_INET6) {
		mac[0] = mac[1] = 0x33;
		memcpy(mac + 2, a + 12, 4);
	} else if (a[0] == 255) {
		memset(mac, 0xff, 6);
	} else {
		mac[0] = 0x01; mac[1] = 0x00; mac[2] = 0x5e;
		mac[3] = a[1] & 0x7f; mac[4] = a[2]; mac[5] = a[3];
	}
}

static void resolve_macs(struct bld *b)
{
	if (given(b->s, CRAFT_F_SMAC))
		memcpy(b->smac, b->s->smac, 6);
	else
		peer_mac(b->af, b->src, b->smac);
	if (given(b->s, CRAFT_F_DMAC))
		memcpy(b->dmac, b->s->dmac, 6);
	else if (is_multicast(b->af, b->dst))
		multicast_mac(b->af, b->dst, b->dmac);
	else
		memcpy(b->dmac, b->ctx->dev_mac, 6);
}

static int resolve(struct bld *b)
{
	int rc;

	b->af = b->s->v6 ? AF_INET6 : AF_INET;
	b->alen = b->s->v6 ? 16 : 4;
	if (b->s->quote_last && (rc = find_quote(b)))
		return rc;
	if ((rc = resolve_src(b)) || (rc = resolve_target(b)) || (rc = resolve_dst(b)))
		return rc;
	resolve_macs(b);
	return 0;
}

/* ---- ICMP bodies ---- */

static int is_echo(const struct craft_spec *s)
{
	return s->v6 ? s->type == 128 || s->type == 129 : s->type == 0 || s->type == 8;
}

static void put_payload(struct wr *w, const struct craft_spec *s)
{
	uint32_t n = s->payload_kind == CRAFT_PAYLOAD_NONE ? DEFAULT_ECHO_SIZE : s->payload_len;
	uint8_t *at;

	if (s->payload_kind == CRAFT_PAYLOAD_TEXT || s->payload_kind == CRAFT_PAYLOAD_HEX) {
		wr_bytes(w, s->payload, s->payload_len);
		return;
	}
	if (s->payload_kind == CRAFT_PAYLOAD_NONE && !is_echo(s))
		return;
	if ((at = wr_take(w, n)))
		for (uint32_t i = 0; i < n; i++)
			at[i] = (uint8_t)i;
}

static uint32_t val_or(const struct craft_spec *s, int f, uint32_t v, uint32_t dflt)
{
	return given(s, f) ? v : dflt;
}

static void put_idseq(struct wr *w, const struct bld *b)
{
	int ans = b->s->answer && b->ans_data;

	wr_u16(w, (uint16_t)val_or(b->s, CRAFT_F_ID, b->s->id, ans ? b->ans_id : DEFAULT_ID));
	wr_u16(w, (uint16_t)(val_or(b->s, CRAFT_F_SEQ, b->s->seq, ans ? b->ans_seq : DEFAULT_SEQ) + b->repeat));
}

/* An answer carries the request's data unless payload= says otherwise. */
static void put_echo_payload(struct wr *w, const struct bld *b)
{
	if (b->s->answer && b->ans_data && b->s->payload_kind == CRAFT_PAYLOAD_NONE)
		wr_bytes(w, b->ans_data, b->ans_len);
	else
		put_payload(w, b->s);
}

/* The 4 bytes after the checksum of an error message. */
static void put_error_word(struct wr *w, const struct bld *b)
{
	const struct craft_spec *s = b->s;

	if (!s->v6 && s->type == 3 && s->code == 4) {
		wr_u16(w, 0);
		wr_u16(w, (uint16_t)val_or(s, CRAFT_F_MTU, s->mtu, DEFAULT_MTU4));
	} else if (!s->v6 && s->type == 5) {
		wr_bytes(w, s->gateway, 4);
	} else if (!s->v6 && s->type == 12) {
		wr_u32(w, s->pointer << 24);
	} else if (s->v6 && s->type == 2) {
		wr_u32(w, val_or(s, CRAFT_F_MTU, s->mtu, DEFAULT_MTU6));
	} else if (s->v6 && s->type == 4) {
		wr_u32(w, s->pointer);
	} else {
		wr_u32(w, 0);
	}
}

/* Without quote= or payload=, an error quotes a stand-in: the IP and UDP headers of a datagram
 * the device (our dst) might have sent to the peer (our src), so that decoders and the kernel
 * see a well-formed error rather than a truncated one. */
static void put_standin(struct wr *w, const struct bld *b)
{
	uint8_t *h = wr_take(w, (b->af == AF_INET ? IP4_HLEN : IP6_HLEN) + 8), *udp;
	uint32_t sum;

	if (!h)
		return;
	if (b->af == AF_INET) {
		memset(h, 0, IP4_HLEN);
		h[0] = 0x45;
		put_be16(h + 2, IP4_HLEN + 8);
		h[8] = DEFAULT_TTL;
		h[9] = IPP_UDP;
		memcpy(h + 12, b->dst, 4);
		memcpy(h + 16, b->src, 4);
		put_be16(h + 10, csum_buf(h, IP4_HLEN));
		udp = h + IP4_HLEN;
		sum = csum_pseudo4(b->dst, b->src, IPP_UDP, 8);
	} else {
		memset(h, 0, IP6_HLEN);
		put_be32(h, 6u << 28);
		put_be16(h + 4, 8);
		h[6] = IPP_UDP;
		h[7] = DEFAULT_TTL;
		memcpy(h + 8, b->dst, 16);
		memcpy(h + 24, b->src, 16);
		udp = h + IP6_HLEN;
		sum = csum_pseudo6(b->dst, b->src, IPP_UDP, 8);
	}
	put_be16(udp, STANDIN_SPORT);
	put_be16(udp + 2, STANDIN_DPORT);
	put_be16(udp + 4, 8);
	put_be16(udp + 6, 0);
	put_be16(udp + 6, csum_fold(csum_add(sum, udp, 8)));
}

static void put_error(struct wr *w, const struct bld *b)
{
	size_t room = b->af == AF_INET ? IP4_ERR_MAX - IP4_HLEN - ICMP_HLEN : IP6_MIN_MTU - IP6_HLEN - ICMP_HLEN;

	put_error_word(w, b);
	if (b->quote)
		wr_bytes(w, b->quote, b->quote_len < room ? b->quote_len : room);
	else if (b->s->payload_kind != CRAFT_PAYLOAD_NONE || given(b->s, CRAFT_F_QUOTE))
		put_payload(w, b->s);	/* quote=none: nothing, on purpose */
	else
		put_standin(w, b);
}

static void put_radv4(struct wr *w, const struct bld *b)
{
	wr_u8(w, 1);		/* one address */
	wr_u8(w, 2);		/* entry size in 32-bit words */
	wr_u16(w, (uint16_t)val_or(b->s, CRAFT_F_LIFETIME, b->s->lifetime, DEFAULT_LIFETIME));
	wr_bytes(w, b->src, 4);
	wr_u32(w, 0);		/* preference */
	put_payload(w, b->s);
}

/* ---- NDP (RFC 4861) ---- */

static void put_lladdr_opt(struct wr *w, const struct bld *b, uint8_t type, const uint8_t *mac)
{
	const struct craft_spec *s = b->s;

	if (s->lladdr_mode == CRAFT_LLADDR_NONE || (s->lladdr_mode == CRAFT_LLADDR_AUTO && !b->ctx->tap))
		return;
	wr_u8(w, type);
	wr_u8(w, 1);		/* length in 8-byte units */
	wr_bytes(w, s->lladdr_mode == CRAFT_LLADDR_MAC ? s->lladdr : mac, 6);
}

static void put_prefix_opt(struct wr *w, const struct craft_spec *s)
{
	if (!given(s, CRAFT_F_PREFIX))
		return;
	wr_u8(w, ND_OPT_PREFIX);
	wr_u8(w, 4);
	wr_u8(w, s->prefix_len);
	wr_u8(w, 0xc0);		/* on-link, autonomous (SLAAC) */
	wr_u32(w, 2592000);	/* valid lifetime: 30 days */
	wr_u32(w, 604800);	/* preferred lifetime: 7 days */
	wr_u32(w, 0);
	wr_bytes(w, s->prefix, 16);
}

static void put_redirected(struct wr *w, const struct bld *b)
{
	size_t room = IP6_MIN_MTU - IP6_HLEN - (w->len + ICMP_HLEN) - 8, n;

	if (!b->quote)
		return;
	n = (b->quote_len < room ? b->quote_len : room) & ~(size_t)7;
	wr_u8(w, ND_OPT_REDIR);
	wr_u8(w, (uint8_t)(1 + n / 8));
	wr_zero(w, 6);
	wr_bytes(w, b->quote, n);
}

static uint8_t na_flags(const struct bld *b)
{
	if (given(b->s, CRAFT_F_FLAGS))
		return b->s->flags;
	return is_multicast(AF_INET6, b->dst) ? CRAFT_NA_OVERRIDE : CRAFT_NA_SOLICITED | CRAFT_NA_OVERRIDE;
}

static void put_ndp(struct wr *w, const struct bld *b)
{
	const struct craft_spec *s = b->s;
	int from_unspec = is_unspecified(b->src, 16);
	uint8_t tmac[6];

	switch (s->type) {
	case ND_RS:
		wr_u32(w, 0);
		if (!from_unspec)
			put_lladdr_opt(w, b, ND_OPT_SLL, b->smac);
		break;
	case ND_RA:
		wr_u8(w, (uint8_t)val_or(s, CRAFT_F_CURHLIM, s->curhlim, DEFAULT_TTL));
		wr_u8(w, s->flags);
		wr_u16(w, (uint16_t)val_or(s, CRAFT_F_LIFETIME, s->lifetime, DEFAULT_LIFETIME));
		wr_zero(w, 8);	/* reachable time, retrans timer: unspecified */
		put_lladdr_opt(w, b, ND_OPT_SLL, b->smac);
		put_prefix_opt(w, s);
		break;
	case ND_NS:
		wr_u32(w, 0);
		wr_bytes(w, b->target, 16);
		if (!from_unspec)
			put_lladdr_opt(w, b, ND_OPT_SLL, b->smac);
		break;
	case ND_NA:
		wr_u32(w, (uint32_t)na_flags(b) << 24);
		wr_bytes(w, b->target, 16);
		put_lladdr_opt(w, b, ND_OPT_TLL, b->smac);
		break;
	case ND_REDIRECT:
		wr_u32(w, 0);
		wr_bytes(w, b->target, 16);
		wr_bytes(w, given(s, CRAFT_F_RDST) ? s->rdst : b->target, 16);
		peer_mac(AF_INET6, b->target, tmac);
		put_lladdr_opt(w, b, ND_OPT_TLL, tmac);
		put_redirected(w, b);
		break;
	}
	put_payload(w, s);
}

/* Writes type, code, a zero checksum and the body; the checksum is filled in afterwards. */
static void put_icmp(struct wr *w, const struct bld *b)
{
	const struct craft_spec *s = b->s;

	wr_u8(w, s->type);
	wr_u8(w, s->code);
	wr_u16(w, 0);
	switch (craft_kind(s->v6, s->type)) {
	case CRAFT_K_ECHO: put_idseq(w, b); put_echo_payload(w, b); break;
	case CRAFT_K_TSTAMP: put_idseq(w, b); wr_zero(w, 12); put_payload(w, s); break;
	case CRAFT_K_MASK: put_idseq(w, b); wr_zero(w, 4); put_payload(w, s); break;
	case CRAFT_K_ERROR: put_error(w, b); break;
	case CRAFT_K_RADV4: put_radv4(w, b); break;
	case CRAFT_K_NDP: put_ndp(w, b); break;
	default: wr_u32(w, 0); put_payload(w, s); break;
	}
}

static void set_checksum(const struct bld *b, uint8_t *icmp, size_t len)
{
	uint32_t sum = b->s->v6 ? csum_pseudo6(b->src, b->dst, IPP_ICMPV6, (uint32_t)len) : 0;
	uint16_t c = csum_fold(csum_add(sum, icmp, len));

	if (b->s->csum_mode == CRAFT_CSUM_BAD)
		c ^= 0x0001;	/* never 0x0000 <-> 0xffff, which would still verify */
	else if (b->s->csum_mode == CRAFT_CSUM_VALUE)
		c = b->s->csum_value;
	put_be16(icmp + 2, c);
}

/* ---- IP, Ethernet, PI ---- */

static void put_ip4(uint8_t *h, const struct bld *b, size_t icmp_len)
{
	const struct craft_spec *s = b->s;
	uint16_t id = given(s, CRAFT_F_IPID) ? s->ip_id : (uint16_t)(b->ctx->next_ip_id + b->repeat);

	h[0] = 0x45;
	h[1] = s->tos;
	put_be16(h + 2, (uint16_t)(IP4_HLEN + icmp_len));
	put_be16(h + 4, id);
	put_be16(h + 6, s->df ? 0x4000 : 0);
	h[8] = (uint8_t)val_or(s, CRAFT_F_TTL, s->ttl, DEFAULT_TTL);
	h[9] = IPP_ICMP;
	put_be16(h + 10, 0);
	memcpy(h + 12, b->src, 4);
	memcpy(h + 16, b->dst, 4);
	put_be16(h + 10, csum_buf(h, IP4_HLEN));
}

static void put_ip6(uint8_t *h, const struct bld *b, size_t icmp_len)
{
	const struct craft_spec *s = b->s;
	int ndp = craft_kind(1, s->type) == CRAFT_K_NDP;

	put_be32(h, 6u << 28 | (uint32_t)s->tos << 20 | (s->flow & 0xfffff));
	put_be16(h + 4, (uint16_t)icmp_len);
	h[6] = IPP_ICMPV6;
	h[7] = (uint8_t)val_or(s, CRAFT_F_TTL, s->ttl, ndp ? NDP_HLIM : DEFAULT_TTL);
	memcpy(h + 8, b->src, 16);
	memcpy(h + 24, b->dst, 16);
}

int craft_build(const struct craft_spec *s, const struct craft_ctx *ctx, unsigned repeat,
		uint8_t *buf, size_t cap, size_t *len, char *err, size_t errlen)
{
	struct bld b = { .s = s, .ctx = ctx, .repeat = repeat, .err = err, .errlen = errlen };
	size_t pi = ctx->pi ? TUN_PI_LEN : 0, eth = ctx->tap ? ETH_HDR_LEN : 0;
	size_t iph = s->v6 ? IP6_HLEN : IP4_HLEN, off = pi + eth + iph;
	uint16_t ethertype = s->v6 ? ETHERTYPE_IPV6 : ETHERTYPE_IPV4;
	struct wr w = { .p = buf + off, .room = cap > off ? cap - off : 0, .overflow = cap < off };
	int rc;

	*len = 0;
	if (errlen)
		err[0] = '\0';
	if ((rc = resolve(&b)))
		return rc;
	put_icmp(&w, &b);
	if (w.overflow)
		return berr(&b, -ENOSPC, "the packet does not fit in %zu bytes", cap);
	if (w.len > 0xffff - (s->v6 ? 0 : IP4_HLEN))
		return berr(&b, -EINVAL, "the packet would be longer than IP allows (%zu bytes of ICMP)", w.len);
	set_checksum(&b, w.p, w.len);
	if (s->v6)
		put_ip6(buf + pi + eth, &b, w.len);
	else
		put_ip4(buf + pi + eth, &b, w.len);
	if (eth) {
		memcpy(buf + pi, b.dmac, 6);
		memcpy(buf + pi + 6, b.smac, 6);
		put_be16(buf + pi + 12, ethertype);
	}
	if (pi) {
		put_be16(buf, 0);
		put_be16(buf + 2, ethertype);
	}
	*len = off + w.len;
	return 0;
}
