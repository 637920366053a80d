/* gengolden.c — writes the small golden pcaps under tests/golden/ (run by tests/golden/regen.sh). */
#include <errno.h>

#include "pktbuild.h"

static pcap_dumper_t *dumper;
static pcap_t *dead;
static int seq;
static uint8_t A4[4], B4[4], GW4[4], BC4[4], ZERO4[4], DNS4[4];
static uint8_t A6[16], B6[16], LL_A[16], LL_R[16], ALLNODES[16], SNM_B[16], MLDV2[16], GRP6[16];

static void open_file(const char *dir, const char *name, int dlt)
{
	char path[512];

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	dead = pcap_open_dead(dlt, 65535);
	dumper = pcap_dump_open(dead, path);
	if (!dumper) {
		fprintf(stderr, "gengolden: %s: %s\n", path, pcap_geterr(dead));
		exit(1);
	}
	seq = 0;
}

static void close_file(void)
{
	pcap_dump_close(dumper);
	pcap_close(dead);
}

/* Writes the frame; caplen < len makes a capture cut short (snaplen). */
static void emit_cut(const struct pkt *p, uint32_t caplen)
{
	struct pcap_pkthdr h;

	h.ts.tv_sec = 1700000000 + seq;
	h.ts.tv_usec = 1000 * seq + 7;
	h.len = p->len;
	h.caplen = caplen < p->len ? caplen : p->len;
	seq++;
	pcap_dump((u_char *)dumper, &h, p->b);
}

static void emit(const struct pkt *p) { emit_cut(p, p->len); }

static void addr6(uint8_t *a, const char *s)
{
	/* a few fixed forms only: prefix + last 16 bits */
	unsigned long last = 0;
	const char *c = strrchr(s, ':');

	memset(a, 0, 16);
	if (strncmp(s, "fd00", 4) == 0) { a[0] = 0xfd; }
	else if (strncmp(s, "fe80", 4) == 0) { a[0] = 0xfe; a[1] = 0x80; }
	else if (strncmp(s, "ff02", 4) == 0) { a[0] = 0xff; a[1] = 0x02; }
	last = strtoul(c + 1, NULL, 16);
	a[14] = (uint8_t)(last >> 8);
	a[15] = (uint8_t)last;
}

static void setup(void)
{
	ip4(A4, 10, 18, 0, 1); ip4(B4, 10, 18, 0, 3); ip4(GW4, 10, 18, 0, 254);
	ip4(BC4, 255, 255, 255, 255); ip4(ZERO4, 0, 0, 0, 0); ip4(DNS4, 10, 18, 0, 53);
	addr6(A6, "fd00::1"); addr6(B6, "fd00::3"); addr6(LL_A, "fe80::1"); addr6(LL_R, "fe80::fe");
	addr6(ALLNODES, "ff02::1"); addr6(MLDV2, "ff02::16");
	addr6(SNM_B, "ff02::3"); SNM_B[11] = 1; SNM_B[12] = 0xff;	/* ff02::1:ff00:3 */
	addr6(GRP6, "ff02::fb");
}

/* ---- ARP ---- */
static void arp(struct pkt *p, unsigned op, const uint8_t *sha, const uint8_t *spa, const uint8_t *tha,
		const uint8_t *tpa, const uint8_t *edst)
{
	pk_eth(p, edst, sha, 0x0806);
	pk_u16(p, 1); pk_u16(p, 0x0800); pk_u8(p, 6); pk_u8(p, 4); pk_u16(p, op);
	pk_put(p, sha, 6); pk_put(p, spa, 4); pk_put(p, tha, 6); pk_put(p, tpa, 4);
	pk_pad60(p);
}

static void gen_arp(const char *dir)
{
	static const uint8_t zero6[6];
	struct pkt p;

	open_file(dir, "arp.pcap", DLT_EN10MB);
	arp(&p, 1, MAC_A, A4, zero6, B4, MAC_BC);
	emit(&p);
	arp(&p, 2, MAC_B, B4, MAC_A, A4, MAC_A);
	emit(&p);
	arp(&p, 1, MAC_A, A4, zero6, A4, MAC_BC);	/* gratuitous */
	emit(&p);
	arp(&p, 1, MAC_A, A4, MAC_B, B4, MAC_B);	/* unicast poll: target MAC known */
	emit(&p);
	close_file();
}

/* ---- ICMP ---- */
static void icmp_hdr(struct pkt *p, const uint8_t *src, const uint8_t *dst, unsigned type, unsigned code)
{
	pk_eth(p, MAC_B, MAC_A, 0x0800);
	pk_ip4(p, src, dst, 1, 64);
	pk_u8(p, type); pk_u8(p, code); pk_u16(p, 0);
}

static void echo_body(struct pkt *p, unsigned id, unsigned sq, unsigned datalen)
{
	unsigned i;

	pk_u16(p, id); pk_u16(p, sq);
	for (i = 0; i < datalen; i++)
		pk_u8(p, 0x10 + i);
}

/* The quoted packet of an ICMP error: a UDP datagram B4:40000 -> A4:port (IP header + 8). */
static void quote_udp4(struct pkt *p, const uint8_t *src, const uint8_t *dst, unsigned dport)
{
	struct pkt q;

	q.len = 0;
	pk_ip4(&q, src, dst, 17, 64);
	pk_udp(&q, 40000, dport);
	pk_zero(&q, 20);
	pk_done(&q, 17);
	pk_put(p, q.b, 28);
}

