/* responder.c — the simulated peers: ARP/NDP answers and echo replies, only where a correct host would answer.
 *
 * A peer is any address in one of the device's subnets that is not the device's own
 * (addrset_is_peer). Peers answer ARP requests (RFC 826), IPv6 neighbour solicitations
 * (RFC 4861 7.2.4: a solicited advertisement, unicast to the solicitor) and echo requests
 * (RFC 792, RFC 1122 3.2.2.6, RFC 4443 4.2), with a stable MAC (peer_mac).
 *
 * A request is answered only when a correct host on that link would answer it: addressed to
 * the peer (its MAC, or broadcast / the solicited-node group), from a valid unicast address
 * on the link, with correct checksums, a TTL or hop limit above 0 (255 for NDP), valid
 * IPv4 options and whole. Replies carry no IPv4 options. Duplicate address detection
 * (NS from ::) and ARP probes are not answered: the peers never defend an address, so the
 * kernel's own DAD cannot fail because of them. Every refusal is counted by reason. */
#include "responder.h"

#include <string.h>
#include <sys/socket.h>

#include "bytes.h"
#include "checksum.h"
#include "cursor.h"
#include "proto.h"

static const uint8_t mac_broadcast[6] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };
static const uint8_t unspecified6[16];

void responder_init(struct responder *r, const struct addrset *addrs, int tap, const uint8_t dev_mac[6])
{
	memset(r, 0, sizeof(*r));
	r->addrs = addrs;
	r->tap = tap;
	if (dev_mac)
		memcpy(r->dev_mac, dev_mac, 6);
}

/* ---- the reply buffer: checked once against its final length ---- */

struct reply {
	uint8_t *buf;
	size_t cap;
	size_t l3;		/* offset of the network layer in buf */
	size_t len;		/* the whole reply */
};

static int reply_begin(const struct responder *r, const struct frameloc *loc, struct reply *rep, size_t l3len)
{
	rep->l3 = loc->pi_len + (r->tap ? ETH_HDR_LEN : 0);
	rep->len = rep->l3 + l3len;
	return rep->len <= rep->cap;
}

/* PI header (flags 0, the reply's own protocol) and Ethernet header. */
static void reply_link(const struct responder *r, const struct frameloc *loc, struct reply *rep,
		       uint16_t ethertype, const uint8_t *dst_mac, const uint8_t *src_mac)
{
	if (loc->pi_len) {
		put_be16(rep->buf, 0);
		put_be16(rep->buf + 2, ethertype);
	}
	if (!r->tap)
		return;
	memcpy(rep->buf + loc->pi_len, dst_mac, 6);
	memcpy(rep->buf + loc->pi_len + 6, src_mac, 6);
	put_be16(rep->buf + loc->pi_len + 12, ethertype);
}

/* ---- what a correct host checks ---- */

static int mac_is_group(const uint8_t *mac)
{
	return mac[0] & 1;
}

static int ip4_is_special(const uint8_t *a)
{
	return a[0] == 0 || a[0] >= 224 || a[0] == 127;	/* this-network, multicast/reserved/broadcast, loopback */
}

static int ip6_is_multicast(const uint8_t *a)
{
	return a[0] == 0xff;
}

/* A source a peer would answer: unicast and on the device's link. */
static enum resp_why check_source(const struct responder *r, int af, const uint8_t *src)
{
	if (af == AF_INET ? ip4_is_special(src) : (ip6_is_multicast(src) || !memcmp(src, unspecified6, 16)))
		return RESP_BAD_SOURCE;
	return addrset_on_link(r->addrs, af, src) ? RESP_ANSWERED : RESP_BAD_SOURCE;
}

/* The frame's link-layer destination must be the peer (echo requests, unicast probes). */
static int eth_dst_is(const struct responder *r, const struct frame *f, const struct frameloc *loc, const uint8_t *mac)
{
	return !r->tap || !memcmp(f->data + loc->eth_off, mac, 6);
}

