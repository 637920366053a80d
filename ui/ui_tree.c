/* ui_tree.c — the field tree pane: the selected frame's fields (Wireshark-style, collapsible),
 * each with its display-filter name; focusing it keeps it on its frame while the list follows. */
#include "ui_panes.h"

#include <stdio.h>
#include <string.h>

#include "ui_classroom.h"
#include "ui_detail.h"

/* Fills vis with the visible nodes in order (a collapsed node's subtree and hidden fields are skipped). */
static int tree_visible(const struct ui_detail *dt, int *vis)
{
	const struct decoded *d = &dt->d;
	int n = 0, count = dt->num ? decode_count(d) : 0;

	for (int i = 0; i < count;) {
		int depth = decode_depth(d, i);

		if (decode_field(d, i)->flags & FIELD_HIDDEN) {	/* as Wireshark's tree: not a row */
			i++;
			continue;
		}
		vis[n++] = i;
		if (!dt->collapsed[i]) {
			i++;
			continue;
		}
		for (i++; i < count && decode_depth(d, i) > depth; i++)
			;
	}
	return n;
}

static int row_of(const int *vis, int n, int field)
{
	for (int r = 0; r < n; r++)
		if (vis[r] == field)
			return r;
	return -1;
}

/* Keeps the selected row between tree_top and tree_top + rows - 1. */
static void tree_scroll(struct ui_detail *dt, int row, int n, int rows)
{
	if (rows < 1)
		rows = 1;
	if (row >= 0 && row < dt->tree_top)
		dt->tree_top = row;
	if (row >= dt->tree_top + rows)
		dt->tree_top = row - rows + 1;
	if (dt->tree_top > n - rows)
		dt->tree_top = n - rows;
	if (dt->tree_top < 0)
		dt->tree_top = 0;
}

static attr_t node_attr(const struct ui_detail *dt, int i)
{
	const struct field *f = decode_field(&dt->d, i);

	if (f->def->type == FT_EXPERT || (f->def->type == FT_CSUM && (f->value & 0xff) == CSUM_BAD))
		return ui_attr(C_WARN);
	if (f->def->type == FT_PROTO)
		return A_BOLD;
	return A_NORMAL;
}

static void draw_node(struct pane *p, WINDOW *w, int y, int i)
{
	struct ui_detail *dt = p->ui->detail;
	const struct decoded *d = &dt->d;
	const struct field *f = decode_field(d, i);
	struct ui_rect r = p->rect;
	int focused = mgr_focused() == p, selected = i == dt->field;
	int x = r.x + 1 + 2 * decode_depth(d, i), avail, used, n;
	const char *name = decode_name(d, i);
	char text[600];

	n = f->def->type == FT_PROTO || f->def->type == FT_GROUP ? 0 :
	    snprintf(text, sizeof(text), "%s: ", decode_label(d, i));
	if (predict_hides_field(p->ui, i))	/* predict mode: the name stays (not a later layer's), the value waits */
		snprintf(text + n, sizeof(text) - (size_t)n, "%s",
			 n || predict_hides_name(p->ui, i) ? "?" : decode_label(d, i));
	else
		decode_text(d, i, text + n, sizeof(text) - (size_t)n);
	wattrset(w, selected ? (focused ? ui_attr(C_SELECTED) : ui_attr(C_DIM) | A_REVERSE) : node_attr(dt, i));
	mvwhline(w, y, r.x, ' ', r.w);
	if (x > r.x + r.w - 4)
		x = r.x + r.w - 4 > r.x ? r.x + r.w - 4 : r.x;
	if (detail_has_children(d, i))
		mvwaddstr(w, y, x, p->ui->utf8 ? (dt->collapsed[i] ? "\xe2\x96\xb8" : "\xe2\x96\xbe") :
			  (dt->collapsed[i] ? "+" : "-"));
	avail = r.x + r.w - 1 - (x + 2);	/* the last column stays blank: a gutter */
	used = ui_put(w, y, x + 2, avail, text, 0);
	if (predict_hides_name(p->ui, i))
		return;		/* "arp" would say it too */
	n = (int)strlen(name);
	if (used + 2 + n > avail) {	/* the name does not fit beside the text: shown on the selected row only */
		if (!selected || avail < n + 12)
			return;
		mvwhline(w, y, x + 2, ' ', avail);
		ui_put(w, y, x + 2, avail - n - 2, text, 0);	/* cut, with its marker */
	}
	if (!selected)
		wattrset(w, ui_attr(C_DIM));
	mvwaddstr(w, y, r.x + r.w - 1 - n, name);
	wattrset(w, A_NORMAL);
}

