/* fuzz_craft.c — libFuzzer target on the crafting spec: craft_parse on any text, and for every spec it
 * accepts, the round trip craft_format -> craft_parse gives the same spec and the same text again, and
 * craft_build makes its bytes for a tap and a tun device without reading or writing out of bounds. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "addrset.h"
#include "craft.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static uint8_t frame[65536 + 64];

static void build(const struct craft_spec *s, const struct addrset *addrs, int tap, int pi)
{
	struct craft_ctx ctx = { .tap = tap, .pi = pi, .addrs = addrs, .next_ip_id = 1,
				 .dev_mac = { 0x02, 0, 0, 0, 0, 1 } };
	char err[512];
	size_t len;

	if (craft_build(s, &ctx, 0, frame, sizeof(frame), &len, err, sizeof(err)) == 0 && len > sizeof(frame))
		abort();	/* claims more than the buffer */
	craft_build(s, &ctx, 3, frame, 40, &len, err, sizeof(err));	/* too small: must refuse, not overflow */
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct craft_spec a, b;
	static struct addrset addrs;
	static char t1[8192], t2[8192];
	char err[512], *text;
	int n;

	if (!addrs.n) {
		struct dev_addr d;

		addrset_parse_cidr("10.18.0.1/24", &d);
		addrset_add(&addrs, &d);
		addrset_parse_cidr("fd00::1/64", &d);
		addrset_add(&addrs, &d);
	}
	if (size > 4096)
		return 0;
	text = malloc(size + 1);	/* exactly the text and its NUL: ASan sees any read past it */
	if (!text)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	if (craft_parse(text, &a, err, sizeof(err)) == 0) {
		n = craft_format(&a, t1, sizeof(t1));
		if (n < 0 || (size_t)n >= sizeof(t1) || strlen(t1) != (size_t)n)
			abort();	/* an accepted spec must have a canonical text */
		if (craft_parse(t1, &b, err, sizeof(err)) != 0)
			abort();	/* ...that parses */
		if (memcmp(&a, &b, sizeof(a)))
			abort();	/* ...to the same spec */
		if (craft_format(&b, t2, sizeof(t2)) != n || strcmp(t1, t2))
			abort();	/* ...and formats the same again */
		craft_format(&a, t2, 7);	/* short buffers: refused, never overrun */
		build(&a, &addrs, 1, 0);
		build(&a, &addrs, 0, 1);
		build(&a, NULL, 1, 1);
	} else if (!err[0] || strlen(err) >= sizeof(err)) {
		abort();	/* a refusal always says why */
	}
	free(text);
	return 0;
}