static void gen_icmp(const char *dir)
{
	struct pkt p;
	struct pkt q;

	open_file(dir, "icmp.pcap", DLT_EN10MB);
	icmp_hdr(&p, A4, B4, 8, 0); echo_body(&p, 7, 1, 56); pk_done(&p, 1); emit(&p);
	icmp_hdr(&p, B4, A4, 0, 0); echo_body(&p, 7, 1, 56); pk_done(&p, 1); emit(&p);
	/* port unreachable quoting a UDP datagram to port 53 */
	icmp_hdr(&p, B4, A4, 3, 3); pk_u32(&p, 0); quote_udp4(&p, A4, B4, 53); pk_done(&p, 1); emit(&p);
	/* host unreachable, fragmentation needed (mtu 1400), protocol unreachable */
	icmp_hdr(&p, GW4, A4, 3, 1); pk_u32(&p, 0); quote_udp4(&p, A4, B4, 9); pk_done(&p, 1); emit(&p);
	icmp_hdr(&p, GW4, A4, 3, 4); pk_u16(&p, 0); pk_u16(&p, 1400); quote_udp4(&p, A4, B4, 9); pk_done(&p, 1); emit(&p);
	icmp_hdr(&p, B4, A4, 3, 2); pk_u32(&p, 0); quote_udp4(&p, A4, B4, 9); pk_done(&p, 1); emit(&p);
	icmp_hdr(&p, GW4, A4, 3, 13); pk_u32(&p, 0); quote_udp4(&p, A4, B4, 9); pk_done(&p, 1); emit(&p);
	/* time exceeded quoting an echo request */
	icmp_hdr(&p, GW4, A4, 11, 0); pk_u32(&p, 0);
	q.len = 0; pk_ip4(&q, A4, B4, 1, 1); pk_u8(&q, 8); pk_u8(&q, 0); pk_u16(&q, 0); echo_body(&q, 9, 3, 56);
	pk_done(&q, 1); pk_put(&p, q.b, 28); pk_done(&p, 1); emit(&p);
	icmp_hdr(&p, B4, A4, 11, 1); pk_u32(&p, 0); quote_udp4(&p, A4, B4, 9); pk_done(&p, 1); emit(&p);
	/* redirect to host via 10.18.0.254 */
	icmp_hdr(&p, GW4, A4, 5, 1); pk_put(&p, GW4, 4); quote_udp4(&p, A4, B4, 9); pk_done(&p, 1); emit(&p);
	/* parameter problem, pointer 1 */
	icmp_hdr(&p, B4, A4, 12, 0); pk_u8(&p, 1); pk_zero(&p, 3); quote_udp4(&p, A4, B4, 9); pk_done(&p, 1); emit(&p);
	/* source quench */
	icmp_hdr(&p, B4, A4, 4, 0); pk_u32(&p, 0); quote_udp4(&p, A4, B4, 9); pk_done(&p, 1); emit(&p);
	/* timestamp request / reply */
	icmp_hdr(&p, A4, B4, 13, 0); pk_u16(&p, 5); pk_u16(&p, 1); pk_u32(&p, 1000); pk_u32(&p, 0); pk_u32(&p, 0);
	pk_done(&p, 1); emit(&p);
	icmp_hdr(&p, B4, A4, 14, 0); pk_u16(&p, 5); pk_u16(&p, 1); pk_u32(&p, 1000); pk_u32(&p, 1005); pk_u32(&p, 1006);
	pk_done(&p, 1); emit(&p);
	/* address mask request / reply */
	icmp_hdr(&p, A4, BC4, 17, 0); pk_u16(&p, 6); pk_u16(&p, 1); pk_u32(&p, 0); pk_done(&p, 1); emit(&p);
	icmp_hdr(&p, B4, A4, 18, 0); pk_u16(&p, 6); pk_u16(&p, 1); pk_u32(&p, 0xffffff00); pk_done(&p, 1); emit(&p);
	/* router solicitation / advertisement (RFC 1256) */
	icmp_hdr(&p, A4, BC4, 10, 0); pk_u32(&p, 0); pk_done(&p, 1); emit(&p);
	icmp_hdr(&p, GW4, BC4, 9, 0); pk_u8(&p, 1); pk_u8(&p, 2); pk_u16(&p, 1800); pk_put(&p, GW4, 4); pk_u32(&p, 0);
	pk_done(&p, 1); emit(&p);
	/* echo request with a wrong checksum */
	icmp_hdr(&p, A4, B4, 8, 0); echo_body(&p, 7, 2, 56); pk_done(&p, 1);
	p.b[p.l4 + 2] ^= 0x55; emit(&p);
	/* an unknown type */
	icmp_hdr(&p, A4, B4, 42, 0); pk_u32(&p, 0x00010203); pk_done(&p, 1); emit(&p);
	close_file();
}

/* ---- ICMPv6 ---- */
static void icmp6_hdr(struct pkt *p, const uint8_t *esrc, const uint8_t *edst, const uint8_t *src,
		      const uint8_t *dst, unsigned type, unsigned code, unsigned hlim)
{
	pk_eth(p, edst, esrc, 0x86dd);
	pk_ip6(p, src, dst, 58, hlim);
	pk_u8(p, type); pk_u8(p, code); pk_u16(p, 0);
}

static void opt_ll(struct pkt *p, unsigned type, const uint8_t *mac)
{
	pk_u8(p, type); pk_u8(p, 1); pk_put(p, mac, 6);
}

static void quote_udp6(struct pkt *p, unsigned dport)
{
	struct pkt q;

	q.len = 0;
	pk_ip6(&q, A6, B6, 17, 64);
	pk_udp(&q, 40000, dport);
	pk_zero(&q, 12);
	pk_done(&q, 17);
	pk_put(p, q.b, q.len);
}

