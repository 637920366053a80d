/* pcapout.c — write frames to a pcap file through libpcap (or pcapng: pcapngout.c), and know what the file really holds.
 *
 * libpcap formats the file (pcap_dump_fopen, pcap_dump); the bytes go through a stdio stream of
 * our own (fopencookie) whose write function does the write(2) calls. So every failed write is
 * seen with its errno, the file is cut back to the end of its last whole record (tcpdump reads
 * it to the end), and `held` counts the frames it really holds. After the first failure nothing
 * more is written: a file with a gap in it would claim a capture it does not hold. */
#include "pcapout.h"
#include "frameloc.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <strings.h>
#include <pcap/pcap.h>

#include "pcapngout.h"

#define STREAM_BUF (64 * 1024)
#define PENDING_MAX 8192	/* record ends not yet on disk: a full buffer holds at most 64 KiB/16 */
#define PCAP_RECORD_HDR 16	/* struct pcap_sf_pkthdr on disk: ts (2 x 32 bits), caplen, len */

struct pcapout {
	struct pcapngout *ng;	/* set: the file is pcapng (pcapngout.c does the writing), the rest unused */
	int is_ng;		/* it was pcapng (ng is gone once closed) */
	pcap_t *pcap;
	pcap_dumper_t *dumper;
	FILE *fp;		/* our cookie stream: libpcap writes into it */
	int fd;
	int own_fd;		/* opened here (not stdout): closed here */
	int regular;		/* a regular file: can be cut back to a record's end */
	char path[256];
	uint64_t handed;	/* bytes the stream has given our write function */
	uint64_t on_disk;	/* bytes in the file */
	uint64_t whole;		/* end of the last whole record (or of the header) in the file */
	uint64_t written;	/* bytes libpcap has written into the stream: where the next record starts */
	uint64_t pending[PENDING_MAX];	/* ends of records written to the stream, not yet on disk */
	unsigned head, n;
	unsigned long count;	/* frames given to pcapout_write */
	unsigned long held;	/* whole frames in the file */
	int error;		/* errno of the first failed write; 0 */
	int error_told;		/* pcapout_take_error has given it out */
	int dirty;
};

/* Records whose end is now on disk are whole. */
static void settle(struct pcapout *w)
{
	while (w->n && w->pending[w->head] <= w->on_disk) {
		w->whole = w->pending[w->head];
		w->head = (w->head + 1) % PENDING_MAX;
		w->n--;
		w->held++;
	}
}

/* The first failure: keep only whole records, and write nothing more. */
static void fail(struct pcapout *w, int e)
{
	w->error = e;
	w->n = 0;
	if (w->regular && w->on_disk > w->whole && ftruncate(w->fd, (off_t)w->whole) == 0)
		w->on_disk = w->whole;
}

static ssize_t cookie_write(void *cookie, const char *buf, size_t size)
{
	struct pcapout *w = cookie;
	size_t done = 0;

	w->handed += size;
	while (!w->error && done < size) {
		ssize_t r = write(w->fd, buf + done, size - done);

		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0) {
			settle(w);	/* what did reach the file before the failure */
			fail(w, r < 0 ? errno : EIO);
			break;
		}
		done += (size_t)r;
		w->on_disk += (uint64_t)r;
	}
	if (!w->error)
		settle(w);
	return (ssize_t)size;	/* what failed is ours to account for: the stream itself stays usable */
}

/* ftello (pcap_dump_ftell64) asks where the stream is: what it gave us so far. */
static int cookie_seek(void *cookie, off64_t *pos, int whence)
{
	struct pcapout *w = cookie;

	if (whence != SEEK_CUR || *pos != 0)
		return -1;
	*pos = (off64_t)w->handed;
	return 0;
}

/* Closes the stream (flushing it) and the file; 0 or the errno close(2) gave (a network file
 * system may report a full disk only then). */
static int shut(struct pcapout *w)
{
	int e = 0;

	if (w->dumper)
		pcap_dump_close(w->dumper);	/* fcloses w->fp; our fd stays open */
	else if (w->fp)
		fclose(w->fp);
	w->dumper = NULL;
	w->fp = NULL;
	if (w->pcap)
		pcap_close(w->pcap);
	w->pcap = NULL;
	if (w->own_fd && w->fd >= 0 && close(w->fd) < 0 && errno != EINTR)
		e = errno;
	w->fd = -1;
	return e;
}

static void destroy(struct pcapout *w)
{
	shut(w);
	free(w);
}

static int open_fd(struct pcapout *w, const char *path, char *err, size_t errlen)
{
	struct stat st;

	if (!strcmp(path, "-")) {
		w->fd = STDOUT_FILENO;
	} else {
		w->fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
		if (w->fd < 0) {
			snprintf(err, errlen, "cannot write %s: %s", path, strerror(errno));
			return -errno;
		}
		w->own_fd = 1;
	}
	w->regular = fstat(w->fd, &st) == 0 && S_ISREG(st.st_mode);
	return 0;
}

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
	static const cookie_io_functions_t io = { .write = cookie_write, .seek = cookie_seek };
	struct pcapout *w = calloc(1, sizeof(*w));

	if (!w) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	w->fd = -1;
	snprintf(w->path, sizeof(w->path), "%s", strcmp(path, "-") ? path : "<stdout>");
	if (pcapng || pcapout_name_is_pcapng(path)) {
		w->ng = pcapngout_open(path, dlt, ifname, err, errlen);
		if (!w->ng) {
			free(w);
			return NULL;
		}
		w->is_ng = 1;
		return w;
	}
	if (open_fd(w, path, err, errlen) < 0)
		goto fail;
	w->pcap = pcap_open_dead(dlt, 262144);
	w->fp = fopencookie(w, "w", io);
	if (!w->pcap || !w->fp) {
		snprintf(err, errlen, !w->pcap ? "libpcap cannot write link type %d" : "out of memory", dlt);
		goto fail;
	}
	setvbuf(w->fp, NULL, _IOFBF, STREAM_BUF);
	w->dumper = pcap_dump_fopen(w->pcap, w->fp);
	if (!w->dumper) {
		snprintf(err, errlen, "cannot write %s: %s", path, pcap_geterr(w->pcap));
		goto fail;
	}
	/* the header goes out now: a file that cannot take even that is known at once */
	pcap_dump_flush(w->dumper);
	w->written = w->handed;
	if (!w->error)
		w->whole = w->on_disk;
	return w;