static void tree_draw(struct pane *p, WINDOW *w)
{
	struct ui_detail *dt = p->ui->detail;
	struct ui_rect r = p->rect;
	int vis[DECODE_MAX_FIELDS], n = tree_visible(dt, vis), rows = r.h - 1;
	char title[200], when[64];

	if (dt->num) {	/* its date and time to the microsecond (the list shows times since the first),
			 * the time alone where the date would not fit */
		ui_when(&dt->frame.ts, when, sizeof(when));
		for (int date = 1; date >= 0; date--) {
			snprintf(title, sizeof(title), " Fields  frame %llu%s%s  %s", (unsigned long long)dt->num,
				 dt->pinned ? "  (kept: F follows)" : "",
				 dt->d.overflow ? "  (too many fields: the rest are not shown)" : "",
				 date || !strchr(when, ' ') ? when : strchr(when, ' ') + 1);
			if (ui_text_cols(title) + 2 <= r.w)
				break;
		}
	}
	else
		snprintf(title, sizeof(title), " Fields");
	pane_title(p, w, title);
	if (!dt->num) {
		wattrset(w, ui_attr(C_DIM));
		if (rows > 0)
			ui_put(w, r.y + 1, r.x + 1, r.w - 2, "no frame selected", 0);
		wattrset(w, A_NORMAL);
		return;
	}
	tree_scroll(dt, row_of(vis, n, dt->field), n, rows);
	for (int row = 0; row < rows && dt->tree_top + row < n; row++)
		draw_node(p, w, r.y + 1 + row, vis[dt->tree_top + row]);
}

/* Moves the selection to visible row `row` (clamped). */
static void tree_goto(struct ui_detail *dt, const int *vis, int n, int row)
{
	if (row >= n)
		row = n - 1;
	if (row < 0)
		row = 0;
	if (n > 0)
		dt->field = vis[row];
}

static enum ui_result tree_move(struct pane *p, enum pane_move m)
{
	struct ui_detail *dt = p->ui->detail;
	int vis[DECODE_MAX_FIELDS], n = tree_visible(dt, vis), row = row_of(vis, n, dt->field);
	int rows = p->rect.h > 2 ? p->rect.h - 1 : 1;

	if (!dt->num)
		return UI_HANDLED;
	dt->pinned = 1;
	switch (m) {
	case MOVE_UP: tree_goto(dt, vis, n, row - 1); break;
	case MOVE_DOWN: tree_goto(dt, vis, n, row + 1); break;
	case MOVE_PGUP: tree_goto(dt, vis, n, row - rows); break;
	case MOVE_PGDN: tree_goto(dt, vis, n, row + rows); break;
	case MOVE_HOME: tree_goto(dt, vis, n, 0); break;
	case MOVE_END: tree_goto(dt, vis, n, n - 1); break;
	case MOVE_COUNT: break;
	}
	tree_scroll(dt, row_of(vis, n, dt->field), n, rows);
	return UI_REDRAW;
}

static enum ui_result tree_click(struct pane *p, int row, int col, int wheel)
{
	struct ui_detail *dt = p->ui->detail;
	int vis[DECODE_MAX_FIELDS], n = tree_visible(dt, vis), i;

