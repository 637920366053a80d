/* ui.h — what every part of the full-screen UI shares: the run's hub (session, frames, the
 * selected frame, panes), results of keys, colours, and text helpers that never cut silently. */
#ifndef TAPSCOPE_UI_H
#define TAPSCOPE_UI_H

#include <stddef.h>
#include <stdint.h>
#include <curses.h>
#include <panel.h>

#include "options.h"
#include "session.h"
#include "ui_run.h"

/* What a key handler or an action did; the manager acts on it. */
enum ui_result {
	UI_IGNORED,		/* not mine */
	UI_HANDLED,		/* done, nothing to redraw */
	UI_REDRAW,		/* done, the screen needs drawing */
	UI_QUIT,		/* end tapscope */
};

/* Colour roles; each theme (ui_theme.c) gives every role a colour pair and attributes. */
enum ui_color {
	C_DEFAULT = 1, C_TITLE, C_FOCUS_TITLE, C_SELECTED, C_STATUS, C_ERROR, C_OK, C_WARN, C_DIM,
	C_ARP, C_ICMP, C_ICMP6, C_IP, C_UDP, C_TCP, C_DNS, C_OTHER, C_HILITE, C_KEY, C_MARK,
	C_COUNT
};

struct ui_rect { int y, x, h, w; };

struct ui_store;		/* ui_store.h: the frames kept for browsing */
struct ui_detail;		/* ui_detail.h: the frame the tree and hex show */
struct timeline;		/* ui_timeline.h: the device's netlink events, between its frames */
struct lesson;
struct fileview;		/* ui_fileview.h: the offline browser's capture file */
struct loop;

/* One device of the run (-i, given once or more): its session, its frames, its events. */
struct ui_dev {
	struct ui *ui;
	struct session *s;
	struct ui_store *store;
	struct timeline *tl;
};

struct ui {
	struct session *s;		/* the device the panes show now: devs[cur] (number keys switch);
					 * NULL in the offline browser */
	struct fileview *file;		/* the offline browser's file (NULL when live) */
	const struct options *o;
	struct ui_store *store;		/* devs[cur].store */
	struct ui_detail *detail;
	int utf8;			/* the terminal shows UTF-8 (arrows, the ellipsis) */
	int dirty;			/* something changed since the last draw */
	char last_spec[1024];		/* the last spec injected from the UI: 'r' repeats it */
	unsigned last_spec_job;		/* its job; a newer job (console, --control, a lesson) is repeated instead */
	struct ui_dev devs[OPTIONS_MAX_DEVICES];
	int ndevs, cur;
	struct session *ss;		/* every session, in -i order */
	int timeline;			/* netlink events shown between frames ('t') */
	int step_mode;			/* S started step mode (the outbox may have been on hold before) */
	struct lesson *lesson;		/* --lesson: the lesson the lesson pane starts with, or NULL */
	int quit;			/* a yes to "quit anyway?": the loop stops after this key */
};

/* --- ui_devices.c: several devices --- */
/* Makes device i the one the panes (netlink, held frames, form, status) show. */
void ui_set_device(struct ui *ui, int i);

/* Marks the screen for drawing (at most 30 times a second, or at once after a key). */
void ui_dirty(struct ui *ui);
/* ui.c: the loop's part of the UI, live or offline: keys, resize, the one-second tick, drawing
 * before the loop sleeps; draws the first screen and runs loop until it stops. */
int ui_loop_run(struct ui *ui, struct loop *loop);

/* --- ui_msg.c: the message line and its history --- */
/* Shows a message (error: highlighted) for at least 3 s or until the next key; the last 50
 * stay in the history (M). */
void ui_message(struct ui *ui, int error, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* --- ui_theme.c --- */
/* The attributes of a role in the theme in use (monochrome-safe). */
attr_t ui_attr(enum ui_color c);

/* --- ui_text.c: drawing text that is never cut without a marker --- */
/* Columns the UTF-8 text takes (one a code point: tapscope writes no wide characters). */
int ui_text_cols(const char *s);
/* Draws s at y,x in at most width columns, skipping its first skip columns; when text is cut
 * (either side) the cut edge shows an ellipsis. Returns the columns drawn. */
int ui_put(WINDOW *w, int y, int x, int width, const char *s, int skip);
/* A capture time as the local date and time with microseconds: "2023-11-14 22:13:20.000007". */
void ui_when(const struct timeval *tv, char *buf, size_t len);
/* A pane's next line: text at *y inside r (a column's margin each side) in attribute a, then
 * *y moves down; nothing once *y is past r's last row. */
void ui_put_line(WINDOW *w, int *y, struct ui_rect r, attr_t a, const char *text);
/* How many bytes of s fit in width columns, broken at a space when one is near, never
 * inside a UTF-8 sequence. */
int ui_wrap_len(const char *s, int width);
/* s as one word of a shell command line into out: as it is when nothing in it is special to a
 * shell, else in single quotes (a quote inside as '\''). Returns out. */
const char *ui_shell_word(const char *s, char *out, size_t len);
/* "…" on a UTF-8 terminal, "~" elsewhere; "→" or ">". */
const char *ui_ellipsis(void);
const char *ui_arrow(void);
void ui_text_set_utf8(int on);

#endif
