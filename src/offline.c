/* offline.c — reads a pcap/pcapng file (or stdin) through libpcap, filters it, and prints each frame. */
#include <errno.h>
#include <pcap/pcap.h>
#include <stdint.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "bpf.h"
#include "decode.h"
#include "frameprint.h"
#include "offline.h"
#include "offpar.h"
#include "pcapngdir.h"
#include "pcapout.h"

static char outbuf[1 << 18];
/* Lines and JSON objects are gathered here and written in large pieces (no stdio call a frame). */
static char batch[1 << 18];

static const char *shown_path(const char *path)
{
	return strcmp(path, "-") == 0 ? "<stdin>" : path;
}

int offline_link_refused(char *err, size_t errlen, const char *path, int dlt)
{
	const char *name = pcap_datalink_val_to_name(dlt);
	char user[16];

	if (dlt == DLT_EN10MB || dlt == DLT_RAW || dlt == DLT_IPV4 || dlt == DLT_IPV6 || dlt == DLT_LINUX_SLL ||
	    dlt == DLT_LINUX_SLL2 || dlt == DLT_NULL || dlt == DLT_LOOP || dlt == DLT_PPP || dlt == DLT_PPP_SERIAL ||
	    dlt == DLT_PPP_WITH_DIR)
		return 0;
	if (!name && dlt >= DLT_USER0 && dlt <= DLT_USER15) {	/* libpcap names none of the sixteen */
		snprintf(user, sizeof(user), "USER%d", dlt - DLT_USER0);
		name = user;
	}
	snprintf(err, errlen, "%s: unsupported link type %s (%d)%s; tapscope reads Ethernet (EN10MB), raw IP (RAW, "
		 "IPV4, IPV6), Linux cooked (LINUX_SLL, LINUX_SLL2), BSD loopback (NULL, LOOP) and PPP (PPP, "
		 "PPP_SERIAL, PPP_WITH_DIR) captures", shown_path(path), name ? name : "unknown", dlt,
		 name == user ? ", a private one whose meaning only its writer knows" : "");
	return -1;
}

int offline_stdin_refused(char *err, size_t errlen, const char *path)
{
	if (strcmp(path, "-") || !isatty(STDIN_FILENO))
		return 0;
	snprintf(err, errlen, "standard input is the terminal, not a capture: pipe one in "
		 "(tcpdump -w - ... | tapscope -r -, zcat f.pcap.gz | tapscope -r -) or name a file");
	return 1;
}

/* A gzip file (tshark reads them, libpcap does not): its first two bytes. */
static int gzipped(const char *path)
{
	unsigned char m[2] = { 0, 0 };
	FILE *fp = strcmp(path, "-") ? fopen(path, "rb") : NULL;

	if (!fp)
		return 0;
	if (fread(m, 1, 2, fp) != 2)
		m[0] = 0;
	fclose(fp);
	return m[0] == 0x1f && m[1] == 0x8b;
}

void offline_open_error(char *err, size_t errlen, const char *path, const char *perr)
{
	if ((strstr(perr, "unknown file format") || strstr(perr, "bad dump file format")) && gzipped(path))
		snprintf(err, errlen, "%s is gzip-compressed, which libpcap does not read: zcat %s | tapscope -r - "
			 "(or gunzip it first)", shown_path(path), path);
	else if (strstr(perr, "file header bytes, only got 0"))
		snprintf(err, errlen, "%s is empty: a capture file starts with a pcap or pcapng header", shown_path(path));
	else if (strstr(perr, "unknown file format") || strstr(perr, "bad dump file format"))
		snprintf(err, errlen, "%s is not a capture file: tapscope reads pcap and pcapng "
			 "(as tcpdump -w and tshark write them); libpcap says: %s", shown_path(path), perr);
	else if (strncmp(perr, path, strlen(path)) == 0)
		snprintf(err, errlen, "%s", perr);	/* libpcap named the file already */
	else
		snprintf(err, errlen, "%s: %s", shown_path(path), perr);
}

void offline_read_error(char *err, size_t errlen, const char *path, uint64_t frames, const char *perr)
{
	const char *hint = "";

	if (strstr(perr, "snapshot length") && strstr(perr, "different"))
		hint = " (libpcap reads a pcapng file only when its interfaces share one snapshot length: "
		       "editcap -F pcap FILE out.pcap writes one it reads)";
	else if (strstr(perr, "has a type") && strstr(perr, "different"))
		hint = " (libpcap reads a pcapng file only when its interfaces share one link type: write each "
		       "interface's frames to a file of its own, tshark -r FILE -Y frame.interface_id==N -w N.pcapng)";
	snprintf(err, errlen, "%s: after %llu frame(s): %s%s", shown_path(path), (unsigned long long)frames, perr, hint);
}

