/* ui_hex.c — the hex/ASCII pane beside the field tree: the selected frame's bytes with the
 * selected field's bytes highlighted; a click on a byte selects the field that holds it. */
#include "ui_panes.h"

#include <stdio.h>
#include <string.h>

#include "ui_classroom.h"
#include "ui_detail.h"

static int show_hex = 1;	/* 'x' */

static int hex_per_row(int width)
{
	return width >= 4 + 2 + 16 * 3 + 1 + 16 ? 16 : 8;
}

static int total_rows(const struct ui_detail *dt, int bpr)
{
	return dt->num ? (int)((dt->d.caplen + (uint32_t)bpr - 1) / (uint32_t)bpr) : 0;
}

static void clamp(struct ui_detail *dt, int bpr, int rows)
{
	int total = total_rows(dt, bpr);

	if (dt->hex_top > total - rows)
		dt->hex_top = total - rows;
	if (dt->hex_top < 0)
		dt->hex_top = 0;
}

/* Once per new field or frame: scroll so the field's first bytes (and as many more as fit) show. */
static void follow_field(struct ui_detail *dt, int bpr, int rows)
{
	int first, last;

	if (dt->hex_seen_num == dt->num && dt->hex_seen_field == dt->field)
		return;
	dt->hex_seen_num = dt->num;
	dt->hex_seen_field = dt->field;
	if (dt->field < 0 || !decode_length(&dt->d, dt->field))
		return;
	first = (int)(decode_offset(&dt->d, dt->field) / (uint32_t)bpr);
	last = (int)((decode_offset(&dt->d, dt->field) + decode_length(&dt->d, dt->field) - 1) / (uint32_t)bpr);
	if (last >= dt->hex_top + rows)
		dt->hex_top = last - rows + 1;
	if (first < dt->hex_top)
		dt->hex_top = first;
}

static int in_field(const struct ui_detail *dt, uint32_t off)
{
	uint32_t start, len;

	if (dt->field < 0)
		return 0;
	start = decode_offset(&dt->d, dt->field);
	len = decode_length(&dt->d, dt->field);
	return off >= start && off - start < len;
}

static int byte_x(int k)
{
	return 6 + k * 3 + (k >= 8 ? 1 : 0);
}

static void draw_row(struct ui *ui, struct ui_detail *dt, WINDOW *w, int y, struct ui_rect r, int line, int bpr)
{
	const uint8_t *p = dt->d.data;
	uint32_t caplen = dt->d.caplen, base = (uint32_t)line * (uint32_t)bpr;
	int ascii_x = r.x + byte_x(bpr - 1) + 3;
	attr_t hi = ui_attr(C_HILITE);
	char cell[8];

	snprintf(cell, sizeof(cell), "%04x", base & 0xffff);
	wattrset(w, ui_attr(C_DIM));
	mvwaddnstr(w, y, r.x, cell, r.w);
	for (int k = 0; k < bpr && base + (uint32_t)k < caplen; k++) {
		uint32_t off = base + (uint32_t)k;
		int x = r.x + byte_x(k), on = in_field(dt, off), c = p[off];

		if (predict_hides_byte(ui, off))	/* predict mode: the bytes would tell */
			c = -1;
		if (c < 0)
			snprintf(cell, sizeof(cell), "??");
		else
			snprintf(cell, sizeof(cell), "%02x", c);
		wattrset(w, on ? hi : A_NORMAL);
		if (x + 2 <= r.x + r.w)
			mvwaddstr(w, y, x, cell);
		if (on && k + 1 < bpr && k != 7 && in_field(dt, off + 1) && x + 3 <= r.x + r.w)
			mvwaddch(w, y, x + 2, ' ');	/* one band across the field's bytes */
		if (ascii_x + k < r.x + r.w)
			mvwaddch(w, y, ascii_x + k, c < 0 ? '?' : c >= 0x20 && c < 0x7f ? (chtype)c : '.');
	}
	wattrset(w, A_NORMAL);
}

