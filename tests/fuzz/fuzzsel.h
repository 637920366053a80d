/* fuzzsel.h — what the first byte of a fuzz input means (the fuzz target, pcap2corpus and crash2pcap share it). */
#ifndef TAPSCOPE_FUZZSEL_H
#define TAPSCOPE_FUZZSEL_H

#include <pcap/dlt.h>

/* bits 0-3: the link type (and whether the frame starts with the tun PI header) */
struct fuzzsel {
	int dlt;
	int has_pi;
};

static const struct fuzzsel fuzzsel_table[16] = {
	{ DLT_EN10MB, 0 }, { DLT_RAW, 0 }, { DLT_LINUX_SLL, 0 }, { DLT_LINUX_SLL2, 0 },
	{ DLT_EN10MB, 1 }, { DLT_RAW, 1 }, { DLT_IPV6, 0 }, { 147, 0 /* a link type tapscope refuses */ },
	{ DLT_NULL, 0 }, { DLT_LOOP, 0 }, { DLT_PPP, 0 }, { DLT_PPP_SERIAL, 0 },
	{ DLT_PPP_WITH_DIR, 0 }, { DLT_IPV4, 0 }, { DLT_EN10MB, 0 }, { DLT_RAW, 0 },
};
#define FUZZSEL_CUT 0x10	/* the wire length is 100 bytes more than what was captured */
#define FUZZSEL_OUT 0x40	/* the frame's direction is out ('>'), else in */

/* The selector byte for a frame of link type dlt (PI never: files have no PI header). */
static inline unsigned char fuzzsel_for(int dlt, int cut)
{
	unsigned i;

	for (i = 0; i < 16; i++)
		if (fuzzsel_table[i].dlt == dlt && !fuzzsel_table[i].has_pi)
			return (unsigned char)(i | (cut ? FUZZSEL_CUT : 0));
	return 7 | (cut ? FUZZSEL_CUT : 0);
}

#endif
