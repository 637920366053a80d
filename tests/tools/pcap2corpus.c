/* pcap2corpus.c — writes each frame of pcap files as a fuzz input (selector byte + frame) into a directory. */
#include <pcap/pcap.h>
#include <stdio.h>
#include <string.h>

static int selector(int dlt)
{
	switch (dlt) {
	case DLT_EN10MB: return 0;
	case DLT_RAW: return 1;
	case DLT_LINUX_SLL: return 2;
	case DLT_LINUX_SLL2: return 3;
	case DLT_IPV6: return 6;
	}
	return 7;
}

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
		int k = 0, sel;

		if (!p) {
			fprintf(stderr, "pcap2corpus: %s\n", err);
			return 1;
		}
		sel = selector(pcap_datalink(p));
		while (pcap_next_ex(p, &h, &data) == 1) {
			FILE *f;
			unsigned char s = (unsigned char)(sel | (h->caplen < h->len ? 0x08 : 0));

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
