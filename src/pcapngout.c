/* pcapngout.c — write frames to a pcapng file whose packet blocks keep each frame's direction (epb_flags). */
/*
 * draft-ietf-opsawg-pcapng (the format libpcap, tcpdump and Wireshark read), host byte order:
 *
 * Section Header Block   | 0x0A0D0D0A | length | 0x1A2B3C4D | major 1 | minor 0 | section length -1 | options | length |
 * Interface Description  | 0x00000001 | length | linktype (2) | reserved (2) | snaplen (4) | options | length |
 *                          options: if_name (2) = the device, if_tsresol (9) = 6 (microseconds)
 * Enhanced Packet Block  | 0x00000006 | length | interface 0 | ts high | ts low | caplen | origlen |
 *                          data, padded to 4 | options | length |
 *                          options: epb_flags (2), 4 bytes; bits 0-1: 1 inbound, 2 outbound;
 *                          opt_comment (1), UTF-8 text (the UI's timeline: netlink events
 *                          between the previous frame and this one)
 * an option: | code (2) | length (2) | value, padded to 4 |, the list ends with code 0, length 0.
 *
 * libpcap can read pcapng but writes only classic pcap, and classic pcap has nowhere to keep a
 * direction: so this small writer. Directions: '<' (the kernel sent the frame into the device)
 * is inbound, '>' (tapscope wrote it toward the kernel) is outbound; frames of unknown direction
 * carry no flags.
 */
#include "pcapngout.h"
#include "frameloc.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BT_SHB 0x0A0D0D0Au
#define BT_IDB 0x00000001u
#define BT_EPB 0x00000006u
#define OPT_END 0
#define OPT_COMMENT 1
#define COMMENT_MAX 1000	/* bytes of one comment kept */
#define OPT_SHB_USERAPPL 4
#define OPT_IF_NAME 2
#define OPT_IF_TSRESOL 9
#define OPT_EPB_FLAGS 2

struct pcapngout {
	FILE *fp;
	int own;		/* fp was opened here (not stdout) */
	int error;		/* the first write error (errno), 0 while all went well */
	unsigned long count;
};

static void put(struct pcapngout *w, const void *p, size_t n)
{
	if (w->error || n == 0)
		return;
	if (fwrite(p, 1, n, w->fp) != n)
		w->error = errno ? errno : EIO;
}

static void put32(struct pcapngout *w, uint32_t v) { put(w, &v, 4); }
static void put16(struct pcapngout *w, uint16_t v) { put(w, &v, 2); }
static uint32_t pad4(uint32_t n) { return (n + 3) & ~3u; }

static void put_option(struct pcapngout *w, uint16_t code, const void *v, uint16_t len)
{
	static const uint8_t zero[4];

	put16(w, code);
	put16(w, len);
	put(w, v, len);
	put(w, zero, pad4(len) - len);
}

static uint32_t option_len(uint16_t len) { return 4 + pad4(len); }

static void write_headers(struct pcapngout *w, int dlt, const char *ifname)
{
	static const char appl[] = "tapscope";
	uint16_t name_len = ifname ? (uint16_t)strnlen(ifname, 64) : 0;
	uint8_t tsresol = 6;
	uint32_t len;

	len = 28 + option_len(sizeof(appl) - 1) + 4;
	put32(w, BT_SHB);
	put32(w, len);
	put32(w, 0x1A2B3C4D);
	put16(w, 1);
	put16(w, 0);
	put32(w, 0xffffffffu);	/* section length: not known in advance */
	put32(w, 0xffffffffu);
	put_option(w, OPT_SHB_USERAPPL, appl, sizeof(appl) - 1);
	put_option(w, OPT_END, NULL, 0);
	put32(w, len);

	len = 20 + (name_len ? option_len(name_len) : 0) + option_len(1) + 4;
	put32(w, BT_IDB);
	put32(w, len);
	put16(w, (uint16_t)dlt);
	put16(w, 0);
	put32(w, 262144);
	if (name_len)
		put_option(w, OPT_IF_NAME, ifname, name_len);
	put_option(w, OPT_IF_TSRESOL, &tsresol, 1);
	put_option(w, OPT_END, NULL, 0);
	put32(w, len);
}

struct pcapngout *pcapngout_open(const char *path, int dlt, const char *ifname, char *err, size_t errlen)
{
	struct pcapngout *w = calloc(1, sizeof(*w));

	if (!w) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	if (strcmp(path, "-") == 0) {
		w->fp = stdout;
	} else {
		w->fp = fopen(path, "wb");
		w->own = 1;
	}
	if (!w->fp) {
		snprintf(err, errlen, "cannot write %s: %s", path, strerror(errno));
		free(w);
		return NULL;
	}
	write_headers(w, dlt, ifname);
	if (w->error) {
		snprintf(err, errlen, "cannot write %s: %s", path, strerror(w->error));
		pcapngout_close(w);
		return NULL;
	}
	return w;
}

void pcapngout_write(struct pcapngout *w, const struct frame *f)
{
	pcapngout_write_commented(w, f, NULL, 0);
}

static uint16_t comment_len(const char *c)
{
	return (uint16_t)strnlen(c, COMMENT_MAX);
}

void pcapngout_write_commented(struct pcapngout *w, const struct frame *f, const char *const *comments, int n)
{
	static const uint8_t zero[4];
	uint32_t caplen, origlen, len, flags, opts = 0;
	const uint8_t *data = frame_after_pi(f, &caplen, &origlen);	/* the PI header is not kept */
	uint64_t ts;
	int dir = f->dir == FRAME_IN ? 1 : f->dir == FRAME_OUT ? 2 : 0;

	if (f->has_pi && !caplen)
		return;
	ts = (uint64_t)f->ts.tv_sec * 1000000u + (uint64_t)f->ts.tv_usec;
	if (dir)
		opts += option_len(4);
	for (int i = 0; i < n; i++)
		opts += option_len(comment_len(comments[i]));
	len = 28 + pad4(caplen) + (opts ? opts + 4 : 0) + 4;
	put32(w, BT_EPB);
	put32(w, len);
	put32(w, 0);
	put32(w, (uint32_t)(ts >> 32));
	put32(w, (uint32_t)ts);
	put32(w, caplen);
	put32(w, origlen);
	put(w, data, caplen);
	put(w, zero, pad4(caplen) - caplen);
	for (int i = 0; i < n; i++)
		put_option(w, OPT_COMMENT, comments[i], comment_len(comments[i]));
	if (dir) {
		flags = (uint32_t)dir;
		put_option(w, OPT_EPB_FLAGS, &flags, 4);
	}
	if (opts)
		put_option(w, OPT_END, NULL, 0);
	put32(w, len);
	w->count++;
}

void pcapngout_flush(struct pcapngout *w)
{
	if (w && fflush(w->fp) == EOF && !w->error)
		w->error = errno ? errno : EIO;
}

int pcapngout_close(struct pcapngout *w)
{
	int rc;

	if (!w)
		return 0;
	pcapngout_flush(w);
	if (w->own && fclose(w->fp) == EOF && !w->error)
		w->error = errno ? errno : EIO;
	rc = w->error ? -w->error : 0;
	free(w);
	return rc;
}

int pcapngout_error(const struct pcapngout *w)
{
	return w && w->error ? -w->error : 0;
}

unsigned long pcapngout_count(const struct pcapngout *w)
{
	return w ? w->count : 0;
}
