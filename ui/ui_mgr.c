/* ui_mgr.c — the pane manager (after htop's ScreenManager and sngrep's ui_manager): lays panes
 * out by slot, keeps the focus and the stack of overlays, and routes keys through the key table
 * (overlay first, then the focused pane's scope, its movement, then global keys) and clicks to
 * the pane under the pointer. */
#include "ui_panes.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "ui_keys.h"
#include "ui_msg.h"
#include "ui_status.h"
#include "ui_term.h"
#include "ui_theme.h"

#define MGR_PANES 16
#define MGR_OVERLAYS 8
#define MIN_COLS 80
#define MIN_ROWS 24
#define WIDE_COLS 120		/* from here side panes are a column of their own */
#define SIDE_MAX_W 44
#define STRIP_ROWS 4		/* a side pane on a narrow terminal, while not focused */

static struct pane panes[MGR_PANES];
static int npanes;
static struct overlay *stack[MGR_OVERLAYS];
static int nstack;
static struct pane *focused;
static int too_small;

void mgr_init(struct ui *ui)
{
	(void)ui;
	npanes = nstack = 0;
	focused = NULL;
}

void mgr_free(struct ui *ui)
{
	(void)ui;
	while (nstack)
		mgr_close(stack[nstack - 1]);
	for (int i = 0; i < npanes; i++)
		if (panes[i].cls->free)
			panes[i].cls->free(&panes[i]);
	npanes = 0;
	focused = NULL;
}

struct pane *mgr_add_pane(struct ui *ui, const struct pane_class *cls, void *state, struct pane *beside_of)
{
	struct pane *p;

	if (npanes == MGR_PANES)
		return NULL;
	p = &panes[npanes++];
	memset(p, 0, sizeof(*p));
	p->cls = cls;
	p->ui = ui;
	p->state = state;
	if (beside_of) {
		beside_of->beside = p;
		p->host = beside_of;
	}
	return p;
}

struct pane *mgr_pane(const char *name)
{
	for (int i = 0; i < npanes; i++)
		if (!strcmp(panes[i].cls->name, name))
			return &panes[i];
	return NULL;
}

struct pane *mgr_focused(void)
{
	return focused;
}

int mgr_too_small(void)
{
	return too_small;
}

static unsigned resizes;

unsigned mgr_resizes(void)
{
	return resizes;
}

void mgr_tick(struct ui *ui)
{
	for (int i = 0; i < npanes; i++)
		if (panes[i].cls->tick)
			panes[i].cls->tick(&panes[i]);
	ui_dirty(ui);
}

/* ---- layout ---- */

/* Whether p has something to show at this width (fixed and beside panes may have nothing). */
static int pane_wanted(struct pane *p, int width)
{
	if (p->host)
		return p->cls->cols && p->cls->cols(p, p->host->rect.w ? p->host->rect.w : width) > 0;
	if (p->cls->slot == SLOT_MAIN && !p->cls->weight)
		return p->cls->rows && p->cls->rows(p, width) > 0;
	return 1;
}

/* Stacks the main panes in rows [y, y+h) of columns [x, x+w). */
static void layout_main(int y, int h, int x, int w)
{
	int fixed = 0, weights = 0, nflex = 0, left, given = 0;

	for (int i = 0; i < npanes; i++) {
		struct pane *p = &panes[i];

		if (p->cls->slot != SLOT_MAIN || p->host)
			continue;
		if (p->cls->weight) {
			weights += p->cls->weight;
			nflex++;
		} else if (p->cls->rows) {
			int r = p->cls->rows(p, w);

			p->rect.h = r > 0 ? r : 0;
			fixed += p->rect.h;
		}
	}
	left = h - fixed;
	if (left < 4 * nflex)	/* fixed panes give way so each flexible one keeps 4 rows */
		left = 4 * nflex < h ? 4 * nflex : h;
	for (int i = 0, seen = 0; i < npanes; i++) {
		struct pane *p = &panes[i];

		if (p->cls->slot != SLOT_MAIN || p->host)
			continue;
		if (p->cls->weight) {
			seen++;
			p->rect.h = seen == nflex ? left - given : left * p->cls->weight / weights;
			given += p->rect.h;
		}
	}
	for (int i = 0; i < npanes; i++) {
		struct pane *p = &panes[i];

		if (p->cls->slot != SLOT_MAIN || p->host)
			continue;
		if (y + p->rect.h > LINES - 2)
			p->rect.h = LINES - 2 - y > 0 ? LINES - 2 - y : 0;
		p->rect.y = y;
		p->rect.x = x;
		p->rect.w = w;
		y += p->rect.h;
	}
}

