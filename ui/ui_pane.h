/* ui_pane.h — panes and overlays as tables of functions (after htop's PanelClass and sngrep's
 * panel vtable), named actions, and the manager that lays them out, focuses them and routes
 * keys and clicks to them through the key table (ui_keys.c).
 *
 * Adding a pane: write a struct pane_class (its name is the scope of its keys), add it with
 * mgr_add_pane() in ui_run() (ui.c), and its keys as rows of the key table with that scope.
 * The manager lays panes out by slot: SLOT_SIDE panes form the left column on wide terminals
 * (a strip on narrow ones, the whole body while focused); SLOT_MAIN panes stack top to bottom
 * in the order added, fixed ones taking rows() rows and the others sharing what is left by
 * weight; a pane given as another's `beside` shares its rows, on the right, cols() wide.
 * Adding an overlay (a modal box on top: prompt, form, help, confirm, messages): a struct
 * overlay_class, opened with mgr_push(); it lays itself out again each time it is drawn, so
 * a resize never leaves it broken. */
#ifndef TAPSCOPE_UI_PANE_H
#define TAPSCOPE_UI_PANE_H

#include "ui.h"

struct pane;
struct overlay;

/* A named action: what a key row, the coming lesson runner or console calls by name. target is
 * the pane or overlay whose action it is (NULL for the UI's global actions); arg is the rest of
 * the line ("down" in "move down"), never NULL. */
typedef enum ui_result (*ui_action_fn)(struct ui *ui, void *target, const char *arg);

struct ui_action {
	const char *name;
	ui_action_fn fn;
	const char *calls;	/* the core action (src/action.c) it ends in, or NULL */
};

enum pane_slot { SLOT_SIDE, SLOT_MAIN };

/* Movement every pane understands in its own way (the key table's "pane" scope). */
enum pane_move { MOVE_UP, MOVE_DOWN, MOVE_PGUP, MOVE_PGDN, MOVE_HOME, MOVE_END, MOVE_COUNT };

struct pane_class {
	const char *name;		/* "list": the scope of its keys */
	enum pane_slot slot;
	int weight;			/* > 0: shares the free rows by weight; 0: fixed, rows() */
	int focusable;
	int (*rows)(struct pane *p, int width);	/* a fixed pane's rows now (0: hidden) */
	int (*cols)(struct pane *p, int width);	/* a pane beside another: its columns (0: hidden) */
	void (*draw)(struct pane *p, WINDOW *w);	/* inside p->rect */
	enum ui_result (*nav)(struct pane *p, enum pane_move m);
	/* A click at row, col of its rect (row 0 is its title); wheel: dir -1 up, +1 down, else 0. */
	enum ui_result (*click)(struct pane *p, int row, int col, int wheel);
	void (*focus)(struct pane *p, int on);	/* got (1) or lost (0) the keyboard; may be NULL */
	void (*tick)(struct pane *p);		/* once a second (rates, clocks); may be NULL */
	const struct ui_action *actions;	/* ends with a NULL name; may be NULL */
	void (*free)(struct pane *p);		/* may be NULL */
};

struct pane {
	const struct pane_class *cls;
	struct ui *ui;
	void *state;
	struct pane *beside;		/* shares this pane's rows, on the right */
	struct pane *host;		/* the pane this one is beside, or NULL */
	struct ui_rect rect;		/* as laid out; h == 0: hidden now */
};

struct overlay_class {
	const char *name;		/* "help": the scope of its keys */
	void (*draw)(struct overlay *ov);	/* on its own panel, laid out from LINES and COLS */
	enum ui_result (*key)(struct overlay *ov, int ch);	/* keys no row of its scope holds */
	void (*hide)(struct overlay *ov);	/* the terminal is too small: hide its panel */
	const struct ui_action *actions;
	void (*free)(struct overlay *ov);	/* closes its windows and frees state */
};

struct overlay {
	const struct overlay_class *cls;
	struct ui *ui;
	void *state;
};

