/* ui_detail.c — the selected frame's field tree (Wireshark-style, collapsible) and its hex/ASCII dump. */
#include "ui.h"

#include <stdio.h>
#include <string.h>

#define KEEP_MAX 64		/* expand/collapse choices carried from one frame to the next */

/* What the user chose in the previous frame's tree, re-applied by field name to the next one,
 * so following live traffic does not throw away the selection or the expanded nodes. */
struct keep {
	const char *sel_name;
	int n;
	struct { const char *name; uint8_t collapsed; } node[KEEP_MAX];
};

/* The hex pane scrolls to the selected field once per change of frame or field, then leaves
 * the scrolling to the user: one UI per process, so this lives here and not in struct ui. */
static uint64_t hex_seen_num;
static int hex_seen_field = -2;

static int node_has_children(const struct decoded *d, int i)
{
	return i + 1 < decode_count(d) && decode_parent(d, i + 1) == i;
}

/* The default: protocol layers open one level, everything deeper closed (like Wireshark's
 * first expansion of a layer). */
static int default_collapsed(const struct decoded *d, int i)
{
	return decode_depth(d, i) > 0 && node_has_children(d, i);
}

static void keep_save(const struct ui *ui, struct keep *k)
{
	const struct decoded *d = &ui->detail;

	memset(k, 0, sizeof(*k));
	if (!ui->detail_num)
		return;
	if (ui->field >= 0 && ui->field < decode_count(d))
		k->sel_name = decode_name(d, ui->field);
	for (int i = 0; i < decode_count(d) && k->n < KEEP_MAX; i++) {
		if (!node_has_children(d, i) || ui->collapsed[i] == default_collapsed(d, i))
			continue;
		k->node[k->n].name = decode_name(d, i);
		k->node[k->n++].collapsed = ui->collapsed[i];
	}
}

static int find_name(const struct decoded *d, const char *name)
{
	for (int i = 0; name && i < decode_count(d); i++)
		if (decode_name(d, i) == name)	/* names live at one address each (decode.h) */
			return i;
	return -1;
}

static void keep_apply(struct ui *ui, const struct keep *k)
{
	const struct decoded *d = &ui->detail;
	int i;

	for (int j = 0; j < k->n; j++)
		if ((i = find_name(d, k->node[j].name)) >= 0)
			ui->collapsed[i] = k->node[j].collapsed;
	ui->field = decode_count(d) > 0 ? 0 : -1;
	if ((i = find_name(d, k->sel_name)) < 0)
		return;
	ui->field = i;
	for (int p = decode_parent(d, i); p >= 0; p = decode_parent(d, p))
		ui->collapsed[p] = 0;
}

void ui_detail_sync(struct ui *ui)
{
	const struct frame *f = ui_selected_frame(ui);
	struct keep k;

	if (!f) {
		ui->detail_num = 0;
		ui->field = -1;
		return;
	}
	if (f->number == ui->detail_num)
		return;
	keep_save(ui, &k);
	decode_frame(&ui->detail, f);
	ui->detail_num = f->number;
	ui->tree_top = 0;
	ui->hex_top = 0;
	memset(ui->collapsed, 0, sizeof(ui->collapsed));
	for (int i = 0; i < decode_count(&ui->detail); i++)
		ui->collapsed[i] = (uint8_t)default_collapsed(&ui->detail, i);
	keep_apply(ui, &k);
}

/* ---- the tree ---- */

/* Fills vis with the visible nodes in order (a collapsed node's subtree is skipped). */
static int tree_visible(const struct ui *ui, int *vis)
{
	const struct decoded *d = &ui->detail;
	int n = 0, count = ui->detail_num ? decode_count(d) : 0;

	for (int i = 0; i < count;) {
		int depth = decode_depth(d, i);

		vis[n++] = i;
		if (!ui->collapsed[i]) {
			i++;
			continue;
		}
		for (i++; i < count && decode_depth(d, i) > depth; i++)
			;
	}
	return n;
}

static int tree_row_of(const int *vis, int n, int field)
{
	for (int r = 0; r < n; r++)
		if (vis[r] == field)
			return r;
	return -1;
}

/* Keeps the selected row between tree_top and tree_top + rows - 1. */
static void tree_scroll(struct ui *ui, int row, int n, int rows)
{
	if (rows < 1)
		rows = 1;
	if (row >= 0 && row < ui->tree_top)
		ui->tree_top = row;
	if (row >= ui->tree_top + rows)
		ui->tree_top = row - rows + 1;
	if (ui->tree_top > n - rows)
		ui->tree_top = n - rows;
	if (ui->tree_top < 0)
		ui->tree_top = 0;
}

