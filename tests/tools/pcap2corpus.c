/* pcap2corpus.c — writes each frame of pcap files as a fuzz input (selector byte + frame) into a directory. */
#include <pcap/pcap.h>
#include <stdio.h>
#include <string.h>

#include "../fuzz/fuzzsel.h"

int main(int argc, char **argv)
{
	char err[PCAP_ERRBUF_SIZE], path[1024];
	int i, n = 0;

	if (argc < 3) {
		fprintf(stderr, "usage: pcap2corpus DIR FILE.pcap...\n");
		return 2;
	}
	for (i = 2; i < argc; i++) {
		struct pcap_pkthdr *h;
		const u_char *data;
		pcap_t *p = pcap_open_offline(argv[i], err);
		const char *base = strrchr(argv[i], '/');
		int k = 0, dlt;

		if (!p) {
			fprintf(stderr, "pcap2corpus: %s\n", err);
			return 1;
		}
		dlt = pcap_datalink(p);
		while (pcap_next_ex(p, &h, &data) == 1) {
			FILE *f;
			unsigned char s = fuzzsel_for(dlt, h->caplen < h->len);

			snprintf(path, sizeof(path), "%s/%s-%d", argv[1], base ? base + 1 : argv[i], ++k);
			f = fopen(path, "wb");
			if (!f) {
				perror(path);
				return 1;
			}
			fwrite(&s, 1, 1, f);
			fwrite(data, 1, h->caplen, f);
			fclose(f);
			n++;
		}
		pcap_close(p);
	}
	printf("pcap2corpus: %d inputs\n", n);
	return 0;
}