/* RFC 791 3.1: an option is one byte (EOL, NOP) or type, length >= 2, data, inside the header. */
static int ipv4_options_valid(const struct frame *f, const struct frameloc *loc)
{
	struct cursor c;

	cursor_init(&c, f->data, loc->l3_off + IPV4_HDR_MIN, loc->l3_off + loc->l3_hlen);
	while (cursor_left(&c)) {
		uint8_t type = cursor_u8(&c), len;

		if (type == 0)
			return 1;
		if (type == 1)
			continue;
		len = cursor_u8(&c);
		if (c.truncated || len < 2 || !cursor_skip(&c, len - 2u))
			return 0;
	}
	return 1;
}

/* ---- ARP (RFC 826), tap only ---- */

static enum resp_why arp_check(const struct responder *r, const struct frame *f, const struct frameloc *loc)
{
	const uint8_t *eth = f->data + loc->eth_off;
	const uint8_t *sha = f->data + loc->arp_sha_off, *spa = f->data + loc->arp_spa_off;
	const uint8_t *tpa = f->data + loc->arp_tpa_off;
	uint8_t mac[6];

	if (!memcmp(spa, "\0\0\0\0", 4))
		return RESP_DAD_PROBE;		/* an ARP probe (RFC 5227) */
	if (!addrset_is_peer(r->addrs, AF_INET, tpa))
		return RESP_NOT_PEER;
	if (!r->policy.answer_neigh)
		return RESP_NEIGH_OFF;
	peer_mac(AF_INET, tpa, mac);
	if (memcmp(eth, mac_broadcast, 6) && memcmp(eth, mac, 6))
		return RESP_BAD_DEST;	/* broadcast, or unicast to the peer when the kernel re-checks it */
	if (mac_is_group(eth + 6) || mac_is_group(sha) || memcmp(eth + 6, sha, 6))
		return RESP_BAD_ARP;
	if (!memcmp(spa, tpa, 4))
		return RESP_GRATUITOUS;
	return check_source(r, AF_INET, spa);
}

static enum resp_why arp_reply(struct responder *r, const struct frame *f, const struct frameloc *loc,
			       struct reply *rep)
{
	const uint8_t *arp = f->data + loc->l3_off;
	enum resp_why why = arp_check(r, f, loc);
	uint8_t mac[6], *out;

	if (why != RESP_ANSWERED)
		return why;
	if (!reply_begin(r, loc, rep, ARP_IPV4_LEN))
		return RESP_NO_ROOM;
	out = rep->buf + rep->l3;
	peer_mac(AF_INET, arp + 24, mac);
	memcpy(out, arp, 6);			/* hardware/protocol types and sizes */
	put_be16(out + 6, ARP_OP_REPLY);
	memcpy(out + 8, mac, 6);		/* the peer, at its MAC */
	memcpy(out + 14, arp + 24, 4);
	memcpy(out + 18, arp + 8, 6);		/* back to the asker */
	memcpy(out + 24, arp + 14, 4);
	reply_link(r, loc, rep, ETHERTYPE_ARP, arp + 8, mac);
	r->stats.arp_replies++;
	return RESP_ANSWERED;
}

/* ---- echo requests (RFC 792, RFC 4443 4.2) ---- */

/* What both families check: whole, a peer's unicast address, valid source, TTL, MAC. */
static enum resp_why echo_check(const struct responder *r, const struct frame *f, const struct frameloc *loc)
{
	const uint8_t *src = frameloc_src(loc, f), *dst = frameloc_dst(loc, f);
	uint8_t mac[6];

