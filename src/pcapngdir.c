/* pcapngdir.c — the direction a pcapng file recorded for the packet libpcap just read (epb_flags). */
/*
 * libpcap reads pcapng but does not hand out a packet block's options, and epb_flags (option 2
 * of an enhanced packet block, bits 0-1: 1 inbound, 2 outbound) is where the direction lives.
 * How it is read here, without a second parser of the whole file: libpcap reads each block whole
 * with fread() on the FILE that pcap_file() gives, so right after pcap_next_ex() returns a packet
 * the FILE is positioned at the end of that packet's block. A block ends with its own total
 * length, so from there the block's start is known; its options sit between the padded packet
 * data and that trailing length. They are read with pread-like seeks on the same FILE, and the
 * position is put back exactly, so libpcap goes on where it was. The bytes are usually still in
 * stdio's buffer: the cost is a few memory copies a packet, and only for pcapng files. A pipe
 * (stdin) cannot seek: its directions read as unknown.
 *
 * Enhanced packet block: | type 6 | length | interface | ts high | ts low | caplen | origlen |
 *                        | data, padded to 4 | options | length |
 */
#include "pcapngdir.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* The file is in the host's byte order unless libpcap says it is swapped. */
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

int pcapngdir_is_pcapng(pcap_t *p)
{
	return pcap_major_version(p) == 1;
}

static int read_at(FILE *fp, long off, void *buf, size_t n)
{
	return fseek(fp, off, SEEK_SET) == 0 && fread(buf, 1, n, fp) == n;
}

/* The flags option in the options area opts[0..n), or -1. */
static int find_flags(const uint8_t *opts, uint32_t n, int swapped)
{
	uint32_t off = 0;

	while (off + 4 <= n) {
		uint16_t code = get16(opts + off, swapped), len = get16(opts + off + 2, swapped);

		if (code == 0)
			break;
		if (code == 2 && len == 4 && off + 8 <= n)
			return (int)get32(opts + off + 4, swapped);
		off += 4 + ((len + 3u) & ~3u);
	}
	return -1;
}

enum frame_dir pcapngdir_last(pcap_t *p)
{
	FILE *fp = pcap_file(p);
	int swapped = pcap_is_swapped(p), flags = -1;
	uint8_t buf[28], opts[256];
	long end, start;
	uint32_t total, caplen, optoff, optlen;

	if (!fp || (end = ftell(fp)) < 32)
		return FRAME_DIR_UNKNOWN;
	if (!read_at(fp, end - 4, buf, 4))
		goto out;
	total = get32(buf, swapped);
	if (total < 32 || total > (uint32_t)end || total % 4)
		goto out;
	start = end - (long)total;
	if (!read_at(fp, start, buf, 28) || get32(buf, swapped) != 6)
		goto out;
	caplen = get32(buf + 20, swapped);
	optoff = 28 + ((caplen + 3u) & ~3u);
	if (optoff + 4 > total)
		goto out;
	optlen = total - 4 - optoff;
	if (optlen > sizeof(opts))
		optlen = sizeof(opts);
	if (optlen && read_at(fp, start + (long)optoff, opts, optlen))
		flags = find_flags(opts, optlen, swapped);
out:
	fseek(fp, end, SEEK_SET);
	if (flags < 0)
		return FRAME_DIR_UNKNOWN;
	return (flags & 3) == 1 ? FRAME_IN : (flags & 3) == 2 ? FRAME_OUT : FRAME_DIR_UNKNOWN;
}