	if (wheel)
		return tree_move(p, wheel < 0 ? MOVE_UP : MOVE_DOWN);
	if (row < 1 || !dt->num || dt->tree_top + row - 1 >= n)
		return UI_HANDLED;
	i = vis[dt->tree_top + row - 1];
	dt->field = i;
	dt->pinned = 1;
	if (detail_has_children(&dt->d, i) && col >= 1 + 2 * decode_depth(&dt->d, i) &&
	    col <= 2 + 2 * decode_depth(&dt->d, i))	/* on the fold marker */
		dt->collapsed[i] = !dt->collapsed[i];
	return UI_REDRAW;
}

static void tree_focus(struct pane *p, int on)
{
	if (on && p->ui->detail->num)
		p->ui->detail->pinned = 1;
}

static int set_all(struct ui_detail *dt, uint8_t collapsed)
{
	int changed = 0;

	for (int i = 0; i < decode_count(&dt->d); i++) {
		if (detail_has_children(&dt->d, i) && dt->collapsed[i] != collapsed) {
			dt->collapsed[i] = collapsed;
			changed = 1;
		}
	}
	return changed;
}

static struct ui_detail *sel_detail(struct ui *ui)
{
	struct ui_detail *dt = ui->detail;

	return dt->num && dt->field >= 0 ? dt : NULL;
}

static enum ui_result act_toggle(struct ui *ui, void *target, const char *arg)
{
	struct ui_detail *dt = sel_detail(ui);

	(void)target;
	(void)arg;
	if (!dt || !detail_has_children(&dt->d, dt->field))
		return UI_HANDLED;
	dt->collapsed[dt->field] = !dt->collapsed[dt->field];
	return UI_REDRAW;
}

static enum ui_result act_expand(struct ui *ui, void *target, const char *arg)
{
	struct ui_detail *dt = sel_detail(ui);

	(void)target;
	(void)arg;
	if (!dt || !detail_has_children(&dt->d, dt->field))
		return UI_HANDLED;
	dt->collapsed[dt->field] = 0;
	return UI_REDRAW;
}

/* Closes the node, or when it is closed already (or a leaf) moves to its parent. */
static enum ui_result act_collapse(struct ui *ui, void *target, const char *arg)
{
	struct ui_detail *dt = sel_detail(ui);
	int i;

	(void)target;
	(void)arg;
	if (!dt)
		return UI_HANDLED;
	i = dt->field;
	if (detail_has_children(&dt->d, i) && !dt->collapsed[i])
		dt->collapsed[i] = 1;
	else if (decode_parent(&dt->d, i) >= 0)
		dt->field = decode_parent(&dt->d, i);
	return UI_REDRAW;
}

static enum ui_result act_expand_all(struct ui *ui, void *target, const char *arg)
{
	struct ui_detail *dt = sel_detail(ui);

	(void)target;
	(void)arg;
	return dt && set_all(dt, 0) ? UI_REDRAW : UI_HANDLED;
}

static enum ui_result act_collapse_all(struct ui *ui, void *target, const char *arg)
{
	struct ui_detail *dt = sel_detail(ui);

	(void)target;
	(void)arg;
	if (!dt)
		return UI_HANDLED;
	while (decode_parent(&dt->d, dt->field) >= 0)
		dt->field = decode_parent(&dt->d, dt->field);
	set_all(dt, 1);
	return UI_REDRAW;
}

static const struct ui_action tree_actions[] = {
	{ "toggle", act_toggle, NULL },
	{ "expand", act_expand, NULL },
	{ "collapse", act_collapse, NULL },
	{ "expand-all", act_expand_all, NULL },
	{ "collapse-all", act_collapse_all, NULL },
	{ NULL, NULL, NULL },
};

const struct pane_class tree_pane = {
	.name = "tree", .slot = SLOT_MAIN, .weight = 55, .focusable = 1,
	.draw = tree_draw, .nav = tree_move, .click = tree_click, .focus = tree_focus,
	.actions = tree_actions,
};