/* Writes the batch straight to out's descriptor (stdio would first copy it into its buffer); the
 * errno of the first write that failed is kept in *werr (a full disk; a closed pipe is SIGPIPE,
 * as for tcpdump). */
static void batch_write(FILE *out, struct fmtbuf *b, int *werr)
{
	size_t n = b->len;
	int e;

	fflush(out);
	b->len = 0;
	e = offpar_write_all(fileno(out), b->p, n);
	if (!*werr)
		*werr = e;
}

/* pcap keeps seconds in 32 bits, unsigned in practice (to 2106); libpcap hands them over
 * sign-extended, so 2038 and later would read as 1901: undo that. */
void offline_fix_time(struct timeval *tv)
{
	if (tv->tv_sec < 0 && tv->tv_sec >= INT32_MIN)
		tv->tv_sec += (time_t)1 << 32;
}

int offline_same_file(const char *path, const char *other)
{
	struct stat a, b;

	return path && other && strcmp(path, "-") && strcmp(other, "-") && stat(path, &a) == 0 &&
	       stat(other, &b) == 0 && a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

/* Where the reading stands: the file, what selects frames, where they are also written. */
struct reader {
	pcap_t *p;
	const struct offline_opts *o;
	struct bpf_filter *flt;
	struct pcapout *w;
	struct pcapngdir *nd;
	struct frame f;
	uint64_t n;	/* frames read */
	long shown;	/* frames passed on */
	int rc;		/* pcap_next_ex's last word (PCAP_ERROR: the file is damaged there) */
	int werr;	/* errno of the first failed write of the lines, or 0 */
	int link_dir;	/* the link header records a direction (a cooked capture, PPP_WITH_DIR) */
};

/* The next frame that passes the filter (written to -w on the way) into *f, its bytes valid
 * until the next call: 1, or 0 at the end of the file, of -c, or of what libpcap could read. */
static int reader_next(void *ctx, struct frame *f)
{
	struct reader *r = ctx;
	struct pcap_pkthdr *h;
	const u_char *data;

	if (r->o->count > 0 && r->shown >= r->o->count)
		return 0;
	while ((r->rc = pcap_next_ex(r->p, &h, &data)) == 1) {
		r->f.number = ++r->n;
		r->f.ts = h->ts;
		offline_fix_time(&r->f.ts);
		r->f.data = data;
		r->f.caplen = h->caplen;
		r->f.len = h->len;
		r->f.dir = r->nd ? pcapngdir_next(r->nd) : FRAME_DIR_UNKNOWN;
		if (r->link_dir && r->f.dir == FRAME_DIR_UNKNOWN)
			r->f.dir = decode_link_dir(r->f.dlt, data, h->caplen);	/* a cooked capture's In/Out */
		if (r->flt && !bpf_filter_match(r->flt, &r->f))
			continue;
		if (r->w)	/* with the file's comments (a pcapng's; a pcapng -w keeps them) */
			pcapout_write_lines(r->w, &r->f, pcapngdir_comments(r->nd));
		r->shown++;
		*f = r->f;
		return 1;
	}
	return 0;
}

/* One thread: each frame decoded, its line (or tree, or object) into the batch or out. */
static void print_frames(struct reader *r, FILE *out)
{
	static struct decoded d;
	const struct offline_opts *o = r->o;
	size_t need = offpar_line_room(o->json);
	struct fmtbuf bb;
	struct frame f;

	fmtbuf_init(&bb, batch, sizeof(batch));
	while (reader_next(r, &f)) {
		if (o->quiet)
			continue;
		if (o->verbose && !o->json) {
			decode_frame(&d, &f);
			if (o->number)
				fprintf(out, FRAMEPRINT_NUMBER_FMT, (unsigned long long)f.number);
			frameprint_line(out, &f, &d);
			frameprint_tree_ex(out, &d, o->verbose > 1);
			continue;
		}
		if (bb.cap - bb.len < need)
			batch_write(out, &bb, &r->werr);
		offpar_line(&bb, &f, &d, o->json, o->number);
	}
	batch_write(out, &bb, &r->werr);
}

static int run(pcap_t *p, const struct offline_opts *o, FILE *out, struct bpf_filter *flt,
	       struct pcapout *w, char *err, size_t errlen)
{
	struct reader r = { .p = p, .o = o, .flt = flt, .w = w };
	int rc, threads = !o->quiet && !o->verbose ? offpar_threads() : 1;

	r.f.dir = FRAME_DIR_UNKNOWN;
	r.f.dlt = pcap_datalink(p);
	r.link_dir = decode_link_has_dir(r.f.dlt);
	if (pcapngdir_is_pcapng(p))	/* stdin too, when it is a file: a pipe gives no directions */
		r.nd = strcmp(o->path, "-") ? pcapngdir_open_path(o->path) : pcapngdir_open(dup(STDIN_FILENO));
	rc = threads > 1 ? offpar_run(threads, o->json, o->number, out, reader_next, &r) : -1;
	if (rc < 0)	/* one thread, or no other could be had */
		print_frames(&r, out);
	else
		r.werr = rc;
	pcapngdir_close(r.nd);
	if (r.rc == PCAP_ERROR) {
		offline_read_error(err, errlen, o->path, r.n, pcap_geterr(p));
		return -1;
	}
	if (fflush(out) != 0 || ferror(out))	/* the -v lines go through stdio */
		r.werr = r.werr ? r.werr : errno ? errno : EIO;
	if (r.werr) {
		snprintf(err, errlen, "writing the lines to standard output failed: %s", strerror(r.werr));
		return -1;
	}
	return 0;
}

/* pcap_open_offline, with a read buffer of 256 KiB instead of stdio's 4 KiB: libpcap freads each
 * record's header and data apart, and the fewer refills the fewer read(2)s a frame costs. A file
 * fopen refuses goes to pcap_open_offline after all, for its message. */
static pcap_t *open_file(const char *path, char *perr)
{
	FILE *fp = strcmp(path, "-") ? fopen(path, "rb") : stdin;
	pcap_t *p;

	if (!fp)
		return pcap_open_offline(path, perr);
	setvbuf(fp, NULL, _IOFBF, 1 << 18);
	p = pcap_fopen_offline(fp, perr);
	if (!p && fp != stdin)
		fclose(fp);
	return p;
}

int offline_run(const struct offline_opts *o, FILE *out, char *err, size_t errlen)
{
	char perr[PCAP_ERRBUF_SIZE];
	struct bpf_filter *flt = NULL;
	struct pcapout *w = NULL;
	pcap_t *p;
	int dlt, rc;

	if (!o->path) {
		snprintf(err, errlen, "no file to read");
		return -1;
	}
	if (o->write_path && offline_same_file(o->write_path, o->path)) {
		snprintf(err, errlen, "-w %s is the file -r reads: writing it would destroy the capture; give another name",
			 o->write_path);
		return -1;
	}
	if (offline_stdin_refused(err, errlen, o->path))
		return -1;
	perr[0] = '\0';
	p = open_file(o->path, perr);
	if (!p) {
		offline_open_error(err, errlen, o->path, perr);
		return -1;
	}
	dlt = pcap_datalink(p);
	if (offline_link_refused(err, errlen, o->path, dlt)) {
		pcap_close(p);
		return -1;
	}
	if (o->filter && *o->filter) {
		char ferr[PCAP_ERRBUF_SIZE + 256];

		flt = bpf_filter_new(dlt, o->filter, ferr, sizeof(ferr));
		if (!flt) {
			snprintf(err, errlen, "bad filter \"%s\": %s", o->filter, ferr);
			pcap_close(p);
			return -1;
		}
	}
	setvbuf(out, outbuf, _IOFBF, sizeof(outbuf));	/* before anything, -w - included, writes to it */
	if (o->write_path) {
		w = pcapout_open_as(o->write_path, dlt, NULL, o->pcapng, err, errlen);
		if (!w) {
			bpf_filter_free(flt);
			pcap_close(p);
			return -1;
		}
	}
	rc = run(p, o, out, flt, w, err, errlen);
	fflush(out);
	if (w) {
		struct pcapout_stats st;
		char said[512];

		if (pcapout_end(w, &st) < 0 && rc == 0) {	/* a full disk, a quota, /dev/full: exit 1 */
			snprintf(err, errlen, "%s", pcapout_describe(&st, said, sizeof(said)));
			rc = -1;
		}
	}
	bpf_filter_free(flt);
	pcap_close(p);
	return rc;
}