/* --- ui_mgr.c --- */
void mgr_init(struct ui *ui);
void mgr_free(struct ui *ui);
/* Adds a pane (the order of SLOT_MAIN panes is their order on screen); beside: the pane whose
 * rows it shares, or NULL. Returns the pane, or NULL when out of room. */
struct pane *mgr_add_pane(struct ui *ui, const struct pane_class *cls, void *state, struct pane *beside);
/* The first pane of that class, or NULL. */
struct pane *mgr_pane(const char *name);
struct pane *mgr_focused(void);
/* Gives p the keyboard (Tab order: main panes, their beside panes, then side panes). */
void mgr_focus(struct pane *p);
void mgr_focus_step(int dir);
/* Opens an overlay on top of the others; it gets every key until closed. */
struct overlay *mgr_push(struct ui *ui, const struct overlay_class *cls, void *state);
/* Closes ov (its free() runs) wherever it is in the stack. */
void mgr_close(struct overlay *ov);
struct overlay *mgr_top(void);
/* The open overlay of that class, or NULL. */
struct overlay *mgr_find_overlay(const char *name);
/* The rows a "scroll" action's argument moves: "page" or "-page" a page, "top" or "end" past either
 * end (the drawing clamps), "-..." a row up, else a row down. */
int mgr_scroll_rows(const char *arg, int page);
/* key() of a modal reading overlay (help, history): keys its table does not hold do nothing. */
enum ui_result mgr_modal_key(struct overlay *ov, int ch);
/* The "close" action of an overlay that only closes. */
enum ui_result mgr_act_close(struct ui *ui, void *target, const char *arg);
/* An overlay's centred h x w window on its own panel: made, or made again when the wanted size
 * changed, then placed in the middle and shown. 0, or -1 when out of memory (nothing to draw). */
int mgr_box_place(WINDOW **win, PANEL **panel, int h, int w);
/* Its hide() (the terminal is too small) and free(). */
void mgr_box_hide(PANEL *panel);
void mgr_box_free(WINDOW **win, PANEL **panel);

/* The key table's row a key press runs: the open overlay's (and nothing else), or the focused
 * pane's own, its movement, then the global one. NULL: the key does nothing there. */
struct ui_key;
const struct ui_key *mgr_lookup(int ch, const char *pane_scope, const char *overlay_scope);

void mgr_draw(struct ui *ui);
enum ui_result mgr_key(struct ui *ui, int ch);
/* The terminal changed size (SIGWINCH or KEY_RESIZE). */
void mgr_resize(struct ui *ui);
/* Once a second: every pane's tick. */
void mgr_tick(struct ui *ui);
/* Below 80x24 only a message is drawn. */
int mgr_too_small(void);
/* How many times the terminal has changed size: a window made before the last change may have
 * lost what ran past an edge that came in (ncurses cuts windows as the terminal shrinks). */
unsigned mgr_resizes(void);

/* Runs a named action line ("move down", "filter icmp", "echo on"): the target's own actions,
 * then the UI's (ui_actions.c), then the core's (src/action.c, message on the status line). */
enum ui_result mgr_run(struct ui *ui, void *target, const struct ui_action *target_actions, const char *line);

/* --- ui_actions.c: the UI's global actions --- */
const struct ui_action *ui_actions_global(void);
/* Runs a core action line and shows its answer; destructive ones ask y/n first when confirm. */
enum ui_result ui_core_run(struct ui *ui, const char *line, int confirm);
/* Ctrl-Z: the "suspend" action, anywhere and in a prompt (ui_term.h's term_suspend). */
enum ui_result ui_suspend(struct ui *ui, void *target, const char *arg);
/* q, F10, Ctrl-C with nothing to stop: UI_QUIT, or a question first while a save runs. */
enum ui_result ui_quit(struct ui *ui);
/* Starts an injection job from a spec (the core's inject action); remembers it for 'r'. */
int ui_inject(struct ui *ui, const char *spec);

#endif