static void gen_icmpv6(const char *dir)
{
	static const uint8_t mcast_mac[6] = { 0x33, 0x33, 0xff, 0x00, 0x00, 0x03 };
	static const uint8_t allnodes_mac[6] = { 0x33, 0x33, 0x00, 0x00, 0x00, 0x01 };
	static const uint8_t mld_mac[6] = { 0x33, 0x33, 0x00, 0x00, 0x00, 0x16 };
	struct pkt p;
	unsigned i;

	open_file(dir, "icmpv6.pcap", DLT_EN10MB);
	icmp6_hdr(&p, MAC_A, MAC_B, A6, B6, 128, 0, 64); echo_body(&p, 7, 1, 56); pk_done(&p, 58); emit(&p);
	icmp6_hdr(&p, MAC_B, MAC_A, B6, A6, 129, 0, 64); echo_body(&p, 7, 1, 56); pk_done(&p, 58); emit(&p);
	/* neighbor solicitation for fd00::3 with the source's link-layer address */
	icmp6_hdr(&p, MAC_A, mcast_mac, A6, SNM_B, 135, 0, 255); pk_u32(&p, 0); pk_put(&p, B6, 16);
	opt_ll(&p, 1, MAC_A); pk_done(&p, 58); emit(&p);
	/* neighbor advertisement: solicited, override, with target link-layer address */
	icmp6_hdr(&p, MAC_B, MAC_A, B6, A6, 136, 0, 255); pk_u32(&p, 0x60000000); pk_put(&p, B6, 16);
	opt_ll(&p, 2, MAC_B); pk_done(&p, 58); emit(&p);
	/* router solicitation */
	{ uint8_t allr[16]; memcpy(allr, ALLNODES, 16); allr[15] = 2;
	  icmp6_hdr(&p, MAC_A, allnodes_mac, LL_A, allr, 133, 0, 255); } pk_u32(&p, 0); opt_ll(&p, 1, MAC_A);
	pk_done(&p, 58); emit(&p);
	/* router advertisement: prefix fd00::/64 (L, A), MTU 1500, SLLA, RDNSS fd00::53 */
	icmp6_hdr(&p, MAC_B, allnodes_mac, LL_R, ALLNODES, 134, 0, 255);
	pk_u8(&p, 64); pk_u8(&p, 0x40); pk_u16(&p, 1800); pk_u32(&p, 0); pk_u32(&p, 0);
	pk_u8(&p, 3); pk_u8(&p, 4); pk_u8(&p, 64); pk_u8(&p, 0xc0); pk_u32(&p, 86400); pk_u32(&p, 14400); pk_u32(&p, 0);
	{ uint8_t pfx[16] = { 0xfd }; pk_put(&p, pfx, 16); }
	pk_u8(&p, 5); pk_u8(&p, 1); pk_u16(&p, 0); pk_u32(&p, 1500);
	opt_ll(&p, 1, MAC_B);
	pk_u8(&p, 25); pk_u8(&p, 3); pk_u16(&p, 0); pk_u32(&p, 600);
	{ uint8_t dns[16] = { 0xfd }; dns[15] = 0x53; pk_put(&p, dns, 16); }
	pk_done(&p, 58); emit(&p);
	/* redirect: fd00::3 is better reached via fe80::fe */
	icmp6_hdr(&p, MAC_B, MAC_A, LL_R, LL_A, 137, 0, 255); pk_u32(&p, 0); pk_put(&p, LL_R, 16); pk_put(&p, B6, 16);
	opt_ll(&p, 2, MAC_B); pk_done(&p, 58); emit(&p);
	/* destination unreachable (port) quoting UDP to port 53; packet too big; time exceeded; param problem */
	icmp6_hdr(&p, MAC_B, MAC_A, B6, A6, 1, 4, 64); pk_u32(&p, 0); quote_udp6(&p, 53); pk_done(&p, 58); emit(&p);
	icmp6_hdr(&p, MAC_B, MAC_A, B6, A6, 2, 0, 64); pk_u32(&p, 1280); quote_udp6(&p, 9); pk_done(&p, 58); emit(&p);
	icmp6_hdr(&p, MAC_B, MAC_A, B6, A6, 3, 0, 64); pk_u32(&p, 0); quote_udp6(&p, 9); pk_done(&p, 58); emit(&p);
	icmp6_hdr(&p, MAC_B, MAC_A, B6, A6, 4, 1, 64); pk_u32(&p, 6); quote_udp6(&p, 9); pk_done(&p, 58); emit(&p);
	/* MLDv1 report and done for ff02::fb, with a hop-by-hop router alert */
	for (i = 0; i < 2; i++) {
		pk_eth(&p, mld_mac, MAC_A, 0x86dd);
		pk_ip6(&p, LL_A, i ? MLDV2 : GRP6, 0, 1);
		pk_u8(&p, 58); pk_u8(&p, 0); pk_u8(&p, 5); pk_u8(&p, 2); pk_u16(&p, 0); pk_u8(&p, 1); pk_u8(&p, 0);
		p.l4 = p.len;
		pk_u8(&p, i ? 132 : 131); pk_u8(&p, 0); pk_u16(&p, 0); pk_u16(&p, 0); pk_u16(&p, 0); pk_put(&p, GRP6, 16);
		pk_done(&p, 58); emit(&p);
	}
	/* MLDv2 general query and report (two records, one with a source) */
	pk_eth(&p, allnodes_mac, MAC_B, 0x86dd);
	pk_ip6(&p, LL_R, ALLNODES, 0, 1);
	pk_u8(&p, 58); pk_u8(&p, 0); pk_u8(&p, 5); pk_u8(&p, 2); pk_u16(&p, 0); pk_u8(&p, 1); pk_u8(&p, 0);
	p.l4 = p.len;
	pk_u8(&p, 130); pk_u8(&p, 0); pk_u16(&p, 0); pk_u16(&p, 10000); pk_u16(&p, 0); pk_zero(&p, 16);
	pk_u8(&p, 2); pk_u8(&p, 125); pk_u16(&p, 0);
	pk_done(&p, 58); emit(&p);
	pk_eth(&p, mld_mac, MAC_A, 0x86dd);
	pk_ip6(&p, LL_A, MLDV2, 0, 1);
	pk_u8(&p, 58); pk_u8(&p, 0); pk_u8(&p, 5); pk_u8(&p, 2); pk_u16(&p, 0); pk_u8(&p, 1); pk_u8(&p, 0);
	p.l4 = p.len;
	pk_u8(&p, 143); pk_u8(&p, 0); pk_u16(&p, 0); pk_u16(&p, 0); pk_u16(&p, 2);
	pk_u8(&p, 4); pk_u8(&p, 0); pk_u16(&p, 0); pk_put(&p, GRP6, 16);
	pk_u8(&p, 1); pk_u8(&p, 0); pk_u16(&p, 1); pk_put(&p, SNM_B, 16); pk_put(&p, A6, 16);
	pk_done(&p, 58); emit(&p);
	/* echo request with a wrong checksum */
	icmp6_hdr(&p, MAC_A, MAC_B, A6, B6, 128, 0, 64); echo_body(&p, 7, 2, 8); pk_done(&p, 58);
	p.b[p.l4 + 3] ^= 0x01; emit(&p);
	close_file();
}

