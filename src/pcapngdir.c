/* pcapngdir.c — the directions and comments a pcapng file records (epb_flags, opt_comment), read beside libpcap, which does not hand them out. */
/*
 * libpcap reads pcapng but keeps a packet block's options to itself, and epb_flags (option 2 of
 * an enhanced packet block; bits 0-1: 1 inbound, 2 outbound) is where the direction lives. How
 * it is read here: a second, minimal reader walks the same file's blocks in step with libpcap.
 * libpcap returns every packet block (enhanced, simple, obsolete packet block) in file order and
 * skips the others, so the n-th packet this reader finds is the n-th packet libpcap returned.
 * It reads with pread() on its own descriptor and buffer, so it never moves libpcap's FILE; when
 * the caller seeks libpcap to a kept offset it seeks this reader to the same one. A pipe cannot
 * be read twice: there the directions are unknown.
 *
 * Section header: | 0x0A0D0D0A | length | byte-order magic 0x1A2B3C4D | ... | length |
 * Enhanced packet: | 6 | length | interface | ts high | ts low | caplen | origlen | data, padded | options | length |
 * Packet (obsolete): | 2 | length | interface (2) | drops (2) | ts high | ts low | caplen | origlen | data | options | length |
 */
#include "pcapngdir.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define BUF 65536
#define COMMENTS_MAX 2048

struct pcapngdir {
	char comments[COMMENTS_MAX];	/* the last packet block's opt_comment texts, a line each */
	int fd;
	int swapped;		/* this section's byte order is not the host's */
	uint64_t off;		/* file offset of the next block */
	uint64_t buf_off;	/* file offset of buf[0] */
	size_t buf_len;
	uint8_t buf[BUF];
};

int pcapngdir_is_pcapng(pcap_t *p)
{
	return pcap_major_version(p) == 1;	/* libpcap reports 1.x for pcapng, 2.4 for pcap */
}

static uint32_t get32(const uint8_t *p, int swapped)
{
	uint32_t v;

	memcpy(&v, p, 4);
	return swapped ? __builtin_bswap32(v) : v;
}

static uint16_t get16(const uint8_t *p, int swapped)
{
	uint16_t v;

	memcpy(&v, p, 2);
	return swapped ? __builtin_bswap16(v) : v;
}

/* n bytes at file offset off (n <= BUF), through the buffer; NULL at the end of the file */
static const uint8_t *at(struct pcapngdir *r, uint64_t off, size_t n)
{
	ssize_t got;

	if (off >= r->buf_off && off + n <= r->buf_off + r->buf_len)
		return r->buf + (off - r->buf_off);
	got = pread(r->fd, r->buf, BUF, (off_t)off);
	if (got < 0 || (size_t)got < n)
		return NULL;
	r->buf_off = off;
	r->buf_len = (size_t)got;
	return r->buf;
}

struct pcapngdir *pcapngdir_open(int fd)
{
	struct pcapngdir *r;

	if (fd < 0)
		return NULL;
	r = calloc(1, sizeof(*r));
	if (!r) {
		close(fd);
		return NULL;
	}
	r->fd = fd;
	return r;
}

struct pcapngdir *pcapngdir_open_path(const char *path)
{
	return pcapngdir_open(open(path, O_RDONLY | O_CLOEXEC));
}

void pcapngdir_seek(struct pcapngdir *r, uint64_t off)
{
	if (r)
		r->off = off;
}

/* A comment (opt_comment, UTF-8 but any bytes) onto the packet's lines, as far as they hold. */
static void add_comment(struct pcapngdir *r, const uint8_t *text, uint16_t len)
{
	size_t have = strlen(r->comments), room = sizeof(r->comments) - have - 1;

	if (have && room) {
		r->comments[have++] = '\n';
		room--;
	}
	if (len > room)
		len = (uint16_t)room;
	for (uint16_t i = 0; i < len; i++)	/* a NUL inside would end it: made a space */
		r->comments[have + i] = text[i] ? (char)text[i] : ' ';
	r->comments[have + len] = '\0';
}

/* The flags option among the options at p[0..n), or -1; the comments among them into r. */
static int read_options(struct pcapngdir *r, const uint8_t *p, uint32_t n)
{
	uint32_t off = 0;
	int flags = -1;

	while (off + 4 <= n) {
		uint16_t code = get16(p + off, r->swapped), len = get16(p + off + 2, r->swapped);

		if (code == 0 || off + 4 + len > n)
			break;
		if (code == 2 && len == 4)
			flags = (int)get32(p + off + 4, r->swapped);
		else if (code == 1)
			add_comment(r, p + off + 4, len);
		off += 4 + ((len + 3u) & ~3u);
	}
	return flags;
}

/* The options of the packet block at off (total length len, body from off + 8), as flags or -1. */
static int packet_flags(struct pcapngdir *r, uint64_t off, uint32_t type, uint32_t len)
{
	uint32_t fixed = type == 6 ? 20 : 20, caplen, optoff;	/* both: 20 bytes before the data */
	const uint8_t *p = at(r, off + 8, fixed);

	if (!p)
		return -1;
	caplen = get32(p + 12, r->swapped);
	optoff = 8 + fixed + ((caplen + 3u) & ~3u);
	if (optoff + 4 > len || len - 4 - optoff > BUF)	/* comments can make options long (a timeline's) */
		return -1;
	p = at(r, off + optoff, len - 4 - optoff);
	return p ? read_options(r, p, len - 4 - optoff) : -1;
}

enum frame_dir pcapngdir_next(struct pcapngdir *r)
{
	if (!r)
		return FRAME_DIR_UNKNOWN;
	r->comments[0] = '\0';
	for (;;) {
		const uint8_t *h = at(r, r->off, 12);
		uint32_t type, len;
		uint64_t here = r->off;

		if (!h)
			return FRAME_DIR_UNKNOWN;
		if (get32(h, 0) == 0x0A0D0D0Au) {	/* a section header: its byte order rules what follows */
			uint32_t magic;

			memcpy(&magic, h + 8, 4);
			r->swapped = magic != 0x1A2B3C4Du;
		}
		type = get32(h, r->swapped);
		len = get32(h + 4, r->swapped);
		if (len < 12 || len % 4)
			return FRAME_DIR_UNKNOWN;	/* libpcap will have refused it */
		r->off += len;
		if (type == 6 || type == 2) {
			int flags = packet_flags(r, here, type, len);

			return flags < 0 ? FRAME_DIR_UNKNOWN :
			       (flags & 3) == 1 ? FRAME_IN : (flags & 3) == 2 ? FRAME_OUT : FRAME_DIR_UNKNOWN;
		}
		if (type == 3)
			return FRAME_DIR_UNKNOWN;	/* a simple packet block has no options */
	}
}

const char *pcapngdir_comments(const struct pcapngdir *r)
{
	return r ? r->comments : "";
}

void pcapngdir_close(struct pcapngdir *r)
{
	if (!r)
		return;
	close(r->fd);
	free(r);
}
