/* pcapngdir.h — the directions and comments a pcapng file records (epb_flags, opt_comment), read beside libpcap, which does not hand them out. */
#ifndef TAPSCOPE_PCAPNGDIR_H
#define TAPSCOPE_PCAPNGDIR_H

#include <pcap/pcap.h>
#include <stdint.h>

#include "frame.h"

struct pcapngdir;

/* True when p reads a pcapng file. */
int pcapngdir_is_pcapng(pcap_t *p);

/* A reader of the file's packet blocks beside libpcap, from the start of the file: on the file at
 * path, or on fd (taken over; it is read with pread, so it may share an open file with libpcap).
 * NULL when the file cannot be opened again (a pipe). */
struct pcapngdir *pcapngdir_open_path(const char *path);
struct pcapngdir *pcapngdir_open(int fd);

/* The direction recorded for the next packet block: call it once for each packet libpcap returns.
 * FRAME_IN (inbound), FRAME_OUT (outbound), FRAME_DIR_UNKNOWN (no flags; or r is NULL). */
enum frame_dir pcapngdir_next(struct pcapngdir *r);

/* The comments (opt_comment) of the packet block pcapngdir_next last read, a line each
 * (their bytes as they are: the caller makes them printable), "" for none or r NULL. */
const char *pcapngdir_comments(const struct pcapngdir *r);

/* After libpcap's FILE was sought to off (a block boundary), go on from there too. */
void pcapngdir_seek(struct pcapngdir *r, uint64_t off);

void pcapngdir_close(struct pcapngdir *r);

#endif
