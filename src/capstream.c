/* capstream.c — a capture arriving on a pipe, spooled to an unlinked temporary file as it comes; which records are there whole. */
#include "capstream.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define PCAP_MAGIC_US 0xa1b2c3d4u	/* microseconds */
#define PCAP_MAGIC_NS 0xa1b23c4du	/* nanoseconds */
#define PCAPNG_SHB 0x0a0d0d0au		/* the same either byte order */
#define PCAPNG_BOM 0x1a2b3c4du
#define PCAPNG_IDB 1u
#define PCAP_REC_HDR 16			/* ts_sec, ts_usec, caplen, len */
#define HUGE_RECORD 0x10000000u		/* past any libpcap accepts: let it say the file is damaged */

struct capstream {
	int src;		/* the pipe, -1 once it has ended */
	int spool;
	uint64_t bytes;
	int pcapng, swapped;	/* the format, and whether its byte order is not ours */
	char shown[256];
};

static int append(struct capstream *cs, const char *buf, size_t n, char *err, size_t errlen)
{
	while (n > 0) {
		ssize_t w = pwrite(cs->spool, buf, n, (off_t)cs->bytes);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			snprintf(err, errlen, "cannot keep %s in a temporary file: %s", cs->shown,
				 w < 0 ? strerror(errno) : "nothing written");
			return -EIO;
		}
		cs->bytes += (uint64_t)w;
		buf += w;
		n -= (size_t)w;
	}
	return 0;
}

static void ended(struct capstream *cs)
{
	if (cs->src >= 0)
		close(cs->src);
	cs->src = -1;
}

/* One read (blocking when the caller waits): > 0 bytes kept, 0 at the end, < 0 an error. */
static ssize_t pull(struct capstream *cs, char *err, size_t errlen)
{
	char buf[65536];
	ssize_t r;

	do
		r = read(cs->src, buf, sizeof(buf));
	while (r < 0 && errno == EINTR);
	if (r < 0)
		snprintf(err, errlen, "cannot read %s: %s", cs->shown, strerror(errno));
	if (r <= 0) {
		ended(cs);
		return r < 0 ? -EIO : 0;
	}
	return append(cs, buf, (size_t)r, err, errlen) < 0 ? -EIO : r;
}

/* Waits until want bytes are spooled or the stream ends. */
static int need(struct capstream *cs, uint64_t want, char *err, size_t errlen)
{
	while (cs->bytes < want && cs->src >= 0)
		if (pull(cs, err, errlen) < 0)
			return -EIO;
	return 0;
}

static uint32_t get32(const struct capstream *cs, uint64_t off)
{
	uint32_t v = 0;

	if (pread(cs->spool, &v, sizeof(v), (off_t)off) != (ssize_t)sizeof(v))
		return 0;
	return cs->swapped ? __builtin_bswap32(v) : v;
}

/* A section header block at off sets the byte order of what follows it. */
static void section_order(struct capstream *cs, uint64_t off)
{
	cs->swapped = 0;
	cs->swapped = get32(cs, off + 8) != PCAPNG_BOM;
}

/* What libpcap reads on opening: the pcap file header, or the pcapng blocks up to and with the
 * first interface description block. */
static int read_header(struct capstream *cs, char *err, size_t errlen)
{
	uint32_t magic;
	uint64_t off = 0;

	if (need(cs, 12, err, errlen) < 0)
		return -EIO;
	if (cs->bytes < 12)
		return 0;	/* too short for any capture: libpcap says so */
	cs->swapped = 0;
	magic = get32(cs, 0);
	if (magic == PCAPNG_SHB) {
		cs->pcapng = 1;
		section_order(cs, 0);
		for (;;) {
			uint32_t type, len;

			if (need(cs, off + 12, err, errlen) < 0)
				return -EIO;
			if (cs->bytes < off + 12)
				return 0;
			type = get32(cs, off);
			if (type == PCAPNG_SHB)
				section_order(cs, off);
			len = get32(cs, off + 4);
			if (len < 12 || len > HUGE_RECORD || need(cs, off + len, err, errlen) < 0)
				return len < 12 || len > HUGE_RECORD ? 0 : -EIO;
			if (type == PCAPNG_IDB)
				return 0;
			off += len;
		}
	}
	if (magic != PCAP_MAGIC_US && magic != PCAP_MAGIC_NS)
		cs->swapped = 1;
	return need(cs, 24, err, errlen);
}