/* A pane beside another takes its columns from the right of its host. */
static void layout_beside(void)
{
	for (int i = 0; i < npanes; i++) {
		struct pane *p = &panes[i], *h = p->host;
		int cols;

		if (!h)
			continue;
		p->rect = (struct ui_rect){ h->rect.y, 0, 0, 0 };
		cols = h->rect.h && p->cls->cols ? p->cls->cols(p, h->rect.w) : 0;
		if (cols <= 0 || cols > h->rect.w - 20)
			continue;
		h->rect.w -= cols;
		p->rect = (struct ui_rect){ h->rect.y, h->rect.x + h->rect.w, h->rect.h, cols };
	}
}

static void layout(void)
{
	int body_y = 1, body_h = LINES - 3, wide = COLS >= WIDE_COLS, side_w = 0, nside = 0, y;

	for (int i = 0; i < npanes; i++) {
		panes[i].rect = (struct ui_rect){ 0, 0, 0, 0 };
		if (panes[i].cls->slot == SLOT_SIDE)
			nside++;
	}
	if (!wide && focused && focused->cls->slot == SLOT_SIDE) {	/* a strip opened: the whole body */
		focused->rect = (struct ui_rect){ body_y, 0, body_h, COLS };
		return;
	}
	if (wide && nside) {
		side_w = COLS / 3 < SIDE_MAX_W ? COLS / 3 : SIDE_MAX_W;
		y = body_y;
		for (int i = 0, k = 0; i < npanes; i++) {
			if (panes[i].cls->slot != SLOT_SIDE)
				continue;
			k++;
			panes[i].rect = (struct ui_rect){ y, 0, k == nside ? body_y + body_h - y : body_h / nside, side_w };
			y += panes[i].rect.h;
		}
		layout_main(body_y, body_h, side_w, COLS - side_w);
	} else {
		y = body_y;
		for (int i = 0; i < npanes; i++) {
			if (panes[i].cls->slot != SLOT_SIDE)
				continue;
			panes[i].rect = (struct ui_rect){ y, 0, STRIP_ROWS, COLS };
			y += STRIP_ROWS;
		}
		layout_main(y, body_y + body_h - y, 0, COLS);
	}
	layout_beside();
}

/* ---- focus ---- */

/* Tab order: main panes top to bottom (each followed by the pane beside it), then side panes. */
static int tab_order(struct pane **order)
{
	int n = 0;

	for (int i = 0; i < npanes; i++) {
		struct pane *p = &panes[i];

		if (p->cls->slot != SLOT_MAIN || p->host)
			continue;
		order[n++] = p;
		if (p->beside)
			order[n++] = p->beside;
	}
	for (int i = 0; i < npanes; i++)
		if (panes[i].cls->slot == SLOT_SIDE)
			order[n++] = &panes[i];
	return n;
}

void mgr_focus(struct pane *p)
{
	if (p == focused || (p && !p->cls->focusable))
		return;
	if (focused && focused->cls->focus)
		focused->cls->focus(focused, 0);
	focused = p;
	if (p && p->cls->focus)
		p->cls->focus(p, 1);
	if (p)
		ui_dirty(p->ui);
}

void mgr_focus_step(int dir)
{
	struct pane *order[MGR_PANES];
	int n = tab_order(order), at = 0, strip_open = COLS < WIDE_COLS && focused && focused->cls->slot == SLOT_SIDE;

	for (int i = 0; i < n; i++)
		if (order[i] == focused)
			at = i;
	for (int step = 1; step <= n; step++) {
		struct pane *p = order[((at + dir * step) % n + n) % n];

		if (p->cls->focusable && pane_wanted(p, COLS) && (p->cls->slot == SLOT_SIDE || strip_open ||
								  (p->rect.h > 0 && p->rect.w > 0))) {
			mgr_focus(p);	/* a pane given no rows is skipped (a strip open whole hides them all) */
			return;
		}
	}
}

/* ---- overlays ---- */

struct overlay *mgr_push(struct ui *ui, const struct overlay_class *cls, void *state)
{
	struct overlay *ov;

	if (nstack == MGR_OVERLAYS || !(ov = calloc(1, sizeof(*ov))))
		return NULL;
	ov->cls = cls;
	ov->ui = ui;
	ov->state = state;
	stack[nstack++] = ov;
	ui_dirty(ui);
	return ov;
}

void mgr_close(struct overlay *ov)
{
	for (int i = 0; i < nstack; i++) {
		if (stack[i] != ov)
			continue;
		memmove(stack + i, stack + i + 1, (size_t)(nstack - i - 1) * sizeof(stack[0]));
		nstack--;
		ui_dirty(ov->ui);
		if (ov->cls->free)
			ov->cls->free(ov);
		free(ov);
		return;
	}
}

