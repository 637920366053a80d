/* capindex.c — a capture file indexed lazily, in bounded steps and bounded memory, for the offline browser; frames re-read on demand. */
/*
 * libpcap reads the file; we keep the offset of every CAPINDEX_STRIDE-th frame, taken with
 * ftell() on the FILE that pcap_file() gives just before libpcap reads that frame. To read frame
 * n we fseek() to the offset kept for its stride and let libpcap read forward to it (at most
 * STRIDE - 1 frames), unless the file already stands at frame n. Seeking the FILE under libpcap
 * is safe between records: libpcap reads each record (pcap) or block (pcapng) whole with fread()
 * and keeps no read-ahead of its own beyond stdio's buffer, which fseek() discards.
 */
#include "capindex.h"

#include <errno.h>
#include <fcntl.h>
#include <pcap/pcap.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "capstream.h"
#include "decode.h"
#include "offline.h"
#include "pcapngdir.h"

#define STREAM_BYTES_A_STEP (8u << 20)	/* what one step takes from a pipe at most */

struct capindex {
	pcap_t *p;
	FILE *fp;		/* pcap_file(p) */
	char *path;
	int dlt, pcapng, done, failed;
	struct pcapngdir *nd;	/* pcapng: the directions, read beside libpcap */
	uint64_t file_bytes;

	uint64_t count;		/* frames indexed */
	uint64_t next;		/* the frame the FILE stands at: the next pcap_next_ex reads it */
	long tail;		/* offset just after the last indexed frame */
	long *stride_off;	/* offset of frame k * STRIDE + 1, for k = 0 .. nstrides-1 */
	size_t nstrides, cap;

	struct capstream *cs;	/* a capture still arriving on a pipe, or NULL */

	struct capindex_info info;
};

/* A source that cannot seek (stdin, a FIFO, <(zcat f.gz)): its descriptor, else -1 with *err
 * empty for a file read in place, or with *err set when it cannot be opened at all. */
static int stream_source(const char *path, int *opened, char *err, size_t errlen)
{
	struct stat st;
	int fd;

	*opened = 0;
	if (!strcmp(path, "-"))
		return offline_stdin_refused(err, errlen, path) ? -1 : STDIN_FILENO;
	if (stat(path, &st) < 0 || S_ISREG(st.st_mode) || S_ISBLK(st.st_mode) || S_ISDIR(st.st_mode))
		return -1;	/* libpcap opens it and says what is wrong, if anything */
	/* a FIFO without a writer would block open(); capstream waits (and says so) instead */
	fd = open(path, O_RDONLY | O_CLOEXEC | (S_ISFIFO(st.st_mode) ? O_NONBLOCK : 0));
	if (fd >= 0 && S_ISFIFO(st.st_mode))
		fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
	if (fd < 0) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return -1;
	}
	if (isatty(fd)) {	/* -r /dev/stdin, /dev/tty: what is typed is no capture */
		close(fd);
		snprintf(err, errlen, "%s is a terminal, not a capture: name a file, or pipe one into -r -", path);
		return -1;
	}
	*opened = 1;
	return fd;
}

struct capindex *capindex_open(const char *path, char *err, size_t errlen)
{
	char perr[PCAP_ERRBUF_SIZE] = "";
	const char *shown = strcmp(path, "-") == 0 ? "<stdin>" : path;
	struct capindex *ix = calloc(1, sizeof(*ix));
	struct stat st;
	int src, opened;