	if (loc->flags & LOC_L3_BAD)
		return RESP_BAD_HEADER;
	if (loc->flags & LOC_FRAGMENT)
		return RESP_FRAGMENT;
	if (loc->flags & (LOC_SHORT | LOC_L3_CUT) || loc->l4_len < 8)
		return RESP_TRUNCATED;
	if (!addrset_is_peer(r->addrs, loc->af, dst))
		return RESP_NOT_PEER;
	if (!r->policy.answer_echo)
		return RESP_ECHO_OFF;
	if (loc->flags & LOC_PI_MISMATCH)
		return RESP_PI_MISMATCH;
	peer_mac(loc->af, dst, mac);
	if (!eth_dst_is(r, f, loc, mac))
		return RESP_BAD_DEST;
	if (r->tap && mac_is_group(f->data + loc->eth_off + 6))
		return RESP_BAD_SOURCE;
	if (check_source(r, loc->af, src) != RESP_ANSWERED)
		return RESP_BAD_SOURCE;
	if (loc->ttl == 0)
		return RESP_TTL_ZERO;
	return RESP_ANSWERED;
}

static enum resp_why echo4_check(const struct responder *r, const struct frame *f, const struct frameloc *loc)
{
	const uint8_t *ip = f->data + loc->l3_off;
	enum resp_why why = echo_check(r, f, loc);

	if (why != RESP_ANSWERED)
		return why;
	if (csum_buf(ip, loc->l3_hlen) != 0)
		return RESP_BAD_IP_CSUM;
	if (!ipv4_options_valid(f, loc))
		return RESP_BAD_OPTIONS;
	if (csum_buf(f->data + loc->l4_off, loc->l4_len) != 0)
		return RESP_BAD_ICMP_CSUM;
	return RESP_ANSWERED;
}

static enum resp_why echo_reply4(struct responder *r, const struct frame *f, const struct frameloc *loc,
				 struct reply *rep)
{
	const uint8_t *ip = f->data + loc->l3_off;
	enum resp_why why = echo4_check(r, f, loc);
	uint8_t mac[6], *out, *icmp;

	if (why != RESP_ANSWERED)
		return why;
	if (!reply_begin(r, loc, rep, IPV4_HDR_MIN + loc->l4_len))
		return RESP_NO_ROOM;
	out = rep->buf + rep->l3;
	icmp = out + IPV4_HDR_MIN;
	out[0] = 0x45;				/* no options in the reply */
	out[1] = ip[1];
	put_be16(out + 2, (uint16_t)(IPV4_HDR_MIN + loc->l4_len));
	memcpy(out + 4, ip + 4, 2);		/* identification */
	put_be16(out + 6, get_be16(ip + 6) & 0x4000);	/* DF as asked; no fragment bits */
	out[8] = 64;
	out[9] = IPP_ICMP;
	put_be16(out + 10, 0);
	memcpy(out + 12, ip + 16, 4);
	memcpy(out + 16, ip + 12, 4);
	put_be16(out + 10, csum_buf(out, IPV4_HDR_MIN));
	memcpy(icmp, f->data + loc->l4_off, loc->l4_len);
	icmp[0] = ICMP_T_ECHO_REPLY;
	icmp[1] = 0;
	put_be16(icmp + 2, 0);
	put_be16(icmp + 2, csum_buf(icmp, loc->l4_len));
	peer_mac(AF_INET, out + 12, mac);
	reply_link(r, loc, rep, ETHERTYPE_IPV4, f->data + loc->eth_off + 6, mac);
	r->stats.echo_replies++;
	return RESP_ANSWERED;
}

static uint16_t icmp6_sum(const uint8_t *src, const uint8_t *dst, const uint8_t *icmp, size_t len)
{
	return csum_fold(csum_add(csum_pseudo6(src, dst, IPP_ICMPV6, (uint32_t)len), icmp, len));
}

static enum resp_why echo_reply6(struct responder *r, const struct frame *f, const struct frameloc *loc,
				 struct reply *rep)
{
	const uint8_t *ip6 = f->data + loc->l3_off;
	enum resp_why why = echo_check(r, f, loc);
	uint8_t mac[6], *out, *icmp;