/* ---- UDP and DNS ---- */
static void dns_q(struct pkt *p, unsigned id, unsigned flags, const char *name, unsigned type)
{
	pk_u16(p, id); pk_u16(p, flags); pk_u16(p, 1); pk_u16(p, 0); pk_u16(p, 0); pk_u16(p, 0);
	pk_dnsname(p, name); pk_u16(p, type); pk_u16(p, 1);
}

/* A record answering the question at offset 12 of the message (compression pointer 0xc00c). */
static void rr_head(struct pkt *p, unsigned type, uint32_t ttl, unsigned rdlen)
{
	pk_u16(p, 0xc00c); pk_u16(p, type); pk_u16(p, 1); pk_u32(p, ttl); pk_u16(p, rdlen);
}

static void udp4(struct pkt *p, const uint8_t *src, const uint8_t *dst, unsigned sport, unsigned dport)
{
	pk_eth(p, MAC_B, MAC_A, 0x0800);
	pk_ip4(p, src, dst, 17, 64);
	pk_udp(p, sport, dport);
}

static void gen_dns(const char *dir)
{
	struct pkt p;
	uint32_t msg;

	open_file(dir, "dns.pcap", DLT_EN10MB);
	udp4(&p, A4, DNS4, 40000, 53); dns_q(&p, 0x1234, 0x0100, "example.com", 1); pk_done(&p, 17); emit(&p);
	/* response: CNAME then two A records */
	udp4(&p, DNS4, A4, 53, 40000); msg = p.len;
	dns_q(&p, 0x1234, 0x8180, "www.example.com", 1);
	put_be16(p.b + msg + 6, 3);
	rr_head(&p, 5, 300, 2); pk_u16(&p, 0xc010);	/* -> example.com */
	pk_u16(&p, 0xc010); pk_u16(&p, 1); pk_u16(&p, 1); pk_u32(&p, 60); pk_u16(&p, 4); pk_u32(&p, 0x5db8d822);
	pk_u16(&p, 0xc010); pk_u16(&p, 1); pk_u16(&p, 1); pk_u32(&p, 60); pk_u16(&p, 4); pk_u32(&p, 0x5db8d823);
	pk_done(&p, 17); emit(&p);
	/* AAAA over IPv6 */
	pk_eth(&p, MAC_B, MAC_A, 0x86dd); pk_ip6(&p, A6, B6, 17, 64); pk_udp(&p, 40001, 53);
	dns_q(&p, 0x2345, 0x0100, "example.com", 28); pk_done(&p, 17); emit(&p);
	pk_eth(&p, MAC_A, MAC_B, 0x86dd); pk_ip6(&p, B6, A6, 17, 64); pk_udp(&p, 53, 40001); msg = p.len;
	dns_q(&p, 0x2345, 0x8180, "example.com", 28); put_be16(p.b + msg + 6, 1);
	rr_head(&p, 28, 3600, 16);
	{ uint8_t a[16] = { 0x26, 0x06, 0x28, 0x00, 0x02, 0x20, 0, 1, 0x2, 0x48, 0x18, 0x93, 0x25, 0xc8, 0x19, 0x46 };
	  pk_put(&p, a, 16); }
	pk_done(&p, 17); emit(&p);
	/* PTR response, MX response, TXT response, NXDomain */
	udp4(&p, DNS4, A4, 53, 40002); msg = p.len;
	dns_q(&p, 0x3456, 0x8580, "3.0.18.10.in-addr.arpa", 12); put_be16(p.b + msg + 6, 1);
	rr_head(&p, 12, 86400, 13); pk_dnsname(&p, "host3.lan");
	pk_done(&p, 17); emit(&p);
	udp4(&p, DNS4, A4, 53, 40003); msg = p.len;
	dns_q(&p, 0x4567, 0x8180, "example.org", 15); put_be16(p.b + msg + 6, 1);
	rr_head(&p, 15, 300, 9); pk_u16(&p, 10); pk_u8(&p, 4); pk_put(&p, "mail", 4); pk_u16(&p, 0xc00c);
	pk_done(&p, 17); emit(&p);
	udp4(&p, DNS4, A4, 53, 40004); msg = p.len;
	dns_q(&p, 0x5678, 0x8180, "example.net", 16); put_be16(p.b + msg + 6, 1);
	rr_head(&p, 16, 300, 12); pk_u8(&p, 11); pk_put(&p, "v=spf1 -all", 11);
	pk_done(&p, 17); emit(&p);
	udp4(&p, DNS4, A4, 53, 40005); msg = p.len;
	dns_q(&p, 0x6789, 0x8183, "nope.example", 1); put_be16(p.b + msg + 8, 1);
	pk_u16(&p, 0xc011); pk_u16(&p, 6); pk_u16(&p, 1); pk_u32(&p, 900); pk_u16(&p, 0);
	{ uint32_t rd = p.len; pk_dnsname(&p, "ns.example"); pk_u16(&p, 0xc011 + 0); pk_u32(&p, 2024010101);
	  pk_u32(&p, 7200); pk_u32(&p, 3600); pk_u32(&p, 1209600); pk_u32(&p, 300);
	  put_be16(p.b + rd - 2, (uint16_t)(p.len - rd)); }
	pk_done(&p, 17); emit(&p);
	/* plain UDP, UDP with no checksum, UDP with a bad checksum */
	udp4(&p, A4, B4, 5000, 9999); pk_put(&p, "hello", 5); pk_done(&p, 17); emit(&p);
	udp4(&p, A4, B4, 5001, 9999); pk_put(&p, "no sum", 6); pk_done(&p, 17); put_be16(p.b + p.l4 + 6, 0); emit(&p);
	udp4(&p, A4, B4, 5002, 9999); pk_put(&p, "bad sum", 7); pk_done(&p, 17); p.b[p.l4 + 7] ^= 0x11; emit(&p);
	close_file();
}