	if (!ix || !(ix->path = strdup(path))) {
		free(ix);
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	err[0] = '\0';
	src = stream_source(path, &opened, err, errlen);
	if (src < 0 && err[0])
		goto fail;
	if (src >= 0) {
		FILE *fp = NULL;
		int fd;

		ix->cs = capstream_open(src, shown, err, errlen);
		if (opened)
			close(src);
		if (!ix->cs)
			goto fail;
		fd = dup(capstream_spool_fd(ix->cs));	/* libpcap closes its FILE; the stream keeps the spool */
		if (fd < 0 || !(fp = fdopen(fd, "rb"))) {
			if (fd >= 0)
				close(fd);
			snprintf(err, errlen, "%s: %s", shown, strerror(errno));
			goto fail;
		}
		ix->p = pcap_fopen_offline(fp, perr);
		if (!ix->p)
			fclose(fp);
		ix->file_bytes = capstream_bytes(ix->cs);
	} else {
		ix->p = pcap_open_offline(path, perr);
		if (ix->p && stat(path, &st) == 0)
			ix->file_bytes = (uint64_t)st.st_size;
	}
	if (!ix->p) {
		offline_open_error(err, errlen, path, perr);
		goto fail;
	}
	ix->dlt = pcap_datalink(ix->p);
	if (offline_link_refused(err, errlen, path, ix->dlt))
		goto fail;
	ix->fp = pcap_file(ix->p);
	ix->pcapng = pcapngdir_is_pcapng(ix->p);
	if (ix->pcapng)		/* its own descriptor on the same file (the spool too): read with pread */
		ix->nd = pcapngdir_open(dup(fileno(ix->fp)));
	ix->next = 1;
	ix->tail = ftell(ix->fp);
	if (!ix->fp || ix->tail < 0) {
		snprintf(err, errlen, "%s: cannot tell positions in the file (%s)", shown, strerror(errno));
		goto fail;
	}
	ix->info.path = ix->path;
	ix->info.dlt = ix->dlt;
	ix->info.link_name = pcap_datalink_val_to_name(ix->dlt);
	ix->info.link_desc = pcap_datalink_val_to_description(ix->dlt);
	ix->info.pcapng = ix->pcapng;
	ix->info.file_bytes = ix->file_bytes;
	return ix;
fail:
	capindex_close(ix);
	return NULL;
}

static int keep_stride(struct capindex *ix, long off)
{
	if (ix->nstrides == ix->cap) {
		size_t cap = ix->cap ? ix->cap * 2 : 256;
		long *n = realloc(ix->stride_off, cap * sizeof(*n));

		if (!n)
			return -ENOMEM;
		ix->stride_off = n;
		ix->cap = cap;
	}
	ix->stride_off[ix->nstrides++] = off;
	return 0;
}

static int seek_to(struct capindex *ix, long off, uint64_t frame)
{
	if (fseek(ix->fp, off, SEEK_SET) != 0)
		return -errno;
	pcapngdir_seek(ix->nd, (uint64_t)off);
	ix->next = frame;
	return 0;
}

/* libpcap's next record as frame number ix->next (which then moves on); 1, 0 at the end, -EIO */
static int next_frame(struct capindex *ix, struct frame *f, char *err, size_t errlen)
{
	struct pcap_pkthdr *h;
	const u_char *data;
	int rc = pcap_next_ex(ix->p, &h, &data);

	if (rc == PCAP_ERROR_BREAK)
		return 0;
	if (rc != 1) {
		offline_read_error(err, errlen, ix->path, ix->next - 1, pcap_geterr(ix->p));
		return -EIO;
	}
	memset(f, 0, sizeof(*f));
	f->number = ix->next++;
	f->ts = h->ts;
	offline_fix_time(&f->ts);
	f->dir = pcapngdir_next(ix->nd);
	if (f->dir == FRAME_DIR_UNKNOWN && decode_link_has_dir(ix->dlt))
		f->dir = decode_link_dir(ix->dlt, data, h->caplen);	/* a cooked capture's In/Out */
	f->dlt = ix->dlt;
	f->data = data;
	f->caplen = h->caplen;
	f->len = h->len;
	return 1;
}

int capindex_step(struct capindex *ix, unsigned max_frames, char *err, size_t errlen)
{
	struct frame f;
	unsigned k;
	int rc;

	if (ix->done)
		return 1;
	if (ix->next != ix->count + 1 && (rc = seek_to(ix, ix->tail, ix->count + 1)) < 0) {
		snprintf(err, errlen, "%s: cannot seek: %s", ix->path, strerror(-rc));
		return rc;
	}
	if (ix->cs) {
		capstream_feed(ix->cs, STREAM_BYTES_A_STEP, err, errlen);	/* an error ends it: what came is read */
		ix->file_bytes = ix->info.file_bytes = capstream_bytes(ix->cs);
		ix->info.streaming = capstream_fd(ix->cs) >= 0;
	}
	for (k = 0; k < max_frames; k++) {
		if (ix->info.streaming) {	/* read only what is there whole; the rest comes later */
			long off = ftell(ix->fp);

			if (off < 0 || !capstream_record_ready(ix->cs, (uint64_t)off)) {
				ix->tail = off;
				return 2;
			}
			clearerr(ix->fp);
		}
		/* ftell() costs a system call in glibc: only where an offset is kept */
		if (ix->count % CAPINDEX_STRIDE == 0 && keep_stride(ix, ftell(ix->fp)) < 0) {
			snprintf(err, errlen, "out of memory");
			return -ENOMEM;
		}
		rc = next_frame(ix, &f, err, errlen);
		if (rc <= 0) {
			if (ix->count % CAPINDEX_STRIDE == 0)
				ix->nstrides--;	/* the offset kept above belongs to no frame */
			ix->done = 1;
			ix->failed = rc < 0;
			ix->info.done = 1;
			ix->tail = ftell(ix->fp);
			return rc < 0 ? rc : 1;
		}
		ix->count++;
		if (ix->count == 1)
			ix->info.first = f.ts;
		ix->info.last = f.ts;
		ix->info.frames = ix->count;
		ix->info.wire_bytes += f.len;
		ix->info.frames_in += f.dir == FRAME_IN;
		ix->info.frames_out += f.dir == FRAME_OUT;
		ix->info.frames_commented += pcapngdir_comments(ix->nd)[0] != '\0';
	}
	ix->tail = ftell(ix->fp);
	return 0;
}

uint64_t capindex_count(const struct capindex *ix) { return ix->count; }
int capindex_done(const struct capindex *ix) { return ix->done; }

unsigned capindex_progress(const struct capindex *ix)
{
	if (ix->done || ix->file_bytes == 0)
		return 1000;
	return (unsigned)((uint64_t)ix->tail * 1000 / ix->file_bytes);
}

int capindex_read(struct capindex *ix, uint64_t n, struct frame *f, char *err, size_t errlen)
{
	int rc;

	if (n < 1 || n > ix->count) {
		snprintf(err, errlen, "frame %llu is not indexed (frames 1 to %llu are)", (unsigned long long)n,
			 (unsigned long long)ix->count);
		return -ERANGE;
	}
	/* stand at frame n, or before it in its stride, then read forward */
	if (ix->next > n || n - ix->next >= CAPINDEX_STRIDE) {
		uint64_t k = (n - 1) / CAPINDEX_STRIDE;

		if ((rc = seek_to(ix, ix->stride_off[k], k * CAPINDEX_STRIDE + 1)) < 0) {
			snprintf(err, errlen, "%s: cannot seek: %s", ix->path, strerror(-rc));
			return rc;
		}
	}
	while (ix->next <= n) {
		rc = next_frame(ix, f, err, errlen);
		if (rc <= 0) {
			if (rc == 0)
				snprintf(err, errlen, "%s: the file ends before frame %llu", ix->path, (unsigned long long)n);
			return -EIO;
		}
	}
	return 0;
}

void capindex_info(const struct capindex *ix, struct capindex_info *info)
{
	*info = ix->info;
}

void capindex_close(struct capindex *ix)
{
	if (!ix)
		return;
	pcapngdir_close(ix->nd);
	if (ix->p)
		pcap_close(ix->p);	/* closes the FILE too */
	capstream_close(ix->cs);
	free(ix->stride_off);
	free(ix->path);
	free(ix);
}

int capindex_dlt(const struct capindex *ix) { return ix->dlt; }

int capindex_stream_fd(const struct capindex *ix)
{
	return ix->cs ? capstream_fd(ix->cs) : -1;
}

const char *capindex_comments(const struct capindex *ix)
{
	return pcapngdir_comments(ix->nd);
}