	if (why != RESP_ANSWERED)
		return why;
	if (loc->l3_hlen != IPV6_HDR_LEN)
		return RESP_EXT_HEADERS;
	if (icmp6_sum(ip6 + 8, ip6 + 24, f->data + loc->l4_off, loc->l4_len) != 0)
		return RESP_BAD_ICMP_CSUM;
	if (!reply_begin(r, loc, rep, IPV6_HDR_LEN + loc->l4_len))
		return RESP_NO_ROOM;
	out = rep->buf + rep->l3;
	icmp = out + IPV6_HDR_LEN;
	memcpy(out, ip6, 4);			/* version, traffic class, flow label */
	put_be16(out + 4, (uint16_t)loc->l4_len);
	out[6] = IPP_ICMPV6;
	out[7] = 64;
	memcpy(out + 8, ip6 + 24, 16);
	memcpy(out + 24, ip6 + 8, 16);
	memcpy(icmp, f->data + loc->l4_off, loc->l4_len);
	icmp[0] = ICMP6_T_ECHO_REPLY;
	icmp[1] = 0;
	put_be16(icmp + 2, 0);
	put_be16(icmp + 2, icmp6_sum(out + 8, out + 24, icmp, loc->l4_len));
	peer_mac(AF_INET6, out + 8, mac);
	reply_link(r, loc, rep, ETHERTYPE_IPV6, f->data + loc->eth_off + 6, mac);
	r->stats.echo6_replies++;
	return RESP_ANSWERED;
}

/* ---- neighbour solicitations (RFC 4861 7.1.1 validation, 7.2.4 the answer), tap only ---- */

/* Options are whole (length > 0, inside the message); *sllao gets the source link-layer address. */
static int ndp_options(const struct frame *f, const struct frameloc *loc, const uint8_t **sllao)
{
	struct cursor c;

	*sllao = NULL;
	cursor_init(&c, f->data, loc->l4_off + 24, loc->l4_off + loc->l4_len);
	while (cursor_left(&c)) {
		uint8_t type = cursor_u8(&c), len = cursor_u8(&c);

		if (c.truncated || len == 0 || !cursor_has(&c, len * 8u - 2))
			return 0;
		if (type == ND_OPT_SOURCE_LLADDR && len == 1)
			*sllao = c.buf + c.off;
		cursor_skip(&c, len * 8u - 2);
	}
	return 1;
}

static int is_solicited_node(const uint8_t *dst, const uint8_t *target)
{
	static const uint8_t prefix[13] = { 0xff, 0x02, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0xff };

	return !memcmp(dst, prefix, 13) && !memcmp(dst + 13, target + 13, 3);
}

static enum resp_why ns_check(const struct responder *r, const struct frame *f, const struct frameloc *loc,
			      const uint8_t **sllao)
{
	const uint8_t *ip6 = f->data + loc->l3_off, *ns = f->data + loc->l4_off, *target = ns + 8;
	const uint8_t *eth = f->data + loc->eth_off;
	uint8_t mac[6];

	if (loc->flags & LOC_L3_BAD)
		return RESP_BAD_HEADER;
	if (loc->flags & (LOC_SHORT | LOC_L3_CUT) || loc->l4_len < 24)
		return RESP_TRUNCATED;
	if (!memcmp(ip6 + 8, unspecified6, 16))
		return RESP_DAD_PROBE;		/* the kernel's own DAD too: it must succeed */
	if (!addrset_is_peer(r->addrs, AF_INET6, target))
		return RESP_NOT_PEER;
	if (!r->policy.answer_neigh)
		return RESP_NEIGH_OFF;
	if (loc->ttl != ND_HOP_LIMIT || ns[1] != 0 || ip6_is_multicast(target) || !ndp_options(f, loc, sllao))
		return RESP_BAD_NDP;
	if (icmp6_sum(ip6 + 8, ip6 + 24, ns, loc->l4_len) != 0)
		return RESP_BAD_ICMP_CSUM;
	peer_mac(AF_INET6, target, mac);
	if (!(is_solicited_node(ip6 + 24, target) && eth[0] == 0x33 && eth[1] == 0x33 && eth[2] == 0xff &&
	      !memcmp(eth + 3, target + 13, 3)) &&
	    !(!memcmp(ip6 + 24, target, 16) && !memcmp(eth, mac, 6)))
		return RESP_BAD_DEST;
	if (mac_is_group(eth + 6) || (*sllao && mac_is_group(*sllao)))
		return RESP_BAD_SOURCE;
	return check_source(r, AF_INET6, ip6 + 8);
}