/* ---- TCP ---- */
static void tcp4(struct pkt *p, const uint8_t *src, const uint8_t *dst, unsigned sport, unsigned dport,
		 uint32_t sq, uint32_t ack, unsigned flags, unsigned win, const uint8_t *opts, unsigned olen)
{
	pk_eth(p, MAC_B, MAC_A, 0x0800);
	pk_ip4(p, src, dst, 6, 64);
	p->l4 = p->len;
	pk_u16(p, sport); pk_u16(p, dport); pk_u32(p, sq); pk_u32(p, ack);
	pk_u16(p, (unsigned)((5 + olen / 4) << 12) | flags); pk_u16(p, win); pk_u16(p, 0); pk_u16(p, 0);
	if (olen)
		pk_put(p, opts, olen);
}

static void gen_tcp(const char *dir)
{
	static const uint8_t synopt[20] = { 2, 4, 0x05, 0xb4, 4, 2, 8, 10, 0, 0, 0, 1, 0, 0, 0, 0, 1, 3, 3, 7 };
	static const uint8_t tsopt[12] = { 1, 1, 8, 10, 0, 0, 0, 2, 0, 0, 0, 1 };
	static const uint8_t sackopt[12] = { 1, 1, 5, 10, 0, 0, 0x03, 0xe8, 0, 0, 0x07, 0xd0 };
	struct pkt p;

	open_file(dir, "tcp.pcap", DLT_EN10MB);
	tcp4(&p, A4, B4, 40000, 80, 1000, 0, 0x002, 64240, synopt, 20); pk_done(&p, 6); emit(&p);
	tcp4(&p, B4, A4, 80, 40000, 5000, 1001, 0x012, 65160, synopt, 20); pk_done(&p, 6); emit(&p);
	tcp4(&p, A4, B4, 40000, 80, 1001, 5001, 0x010, 502, tsopt, 12); pk_done(&p, 6); emit(&p);
	tcp4(&p, A4, B4, 40000, 80, 1001, 5001, 0x018, 502, tsopt, 12);
	pk_put(&p, "GET / HTTP/1.0\r\n\r\n", 18); pk_done(&p, 6); emit(&p);
	tcp4(&p, B4, A4, 80, 40000, 5001, 1019, 0x010, 509, sackopt, 12); pk_done(&p, 6); emit(&p);
	tcp4(&p, A4, B4, 40000, 80, 1019, 5001, 0x011, 502, NULL, 0); pk_done(&p, 6); emit(&p);
	tcp4(&p, B4, A4, 80, 40000, 5001, 0, 0x004, 0, NULL, 0); pk_done(&p, 6); emit(&p);
	tcp4(&p, A4, B4, 40001, 22, 77, 0, 0x0c2, 64240, NULL, 0); pk_done(&p, 6); p.b[p.l4 + 17] ^= 1; emit(&p);
	/* IPv6 SYN */
	pk_eth(&p, MAC_B, MAC_A, 0x86dd); pk_ip6(&p, A6, B6, 6, 64);
	pk_u16(&p, 40002); pk_u16(&p, 443); pk_u32(&p, 0xfffffff0u); pk_u32(&p, 0);
	pk_u16(&p, (5u << 12) | 0x002); pk_u16(&p, 65535); pk_u16(&p, 0); pk_u16(&p, 0);
	pk_done(&p, 6); emit(&p);
	close_file();
}