static void pane_title(struct ui *ui, WINDOW *w, struct ui_rect r, int focused, const char *text)
{
	wattrset(w, ui_attr(ui, focused ? C_FOCUS_TITLE : C_TITLE));
	mvwhline(w, r.y, r.x, ' ', r.w);
	mvwaddnstr(w, r.y, r.x, text, r.w);
	wattrset(w, A_NORMAL);
}

static attr_t tree_node_attr(const struct ui *ui, int i)
{
	const struct field *f = decode_field(&ui->detail, i);

	if (f->def->type == FT_EXPERT || (f->def->type == FT_CSUM && (f->value & 0xff) == CSUM_BAD))
		return ui_attr(ui, C_WARN);
	if (f->def->type == FT_PROTO)
		return A_BOLD;
	return A_NORMAL;
}

static void tree_draw_row(struct ui *ui, WINDOW *w, int y, struct ui_rect r, int i)
{
	const struct decoded *d = &ui->detail;
	const struct field *f = decode_field(d, i);
	int selected = i == ui->field, x = r.x + 1 + 2 * decode_depth(d, i), used;
	attr_t base = selected ? ui_attr(ui, ui->focus == FOCUS_TREE ? C_SELECTED : C_DIM) |
				(ui->focus == FOCUS_TREE ? 0 : A_REVERSE) : tree_node_attr(ui, i);
	const char *name = decode_name(d, i);
	char text[512];
	int n;

	n = f->def->type == FT_PROTO || f->def->type == FT_GROUP ? 0 :
	    snprintf(text, sizeof(text), "%s: ", decode_label(d, i));
	decode_text(d, i, text + n, sizeof(text) - (size_t)n);
	wattrset(w, base);
	mvwhline(w, y, r.x, ' ', r.w);
	if (x >= r.x + r.w - 2)
		x = r.x + r.w - 2 > r.x ? r.x + r.w - 2 : r.x;
	if (node_has_children(d, i))
		mvwaddstr(w, y, x, ui->utf8 ? (ui->collapsed[i] ? "\xe2\x96\xb8" : "\xe2\x96\xbe") :
			  (ui->collapsed[i] ? "+" : "-"));
	used = x + 2 - r.x;
	if (used >= r.w - 1)
		return;
	mvwaddnstr(w, y, x + 2, text, r.w - 1 - used);	/* the last column stays blank: a gutter */
	used += (int)strlen(text);
	n = (int)strlen(name);
	if (used + 2 + n > r.w - 1)
		return;
	if (!selected)
		wattrset(w, ui_attr(ui, C_DIM));
	mvwaddstr(w, y, r.x + r.w - 1 - n, name);
	wattrset(w, A_NORMAL);
}

void ui_tree_draw(struct ui *ui, WINDOW *w, struct ui_rect r)
{
	int vis[DECODE_MAX_FIELDS], n, rows = r.h - 1;
	char title[128];

	if (r.h < 1 || r.w < 1)
		return;
	ui_detail_sync(ui);
	n = tree_visible(ui, vis);
	if (ui->detail_num)
		snprintf(title, sizeof(title), " Fields  frame %llu%s", (unsigned long long)ui->detail_num,
			 ui->detail.overflow ? "  (too many fields: the rest are not shown)" : "");
	else
		snprintf(title, sizeof(title), " Fields");
	pane_title(ui, w, r, ui->focus == FOCUS_TREE, title);
	if (!ui->detail_num) {
		wattrset(w, ui_attr(ui, C_DIM));
		if (rows > 0)
			mvwaddnstr(w, r.y + 1, r.x + 1, "no frame selected", r.w - 1);
		wattrset(w, A_NORMAL);
		return;
	}
	tree_scroll(ui, tree_row_of(vis, n, ui->field), n, rows);
	for (int row = 0; row < rows && ui->tree_top + row < n; row++)
		tree_draw_row(ui, w, r.y + 1 + row, r, vis[ui->tree_top + row]);
}

/* Closes node i, or when it is closed already (or a leaf) moves to its parent. */
static int tree_left(struct ui *ui)
{
	int i = ui->field;

	if (node_has_children(&ui->detail, i) && !ui->collapsed[i]) {
		ui->collapsed[i] = 1;
		return 1;
	}
	if (decode_parent(&ui->detail, i) < 0)
		return 0;
	ui->field = decode_parent(&ui->detail, i);
	return 1;
}

static int tree_set_all(struct ui *ui, uint8_t collapsed)
{
	int changed = 0;

	for (int i = 0; i < decode_count(&ui->detail); i++) {
		if (node_has_children(&ui->detail, i) && ui->collapsed[i] != collapsed) {
			ui->collapsed[i] = collapsed;
			changed = 1;
		}
	}
	return changed;
}