fail:
	destroy(w);
	return NULL;
}

void pcapout_write(struct pcapout *w, const struct frame *f)
{
	pcapout_write_commented(w, f, NULL, 0);
}

void pcapout_write_lines(struct pcapout *w, const struct frame *f, const char *text)
{
	char copy[2048], *line, *save = NULL;
	const char *c[16];
	int n = 0;

	if (!text || !*text) {
		pcapout_write(w, f);
		return;
	}
	snprintf(copy, sizeof(copy), "%s", text);
	for (line = strtok_r(copy, "\n", &save); line && n < 16; line = strtok_r(NULL, "\n", &save))
		c[n++] = line;
	pcapout_write_commented(w, f, c, n);
}

void pcapout_write_commented(struct pcapout *w, const struct frame *f, const char *const *comments, int n)
{
	struct pcap_pkthdr h;
	const uint8_t *data = frame_after_pi(f, &h.caplen, &h.len);

	if (w->ng) {
		pcapngout_write_commented(w->ng, f, comments, n);
		w->count = pcapngout_count(w->ng);
		return;
	}
	if (f->has_pi && !h.caplen)
		return;
	w->count++;
	if (w->error)
		return;
	if (w->n == PENDING_MAX)
		pcap_dump_flush(w->dumper);	/* cannot happen with a 64 KiB buffer; stay exact if it does */
	h.ts = f->ts;
	pcap_dump((u_char *)w->dumper, &h, data);
	/* a pcap record is its 16-byte header and the captured bytes (pcap_dump_ftell64 says the
	 * same, at twice the cost of the whole write: pcapout_flush checks the sum instead) */
	w->written += PCAP_RECORD_HDR + h.caplen;
	if (!w->error) {
		w->pending[(w->head + w->n) % PENDING_MAX] = w->written;
		w->n++;
		settle(w);	/* a record larger than the buffer went straight to the file */
	}
	w->dirty = 1;
}

void pcapout_flush(struct pcapout *w)
{
	if (w && w->ng) {
		pcapngout_flush(w->ng);
		if (!w->error && pcapngout_error(w->ng))
			w->error = -pcapngout_error(w->ng);
		return;
	}
	if (w && w->dirty) {
		pcap_dump_flush(w->dumper);
		w->dirty = 0;
		/* everything libpcap wrote has reached our write function: the sums must agree, or
		 * the record ends above are wrong; then say so rather than claim whole records */
		if (w->handed != w->written && !w->error)
			fail(w, EPROTO);
	}
}

void pcapout_stats(const struct pcapout *w, struct pcapout_stats *st)
{
	memset(st, 0, sizeof(*st));
	if (!w)
		return;
	st->frames = w->count;
	st->held = w->is_ng ? (w->error ? 0 : w->count) : w->held;
	st->exact = !w->is_ng || !w->error;
	st->error = w->error;
	snprintf(st->path, sizeof(st->path), "%s", w->path);
}

int pcapout_take_error(struct pcapout *w, char *msg, size_t len)
{
	if (!w || !w->error || w->error_told)
		return 0;
	w->error_told = 1;
	if (w->is_ng)
		snprintf(msg, len, "writing %s failed: %s; later frames are not saved (capture goes on)", w->path,
			 strerror(w->error));
	else
		snprintf(msg, len, "writing %s failed: %s; it keeps the %lu whole frame%s saved before, later frames "
			 "are not saved (capture goes on)", w->path, strerror(w->error), w->held, w->held == 1 ? "" : "s");
	return -w->error;
}

int pcapout_end(struct pcapout *w, struct pcapout_stats *st)
{
	int e;

	if (!w) {
		if (st)
			memset(st, 0, sizeof(*st));
		return 0;
	}
	if (w->ng) {
		e = pcapngout_close(w->ng);
		w->ng = NULL;
		if (e && !w->error)
			w->error = -e;
		e = 0;
	} else {
		e = shut(w);
	}
	if (e && !w->error) {
		w->error = e;	/* written, but the file system refused to keep it */
		w->held = 0;
	}
	if (st)
		pcapout_stats(w, st);
	e = w->error;
	free(w);
	return -e;
}

const char *pcapout_describe(const struct pcapout_stats *st, char *buf, size_t len)
{
	if (!st->error)
		snprintf(buf, len, "saved to %s (%lu frame%s)", st->path, st->held, st->held == 1 ? "" : "s");
	else if (!st->exact)
		snprintf(buf, len, "writing %s failed: %s (pcapng: of %lu frames, its last block may be cut)", st->path,
			 strerror(st->error), st->frames);
	else
		snprintf(buf, len, "%s holds %lu of %lu frames: writing it failed: %s", st->path, st->held,
			 st->frames, strerror(st->error));
	return buf;
}

int pcapout_close(struct pcapout *w)
{
	return pcapout_end(w, NULL);
}

unsigned long pcapout_count(const struct pcapout *w)
{
	return w ? w->count : 0;
}