struct overlay *mgr_top(void)
{
	return nstack ? stack[nstack - 1] : NULL;
}

struct overlay *mgr_find_overlay(const char *name)
{
	for (int i = 0; i < nstack; i++)
		if (!strcmp(stack[i]->cls->name, name))
			return stack[i];
	return NULL;
}

/* ---- drawing ---- */

/* Two centred lines, or four shorter ones in a narrow split pane; an ellipsis where even they
 * do not fit. */
static void draw_too_small(WINDOW *screen)
{
	char size[64], wide[80];
	const char *narrow[] = { "tapscope needs a terminal", "of at least 80x24;", size, "q quits" };
	const char *two[] = { "tapscope needs a terminal of at least 80x24", wide };
	int is_wide = COLS >= (int)strlen(two[0]) + 2;
	const char **lines = is_wide ? two : narrow;
	int n = is_wide ? 2 : 4, top = (LINES - n) / 2 > 0 ? (LINES - n) / 2 : 0;

	snprintf(size, sizeof(size), "this one is %dx%d", COLS, LINES);
	snprintf(wide, sizeof(wide), "this one is %dx%d: make it larger (q quits)", COLS, LINES);
	werase(screen);
	for (int i = 0; i < n && top + i < LINES; i++) {
		int w = ui_text_cols(lines[i]);

		ui_put(screen, top + i, w < COLS ? (COLS - w) / 2 : 0, COLS, lines[i], 0);
	}
}

void mgr_draw(struct ui *ui)
{
	WINDOW *screen = term_screen();

	ui->dirty = 0;
	too_small = COLS < MIN_COLS || LINES < MIN_ROWS;
	if (too_small) {
		for (int i = 0; i < nstack; i++)
			if (stack[i]->cls->hide)
				stack[i]->cls->hide(stack[i]);
		curs_set(0);
		draw_too_small(screen);
		update_panels();
		doupdate();
		return;
	}
	layout();
	if (focused && (focused->rect.h <= 0 || focused->rect.w <= 0) && mgr_pane("list") && focused != mgr_pane("list"))
		mgr_focus(mgr_pane("list"));	/* its pane went (step mode ended, the console took the rows): keys must not act unseen */
	werase(screen);
	status_draw_title(ui, screen);
	for (int i = 0; i < npanes; i++)
		if (panes[i].rect.h > 0 && panes[i].rect.w > 0)
			panes[i].cls->draw(&panes[i], screen);
	status_draw(ui, screen, focused ? focused->cls->name : SCOPE_GLOBAL, nstack ? stack[nstack - 1]->cls->name : NULL);
	curs_set(0);
	for (int i = 0; i < nstack; i++)
		stack[i]->cls->draw(stack[i]);
	update_panels();
	doupdate();
}

void mgr_resize(struct ui *ui)
{
	struct winsize ws;

	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row && ws.ws_col &&
	    (ws.ws_row != LINES || ws.ws_col != COLS))
		resizeterm(ws.ws_row, ws.ws_col);
	resizes++;
	term_resize();
	ui_dirty(ui);
}

/* ---- keys ---- */

enum ui_result mgr_run(struct ui *ui, void *target, const struct ui_action *actions, const char *line)
{
	char name[32];
	size_t n = strcspn(line, " ");
	const char *arg = line + n;

	while (*arg == ' ')
		arg++;
	snprintf(name, sizeof(name), "%.*s", (int)n, line);
	for (const struct ui_action *a = actions; a && a->name; a++)
		if (!strcmp(a->name, name))
			return a->fn(ui, target, arg);
	if (!ui->s && keys_live_only(line)) {	/* the offline browser: no device to act on */
		ui_message(ui, 0, "%s: only on a live device, and this is a file", name);
		return UI_REDRAW;
	}
	for (const struct ui_action *a = ui_actions_global(); a->name; a++)
		if (!strcmp(a->name, name))
			return a->fn(ui, target, arg);
	return ui_core_run(ui, line, 1);
}

/* A key of another pane pressed here: say where it acts instead of acting. */
static enum ui_result elsewhere(struct ui *ui, int ch, const char *scope)
{
	const struct ui_key *k = keys_elsewhere(ch, scope);

	if (!k)
		return UI_HANDLED;
	if (!ui->s && !mgr_pane(k->scope)) {	/* the browser has no such pane: no device to act on */
		ui_message(ui, 0, "%s: only on a live device, and this is a file", k->name);
		return UI_REDRAW;
	}
	ui_message(ui, 0, "%s acts in %s (Shift-Tab or Tab moves there): %s", k->name, keys_scope_title(k->scope), k->help);
	return UI_REDRAW;
}

