/* pcapout.h — write frames to a pcap file through libpcap, or to pcapng with directions (tcpdump and Wireshark open both), and know what it holds. */
#ifndef TAPSCOPE_PCAPOUT_H
#define TAPSCOPE_PCAPOUT_H

#include <stddef.h>
#include "frame.h"

struct pcapout;

/* What a pcap file holds. */
struct pcapout_stats {
	unsigned long frames;	/* frames given to pcapout_write */
	unsigned long held;	/* whole frames in the file (tcpdump -r reads them all) */
	int error;		/* errno of the first failed write (nothing is written after it); 0 */
	int exact;		/* held is exact: always for pcap; for pcapng only while nothing failed */
	char path[256];		/* as given ("<stdout>" for "-") */
};

/* Opens path ("-" for stdout) for frames of link type dlt (DLT_EN10MB or DLT_RAW), and writes
 * the file header at once (a failure there is reported like any later write's).
 * NULL with a message in err when the file cannot be opened. */
struct pcapout *pcapout_open(const char *path, int dlt, char *err, size_t errlen);
/* The same, written as pcapng when pcapng is set or path ends in ".pcapng" (pcapngout.h: each
 * frame keeps its direction, and the interface block is named ifname when not NULL); classic
 * pcap through libpcap otherwise. */
struct pcapout *pcapout_open_as(const char *path, int dlt, const char *ifname, int pcapng, char *err, size_t errlen);
/* True when path names a pcapng file (it ends in ".pcapng", any case). */
int pcapout_name_is_pcapng(const char *path);
/* Appends a frame (its PI header, if any, is left out: the file holds Ethernet or raw IP).
 * After a failed write it only counts: the file keeps its whole records and nothing more. */
void pcapout_write(struct pcapout *w, const struct frame *f);
/* The same with comments for the frame: pcapng keeps each as an opt_comment of its packet block
 * (what Wireshark shows as frame.comment); classic pcap has nowhere to keep them. */
void pcapout_write_commented(struct pcapout *w, const struct frame *f, const char *const *comments, int n);
/* The same with the comments as lines of one text (a file's, as pcapngdir_comments gives them). */
void pcapout_write_lines(struct pcapout *w, const struct frame *f, const char *text);
/* Pushes buffered frames to the file, so a reader sees every frame written so far. */
void pcapout_flush(struct pcapout *w);
/* Once, after a write failed: -errno, with a sentence in msg naming the file, the cause and how
 * many frames it keeps. 0 when nothing failed, or it was told already. NULL w is fine. */
int pcapout_take_error(struct pcapout *w, char *msg, size_t len);
/* What the file holds so far (frames still in the buffer are not yet held). NULL w: zeros. */
void pcapout_stats(const struct pcapout *w, struct pcapout_stats *st);
/* Flushes and closes; st (may be NULL) gets what the file holds in the end, whole records
 * only. Returns 0, or -errno when writing failed. NULL w is fine. */
int pcapout_end(struct pcapout *w, struct pcapout_stats *st);
/* "saved to F (N frames)" or "F holds N of M frames: writing it failed: CAUSE" into buf. */
const char *pcapout_describe(const struct pcapout_stats *st, char *buf, size_t len);
/* pcapout_end without the result: 0, or -errno when the frames could not all be written. */
int pcapout_close(struct pcapout *w);
/* Frames given so far (pcapout_stats says how many the file holds). */
unsigned long pcapout_count(const struct pcapout *w);

#endif
