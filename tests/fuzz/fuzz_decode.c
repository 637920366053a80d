/* fuzz_decode.c — libFuzzer target on decode_frame and every rendering of its result. */
/*
 * Input: one selector byte (fuzzsel.h), then the frame bytes. The selector picks the link type,
 * the tun PI header, and whether the "wire" length is longer than what was captured (so the
 * truncation paths run too). tests/tools/crash2pcap turns an input into a golden pcap. The frame is copied to a buffer of exactly its size, so
 * AddressSanitizer sees any read past the captured length.
 */
#include <pcap/dlt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "decode.h"
#include "frameprint.h"
#include "fuzzsel.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct decoded d;
	static FILE *sink;
	struct frame f;
	uint8_t *copy;
	char buf[2048];
	int i, n;

	if (size < 1 || size > 65536)
		return 0;
	if (!sink)
		sink = fopen("/dev/null", "w");
	copy = malloc(size - 1 ? size - 1 : 1);
	if (!copy)
		return 0;
	memcpy(copy, data + 1, size - 1);
	memset(&f, 0, sizeof(f));
	f.number = 1;
	f.dir = (data[0] & FUZZSEL_OUT) ? FRAME_OUT : FRAME_IN;
	f.dlt = fuzzsel_table[data[0] & 15].dlt;
	f.has_pi = fuzzsel_table[data[0] & 15].has_pi;
	f.data = copy;
	f.caplen = (uint32_t)(size - 1);
	f.len = f.caplen + ((data[0] & FUZZSEL_CUT) ? 100 : 0);

	n = decode_frame(&d, &f);
	for (i = 0; i < n; i++) {
		decode_text(&d, i, buf, sizeof(buf));
		decode_value_text(&d, i, buf, sizeof(buf));
		decode_text(&d, i, buf, 7);	/* short buffers must truncate, not overflow */
		if (decode_offset(&d, i) + decode_length(&d, i) > f.caplen)
			abort();	/* a node claims bytes that were not captured */
		if (decode_parent(&d, i) >= i || !decode_name(&d, i) || !decode_explain(&d, i))
			abort();
	}
	if (strlen(decode_summary(&d)) >= DECODE_SUMMARY_MAX)
		abort();
	{
		/* the summary-only pass (--print, the UI's list) must write the very same line */
		static struct decoded q;

		decode_frame_summary(&q, &f);
		if (strcmp(decode_summary(&q), decode_summary(&d)) != 0 || decode_count(&q) != 0)
			abort();
	}
	frameprint_line(sink, &f, &d);
	frameprint_tree_ex(sink, &d, 1);
	frameprint_json(sink, &f, &d);
	free(copy);
	return 0;
}
