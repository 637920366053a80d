/* ui_detail.h — the frame the field tree and the hex pane show: a copy of it (the store may drop
 * the original), decoded once, with the selected field and the open nodes; it stays on its
 * frame (pinned) while the list follows new ones, until F or End. */
#ifndef TAPSCOPE_UI_DETAIL_H
#define TAPSCOPE_UI_DETAIL_H

#include "decode.h"
#include "ring.h"
#include "ui.h"

struct ui_detail {
	uint64_t num;			/* the frame shown (0: none) */
	const void *src;		/* the store (the device) it is from: numbers are per device */
	int pinned;			/* stays on num while the list follows */
	struct frame frame;		/* a copy, data in buf */
	uint8_t buf[SESSION_FRAME_MAX];
	struct frame_note note;
	char comment[2048];		/* a file's comments on the frame (pcapng), a line each, printable */
	int ncomments;
	struct decoded d;
	int field;			/* the selected node, -1: none */
	int tree_top, hex_top;		/* first rows shown */
	uint8_t collapsed[DECODE_MAX_FIELDS];
	uint64_t hex_seen_num;		/* the hex pane scrolled to the field once per change */
	int hex_seen_field;
};

/* Shows f (NULL: nothing); keeps the selected field and the open nodes by name, so following
 * live traffic keeps the user's place. The same frame again does nothing. */
void detail_show(struct ui *ui, const struct frame *f, const struct frame_note *n);
/* Forgets the frame (the list was cleared). */
void detail_clear(struct ui *ui);
int detail_has_children(const struct decoded *d, int i);
/* "ip.ttl — Time to Live: ..." for the message line, or NULL. */
const char *detail_explain(struct ui *ui);
/* The pipeline's meta of a kept frame, rebuilt from its note (the locator computed again):
 * what src/why.c takes, so "why every frame exists" (issue 10) needs nothing more kept. */
void detail_meta(const struct frame *f, const struct frame_note *n, struct frame_meta *m);
/* What the pipeline knew of a frame, in words (src/why.c): "not answered: echo replies are off",
 * "tapscope's answer as the peer 10.18.0.3 to frame 12", "injected by you (job 3)"; "" when
 * nothing is worth saying. */
size_t detail_note_text(const struct frame *f, const struct frame_note *n, char *buf, size_t len);
/* The outermost field called name, or -1. */
int detail_find(const struct decoded *d, const char *name);

#endif