/* ---- DHCP ---- */
static void dhcp_msg(struct pkt *p, unsigned op, unsigned type, const uint8_t *yi, int server)
{
	pk_eth(p, server ? MAC_A : MAC_BC, server ? MAC_B : MAC_A, 0x0800);
	pk_ip4(p, server ? GW4 : ZERO4, server ? A4 : BC4, 17, server ? 64 : 128);
	pk_udp(p, server ? 67 : 68, server ? 68 : 67);
	pk_u8(p, op); pk_u8(p, 1); pk_u8(p, 6); pk_u8(p, 0); pk_u32(p, 0xdeadbeef); pk_u16(p, 0);
	pk_u16(p, server ? 0 : 0x8000);
	pk_zero(p, 4); pk_put(p, yi, 4); pk_zero(p, 4); pk_zero(p, 4);
	pk_put(p, MAC_A, 6); pk_zero(p, 10); pk_zero(p, 64); pk_zero(p, 128);
	pk_u32(p, 0x63825363);
	pk_u8(p, 53); pk_u8(p, 1); pk_u8(p, type);
	if (!server) {
		pk_u8(p, 61); pk_u8(p, 7); pk_u8(p, 1); pk_put(p, MAC_A, 6);
		pk_u8(p, 12); pk_u8(p, 5); pk_put(p, "host1", 5);
		pk_u8(p, 55); pk_u8(p, 4); pk_u8(p, 1); pk_u8(p, 3); pk_u8(p, 6); pk_u8(p, 15);
		if (type == 3) {
			pk_u8(p, 50); pk_u8(p, 4); pk_put(p, A4, 4);
			pk_u8(p, 54); pk_u8(p, 4); pk_put(p, GW4, 4);
		}
	} else {
		uint8_t mask[4] = { 255, 255, 255, 0 };

		pk_u8(p, 54); pk_u8(p, 4); pk_put(p, GW4, 4);
		pk_u8(p, 51); pk_u8(p, 4); pk_u32(p, 86400);
		pk_u8(p, 58); pk_u8(p, 4); pk_u32(p, 43200);
		pk_u8(p, 1); pk_u8(p, 4); pk_put(p, mask, 4);
		pk_u8(p, 3); pk_u8(p, 4); pk_put(p, GW4, 4);
		pk_u8(p, 6); pk_u8(p, 8); pk_put(p, GW4, 4); pk_put(p, DNS4, 4);
		pk_u8(p, 15); pk_u8(p, 3); pk_put(p, "lan", 3);
	}
	pk_u8(p, 255);
	while (p->len - p->l4 - 8 < 300)
		pk_u8(p, 0);
	pk_done(p, 17);
}

static void gen_dhcp(const char *dir)
{
	struct pkt p;

	open_file(dir, "dhcp.pcap", DLT_EN10MB);
	dhcp_msg(&p, 1, 1, ZERO4, 0); emit(&p);
	dhcp_msg(&p, 2, 2, A4, 1); emit(&p);
	dhcp_msg(&p, 1, 3, ZERO4, 0); emit(&p);
	dhcp_msg(&p, 2, 5, A4, 1); emit(&p);
	close_file();
}

/* ---- IP options, fragments, IPv6 extension headers, VLAN ---- */
static void gen_ipext(const char *dir)
{
	struct pkt p;
	unsigned i;

	open_file(dir, "ipext.pcap", DLT_EN10MB);
	/* IPv4 with Router Alert and a NOP + EOL */
	pk_eth(&p, MAC_B, MAC_A, 0x0800); pk_ip4(&p, A4, B4, 1, 1);
	p.b[p.l3] = 0x47; pk_u8(&p, 148); pk_u8(&p, 4); pk_u16(&p, 0); pk_u8(&p, 1); pk_u8(&p, 0); pk_u16(&p, 0);
	p.l4 = p.len; pk_u8(&p, 8); pk_u8(&p, 0); pk_u16(&p, 0); echo_body(&p, 1, 1, 0); pk_done(&p, 1); emit(&p);
	/* IPv4 with Record Route (3 slots, one filled) */
	pk_eth(&p, MAC_B, MAC_A, 0x0800); pk_ip4(&p, A4, B4, 1, 64);
	p.b[p.l3] = 0x49; pk_u8(&p, 7); pk_u8(&p, 15); pk_u8(&p, 8); pk_put(&p, GW4, 4); pk_zero(&p, 8); pk_u8(&p, 0);
	p.l4 = p.len; pk_u8(&p, 8); pk_u8(&p, 0); pk_u16(&p, 0); echo_body(&p, 1, 2, 0); pk_done(&p, 1); emit(&p);
	/* a UDP datagram in two fragments */
	pk_eth(&p, MAC_B, MAC_A, 0x0800); pk_ip4(&p, A4, B4, 17, 64); pk_udp(&p, 5000, 9999);
	for (i = 0; i < 24; i++) pk_u8(&p, i);
	pk_done(&p, 17); put_be16(p.b + p.l3 + 6, 0x2000); pk_ip4_done(&p); p.len = p.l4 + 16; pk_ip4_done(&p);
	emit(&p);
	pk_eth(&p, MAC_B, MAC_A, 0x0800); pk_ip4(&p, A4, B4, 17, 64);
	for (i = 0; i < 16; i++) pk_u8(&p, 8 + i);
	put_be16(p.b + p.l3 + 6, 2); pk_ip4_done(&p); emit(&p);
	/* IPv6: destination options + routing header (type 0) + fragment header, then ICMPv6 echo */
	pk_eth(&p, MAC_B, MAC_A, 0x86dd); pk_ip6(&p, A6, B6, 60, 64);
	pk_u8(&p, 43); pk_u8(&p, 0); pk_u8(&p, 1); pk_u8(&p, 4); pk_zero(&p, 4);	/* dstopts with PadN */
	pk_u8(&p, 44); pk_u8(&p, 2); pk_u8(&p, 0); pk_u8(&p, 1); pk_u32(&p, 0); pk_put(&p, B6, 16);
	pk_u8(&p, 58); pk_u8(&p, 0); pk_u16(&p, 0x0001); pk_u32(&p, 0xabcdef01);
	p.l4 = p.len; pk_u8(&p, 128); pk_u8(&p, 0); pk_u16(&p, 0); echo_body(&p, 3, 1, 8); pk_done(&p, 58); emit(&p);
	/* IPv6 later fragment */
	pk_eth(&p, MAC_B, MAC_A, 0x86dd); pk_ip6(&p, A6, B6, 44, 64);
	pk_u8(&p, 58); pk_u8(&p, 0); pk_u16(&p, (16 << 3)); pk_u32(&p, 0xabcdef01); pk_zero(&p, 8);
	pk_ip6_done(&p); emit(&p);
	/* 802.1Q VLAN 10 priority 3 carrying an echo request */
	p.len = 0; pk_put(&p, MAC_B, 6); pk_put(&p, MAC_A, 6); pk_u16(&p, 0x8100); pk_u16(&p, (3 << 13) | 10);
	pk_u16(&p, 0x0800); pk_ip4(&p, A4, B4, 1, 64); pk_u8(&p, 8); pk_u8(&p, 0); pk_u16(&p, 0);
	p.l4 = p.l3 + 20; echo_body(&p, 7, 5, 8); pk_done(&p, 1); emit(&p);
	/* an unknown EtherType, and an IEEE 802.3 length frame */
	pk_eth(&p, MAC_B, MAC_A, 0x88b5); pk_put(&p, "local experimental", 18); pk_pad60(&p); emit(&p);
	pk_eth(&p, MAC_BC, MAC_A, 38); pk_u8(&p, 0x42); pk_u8(&p, 0x42); pk_u8(&p, 3); pk_zero(&p, 35); emit(&p);
	close_file();
}