static enum resp_why neigh_advert(struct responder *r, const struct frame *f, const struct frameloc *loc,
				  struct reply *rep)
{
	const uint8_t *ip6 = f->data + loc->l3_off, *target = f->data + loc->l4_off + 8, *sllao;
	enum resp_why why = ns_check(r, f, loc, &sllao);
	uint8_t mac[6], *out, *na;

	if (why != RESP_ANSWERED)
		return why;
	if (!reply_begin(r, loc, rep, IPV6_HDR_LEN + 32))
		return RESP_NO_ROOM;
	out = rep->buf + rep->l3;
	na = out + IPV6_HDR_LEN;
	peer_mac(AF_INET6, target, mac);
	put_be32(out, 0x60000000);
	put_be16(out + 4, 32);
	out[6] = IPP_ICMPV6;
	out[7] = ND_HOP_LIMIT;
	memcpy(out + 8, target, 16);		/* from the target itself */
	memcpy(out + 24, ip6 + 8, 16);		/* unicast to the solicitor */
	memset(na, 0, 32);
	na[0] = ICMP6_T_NEIGH_ADVERT;
	put_be32(na + 4, 0x60000000);		/* solicited, override */
	memcpy(na + 8, target, 16);
	na[24] = ND_OPT_TARGET_LLADDR;
	na[25] = 1;
	memcpy(na + 26, mac, 6);
	put_be16(na + 2, icmp6_sum(out + 8, out + 24, na, 32));
	reply_link(r, loc, rep, ETHERTYPE_IPV6, sllao ? sllao : f->data + loc->eth_off + 6, mac);
	r->stats.nd_adverts++;
	return RESP_ANSWERED;
}

/* ---- dispatch ---- */

static enum resp_why dispatch(struct responder *r, const struct frame *f, const struct frameloc *loc,
			      struct reply *rep)
{
	if (loc->nvlan)
		return RESP_NOT_REQUEST;	/* the peers live on the untagged link */
	if (r->tap && loc->ethertype == ETHERTYPE_ARP) {
		if (loc->flags & LOC_SHORT)
			return RESP_TRUNCATED;
		return loc->arp_op == ARP_OP_REQUEST ? arp_reply(r, f, loc, rep) : RESP_NOT_REQUEST;
	}
	if (loc->af == AF_INET && loc->l4proto == IPP_ICMP && loc->icmp_type == ICMP_T_ECHO_REQUEST)
		return echo_reply4(r, f, loc, rep);
	if (loc->af == AF_INET6 && loc->l4proto == IPP_ICMPV6 && loc->icmp_type == ICMP6_T_ECHO_REQUEST)
		return echo_reply6(r, f, loc, rep);
	if (r->tap && loc->af == AF_INET6 && loc->l4proto == IPP_ICMPV6 && loc->icmp_type == ICMP6_T_NEIGH_SOLICIT)
		return neigh_advert(r, f, loc, rep);
	return RESP_NOT_REQUEST;
}

