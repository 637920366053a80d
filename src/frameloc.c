/* frameloc.c — where the layers of one live frame are, found once through the cursor.
 *
 * tun PI header (linux/if_tun.h), Ethernet II with 802.1Q/802.1ad tags, ARP (RFC 826),
 * IPv4 (RFC 791) and IPv6 with its extension headers (RFC 8200 4), then the first bytes
 * of the transport header. This is not the decoder: it builds no tree and judges nothing
 * beyond what the layer lengths say; the responder and quoting decide what is valid. */
#include "frameloc.h"

#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include <pcap/dlt.h>

#include "cursor.h"
#include "proto.h"

#define MAX_EXT_HEADERS 8	/* more than any real packet carries; bounds the walk */

/* A later fragment holds no transport header; a first one does (and stays flagged). */
static void locate_l4(struct frameloc *l, struct cursor *c, uint8_t proto, int later_fragment)
{
	l->l4proto = proto;
	if (later_fragment)
		return;
	l->l4_off = c->off;
	l->l4_len = cursor_left(c);
	if ((proto == IPP_ICMP || proto == IPP_ICMPV6) && cursor_has(c, 2)) {
		l->icmp_type = cursor_peek(c, 0);
		l->icmp_code = cursor_peek(c, 1);
	}
}

/* The IP header's total length cuts the cursor (Ethernet padding is not payload). */
static void cut_to_total(struct frameloc *l, struct cursor *c, uint32_t total)
{
	uint32_t end = l->l3_off + total;

	if (end < c->end)
		c->end = end;
	else if (end > c->end)
		l->flags |= LOC_L3_CUT;
	l->l3_len = c->end - l->l3_off;
}

static void locate_ipv4(struct frameloc *l, struct cursor *c)
{
	uint32_t hlen, total;
	uint16_t frag;

	l->af = AF_INET;
	if (!cursor_has(c, IPV4_HDR_MIN)) {
		l->flags |= LOC_SHORT;
		return;
	}
	hlen = (uint32_t)(cursor_peek(c, 0) & 0x0f) * 4;
	total = (uint32_t)cursor_peek(c, 2) << 8 | cursor_peek(c, 3);
	frag = (uint16_t)(cursor_peek(c, 6) << 8 | cursor_peek(c, 7));
	l->ttl = cursor_peek(c, 8);
	l->l4proto = cursor_peek(c, 9);
	l->src_off = c->off + 12;
	l->dst_off = c->off + 16;
	if (cursor_peek(c, 0) >> 4 != 4)	/* an ethertype that says IPv4 over a header that is not */
		l->flags |= LOC_L3_BAD;
	if (hlen < IPV4_HDR_MIN || total < hlen) {
		l->flags |= LOC_L3_BAD;
		return;
	}
	cut_to_total(l, c, total);
	l->l3_hlen = hlen;
	if (frag & 0x3fff)	/* more fragments, or an offset */
		l->flags |= LOC_FRAGMENT;
	if (!cursor_skip(c, hlen)) {
		l->flags |= LOC_SHORT;
		return;
	}
	locate_l4(l, c, l->l4proto, (frag & 0x1fff) != 0);
}

static int is_ext_header(uint8_t next)
{
	return next == IPP_HOPOPTS || next == IPP_ROUTING || next == IPP_FRAGMENT ||
	       next == IPP_DSTOPTS || next == IPP_AH;
}

/* Skips one extension header; returns its next-header value, or -1 when cut. */
static int skip_ext_header(struct frameloc *l, struct cursor *c, uint8_t type, int *later_fragment)
{
	uint8_t next = cursor_peek(c, 0);
	uint32_t len;

	if (c->truncated)
		return -1;
	if (type == IPP_FRAGMENT) {
		unsigned offmf = cursor_has(c, 4) ? (unsigned)(cursor_peek(c, 2) << 8 | cursor_peek(c, 3)) : 0;

		len = 8;
		if (offmf & 0xfff9)
			l->flags |= LOC_FRAGMENT;	/* an offset, or more fragments to come */
		if (offmf & 0xfff8)
			*later_fragment = 1;
	} else if (type == IPP_AH) {
		len = ((uint32_t)cursor_peek(c, 1) + 2) * 4;
	} else {
		len = ((uint32_t)cursor_peek(c, 1) + 1) * 8;
	}
	return cursor_skip(c, len) ? next : -1;
}

static void locate_ipv6(struct frameloc *l, struct cursor *c)
{
	uint8_t next;
	int n, later = 0;

	l->af = AF_INET6;
	if (!cursor_has(c, IPV6_HDR_LEN)) {
		l->flags |= LOC_SHORT;
		return;
	}
	next = cursor_peek(c, 6);
	l->ttl = cursor_peek(c, 7);
	l->src_off = c->off + 8;
	l->dst_off = c->off + 24;
	if (cursor_peek(c, 0) >> 4 != 6)	/* an ethertype that says IPv6 over a header that is not */
		l->flags |= LOC_L3_BAD;
	cut_to_total(l, c, IPV6_HDR_LEN + ((uint32_t)cursor_peek(c, 4) << 8 | cursor_peek(c, 5)));
	cursor_skip(c, IPV6_HDR_LEN);
	for (n = 0; is_ext_header(next) && n < MAX_EXT_HEADERS; n++) {
		int r = skip_ext_header(l, c, next, &later);

		if (r < 0) {
			l->flags |= LOC_SHORT;
			l->l4proto = next;
			return;
		}
		next = (uint8_t)r;
	}
	l->l3_hlen = c->off - l->l3_off;
	locate_l4(l, c, next, later);
}