/* ---- other link types ---- */
static void gen_links(const char *dir)
{
	struct pkt p, q;

	/* raw IP (as a tun device without PI captures) */
	open_file(dir, "raw.pcap", DLT_RAW);
	p.len = 0; pk_ip4(&p, A4, B4, 1, 64); pk_u8(&p, 8); pk_u8(&p, 0); pk_u16(&p, 0); p.l4 = 20;
	echo_body(&p, 7, 1, 56); pk_done(&p, 1); emit(&p);
	p.len = 0; pk_ip6(&p, A6, B6, 58, 64); pk_u8(&p, 128); pk_u8(&p, 0); pk_u16(&p, 0); p.l4 = 40;
	echo_body(&p, 7, 1, 56); pk_done(&p, 58); emit(&p);
	p.len = 0; pk_ip4(&p, A4, DNS4, 17, 64); pk_udp(&p, 40000, 53); dns_q(&p, 0x99, 0x0100, "tap.example", 1);
	pk_done(&p, 17); emit(&p);
	close_file();
	/* Linux cooked capture: the same echo request, sent by us */
	icmp_hdr(&q, A4, B4, 8, 0); echo_body(&q, 7, 1, 8); pk_done(&q, 1);
	open_file(dir, "sll.pcap", DLT_LINUX_SLL);
	p.len = 0; pk_u16(&p, 4); pk_u16(&p, 1); pk_u16(&p, 6); pk_put(&p, MAC_A, 6); pk_u16(&p, 0); pk_u16(&p, 0x0800);
	pk_put(&p, q.b + 14, q.len - 14); emit(&p);
	p.len = 0; pk_u16(&p, 0); pk_u16(&p, 1); pk_u16(&p, 6); pk_put(&p, MAC_B, 6); pk_u16(&p, 0); pk_u16(&p, 0x0806);
	arp(&q, 2, MAC_B, B4, MAC_A, A4, MAC_A); pk_put(&p, q.b + 14, 28); emit(&p);
	close_file();
	open_file(dir, "sll2.pcap", DLT_LINUX_SLL2);
	icmp_hdr(&q, A4, B4, 8, 0); echo_body(&q, 7, 1, 8); pk_done(&q, 1);
	p.len = 0; pk_u16(&p, 0x0800); pk_u16(&p, 0); pk_u32(&p, 2); pk_u16(&p, 1); pk_u8(&p, 4); pk_u8(&p, 6);
	pk_put(&p, MAC_A, 6); pk_u16(&p, 0); pk_put(&p, q.b + 14, q.len - 14); emit(&p);
	close_file();
}