static void remember_pending(struct responder *r, const struct frame *f, const struct frameloc *loc)
{
	struct resp_pending *slot = &r->pending[0];
	uint8_t target[16] = { 0 };	/* an IPv4 target fills 4 bytes: the rest must compare equal */
	int family = frameloc_target(loc, f, target);

	if (!family || f->caplen > RESP_PENDING_BYTES)
		return;
	for (int i = 0; i < RESP_PENDING_MAX; i++) {
		struct resp_pending *p = &r->pending[i];

		if (p->family == family && !memcmp(p->target, target, 16)) {
			slot = p;	/* the newest request for a target replaces the older */
			break;
		}
		if (!p->family || timercmp(&p->f.ts, &slot->f.ts, <))
			slot = p;
	}
	slot->f = *f;
	memcpy(slot->data, f->data, f->caplen);
	slot->f.data = slot->data;
	slot->family = family;
	memcpy(slot->target, target, 16);
}

size_t responder_handle(struct responder *r, const struct frame *f, const struct frameloc *loc,
			uint8_t *out, size_t cap, enum resp_why *why)
{
	struct reply rep = { .buf = out, .cap = cap };
	enum resp_why w = RESP_NOT_REQUEST;

	if (f->dir == FRAME_IN)
		w = dispatch(r, f, loc, &rep);
	if (why)
		*why = w;
	if (w == RESP_NEIGH_OFF)
		remember_pending(r, f, loc);
	if (w != RESP_ANSWERED) {
		r->stats.refused[w]++;
		return 0;
	}
	return rep.len;
}

int responder_take_pending(struct responder *r, const struct timeval *now, struct frame *f)
{
	for (int i = 0; i < RESP_PENDING_MAX; i++) {
		struct resp_pending *p = &r->pending[i];

		if (!p->family)
			continue;
		p->family = 0;
		if (now->tv_sec - p->f.ts.tv_sec > RESP_PENDING_SECONDS)
			continue;
		*f = p->f;
		return 1;
	}
	return 0;
}

static const char *const why_text[RESP_WHY_COUNT] = {
	[RESP_ANSWERED] = "answered",
	[RESP_NOT_REQUEST] = "not a request",
	[RESP_NEIGH_OFF] = "neighbour answers are off",
	[RESP_ECHO_OFF] = "echo replies are off",
	[RESP_NOT_PEER] = "not for a simulated peer (the device's own address, or outside its subnets)",
	[RESP_TRUNCATED] = "truncated",
	[RESP_BAD_HEADER] = "the IP header's lengths are invalid",
	[RESP_FRAGMENT] = "a fragment (the peers do not reassemble)",
	[RESP_EXT_HEADERS] = "IPv6 extension headers (the peers answer plain packets only)",
	[RESP_BAD_IP_CSUM] = "bad IPv4 header checksum",
	[RESP_BAD_ICMP_CSUM] = "bad ICMP checksum",
	[RESP_TTL_ZERO] = "TTL/hop limit 0",
	[RESP_BAD_SOURCE] = "the source is not a unicast address on the device's link",
	[RESP_BAD_DEST] = "not addressed to the peer (multicast/broadcast, or another MAC)",
	[RESP_BAD_OPTIONS] = "invalid IPv4 options",
	[RESP_PI_MISMATCH] = "the PI header's protocol does not match the packet",
	[RESP_DAD_PROBE] = "a duplicate address detection probe (the peers never defend an address)",
	[RESP_GRATUITOUS] = "gratuitous ARP (an announcement, not a question)",
	[RESP_BAD_NDP] = "invalid neighbour solicitation (hop limit, code, target or options)",
	[RESP_BAD_ARP] = "invalid ARP request (sender MAC)",
	[RESP_NO_ROOM] = "the reply does not fit the output buffer",
};

const char *responder_why_text(enum resp_why why)
{
	return why < RESP_WHY_COUNT && why_text[why] ? why_text[why] : "?";
}

int responder_why_is_refusal(enum resp_why why)
{
	return why != RESP_ANSWERED && why != RESP_NOT_REQUEST;
}
