/* genbench.c — writes N mixed frames of the kinds a tap sees (ARP, ICMP, ICMPv6/NDP, DNS, TCP) to a pcap. */
#include "pktbuild.h"

static void echo4(struct pkt *p, const uint8_t *s, const uint8_t *d, unsigned type, unsigned id, unsigned sq)
{
	unsigned i;

	pk_eth(p, MAC_B, MAC_A, 0x0800);
	pk_ip4(p, s, d, 1, 64);
	pk_u8(p, type); pk_u8(p, 0); pk_u16(p, 0); pk_u16(p, id); pk_u16(p, sq);
	for (i = 0; i < 56; i++)
		pk_u8(p, i);
	pk_done(p, 1);
}

static void ndp(struct pkt *p, const uint8_t *s, const uint8_t *d, const uint8_t *tgt, unsigned type)
{
	pk_eth(p, MAC_B, MAC_A, 0x86dd);
	pk_ip6(p, s, d, 58, 255);
	pk_u8(p, type); pk_u8(p, 0); pk_u16(p, 0);
	pk_u32(p, type == 136 ? 0x60000000u : 0);
	pk_put(p, tgt, 16);
	pk_u8(p, type == 136 ? 2 : 1); pk_u8(p, 1); pk_put(p, MAC_A, 6);
	pk_done(p, 58);
}

int main(int argc, char **argv)
{
	static const char *names[] = { "example.com", "www.example.org", "tapscope.lan", "a.b.c.example.net" };
	uint8_t a4[4] = { 10, 18, 0, 1 }, b4[4] = { 10, 18, 0, 3 }, dns4[4] = { 10, 18, 0, 53 };
	uint8_t a6[16] = { 0xfd }, b6[16] = { 0xfd }, snm[16] = { 0xff, 0x02 };
	struct pcap_pkthdr h;
	pcap_dumper_t *dump;
	pcap_t *dead;
	struct pkt p;
	long n, i;

	if (argc != 3) {
		fprintf(stderr, "usage: genbench N FILE\n");
		return 2;
	}
	n = atol(argv[1]);
	dead = pcap_open_dead(DLT_EN10MB, 65535);
	dump = pcap_dump_open(dead, argv[2]);
	if (!dump) {
		fprintf(stderr, "genbench: %s\n", pcap_geterr(dead));
		return 1;
	}
	a6[15] = 1;
	snm[11] = 1; snm[12] = 0xff;
	for (i = 0; i < n; i++) {
		unsigned k = (unsigned)(i % 12), id = (unsigned)(i / 12);

		b4[3] = (uint8_t)(2 + id % 200);
		b6[15] = b4[3];
		snm[15] = b4[3];
		switch (k) {
		case 0: {
			static const uint8_t z[6];

			pk_eth(&p, MAC_BC, MAC_A, 0x0806);
			pk_u16(&p, 1); pk_u16(&p, 0x0800); pk_u8(&p, 6); pk_u8(&p, 4); pk_u16(&p, 1);
			pk_put(&p, MAC_A, 6); pk_put(&p, a4, 4); pk_put(&p, z, 6); pk_put(&p, b4, 4);
			pk_pad60(&p);
			break;
		}
		case 1:
			pk_eth(&p, MAC_A, MAC_B, 0x0806);
			pk_u16(&p, 1); pk_u16(&p, 0x0800); pk_u8(&p, 6); pk_u8(&p, 4); pk_u16(&p, 2);
			pk_put(&p, MAC_B, 6); pk_put(&p, b4, 4); pk_put(&p, MAC_A, 6); pk_put(&p, a4, 4);
			pk_pad60(&p);
			break;
		case 2: echo4(&p, a4, b4, 8, 7, id & 0xffff); break;
		case 3: echo4(&p, b4, a4, 0, 7, id & 0xffff); break;
		case 4: ndp(&p, a6, snm, b6, 135); break;
		case 5: ndp(&p, b6, a6, b6, 136); break;
		case 6:
		case 7:
			pk_eth(&p, MAC_B, MAC_A, 0x0800);
			pk_ip4(&p, k == 6 ? a4 : dns4, k == 6 ? dns4 : a4, 17, 64);
			pk_udp(&p, k == 6 ? 40000 + id % 20000 : 53, k == 6 ? 53 : 40000 + id % 20000);
			pk_u16(&p, id & 0xffff); pk_u16(&p, k == 6 ? 0x0100 : 0x8180); pk_u16(&p, 1);
			pk_u16(&p, k == 7); pk_u16(&p, 0); pk_u16(&p, 0);
			pk_dnsname(&p, names[id % 4]); pk_u16(&p, 1); pk_u16(&p, 1);
			if (k == 7) {
				pk_u16(&p, 0xc00c); pk_u16(&p, 1); pk_u16(&p, 1); pk_u32(&p, 300); pk_u16(&p, 4);
				pk_put(&p, b4, 4);
			}
			pk_done(&p, 17);
			break;
		default: {
			static const uint8_t synopt[20] = { 2, 4, 5, 0xb4, 4, 2, 8, 10, 0, 0, 0, 1, 0, 0, 0, 0, 1, 3, 3, 7 };
			static const uint8_t tsopt[12] = { 1, 1, 8, 10, 0, 0, 0, 2, 0, 0, 0, 1 };
			unsigned fl = k == 8 ? 0x002 : k == 9 ? 0x012 : k == 10 ? 0x010 : 0x018;
			const uint8_t *o = k < 10 ? synopt : tsopt;
			unsigned olen = k < 10 ? 20 : 12;

			pk_eth(&p, MAC_B, MAC_A, 0x0800);
			pk_ip4(&p, k == 9 ? b4 : a4, k == 9 ? a4 : b4, 6, 64);
			pk_u16(&p, k == 9 ? 443 : 40000 + id % 20000); pk_u16(&p, k == 9 ? 40000 + id % 20000 : 443);
			pk_u32(&p, 1000 + id); pk_u32(&p, k == 8 ? 0 : 5000 + id);
			pk_u16(&p, ((5 + olen / 4) << 12) | fl); pk_u16(&p, 502); pk_u16(&p, 0); pk_u16(&p, 0);
			pk_put(&p, o, olen);
			if (k == 11)
				pk_zero(&p, 100);
			pk_done(&p, 6);
			break;
		}
		}
		h.ts.tv_sec = 1700000000 + i / 1000;
		h.ts.tv_usec = (i % 1000) * 1000;
		h.caplen = h.len = p.len;
		pcap_dump((u_char *)dump, &h, p.b);
	}
	pcap_dump_close(dump);
	pcap_close(dead);
	return 0;
}