/* ---- truncated captures (snaplen) and malformed packets ---- */
static void gen_bad(const char *dir)
{
	struct pkt p, q;
	uint32_t msg;

	open_file(dir, "truncated.pcap", DLT_EN10MB);
	icmp_hdr(&p, A4, B4, 8, 0); echo_body(&p, 7, 1, 56); pk_done(&p, 1);
	emit_cut(&p, 10);	/* inside Ethernet */
	emit_cut(&p, 30);	/* inside IPv4 */
	emit_cut(&p, 36);	/* inside ICMP */
	emit_cut(&p, 60);	/* inside the echo data */
	tcp4(&p, A4, B4, 40000, 80, 1000, 0, 0x002, 64240, (const uint8_t *)"\x02\x04\x05\xb4\x04\x02\x08\x0a\0\0\0\1\0\0\0\0\x01\x03\x03\x07", 20);
	pk_done(&p, 6); emit_cut(&p, 60);	/* inside the TCP options */
	udp4(&p, DNS4, A4, 53, 40000); msg = p.len; dns_q(&p, 0x1234, 0x8180, "www.example.com", 1);
	put_be16(p.b + msg + 6, 1); rr_head(&p, 1, 60, 4); pk_u32(&p, 0x5db8d822); pk_done(&p, 17);
	emit_cut(&p, p.len - 6);	/* inside the DNS answer */
	icmp6_hdr(&p, MAC_A, MAC_B, A6, B6, 135, 0, 255); pk_u32(&p, 0); pk_put(&p, B6, 16); opt_ll(&p, 1, MAC_A);
	pk_done(&p, 58); emit_cut(&p, 70);	/* inside the NS target */
	dhcp_msg(&p, 1, 1, ZERO4, 0); emit_cut(&p, 100);	/* inside BOOTP */
	close_file();

	open_file(dir, "malformed.pcap", DLT_EN10MB);
	/* IHL 3 (12 bytes) */
	icmp_hdr(&p, A4, B4, 8, 0); echo_body(&p, 7, 1, 8); pk_done(&p, 1); p.b[14] = 0x43; emit(&p);
	/* total length larger than the frame */
	icmp_hdr(&p, A4, B4, 8, 0); echo_body(&p, 7, 1, 8); pk_done(&p, 1); put_be16(p.b + 16, 400); pk_ip4_done(&p);
	put_be16(p.b + 16, 400); p.b[24] = 0; p.b[25] = 0; put_be16(p.b + 24, csum_buf(p.b + 14, 20)); emit(&p);
	/* UDP length beyond the IP payload */
	udp4(&p, A4, B4, 5000, 9999); pk_put(&p, "abc", 3); pk_done(&p, 17); put_be16(p.b + p.l4 + 4, 200); emit(&p);
	/* TCP data offset 2 (8 bytes) */
	tcp4(&p, A4, B4, 40000, 80, 1, 0, 0x002, 100, NULL, 0); pk_done(&p, 6); p.b[p.l4 + 12] = 0x20; emit(&p);
	/* DNS name with a compression loop, and one pointing forward */
	udp4(&p, A4, DNS4, 40000, 53); pk_u16(&p, 1); pk_u16(&p, 0x0100); pk_u16(&p, 1); pk_zero(&p, 6);
	pk_u16(&p, 0xc00c); pk_u16(&p, 1); pk_u16(&p, 1); pk_done(&p, 17); emit(&p);
	udp4(&p, A4, DNS4, 40000, 53); pk_u16(&p, 2); pk_u16(&p, 0x0100); pk_u16(&p, 1); pk_zero(&p, 6);
	pk_u8(&p, 3); pk_put(&p, "abc", 3); pk_u16(&p, 0xc020); pk_u16(&p, 1); pk_u16(&p, 1); pk_done(&p, 17); emit(&p);
	/* DNS claiming 5 answers with none present */
	udp4(&p, DNS4, A4, 53, 40000); msg = p.len; dns_q(&p, 3, 0x8180, "a.b", 1); put_be16(p.b + msg + 6, 5);
	pk_done(&p, 17); emit(&p);
	/* NDP option with length 0 */
	icmp6_hdr(&p, MAC_A, MAC_B, A6, B6, 135, 0, 255); pk_u32(&p, 0); pk_put(&p, B6, 16);
	pk_u8(&p, 1); pk_u8(&p, 0); pk_put(&p, MAC_A, 6); pk_done(&p, 58); emit(&p);
	/* IPv6 payload length larger than the frame */
	icmp6_hdr(&p, MAC_A, MAC_B, A6, B6, 128, 0, 64); echo_body(&p, 1, 1, 4); pk_done(&p, 58);
	put_be16(p.b + 18, 1000); emit(&p);
	/* IPv6 hop-by-hop header whose length runs past the packet */
	pk_eth(&p, MAC_B, MAC_A, 0x86dd); pk_ip6(&p, A6, B6, 0, 64); pk_u8(&p, 58); pk_u8(&p, 9); pk_zero(&p, 6);
	pk_ip6_done(&p); emit(&p);
	/* ARP with hardware size 0 and protocol size 16 */
	p.len = 0; pk_eth(&p, MAC_BC, MAC_A, 0x0806); pk_u16(&p, 1); pk_u16(&p, 0x86dd); pk_u8(&p, 0); pk_u8(&p, 16);
	pk_u16(&p, 1); pk_zero(&p, 32); emit(&p);
	/* IP option length running past the header */
	pk_eth(&p, MAC_B, MAC_A, 0x0800); pk_ip4(&p, A4, B4, 1, 64);
	p.b[p.l3] = 0x46; pk_u8(&p, 7); pk_u8(&p, 40); pk_u8(&p, 4); pk_u8(&p, 0);
	p.l4 = p.len; pk_u8(&p, 8); pk_u8(&p, 0); pk_u16(&p, 0); echo_body(&p, 1, 1, 0); pk_done(&p, 1); emit(&p);
	/* ICMP error quoting only 10 bytes of the packet */
	icmp_hdr(&p, B4, A4, 3, 3); pk_u32(&p, 0); quote_udp4(&p, A4, B4, 53); p.len -= 18; pk_done(&p, 1); emit(&p);
	/* TCP option length 0 */
	tcp4(&p, A4, B4, 40000, 80, 1, 0, 0x002, 100, (const uint8_t *)"\x02\x00\x05\xb4", 4); pk_done(&p, 6); emit(&p);
	(void)q;
	close_file();
}

/* ---- every input that ever crashed the decoder (found by tests/fuzz) ---- */
static void gen_crashes(const char *dir)
{
	struct pkt p;

	open_file(dir, "crashes.pcap", DLT_EN10MB);
	/* 1: IPv4 carrying protocol 58: ICMPv6's pseudo-header read 16-byte addresses from 4-byte ones */
	pk_eth(&p, MAC_B, MAC_A, 0x0800); pk_ip4(&p, A4, B4, 58, 64);
	pk_u8(&p, 128); pk_u8(&p, 0); pk_u16(&p, 0); echo_body(&p, 1, 1, 4); pk_ip4_done(&p); emit(&p);
	/* 2: an IPv4 layer with no bytes at all (SLL2 header, then nothing): header checksum over 0 bytes */
	pk_eth(&p, MAC_B, MAC_A, 0x0800); emit(&p);
	close_file();
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: gengolden DIR\n");
		return 2;
	}
	setup();
	gen_arp(argv[1]);
	gen_icmp(argv[1]);
	gen_icmpv6(argv[1]);
	gen_dns(argv[1]);
	gen_tcp(argv[1]);
	gen_dhcp(argv[1]);
	gen_ipext(argv[1]);
	gen_links(argv[1]);
	gen_bad(argv[1]);
	gen_crashes(argv[1]);
	return 0;
}
