/* ui_list.c — the live frame list: number, relative time, direction, protocol, source,
 * destination and summary; decodes only the rows on screen. */
#include "ui.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "ui_view.h"

/* The column a frame's addresses come from: the first of these fields it has. */
static const char *const src_fields[] = { "ip.src", "ipv6.src", "arp.src.proto_ipv4", "eth.src", NULL };
static const char *const dst_fields[] = { "ip.dst", "ipv6.dst", "arp.dst.proto_ipv4", "eth.dst", NULL };

static void field_text(const struct decoded *d, const char *const *names, char *out, size_t len)
{
	out[0] = '\0';
	for (const char *const *n = names; *n; n++) {
		for (int i = 0; i < decode_count(d); i++) {
			if (!strcmp(decode_name(d, i), *n)) {
				decode_text(d, i, out, len);
				return;
			}
		}
	}
}

/* The highest layer that is not bare payload, as Wireshark's Protocol column shows it. */
static const char *top_proto(const struct decoded *d, char *buf, size_t len)
{
	int k = decode_nprotos(d) - 1;
	size_t i;

	if (k > 0 && !strcmp(decode_proto_name(d, k), "data"))
		k--;
	snprintf(buf, len, "%s", k >= 0 ? decode_proto_name(d, k) : "?");
	for (i = 0; buf[i]; i++)
		buf[i] = (char)toupper((unsigned char)buf[i]);
	return buf;
}

static enum ui_color proto_color(const char *proto)
{
	static const struct { const char *name; enum ui_color c; } map[] = {
		{ "ARP", C_ARP }, { "ICMP", C_ICMP }, { "ICMPV6", C_ICMP6 }, { "UDP", C_UDP },
		{ "TCP", C_TCP }, { "DNS", C_DNS }, { "DHCP", C_UDP }, { "IP", C_IP }, { "IPV6", C_IP },
	};

	for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++)
		if (!strcmp(map[i].name, proto))
			return map[i].c;
	return C_OTHER;
}

/* Wireshark's Info column: the summary without the "IP a > b: " prefix the columns already show. */
static const char *info_of(const char *summary)
{
	const char *arrow, *colon;

	if (strncmp(summary, "IP ", 3) && strncmp(summary, "IP6 ", 4))
		return summary;
	arrow = strstr(summary, " > ");	/* "IP6 :: > ff02::16: ..." — the src may itself hold ": " */
	colon = arrow ? strstr(arrow + 3, ": ") : NULL;
	return colon ? colon + 2 : summary;
}

static void draw_row(struct ui *ui, WINDOW *w, int y, struct ui_rect r, const struct frame *f, int selected)
{
	static struct decoded d;
	char proto[16], src[64], dst[64], line[1024];
	double rel = (double)(f->ts.tv_sec - ui->t0.tv_sec) + (double)(f->ts.tv_usec - ui->t0.tv_usec) / 1e6;
	int addr_w = r.w >= 120 ? 24 : 15;

	decode_frame(&d, f);
	top_proto(&d, proto, sizeof(proto));
	field_text(&d, src_fields, src, sizeof(src));
	field_text(&d, dst_fields, dst, sizeof(dst));
	snprintf(line, sizeof(line), "%6llu %10.6f %c %-6.6s %-*.*s %-*.*s %s", (unsigned long long)f->number, rel,
		 f->dir == FRAME_IN ? '<' : f->dir == FRAME_OUT ? '>' : ' ', proto, addr_w, addr_w, src, addr_w, addr_w,
		 dst, info_of(decode_summary(&d)));
	wattrset(w, selected ? ui_attr(ui, C_SELECTED) : ui_attr(ui, proto_color(proto)));
	mvwhline(w, y, r.x, ' ', r.w);
	mvwaddnstr(w, y, r.x, line, r.w);
	wattrset(w, A_NORMAL);
}

static void keep_visible(struct ui *ui, int rows)
{
	if (rows < 1)
		return;
	if (ui->view.len && ui->sel >= ui->view.len)
		ui->sel = ui->view.len - 1;
	if (ui->sel < ui->top)
		ui->top = ui->sel;
	if (ui->sel >= ui->top + (size_t)rows)
		ui->top = ui->sel - (size_t)rows + 1;
}

void ui_list_draw(struct ui *ui, WINDOW *w, struct ui_rect r)
{
	int rows = r.h - 1, addr_w = r.w >= 120 ? 24 : 15;
	char head[256];

	if (ui->follow && ui->view.len)
		ui->sel = ui->view.len - 1;
	keep_visible(ui, rows);
	snprintf(head, sizeof(head), "%6s %10s %c %-6s %-*s %-*s %s", "No.", "Time", ' ', "Proto", addr_w, "Source",
		 addr_w, "Destination", ui->follow ? "Info  (following)" : "Info  (G: follow)");
	wattrset(w, ui_attr(ui, ui->focus == FOCUS_LIST ? C_FOCUS_TITLE : C_TITLE));
	mvwhline(w, r.y, r.x, ' ', r.w);
	mvwaddnstr(w, r.y, r.x, head, r.w);
	wattrset(w, A_NORMAL);
	if (!ui->view.len) {
		wattrset(w, ui_attr(ui, C_DIM));
		mvwaddnstr(w, r.y + 2, r.x + 2, ui->view_filter ? "no frame matches the filter (/ changes it)"
				: "no frames yet: ping a peer, e.g. ip netns exec NS ping 10.18.0.3", r.w - 4);
		wattrset(w, A_NORMAL);
		return;
	}
	for (int row = 0; row < rows && ui->top + (size_t)row < ui->view.len; row++) {
		size_t i = ui->top + (size_t)row;
		long k = ring_find(ui->ring, ui_view_num(&ui->view, i));

		if (k >= 0)
			draw_row(ui, w, r.y + 1 + row, r, ring_get(ui->ring, (size_t)k), i == ui->sel);
	}
}

static void move_sel(struct ui *ui, long delta)
{
	long n = (long)ui->view.len, sel = (long)ui->sel + delta;

	if (!n)
		return;
	if (sel < 0)
		sel = 0;
	if (sel >= n)
		sel = n - 1;
	ui->sel = (size_t)sel;
	ui->follow = 0;
}

enum ui_result ui_list_key(struct ui *ui, int ch, int rows)
{
	switch (ch) {
	case KEY_UP: case 'k': move_sel(ui, -1); break;
	case KEY_DOWN: case 'j': move_sel(ui, 1); break;
	case KEY_PPAGE: move_sel(ui, -(long)(rows > 1 ? rows - 1 : 1)); break;
	case KEY_NPAGE: move_sel(ui, rows > 1 ? rows - 1 : 1); break;
	case KEY_HOME: case 'g': move_sel(ui, -(long)ui->view.len); break;
	case KEY_END: case 'G':
		ui->follow = 1;
		if (ui->view.len)
			ui->sel = ui->view.len - 1;
		break;
	case '\n': case '\r': case KEY_ENTER:
		ui->focus = FOCUS_TREE;
		break;
	default:
		return UI_IGNORED;
	}
	keep_visible(ui, rows);
	return UI_REDRAW;
}

void ui_list_click(struct ui *ui, int row)
{
	size_t i = ui->top + (size_t)(row < 0 ? 0 : row);

	if (i < ui->view.len) {
		ui->sel = i;
		ui->follow = 0;
	}
}
