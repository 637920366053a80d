/* frameloc.h — where the layers of one live frame are, found once through the cursor for the responder, quoting, filters and diagnosis. */
#ifndef TAPSCOPE_FRAMELOC_H
#define TAPSCOPE_FRAMELOC_H

#include <stdint.h>

#include "frame.h"

enum frameloc_flag {
	LOC_SHORT = 1 << 0,		/* the frame ends inside a header the locator needed */
	LOC_FRAGMENT = 1 << 1,		/* an IP fragment (only the first has a transport header located) */
	LOC_L3_BAD = 1 << 2,		/* the IP header contradicts itself (IHL < 5, total < IHL...) or its
					 * version is not the one the ethertype names */
	LOC_PI_MISMATCH = 1 << 3,	/* the PI header's protocol is not the packet's IP version */
	LOC_L3_CUT = 1 << 4,		/* fewer bytes captured than the IP header's total length */
};

/*
 * Offsets are from f->data (the PI header included), so f->data + off is the byte.
 * An offset field is 0 when that part is absent (no real layer starts at offset 0 except
 * the first, which has its own field).
 */
struct frameloc {
	uint32_t pi_len;		/* 0, or TUN_PI_LEN */
	uint16_t pi_flags, pi_proto;	/* the PI header's fields when pi_len */
	int has_eth;			/* an Ethernet header at eth_off (tap frames) */
	uint32_t eth_off;
	int nvlan;			/* 802.1Q/802.1ad tags skipped */
	uint16_t ethertype;		/* after VLAN tags; without Ethernet: PI proto, else by IP version */
	int af;				/* AF_INET or AF_INET6 for an IP packet, else 0 */
	uint32_t l3_off;		/* the network layer (IP, ARP...) */
	uint32_t l3_len;		/* its bytes present; IP: cut to the header's total length */
	uint32_t l3_hlen;		/* IPv4 header with options; IPv6 header with extension headers */
	uint32_t src_off, dst_off;	/* IP source and destination (4 or 16 bytes by af) */
	uint8_t ttl;			/* TTL or hop limit */
	uint8_t l4proto;		/* the upper-layer protocol after any IPv6 extension headers */
	uint32_t l4_off, l4_len;	/* 0 when not located (a later fragment, cut) */
	int icmp_type, icmp_code;	/* -1 unless ICMP/ICMPv6 with its first two bytes present */
	int arp_op;			/* ARP for IPv4 over Ethernet: its opcode; else 0 */
	uint32_t arp_sha_off, arp_spa_off, arp_tha_off, arp_tpa_off;
	unsigned flags;			/* enum frameloc_flag */
};

/* Locates the layers of f (DLT_EN10MB or DLT_RAW, with or without the PI header).
 * Never reads past f->caplen. Returns 0, or -EPROTONOSUPPORT for another link type
 * (loc then holds only the PI fields). */
int frameloc_compute(struct frameloc *loc, const struct frame *f);

/* The IP source/destination address bytes (4 or 16 by loc->af), or NULL. */
static inline const uint8_t *frameloc_src(const struct frameloc *l, const struct frame *f)
{
	return l->af && l->src_off ? f->data + l->src_off : 0;
}
static inline const uint8_t *frameloc_dst(const struct frameloc *l, const struct frame *f)
{
	return l->af && l->dst_off ? f->data + l->dst_off : 0;
}

/* The address the kernel wants to reach with f: an ARP request's or a neighbour
 * solicitation's target, else the IP destination. Returns its family (0 when f has none) and copies it to addr[16]. */
int frameloc_target(const struct frameloc *l, const struct frame *f, uint8_t addr[16]);

/* The bytes after the tun PI header (all of them when the frame has none; nothing when the
 * frame is shorter than its PI header): what pcap files and BPF filters see. */
static inline const uint8_t *frame_after_pi(const struct frame *f, uint32_t *caplen, uint32_t *len)
{
	uint32_t pi = f->has_pi ? TUN_PI_LEN : 0;

	if (f->caplen < pi) {
		*caplen = *len = 0;
		return f->data + f->caplen;
	}
	*caplen = f->caplen - pi;
	*len = f->len >= f->caplen ? f->len - pi : *caplen;
	return f->data + pi;
}

#endif
