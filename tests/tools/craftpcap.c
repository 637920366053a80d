/* craftpcap.c — builds frames from inject specs and writes them to a pcap, so Wireshark can check the crafting engine.
 *
 * usage: craftpcap [-t] [-l LASTSPEC] -o OUT.pcap SPEC...
 *   -t           tap: Ethernet II frames (DLT_EN10MB); default tun: raw IP (DLT_RAW)
 *   -l LASTSPEC  build LASTSPEC first and use it as the frame the kernel sent last (for quote=last)
 * The device is 10.18.0.1/24 and fd00::1/64 with MAC 02:aa:bb:cc:dd:ee. A spec with count=N
 * gives N frames (repeat 0..N-1).
 */
#include <errno.h>
#include <pcap/pcap.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "craft.h"

static uint8_t frame_buf[70000], last_buf[70000];

static int build(const char *text, const struct craft_ctx *ctx, unsigned repeat, uint8_t *buf, size_t *len)
{
	struct craft_spec s;
	char err[512];

	if (craft_parse(text, &s, err, sizeof(err)) ||
	    craft_build(&s, ctx, repeat, buf, sizeof(frame_buf), len, err, sizeof(err))) {
		fprintf(stderr, "craftpcap: %s\n", err);
		return -1;
	}
	return 0;
}

static int write_spec(pcap_dumper_t *d, const char *text, const struct craft_ctx *ctx, int *n)
{
	struct craft_spec s;
	char err[512];
	size_t len;

	if (craft_parse(text, &s, err, sizeof(err))) {
		fprintf(stderr, "craftpcap: %s\n", err);
		return -1;
	}
	for (unsigned r = 0; r < craft_count(&s); r++) {
		struct pcap_pkthdr h = { .ts = { .tv_sec = 1, .tv_usec = (*n)++ * 1000 } };

		if (build(text, ctx, r, frame_buf, &len))
			return -1;
		h.caplen = h.len = (bpf_u_int32)len;
		pcap_dump((u_char *)d, &h, frame_buf);
	}
	return 0;
}

static void device(struct addrset *set, struct craft_ctx *ctx)
{
	struct dev_addr a;
	static const uint8_t mac[6] = { 0x02, 0xaa, 0xbb, 0xcc, 0xdd, 0xee };

	addrset_parse_cidr("10.18.0.1/24", &a);
	addrset_add(set, &a);
	addrset_parse_cidr("fd00::1/64", &a);
	addrset_add(set, &a);
	ctx->addrs = set;
	memcpy(ctx->dev_mac, mac, 6);
	ctx->next_ip_id = 0x4242;
}

int main(int argc, char **argv)
{
	static struct addrset set;
	struct craft_ctx ctx = { 0 };
	struct frame last = { .dir = FRAME_IN };
	const char *out = NULL, *last_spec = NULL;
	pcap_dumper_t *d;
	pcap_t *p;
	size_t len;
	int c, n = 0, rc = 0;

	while ((c = getopt(argc, argv, "tl:o:")) != -1) {
		switch (c) {
		case 't': ctx.tap = 1; break;
		case 'l': last_spec = optarg; break;
		case 'o': out = optarg; break;
		default: return 2;
		}
	}
	if (!out || optind >= argc) {
		fprintf(stderr, "usage: craftpcap [-t] [-l LASTSPEC] -o OUT.pcap SPEC...\n");
		return 2;
	}
	device(&set, &ctx);
	if (last_spec) {
		if (build(last_spec, &ctx, 0, last_buf, &len))
			return 1;
		last.dlt = ctx.tap ? DLT_EN10MB : DLT_RAW;
		last.data = last_buf;
		last.caplen = last.len = (uint32_t)len;
		ctx.last_in = &last;
	}
	p = pcap_open_dead(ctx.tap ? DLT_EN10MB : DLT_RAW, 65535);
	if (!p || !(d = pcap_dump_open(p, out))) {
		fprintf(stderr, "craftpcap: %s: %s\n", out, p ? pcap_geterr(p) : "pcap_open_dead failed");
		return 1;
	}
	for (int i = optind; i < argc && !rc; i++)
		rc = write_spec(d, argv[i], &ctx, &n);
	pcap_dump_close(d);
	pcap_close(p);
	return rc ? 1 : 0;
}
