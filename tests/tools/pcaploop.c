/* pcaploop.c — the baseline of the offline benchmarks: a bare libpcap read loop over a file, touching every byte once. */
#include <pcap/pcap.h>
#include <stdio.h>

int main(int argc, char **argv)
{
	char err[PCAP_ERRBUF_SIZE];
	struct pcap_pkthdr *h;
	const u_char *data;
	unsigned long n = 0, sum = 0;
	pcap_t *p;
	int rc;

	if (argc != 2) {
		fprintf(stderr, "usage: pcaploop FILE\n");
		return 2;
	}
	p = pcap_open_offline(argv[1], err);
	if (!p) {
		fprintf(stderr, "pcaploop: %s\n", err);
		return 1;
	}
	while ((rc = pcap_next_ex(p, &h, &data)) == 1) {
		/* read the frame as a decoder would start to: its first bytes and its length */
		sum += h->caplen + (h->caplen ? data[0] + data[h->caplen - 1] : 0);
		n++;
	}
	pcap_close(p);
	printf("%lu frames %lu\n", n, sum);
	return rc == PCAP_ERROR ? 1 : 0;
}
