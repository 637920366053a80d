/* why.h — one line on why a frame exists: why the kernel sent it, or what tapscope did; for the UI's status line, --print -v and JSON. */
#ifndef TAPSCOPE_WHY_H
#define TAPSCOPE_WHY_H

#include <stddef.h>

#include "frame.h"
#include "session.h"

/* Writes the line for f into buf ("the kernel wants to send to 10.18.0.3 but has no neighbour
 * entry for it: it asks who has it (ARP)", "tapscope's answer as the peer 10.18.0.3 to frame
 * 4", "injected by you (job 2)"); returns its length. m->loc must be f's. */
size_t why_frame(const struct frame *f, const struct frame_meta *m, char *buf, size_t len);
/* For a frame the kernel sent: "answered by tapscope" (or that the answer is held), the responder's reason for not
 * answering a request, or NULL (nothing a peer answers). */
const char *why_answer(const struct frame *f, const struct frame_meta *m);

#endif
