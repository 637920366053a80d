/* pcapout.h — write frames to a pcap file through libpcap (tcpdump and Wireshark open it). */
#ifndef TAPSCOPE_PCAPOUT_H
#define TAPSCOPE_PCAPOUT_H

#include <stddef.h>
#include "frame.h"

struct pcapout;

/* Opens path ("-" for stdout) for frames of link type dlt (DLT_EN10MB or DLT_RAW).
 * NULL with a message in err on failure. */
struct pcapout *pcapout_open(const char *path, int dlt, char *err, size_t errlen);
/* Appends a frame (its PI header, if any, is left out: the file holds Ethernet or raw IP). */
void pcapout_write(struct pcapout *w, const struct frame *f);
/* Pushes buffered frames to the file, so a reader sees every frame written so far. */
void pcapout_flush(struct pcapout *w);
/* Flushes and closes; the file stays valid. */
void pcapout_close(struct pcapout *w);
/* Frames written so far. */
unsigned long pcapout_count(const struct pcapout *w);

#endif
