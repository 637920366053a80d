/* pcapout.h — write frames to a pcap file through libpcap, or to pcapng with directions (tcpdump and Wireshark open both). */
#ifndef TAPSCOPE_PCAPOUT_H
#define TAPSCOPE_PCAPOUT_H

#include <stddef.h>
#include "frame.h"

struct pcapout;

/* Opens path ("-" for stdout) for frames of link type dlt (DLT_EN10MB or DLT_RAW).
 * NULL with a message in err on failure. */
struct pcapout *pcapout_open(const char *path, int dlt, char *err, size_t errlen);
/* The same, written as pcapng when pcapng is set or path ends in ".pcapng" (pcapngout.h: each
 * frame keeps its direction, and the interface block is named ifname when not NULL); classic
 * pcap through libpcap otherwise. */
struct pcapout *pcapout_open_as(const char *path, int dlt, const char *ifname, int pcapng, char *err, size_t errlen);
/* True when path names a pcapng file (it ends in ".pcapng", any case). */
int pcapout_name_is_pcapng(const char *path);
/* Appends a frame (its PI header, if any, is left out: the file holds Ethernet or raw IP). */
void pcapout_write(struct pcapout *w, const struct frame *f);
/* Pushes buffered frames to the file, so a reader sees every frame written so far. */
void pcapout_flush(struct pcapout *w);
/* Flushes and closes; the file stays valid. Returns 0, or -errno when the frames could not
 * all be written (a full disk: the file then holds fewer than pcapout_count). */
int pcapout_close(struct pcapout *w);
/* Frames written so far. */
unsigned long pcapout_count(const struct pcapout *w);

#endif