/* Moves the selection to visible row `row` (clamped). */
static int tree_goto(struct ui *ui, const int *vis, int n, int row)
{
	if (row >= n)
		row = n - 1;
	if (row < 0)
		row = 0;
	if (vis[row] == ui->field)
		return 0;
	ui->field = vis[row];
	return 1;
}

/* Keys that open or close nodes; -1 when ch is not one of them. */
static int tree_fold_key(struct ui *ui, int ch)
{
	int i = ui->field, kids = node_has_children(&ui->detail, i);

	switch (ch) {
	case '\n': case '\r': case KEY_ENTER: case ' ':
		if (!kids)
			return 0;
		ui->collapsed[i] = !ui->collapsed[i];
		return 1;
	case KEY_RIGHT: case 'l': case '+':
		if (!kids || !ui->collapsed[i])
			return 0;
		ui->collapsed[i] = 0;
		return 1;
	case KEY_LEFT: case 'h':
		return tree_left(ui);
	case '-':
		while (decode_parent(&ui->detail, ui->field) >= 0)
			ui->field = decode_parent(&ui->detail, ui->field);
		return tree_set_all(ui, 1) | (ui->field != i);
	case '*':
		return tree_set_all(ui, 0);
	}
	return -1;
}

enum ui_result ui_tree_key(struct ui *ui, int ch, int rows)
{
	int vis[DECODE_MAX_FIELDS], n, row, changed;

	ui_detail_sync(ui);
	if (!ui->detail_num || ui->field < 0)
		return UI_IGNORED;
	if ((changed = tree_fold_key(ui, ch)) >= 0)
		return changed ? UI_REDRAW : UI_HANDLED;
	n = tree_visible(ui, vis);
	row = tree_row_of(vis, n, ui->field);
	if (rows < 1)
		rows = 1;
	switch (ch) {
	case KEY_UP: case 'k': changed = tree_goto(ui, vis, n, row - 1); break;
	case KEY_DOWN: case 'j': changed = tree_goto(ui, vis, n, row + 1); break;
	case KEY_PPAGE: changed = tree_goto(ui, vis, n, row - rows); break;
	case KEY_NPAGE: changed = tree_goto(ui, vis, n, row + rows); break;
	case KEY_HOME: case 'g': changed = tree_goto(ui, vis, n, 0); break;
	case KEY_END: case 'G': changed = tree_goto(ui, vis, n, n - 1); break;
	default: return UI_IGNORED;
	}
	tree_scroll(ui, tree_row_of(vis, n, ui->field), n, rows);
	return changed ? UI_REDRAW : UI_HANDLED;
}

/* ---- the hex dump ---- */

static int hex_per_row(int width)
{
	return width >= 4 + 2 + 16 * 3 + 1 + 16 ? 16 : 8;
}

static int hex_total_rows(const struct ui *ui, int bpr)
{
	return ui->detail_num ? (int)((ui->detail.caplen + (uint32_t)bpr - 1) / (uint32_t)bpr) : 0;
}

static void hex_clamp(struct ui *ui, int bpr, int rows)
{
	int total = hex_total_rows(ui, bpr);

	if (ui->hex_top > total - rows)
		ui->hex_top = total - rows;
	if (ui->hex_top < 0)
		ui->hex_top = 0;
}

/* Once per new field or frame: scroll so the field's first bytes (and as many more as fit) show. */
static void hex_follow(struct ui *ui, int bpr, int rows)
{
	int first, last;

	if (hex_seen_num == ui->detail_num && hex_seen_field == ui->field)
		return;
	hex_seen_num = ui->detail_num;
	hex_seen_field = ui->field;
	if (ui->field < 0 || !decode_length(&ui->detail, ui->field))
		return;
	first = (int)(decode_offset(&ui->detail, ui->field) / (uint32_t)bpr);
	last = (int)((decode_offset(&ui->detail, ui->field) + decode_length(&ui->detail, ui->field) - 1) /
		     (uint32_t)bpr);
	if (last >= ui->hex_top + rows)
		ui->hex_top = last - rows + 1;
	if (first < ui->hex_top)
		ui->hex_top = first;
}

static int hex_in_field(const struct ui *ui, uint32_t off)
{
	uint32_t start, len;

	if (ui->field < 0)
		return 0;
	start = decode_offset(&ui->detail, ui->field);
	len = decode_length(&ui->detail, ui->field);
	return off >= start && off - start < len;
}