static void locate_arp(struct frameloc *l, struct cursor *c)
{
	l->l3_len = cursor_left(c);
	if (!cursor_has(c, ARP_IPV4_LEN)) {
		l->flags |= LOC_SHORT;
		return;
	}
	if ((cursor_peek(c, 0) << 8 | cursor_peek(c, 1)) != ARP_HW_ETHER ||
	    (cursor_peek(c, 2) << 8 | cursor_peek(c, 3)) != ETHERTYPE_IPV4 ||
	    cursor_peek(c, 4) != 6 || cursor_peek(c, 5) != 4)
		return;		/* not ARP for IPv4 over Ethernet: arp_op stays 0 */
	l->arp_op = cursor_peek(c, 6) << 8 | cursor_peek(c, 7);
	l->arp_sha_off = c->off + 8;
	l->arp_spa_off = c->off + 14;
	l->arp_tha_off = c->off + 18;
	l->arp_tpa_off = c->off + 24;
}

static void locate_l3(struct frameloc *l, struct cursor *c)
{
	l->l3_off = c->off;
	l->l3_len = cursor_left(c);
	switch (l->ethertype) {
	case ETHERTYPE_IPV4:
		locate_ipv4(l, c);
		break;
	case ETHERTYPE_IPV6:
		locate_ipv6(l, c);
		break;
	case ETHERTYPE_ARP:
		locate_arp(l, c);
		break;
	}
}

static void locate_eth(struct frameloc *l, struct cursor *c)
{
	uint16_t type;

	l->has_eth = 1;
	l->eth_off = c->off;
	if (!cursor_skip(c, 12)) {
		l->flags |= LOC_SHORT;
		return;
	}
	type = cursor_be16(c);
	while ((type == ETHERTYPE_VLAN || type == ETHERTYPE_QINQ) && !c->truncated && l->nvlan < 4) {
		cursor_skip(c, 2);
		type = cursor_be16(c);
		l->nvlan++;
	}
	if (c->truncated) {
		l->flags |= LOC_SHORT;
		return;
	}
	l->ethertype = type;
	locate_l3(l, c);
}

/* On a tun the packet's first nibble is its version; the PI header (when there) must agree. */
static void locate_raw(struct frameloc *l, struct cursor *c)
{
	uint8_t version;

	if (!cursor_has(c, 1)) {
		l->flags |= LOC_SHORT;
		l->ethertype = l->pi_proto;
		return;
	}
	version = cursor_peek(c, 0) >> 4;
	l->ethertype = version == 6 ? ETHERTYPE_IPV6 : version == 4 ? ETHERTYPE_IPV4 : 0;
	if (l->pi_len && l->pi_proto != l->ethertype)
		l->flags |= LOC_PI_MISMATCH;
	locate_l3(l, c);
}

int frameloc_compute(struct frameloc *l, const struct frame *f)
{
	struct cursor c;

	memset(l, 0, sizeof(*l));
	l->icmp_type = l->icmp_code = -1;
	l->l4proto = IPP_NONE;
	cursor_init(&c, f->data, 0, f->caplen);
	if (f->has_pi) {
		if (!cursor_has(&c, TUN_PI_LEN)) {
			l->flags |= LOC_SHORT;
			return 0;
		}
		l->pi_len = TUN_PI_LEN;
		l->pi_flags = cursor_be16(&c);
		l->pi_proto = cursor_be16(&c);
	}
	l->eth_off = l->pi_len;
	if (f->dlt == DLT_EN10MB)
		locate_eth(l, &c);
	else if (f->dlt == DLT_RAW)
		locate_raw(l, &c);
	else
		return -EPROTONOSUPPORT;
	return 0;
}

int frameloc_target(const struct frameloc *l, const struct frame *f, uint8_t addr[16])
{
	if (l->arp_op == ARP_OP_REQUEST) {
		memcpy(addr, f->data + l->arp_tpa_off, 4);
		return AF_INET;
	}
	if (!l->af || !l->dst_off || (l->flags & (LOC_SHORT | LOC_L3_BAD)))
		return 0;
	if (l->af == AF_INET6 && l->icmp_type == ICMP6_T_NEIGH_SOLICIT && l->l4proto == IPP_ICMPV6 && l->l4_len >= 24) {
		memcpy(addr, f->data + l->l4_off + 8, 16);	/* the address asked about */
		return AF_INET6;
	}
	memcpy(addr, f->data + l->dst_off, l->af == AF_INET ? 4 : 16);
	return l->af;
}