static void hex_title(struct pane *p, WINDOW *w)
{
	struct ui_detail *dt = p->ui->detail;
	char title[160];
	int n;

	if (!dt->num) {
		pane_title(p, w, " Bytes");
		return;
	}
	n = snprintf(title, sizeof(title), " Bytes  %u", dt->d.caplen);
	if (dt->d.len != dt->d.caplen)
		n += snprintf(title + n, sizeof(title) - (size_t)n, " of %u", dt->d.len);
	if (dt->field >= 0 && decode_length(&dt->d, dt->field))
		snprintf(title + n, sizeof(title) - (size_t)n, "  %s @%u+%u", decode_name(&dt->d, dt->field),
			 decode_offset(&dt->d, dt->field), decode_length(&dt->d, dt->field));
	pane_title(p, w, title);
}

static void hex_draw(struct pane *p, WINDOW *w)
{
	struct ui_detail *dt = p->ui->detail;
	struct ui_rect r = p->rect;
	int bpr = hex_per_row(r.w), rows = r.h - 1, total;

	hex_title(p, w);
	if (!dt->num)
		return;
	follow_field(dt, bpr, rows);
	clamp(dt, bpr, rows);
	total = total_rows(dt, bpr);
	for (int row = 0; row < rows && dt->hex_top + row < total; row++)
		draw_row(p->ui, dt, w, r.y + 1 + row, r, dt->hex_top + row, bpr);
}

static int hex_cols(struct pane *p, int width)
{
	(void)p;
	if (!show_hex)
		return 0;
	return width - 40 >= 74 ? 74 : 40;
}

static enum ui_result hex_move(struct pane *p, enum pane_move m)
{
	struct ui_detail *dt = p->ui->detail;
	int rows = p->rect.h > 2 ? p->rect.h - 1 : 1, bpr = hex_per_row(p->rect.w);

	if (!dt->num)
		return UI_HANDLED;
	switch (m) {
	case MOVE_UP: dt->hex_top--; break;
	case MOVE_DOWN: dt->hex_top++; break;
	case MOVE_PGUP: dt->hex_top -= rows; break;
	case MOVE_PGDN: dt->hex_top += rows; break;
	case MOVE_HOME: dt->hex_top = 0; break;
	case MOVE_END: dt->hex_top = total_rows(dt, bpr); break;
	case MOVE_COUNT: break;
	}
	clamp(dt, bpr, rows);
	return UI_REDRAW;
}

/* The deepest field holding byte off (the smallest one that does), or -1. */
static int field_at(const struct decoded *d, uint32_t off)
{
	int best = -1;

	for (int i = 0; i < decode_count(d); i++) {
		uint32_t s = decode_offset(d, i), len = decode_length(d, i);

		if (len && off >= s && off - s < len && (best < 0 || len <= decode_length(d, best)) &&
		    !(decode_field(d, i)->flags & FIELD_HIDDEN))
			best = i;
	}
	return best;
}

static enum ui_result hex_click(struct pane *p, int row, int col, int wheel)
{
	struct ui_detail *dt = p->ui->detail;
	int bpr = hex_per_row(p->rect.w), k = -1, i;

	if (wheel)
		return hex_move(p, wheel < 0 ? MOVE_UP : MOVE_DOWN);
	if (row < 1 || !dt->num)
		return UI_HANDLED;
	for (int j = 0; j < bpr; j++)
		if (col >= byte_x(j) && col < byte_x(j) + 2)
			k = j;
	if (k < 0)
		return UI_HANDLED;
	i = field_at(&dt->d, (uint32_t)((dt->hex_top + row - 1) * bpr + k));
	if (i < 0)
		return UI_HANDLED;
	dt->field = i;
	for (int q = decode_parent(&dt->d, i); q >= 0; q = decode_parent(&dt->d, q))
		dt->collapsed[q] = 0;
	dt->hex_seen_field = i;	/* the view stays where the user clicked */
	return UI_REDRAW;
}

static void hex_focus(struct pane *p, int on)
{
	if (on && p->ui->detail->num)
		p->ui->detail->pinned = 1;
}

const struct pane_class hex_pane = {
	.name = "hex", .slot = SLOT_MAIN, .focusable = 1, .cols = hex_cols,
	.draw = hex_draw, .nav = hex_move, .click = hex_click, .focus = hex_focus,
};

/* 'x': the pane on or off; the keyboard leaves it when it goes. */
void hex_toggle(struct ui *ui)
{
	show_hex = !show_hex;
	if (!show_hex && mgr_focused() == mgr_pane("hex"))
		mgr_focus(mgr_pane("tree"));
	ui_message(ui, 0, "hex pane %s", show_hex ? "on" : "off");
}