static void hex_draw_row(struct ui *ui, WINDOW *w, int y, struct ui_rect r, int line, int bpr)
{
	const uint8_t *p = ui->detail.data;
	uint32_t caplen = ui->detail.caplen, base = (uint32_t)line * (uint32_t)bpr;
	int ascii_x = r.x + 6 + bpr * 3 + (bpr > 8 ? 1 : 0) + 1;
	attr_t hi = ui_attr(ui, C_HILITE);
	char cell[8];

	snprintf(cell, sizeof(cell), "%04x", base & 0xffff);
	wattrset(w, ui_attr(ui, C_DIM));
	mvwaddnstr(w, y, r.x, cell, r.w);
	for (int k = 0; k < bpr && base + (uint32_t)k < caplen; k++) {
		uint32_t off = base + (uint32_t)k;
		int x = r.x + 6 + k * 3 + (k >= 8 ? 1 : 0), on = hex_in_field(ui, off);
		int c = p[off];

		snprintf(cell, sizeof(cell), "%02x", c);
		wattrset(w, on ? hi : A_NORMAL);
		if (x + 2 <= r.x + r.w)
			mvwaddstr(w, y, x, cell);
		if (on && k + 1 < bpr && k != 7 && hex_in_field(ui, off + 1) && x + 3 <= r.x + r.w)
			mvwaddch(w, y, x + 2, ' ');	/* one band across the field's bytes */
		if (ascii_x + k < r.x + r.w)
			mvwaddch(w, y, ascii_x + k, c >= 0x20 && c < 0x7f ? (chtype)c : '.');
	}
	wattrset(w, A_NORMAL);
}

static void hex_title(struct ui *ui, WINDOW *w, struct ui_rect r)
{
	char title[128];
	int n = 0;

	if (!ui->detail_num) {
		pane_title(ui, w, r, ui->focus == FOCUS_HEX, " Bytes");
		return;
	}
	n = snprintf(title, sizeof(title), " Bytes  %u", ui->detail.caplen);
	if (ui->detail.len != ui->detail.caplen)
		n += snprintf(title + n, sizeof(title) - (size_t)n, " of %u", ui->detail.len);
	if (ui->field >= 0 && decode_length(&ui->detail, ui->field))
		snprintf(title + n, sizeof(title) - (size_t)n, "  %s @%u+%u", decode_name(&ui->detail, ui->field),
			 decode_offset(&ui->detail, ui->field), decode_length(&ui->detail, ui->field));
	pane_title(ui, w, r, ui->focus == FOCUS_HEX, title);
}

void ui_hex_draw(struct ui *ui, WINDOW *w, struct ui_rect r)
{
	int bpr = hex_per_row(r.w), rows = r.h - 1, total;

	if (r.h < 1 || r.w < 1)
		return;
	ui_detail_sync(ui);
	hex_title(ui, w, r);
	if (!ui->detail_num)
		return;
	hex_follow(ui, bpr, rows);
	hex_clamp(ui, bpr, rows);
	total = hex_total_rows(ui, bpr);
	for (int row = 0; row < rows && ui->hex_top + row < total; row++)
		hex_draw_row(ui, w, r.y + 1 + row, r, ui->hex_top + row, bpr);
}

enum ui_result ui_hex_key(struct ui *ui, int ch, int rows)
{
	int old = ui->hex_top, total;

	ui_detail_sync(ui);
	if (!ui->detail_num)
		return UI_IGNORED;
	if (rows < 1)
		rows = 1;
	total = hex_total_rows(ui, 8);	/* the widest possible scroll; drawing clamps to the real one */
	switch (ch) {
	case KEY_UP: case 'k': ui->hex_top--; break;
	case KEY_DOWN: case 'j': ui->hex_top++; break;
	case KEY_PPAGE: ui->hex_top -= rows; break;
	case KEY_NPAGE: ui->hex_top += rows; break;
	case KEY_HOME: case 'g': ui->hex_top = 0; break;
	case KEY_END: case 'G': ui->hex_top = total; break;
	default: return UI_IGNORED;
	}
	if (ui->hex_top > total - 1)
		ui->hex_top = total - 1;
	if (ui->hex_top < 0)
		ui->hex_top = 0;
	return ui->hex_top != old ? UI_REDRAW : UI_HANDLED;
}

const char *ui_detail_explain(struct ui *ui)
{
	static char text[512];
	const char *explain;

	ui_detail_sync(ui);
	if (!ui->detail_num || ui->field < 0 || ui->field >= decode_count(&ui->detail))
		return NULL;
	explain = decode_explain(&ui->detail, ui->field);
	if (!explain)
		return NULL;
	snprintf(text, sizeof(text), "%s %s %s", decode_name(&ui->detail, ui->field),
		 ui->utf8 ? "\xe2\x80\x94" : "--", explain);
	return text;
}
