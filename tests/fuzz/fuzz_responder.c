/* fuzz_responder.c — libFuzzer target on the frame locator and the responder: no read past the frame, no write past the reply's claimed size, and every reply a valid packet. */
/*
 * Input: the decoder target's selector byte, then the frame. Selector bits 0-2 pick tap
 * (0, 2, 3, 6, 7), tun (1) or either with the PI header (4: tap, 5: tun); bit 4 turns
 * neighbour answers off, bit 5 echo replies. The frame is copied to a buffer of exactly its
 * size, and a reply is built a second time into a buffer of exactly the length the first
 * call returned (and once into one byte less, which must be refused), so AddressSanitizer
 * sees any overrun either way.
 */
#include <pcap/dlt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>

#include "addrset.h"
#include "decode.h"
#include "frameloc.h"
#include "responder.h"
#include "why.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct addrset addrs;
static struct responder resp;
static uint8_t big[70000];

static void setup(void)
{
	static const char *const cidrs[] = { "10.18.0.1/24", "192.168.1.1/24", "fd00::1/64", "fe80::1/64" };
	static const uint8_t mac[6] = { 0x52, 0x54, 0x00, 0x12, 0x34, 0x56 };
	struct dev_addr a;

	for (size_t i = 0; i < sizeof(cidrs) / sizeof(cidrs[0]); i++)
		if (addrset_parse_cidr(cidrs[i], &a) == 0)
			addrset_add(&addrs, &a);
	responder_init(&resp, &addrs, 1, mac);
}

static void check_loc(const struct frameloc *l, const struct frame *f)
{
	if (l->l3_off > f->caplen || l->l3_len > f->caplen - l->l3_off || l->l4_off > f->caplen ||
	    (l->l4_off && l->l4_len > f->caplen - l->l4_off) || l->src_off > f->caplen || l->dst_off > f->caplen)
		abort();
}

/* A reply must decode whole, with every checksum correct. */
static void check_reply(const uint8_t *buf, size_t len, const struct frame *in)
{
	static struct decoded d;
	struct frame f = *in;

	f.data = buf;
	f.caplen = f.len = (uint32_t)len;
	f.dir = FRAME_OUT;
	decode_frame(&d, &f);
	if (d.truncated || d.malformed)
		abort();
	for (int i = 0; i < decode_count(&d); i++) {
		const struct field *fl = decode_field(&d, i);

		if (fl->def->type == FT_CSUM && fl->value == CSUM_BAD)
			abort();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int ready;
	struct frame_meta meta = { .why = RESP_NOT_REQUEST };
	char why[512];
	struct frameloc loc;
	struct frame f;
	struct timeval now;
	uint8_t *copy, *exact;
	size_t n;
	int mode;

	if (size < 1 || size > 65536)
		return 0;
	if (!ready) {
		setup();
		ready = 1;
	}
	copy = malloc(size - 1 ? size - 1 : 1);
	if (!copy)
		return 0;
	memcpy(copy, data + 1, size - 1);
	mode = data[0] & 7;
	memset(&f, 0, sizeof(f));
	f.dir = FRAME_IN;
	f.dlt = mode == 1 || mode == 5 ? DLT_RAW : DLT_EN10MB;
	f.has_pi = mode == 4 || mode == 5;
	f.data = copy;
	f.caplen = f.len = (uint32_t)(size - 1);
	resp.tap = f.dlt == DLT_EN10MB;
	resp.policy.answer_neigh = !(data[0] & 0x10);
	resp.policy.answer_echo = !(data[0] & 0x20);

	frameloc_compute(&loc, &f);
	check_loc(&loc, &f);
	n = responder_handle(&resp, &f, &loc, big, sizeof(big), &meta.why);
	meta.loc = loc;
	why_frame(&f, &meta, why, sizeof(why));
	why_answer(&f, &meta);
	if (n) {
		struct frame out = f;

		out.dir = FRAME_OUT;
		out.data = big;
		out.caplen = out.len = (uint32_t)n;
		frameloc_compute(&meta.loc, &out);
		meta.origin = OUTBOX_REPLY;
		why_frame(&out, &meta, why, 7);	/* a short buffer cuts, never overflows */
		check_reply(big, n, &f);
		exact = malloc(n);
		if (exact) {
			if (responder_handle(&resp, &f, &loc, exact, n, NULL) != n)
				abort();
			free(exact);
		}
		exact = malloc(n - 1 ? n - 1 : 1);
		if (exact) {
			if (responder_handle(&resp, &f, &loc, exact, n - 1, NULL) != 0)
				abort();
			free(exact);
		}
	}
	gettimeofday(&now, NULL);
	resp.policy.answer_neigh = 1;
	while (responder_take_pending(&resp, &now, &f)) {
		frameloc_compute(&loc, &f);
		check_loc(&loc, &f);
		n = responder_handle(&resp, &f, &loc, big, sizeof(big), NULL);
		if (n)
			check_reply(big, n, &f);
	}
	free(copy);
	return 0;
}