static struct pane *pane_at(int y, int x)
{
	for (int i = 0; i < npanes; i++) {
		struct ui_rect r = panes[i].rect;

		if (r.h > 0 && y >= r.y && y < r.y + r.h && x >= r.x && x < r.x + r.w)
			return &panes[i];
	}
	return NULL;
}

static enum ui_result mouse(void)
{
	MEVENT ev;
	struct pane *p;
	int wheel;

	if (getmouse(&ev) != OK || too_small || nstack)
		return UI_HANDLED;	/* an open overlay keeps the keyboard and the mouse */
	wheel = ev.bstate & BUTTON4_PRESSED ? -1 : (ev.bstate & BUTTON5_PRESSED) ? 1 : 0;
	if (!wheel && !(ev.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED)))
		return UI_HANDLED;
	p = pane_at(ev.y, ev.x);
	if (!p)
		return UI_HANDLED;
	if (!wheel)
		mgr_focus(p);
	if (p->cls->click)
		p->cls->click(p, ev.y - p->rect.y, ev.x - p->rect.x, wheel);
	return UI_REDRAW;
}

const struct ui_key *mgr_lookup(int ch, const char *pane_scope, const char *overlay_scope)
{
	const struct ui_key *k;

	if (overlay_scope)
		return keys_find(ch, overlay_scope);	/* an overlay is modal: nothing below it */
	if (pane_scope && (k = keys_find(ch, pane_scope)))
		return k;
	if (pane_scope && (k = keys_find(ch, SCOPE_PANE)))
		return k;
	return keys_find(ch, SCOPE_GLOBAL);
}

enum ui_result mgr_key(struct ui *ui, int ch)
{
	struct overlay *ov = mgr_top();
	const struct ui_key *k;
	const char *scope;

	if (ch == KEY_RESIZE) {
		mgr_resize(ui);
		return UI_REDRAW;
	}
	if (ch == KEY_MOUSE)
		return mouse();
	msg_key();
	if (too_small)
		return ch == 'q' || ch == KEY_F(10) || ch == 3 ? UI_QUIT : UI_REDRAW;
	if (ov) {
		if ((k = mgr_lookup(ch, NULL, ov->cls->name)))
			return mgr_run(ui, ov, ov->cls->actions, k->action);
		return ov->cls->key ? ov->cls->key(ov, ch) : UI_HANDLED;
	}
	scope = focused ? focused->cls->name : SCOPE_GLOBAL;
	k = mgr_lookup(ch, focused ? scope : NULL, NULL);
	if (!k)
		return elsewhere(ui, ch, scope);
	if (!strcmp(k->scope, SCOPE_GLOBAL))
		return mgr_run(ui, NULL, NULL, k->action);
	return mgr_run(ui, focused, focused->cls->actions, k->action);
}

void pane_title(struct pane *p, WINDOW *w, const char *text)
{
	wattrset(w, ui_attr(focused == p ? C_FOCUS_TITLE : C_TITLE));
	mvwhline(w, p->rect.y, p->rect.x, ' ', p->rect.w);
	ui_put(w, p->rect.y, p->rect.x, p->rect.w, text, 0);
	wattrset(w, A_NORMAL);
}

int mgr_scroll_rows(const char *arg, int page)
{
	if (!strcmp(arg, "page"))
		return page;
	if (!strcmp(arg, "-page"))
		return -page;
	if (!strcmp(arg, "top") || !strcmp(arg, "end"))	/* past either end: the drawing clamps it */
		return arg[0] == 't' ? -(1 << 24) : 1 << 24;
	return arg[0] == '-' ? -1 : 1;
}

enum ui_result mgr_modal_key(struct overlay *ov, int ch)
{
	(void)ov;
	(void)ch;
	return UI_HANDLED;
}

enum ui_result mgr_act_close(struct ui *ui, void *target, const char *arg)
{
	(void)ui;
	(void)arg;
	mgr_close(target);
	return UI_REDRAW;
}

int mgr_box_place(WINDOW **win, PANEL **panel, int h, int w)
{
	if (*win && (getmaxy(*win) != h || getmaxx(*win) != w))
		mgr_box_free(win, panel);
	if (!*win) {
		if (!(*win = newwin(h, w, (LINES - h) / 2, (COLS - w) / 2)))
			return -1;
		*panel = new_panel(*win);
		wbkgd(*win, theme_background());
	}
	move_panel(*panel, (LINES - h) / 2, (COLS - w) / 2);
	show_panel(*panel);
	return 0;
}

void mgr_box_hide(PANEL *panel)
{
	if (panel)
		hide_panel(panel);
}

void mgr_box_free(WINDOW **win, PANEL **panel)
{
	if (*panel)
		del_panel(*panel);
	if (*win)
		delwin(*win);
	*panel = NULL;
	*win = NULL;
}
