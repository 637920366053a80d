/* pcapout.c — write frames to a pcap file through libpcap (pcap_open_dead + pcap_dump_open), or to pcapng (pcapngout.c). */
#include "pcapout.h"
#include "frameloc.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <pcap/pcap.h>

#include "pcapngout.h"

struct pcapout {
	pcap_t *pcap;
	pcap_dumper_t *dumper;
	struct pcapngout *ng;	/* set: the file is pcapng, and the rest is unused */
	unsigned long count;
	int dirty;
};

int pcapout_name_is_pcapng(const char *path)
{
	size_t n = strlen(path);

	return n >= 7 && strcasecmp(path + n - 7, ".pcapng") == 0;
}

struct pcapout *pcapout_open(const char *path, int dlt, char *err, size_t errlen)
{
	return pcapout_open_as(path, dlt, NULL, 0, err, errlen);
}

struct pcapout *pcapout_open_as(const char *path, int dlt, const char *ifname, int pcapng, char *err, size_t errlen)
{
	struct pcapout *w = calloc(1, sizeof(*w));

	if (!w) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	if (pcapng || pcapout_name_is_pcapng(path)) {
		w->ng = pcapngout_open(path, dlt, ifname, err, errlen);
		if (!w->ng) {
			free(w);
			return NULL;
		}
		return w;
	}
	w->pcap = pcap_open_dead(dlt, 262144);
	if (!w->pcap) {
		snprintf(err, errlen, "libpcap cannot write link type %d", dlt);
		free(w);
		return NULL;
	}
	w->dumper = pcap_dump_open(w->pcap, path);
	if (!w->dumper) {
		snprintf(err, errlen, "cannot write %s: %s", path, pcap_geterr(w->pcap));
		pcap_close(w->pcap);
		free(w);
		return NULL;
	}
	return w;
}

void pcapout_write(struct pcapout *w, const struct frame *f)
{
	struct pcap_pkthdr h;
	const uint8_t *data = frame_after_pi(f, &h.caplen, &h.len);

	if (w->ng) {
		pcapngout_write(w->ng, f);
		w->count = pcapngout_count(w->ng);
		return;
	}
	if (f->has_pi && !h.caplen)
		return;
	h.ts = f->ts;
	pcap_dump((u_char *)w->dumper, &h, data);
	w->count++;
	w->dirty = 1;
}

void pcapout_flush(struct pcapout *w)
{
	if (w && w->ng) {
		pcapngout_flush(w->ng);
		return;
	}
	if (w && w->dirty) {
		pcap_dump_flush(w->dumper);
		w->dirty = 0;
	}
}

int pcapout_close(struct pcapout *w)
{
	int rc = 0;

	if (!w)
		return 0;
	if (w->ng) {
		rc = pcapngout_close(w->ng);
		free(w);
		return rc;
	}
	errno = 0;
	if (pcap_dump_flush(w->dumper) < 0 || ferror(pcap_dump_file(w->dumper)))
		rc = errno ? -errno : -EIO;
	pcap_dump_close(w->dumper);
	pcap_close(w->pcap);
	free(w);
	return rc;
}

unsigned long pcapout_count(const struct pcapout *w)
{
	return w ? w->count : 0;
}
