/* pcapngout.h — write frames to a pcapng file that keeps each frame's direction (pcapout.h picks it by name or option). */
#ifndef TAPSCOPE_PCAPNGOUT_H
#define TAPSCOPE_PCAPNGOUT_H

#include <stddef.h>

#include "frame.h"

struct pcapngout;

/* Opens path ("-" for stdout) and writes the section header and one interface block for link
 * type dlt, named ifname (NULL: no name). NULL with a message in err on failure. */
struct pcapngout *pcapngout_open(const char *path, int dlt, const char *ifname, char *err, size_t errlen);
/* Appends an enhanced packet block (PI header left out) with the frame's direction in epb_flags:
 * FRAME_IN inbound, FRAME_OUT outbound, FRAME_DIR_UNKNOWN none. */
void pcapngout_write(struct pcapngout *w, const struct frame *f);
/* The same with n comments (UTF-8, each an opt_comment option of the block, in order). */
void pcapngout_write_commented(struct pcapngout *w, const struct frame *f, const char *const *comments, int n);
/* Pushes buffered blocks to the file. */
void pcapngout_flush(struct pcapngout *w);
/* Flushes and closes; returns 0, or -errno of the first write that failed. */
int pcapngout_close(struct pcapngout *w);
/* 0, or -errno of the first write that failed (writing stops there). */
int pcapngout_error(const struct pcapngout *w);
/* Frames written so far. */
unsigned long pcapngout_count(const struct pcapngout *w);

#endif
