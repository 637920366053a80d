/* pktbuild.h — small builders for test frames (Ethernet, IPv4/IPv6, ICMP, UDP, TCP) with correct checksums. */
#ifndef TAPSCOPE_PKTBUILD_H
#define TAPSCOPE_PKTBUILD_H

#include <pcap/pcap.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bytes.h"
#include "checksum.h"

/* A frame under construction: bytes appended at len; layer offsets kept for fix-ups. */
struct pkt {
	uint8_t b[2048];
	uint32_t len;
	uint32_t l3, l4;	/* offsets of the IP header and the transport header */
	int af;
};

static const uint8_t MAC_A[6] = { 0x02, 0x00, 0x00, 0x00, 0x00, 0x01 };
static const uint8_t MAC_B[6] = { 0x02, 0x00, 0x00, 0x00, 0x00, 0x03 };
static const uint8_t MAC_BC[6] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };

static inline void pk_put(struct pkt *p, const void *d, uint32_t n)
{
	if (n)		/* memcpy from NULL is undefined even for 0 bytes */
		memcpy(p->b + p->len, d, n);
	p->len += n;
}
static inline void pk_u8(struct pkt *p, unsigned v) { p->b[p->len++] = (uint8_t)v; }
static inline void pk_u16(struct pkt *p, unsigned v) { put_be16(p->b + p->len, (uint16_t)v); p->len += 2; }
static inline void pk_u32(struct pkt *p, uint32_t v) { put_be32(p->b + p->len, v); p->len += 4; }
static inline void pk_zero(struct pkt *p, uint32_t n) { memset(p->b + p->len, 0, n); p->len += n; }

static inline void pk_eth(struct pkt *p, const uint8_t *dst, const uint8_t *src, unsigned type)
{
	p->len = 0;
	pk_put(p, dst, 6);
	pk_put(p, src, 6);
	pk_u16(p, type);
}

static inline void ip4(uint8_t *a, unsigned x, unsigned y, unsigned z, unsigned w)
{
	a[0] = (uint8_t)x; a[1] = (uint8_t)y; a[2] = (uint8_t)z; a[3] = (uint8_t)w;
}

/* IPv4 header without options; total length and checksum are fixed by pk_ip4_done. */
static inline void pk_ip4(struct pkt *p, const uint8_t *src, const uint8_t *dst, unsigned proto, unsigned ttl)
{
	p->l3 = p->len;
	p->af = 4;
	pk_u8(p, 0x45); pk_u8(p, 0); pk_u16(p, 0); pk_u16(p, 0x1234); pk_u16(p, 0x4000);
	pk_u8(p, ttl); pk_u8(p, proto); pk_u16(p, 0);
	pk_put(p, src, 4); pk_put(p, dst, 4);
	p->l4 = p->len;
}

static inline void pk_ip4_done(struct pkt *p)
{
	uint8_t *h = p->b + p->l3;
	unsigned hl = (h[0] & 0xf) * 4u;

	put_be16(h + 2, (uint16_t)(p->len - p->l3));
	put_be16(h + 10, 0);
	put_be16(h + 10, csum_buf(h, hl));
}

static inline void pk_ip6(struct pkt *p, const uint8_t *src, const uint8_t *dst, unsigned nxt, unsigned hlim)
{
	p->l3 = p->len;
	p->af = 6;
	pk_u32(p, 0x60000000); pk_u16(p, 0); pk_u8(p, nxt); pk_u8(p, hlim);
	pk_put(p, src, 16); pk_put(p, dst, 16);
	p->l4 = p->len;
}

static inline void pk_ip6_done(struct pkt *p)
{
	put_be16(p->b + p->l3 + 4, (uint16_t)(p->len - p->l3 - 40));
}

/* Transport checksum at l4+off over l4..len with the pseudo-header of the IP layer. */
static inline void pk_l4sum(struct pkt *p, unsigned proto, unsigned off)
{
	uint8_t *h = p->b + p->l3;
	uint32_t n = p->len - p->l4, s;

	put_be16(p->b + p->l4 + off, 0);
	if (proto == 1) {
		s = 0;
	} else if (p->af == 4) {
		s = csum_pseudo4(h + 12, h + 16, (uint8_t)proto, n);
	} else {
		s = csum_pseudo6(h + 8, h + 24, (uint8_t)proto, n);
	}
	s = csum_fold(csum_add(s, p->b + p->l4, n));
	if (proto == 17 && s == 0)
		s = 0xffff;
	put_be16(p->b + p->l4 + off, (uint16_t)s);
}

static inline void pk_udp(struct pkt *p, unsigned sport, unsigned dport)
{
	p->l4 = p->len;
	pk_u16(p, sport); pk_u16(p, dport); pk_u16(p, 0); pk_u16(p, 0);
}

static inline void pk_udp_done(struct pkt *p)
{
	put_be16(p->b + p->l4 + 4, (uint16_t)(p->len - p->l4));
	pk_l4sum(p, 17, 6);
}

/* Finishes IP and transport: proto 1 ICMP, 58 ICMPv6, 6 TCP, 17 UDP. */
static inline void pk_done(struct pkt *p, unsigned proto)
{
	if (p->af == 4)
		pk_ip4_done(p);
	else
		pk_ip6_done(p);
	if (proto == 17)
		pk_udp_done(p);
	else if (proto == 6)
		pk_l4sum(p, 6, 16);
	else if (proto == 1 || proto == 58)
		pk_l4sum(p, proto, 2);
}

static inline void pk_pad60(struct pkt *p)
{
	if (p->len < 60)
		pk_zero(p, 60 - p->len);
}

/* A DNS name from dotted text. */
static inline void pk_dnsname(struct pkt *p, const char *name)
{
	while (*name) {
		const char *dot = strchr(name, '.');
		size_t n = dot ? (size_t)(dot - name) : strlen(name);

		pk_u8(p, (unsigned)n);
		pk_put(p, name, (uint32_t)n);
		name += n;
		if (*name == '.')
			name++;
	}
	pk_u8(p, 0);
}

#endif
