/* ui.h — the full-screen UI's shared state and the contract between its panes (after htop's Panel). */
#ifndef TAPSCOPE_UI_H
#define TAPSCOPE_UI_H

#include <stdint.h>
#include <curses.h>
#include <panel.h>

#include "decode.h"
#include "options.h"
#include "ring.h"
#include "session.h"
#include "ui_run.h"

/* What a key handler did; the manager acts on it. */
enum ui_result {
	UI_IGNORED,		/* not mine: try the next handler */
	UI_HANDLED,		/* done, nothing to redraw */
	UI_REDRAW,		/* done, the screen needs drawing */
	UI_QUIT,		/* end tapscope */
};

/* Colour pairs (monochrome: attributes only). */
enum ui_color {
	C_DEFAULT = 1, C_TITLE, C_FOCUS_TITLE, C_SELECTED, C_STATUS, C_ERROR, C_OK, C_WARN, C_DIM,
	C_ARP, C_ICMP, C_ICMP6, C_IP, C_UDP, C_TCP, C_DNS, C_OTHER, C_HILITE, C_KEY,
	C_COUNT
};

/* Which pane has the keyboard. */
enum ui_focus { FOCUS_LIST, FOCUS_TREE, FOCUS_HEX, FOCUS_NET, FOCUS_COUNT };

/* The frames the list shows: numbers of the ring's frames that pass the view filter. */
struct ui_view {
	uint64_t *nums;
	size_t start, len, cap;		/* nums[start .. start+len) */
};

struct ui {
	struct session *s;
	const struct options *o;
	struct ring *ring;
	struct ui_view view;
	struct bpf_filter *view_filter;	/* '/' filter on the view; NULL: all */
	char view_filter_text[256];

	/* frame list */
	size_t sel;			/* index into the view of the selected frame */
	size_t top;			/* first visible row */
	int follow;			/* keep the newest frame selected */
	int paused;			/* space: the view stands still, capture goes on */
	uint64_t paused_at;		/* frames after this number are hidden while paused */
	struct timeval t0;		/* time of the first frame: relative times */

	/* detail of the selected frame (decoded once per selection change) */
	uint64_t detail_num;		/* frame number decoded into detail, 0: none */
	struct decoded detail;
	int field;			/* selected node in the tree, -1: none */
	int tree_top;			/* first visible tree row */
	uint8_t collapsed[DECODE_MAX_FIELDS];	/* nodes whose children are hidden */
	int hex_top;			/* first visible hex row */
	int show_hex;			/* 'x' */

	/* status line: a message replaces the hints until the next key */
	char msg[256];
	int msg_error;

	enum ui_focus focus;
	int color;			/* colours in use */
	int utf8;			/* UTF-8 line drawing */
	int too_small;			/* below 80x24: only the message is drawn */
	int dirty;			/* something changed since the last draw */
	uint64_t last_draw_ns;
	int redraw_timer;

	/* netlink pane */
	int net_sel;			/* selected address row (for 'd') */
	uint64_t net_gen;		/* model generation last drawn */

	/* modal overlays: while one is open it gets every key first */
	void *prompt;			/* the one-line prompt's state (ui.c), NULL when closed */
	int help_open;
	int form_open;
	void *form;			/* the inject form's state (ui_form.c) */
	char last_spec[1024];		/* the last injected spec: 'r' repeats it */

	/* sparkline: frames per second over the last N seconds */
	uint32_t spark[64];
	uint64_t spark_frames_at_tick;
};

/* Layout rectangles: the manager computes them; panes draw inside. */
struct ui_rect { int y, x, h, w; };

/* --- ui.c: the manager --- */
/* Shows a message on the status line (error: highlighted) until the next key. */
void ui_message(struct ui *ui, int error, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* Marks the screen for drawing (at most 30 times a second). */
void ui_dirty(struct ui *ui);
/* The frame the list has selected, or NULL. */
const struct frame *ui_selected_frame(struct ui *ui);
/* Colour/attribute for an element, monochrome-safe. */
attr_t ui_attr(const struct ui *ui, enum ui_color c);
/* Asks for one line of text on the bottom line (form library), non-modal: the loop keeps
 * running, keys go to the prompt, and done(ui, text) is called on Enter (not on Esc). */
typedef void (*ui_prompt_fn)(struct ui *ui, const char *text);
void ui_prompt_open(struct ui *ui, const char *label, const char *initial, ui_prompt_fn done);
/* Injects a spec (parse + session_inject); messages go to the status line. Returns 0 or <0. */
int ui_inject_spec(struct ui *ui, const char *spec);

/* --- ui_list.c: the frame list --- */
void ui_list_draw(struct ui *ui, WINDOW *w, struct ui_rect r);
enum ui_result ui_list_key(struct ui *ui, int ch, int rows);
void ui_list_click(struct ui *ui, int row);

/* --- ui_net.c: the netlink pane --- */
void ui_net_draw(struct ui *ui, WINDOW *w, struct ui_rect r);
enum ui_result ui_net_key(struct ui *ui, int ch);

/* --- ui_detail.c: the field tree and the hex/ASCII dump of the selected frame --- */
/* Decodes the selected frame into ui->detail when the selection changed. */
void ui_detail_sync(struct ui *ui);
void ui_tree_draw(struct ui *ui, WINDOW *w, struct ui_rect r);
enum ui_result ui_tree_key(struct ui *ui, int ch, int rows);
void ui_hex_draw(struct ui *ui, WINDOW *w, struct ui_rect r);
enum ui_result ui_hex_key(struct ui *ui, int ch, int rows);
/* The explanation of the selected field for the status line, or NULL. */
const char *ui_detail_explain(struct ui *ui);

/* --- ui_form.c: the inject form (ncurses form library), non-modal for the loop --- */
void ui_form_open(struct ui *ui);
void ui_form_close(struct ui *ui);
void ui_form_draw(struct ui *ui);	/* draws on its own panel, centred */
enum ui_result ui_form_key(struct ui *ui, int ch);

/* --- ui_help.c: the help overlay --- */
void ui_help_draw(struct ui *ui);
enum ui_result ui_help_key(struct ui *ui, int ch);

#endif