/* Something to read (or the end) within half a second. */
static int readable_soon(int fd)
{
	struct pollfd pfd = { .fd = fd, .events = POLLIN };

	return poll(&pfd, 1, 500) > 0;
}

struct capstream *capstream_open(int src, const char *shown, char *err, size_t errlen)
{
	const char *dir = getenv("TMPDIR");
	struct capstream *cs = calloc(1, sizeof(*cs));
	char path[512];

	if (!cs) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	snprintf(cs->shown, sizeof(cs->shown), "%s", shown);
	cs->src = fcntl(src, F_DUPFD_CLOEXEC, 3);
	snprintf(path, sizeof(path), "%s/tapscope-stdin.XXXXXX", dir && *dir ? dir : "/tmp");
	cs->spool = cs->src < 0 ? -1 : mkostemp(path, O_CLOEXEC);
	if (cs->spool < 0) {
		snprintf(err, errlen, "cannot keep %s in a temporary file %s: %s", shown, path, strerror(errno));
		capstream_close(cs);
		return NULL;
	}
	unlink(path);	/* nothing is left behind, however tapscope ends */
	if (!readable_soon(cs->src)) {
		struct pollfd pfd = { .fd = cs->src, .events = POLLIN };

		fprintf(stderr, "tapscope: waiting for a capture on %s (Ctrl-C stops)\n", shown);
		while (poll(&pfd, 1, -1) < 0 && errno == EINTR)
			;	/* a FIFO no writer has opened yet says nothing until one writes */
	}
	if (read_header(cs, err, errlen) < 0) {
		capstream_close(cs);
		return NULL;
	}
	return cs;
}

int capstream_spool_fd(const struct capstream *cs) { return cs->spool; }
int capstream_fd(const struct capstream *cs) { return cs->src; }
uint64_t capstream_bytes(const struct capstream *cs) { return cs->bytes; }

int capstream_feed(struct capstream *cs, size_t max_bytes, char *err, size_t errlen)
{
	size_t got = 0;

	while (cs->src >= 0 && got < max_bytes) {
		struct pollfd pfd = { .fd = cs->src, .events = POLLIN };
		ssize_t r;

		if (poll(&pfd, 1, 0) <= 0)
			break;	/* nothing more now */
		r = pull(cs, err, errlen);
		if (r <= 0)
			return 1;
		got += (size_t)r;
	}
	return cs->src < 0;
}

int capstream_record_ready(struct capstream *cs, uint64_t off)
{
	if (cs->src < 0)
		return 1;
	if (!cs->pcapng) {
		uint32_t caplen;

		if (off + PCAP_REC_HDR > cs->bytes)
			return 0;
		caplen = get32(cs, off + 8);
		return caplen > HUGE_RECORD || off + PCAP_REC_HDR + caplen <= cs->bytes;
	}
	for (;;) {	/* libpcap reads the blocks before the next packet block in the same call */
		uint32_t type, len;

		if (off + 12 > cs->bytes)
			return 0;
		type = get32(cs, off);
		if (type == PCAPNG_SHB)
			section_order(cs, off);
		len = get32(cs, off + 4);
		if (len < 12 || len > HUGE_RECORD)
			return 1;
		if (off + len > cs->bytes)
			return 0;
		if (type == 2 || type == 3 || type == 6)	/* packet, simple packet, enhanced packet */
			return 1;
		off += len;
	}
}

void capstream_close(struct capstream *cs)
{
	if (!cs)
		return;
	ended(cs);
	if (cs->spool >= 0)
		close(cs->spool);
	free(cs);
}
