/* crash2pcap.c — turns a libFuzzer input (a crash) into a one-frame golden pcap and its TESTLIST lines. */
/*
 * usage: crash2pcap CRASH-FILE NAME [GOLDEN-DIR]
 * Reads the fuzz input (a selector byte, tests/fuzz/fuzzsel.h, then the frame), writes
 * GOLDEN-DIR/NAME.pcap (default tests/golden) with the frame under the selector's link type (and
 * wire length, for inputs that play a capture cut short), and appends to GOLDEN-DIR/TESTLIST the
 * lines NAME-v and NAME-json. Then tests/golden/accept.sh NAME-v NAME-json writes their expected
 * output. A pcap has no place for the tun PI header: such an input is written without its first
 * 4 bytes, and the line says so.
 */
#include <errno.h>
#include <pcap/pcap.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../fuzz/fuzzsel.h"

static int valid_name(const char *n)
{
	if (!*n)
		return 0;
	for (; *n; n++)
		if (!((*n >= 'a' && *n <= 'z') || (*n >= '0' && *n <= '9') || *n == '-' || *n == '_'))
			return 0;
	return 1;
}

int main(int argc, char **argv)
{
	const char *dir = argc > 3 ? argv[3] : "tests/golden";
	static unsigned char buf[65537];
	char path[1024];
	struct pcap_pkthdr h;
	struct fuzzsel sel;
	pcap_dumper_t *dump;
	pcap_t *dead;
	FILE *in, *list;
	size_t n;
	uint32_t skip;

	if (argc < 3 || !valid_name(argv[2])) {
		fprintf(stderr, "usage: crash2pcap CRASH-FILE NAME [GOLDEN-DIR]  (NAME: a-z 0-9 - _)\n");
		return 2;
	}
	in = fopen(argv[1], "rb");
	if (!in) {
		fprintf(stderr, "crash2pcap: %s: %s\n", argv[1], strerror(errno));
		return 1;
	}
	n = fread(buf, 1, sizeof(buf), in);
	fclose(in);
	if (n < 1) {
		fprintf(stderr, "crash2pcap: %s is empty: a fuzz input starts with a selector byte\n", argv[1]);
		return 1;
	}
	sel = fuzzsel_table[buf[0] & 15];
	skip = sel.has_pi ? 4 : 0;
	if (n - 1 < skip)
		skip = (uint32_t)(n - 1);
	snprintf(path, sizeof(path), "%s/%s.pcap", dir, argv[2]);
	dead = pcap_open_dead(sel.dlt, 262144);
	dump = dead ? pcap_dump_open(dead, path) : NULL;
	if (!dump) {
		fprintf(stderr, "crash2pcap: cannot write %s: %s\n", path, dead ? pcap_geterr(dead) : "no libpcap handle");
		return 1;
	}
	memset(&h, 0, sizeof(h));
	h.ts.tv_sec = 1700000000;
	h.caplen = (uint32_t)(n - 1 - skip);
	h.len = h.caplen + ((buf[0] & FUZZSEL_CUT) ? 100 : 0);
	pcap_dump((u_char *)dump, &h, buf + 1 + skip);
	pcap_dump_close(dump);
	pcap_close(dead);

	snprintf(path, sizeof(path), "%s/TESTLIST", dir);
	list = fopen(path, "a");
	if (!list) {
		fprintf(stderr, "crash2pcap: cannot append to %s: %s\n", path, strerror(errno));
		return 1;
	}
	fprintf(list, "# %s: fuzzer input %s (link type %s%s)\n", argv[2], argv[1],
		pcap_datalink_val_to_name(sel.dlt) ? pcap_datalink_val_to_name(sel.dlt) : "?",
		sel.has_pi ? "; the tun PI header left out: a pcap cannot hold it" : "");
	fprintf(list, "%s-v %s.pcap %s-v.out -v\n", argv[2], argv[2], argv[2]);
	fprintf(list, "%s-json %s.pcap %s-json.out --json\n", argv[2], argv[2], argv[2]);
	if (fclose(list) == EOF) {
		fprintf(stderr, "crash2pcap: cannot append to %s: %s\n", path, strerror(errno));
		return 1;
	}
	printf("crash2pcap: wrote %s/%s.pcap and two TESTLIST lines; now: tests/golden/accept.sh %s-v %s-json\n",
	       dir, argv[2], argv[2], argv[2]);
	return 0;
}
