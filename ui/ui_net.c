/* ui_net.c — the netlink pane: what the kernel thinks of the device, live, and why traffic
 * does or does not flow. A full column on wide terminals, a strip (Tab opens it) on 80x24. */
#include "ui.h"

#include <linux/if.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

#include "diagnose.h"
#include "nlfmt.h"
#include "bytes.h"
#include "nlmodel.h"

static struct nl_snapshot snap;

static void put(WINDOW *w, int *y, struct ui_rect r, attr_t a, const char *text)
{
	if (*y >= r.y + r.h)
		return;
	wattrset(w, a);
	mvwaddnstr(w, (*y)++, r.x + 1, text, r.w - 2);
	wattrset(w, A_NORMAL);
}

static void heading(struct ui *ui, WINDOW *w, int *y, struct ui_rect r, const char *title)
{
	put(w, y, r, ui_attr(ui, C_KEY) | A_BOLD, title);
}

static attr_t level_attr(const struct ui *ui, enum diag_level level)
{
	return level == DIAG_INFO ? ui_attr(ui, C_OK) | A_BOLD : ui_attr(ui, C_WARN) | A_BOLD;
}

static void sparkline(const struct ui *ui, char *out, size_t len, int width)
{
	static const char *const bars_utf8[] = { " ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█" };
	static const char bars_ascii[] = " .:-=+*#@";
	uint32_t peak = 1;
	size_t n = 0;

	if (width > 64)
		width = 64;
	for (int i = 64 - width; i < 64; i++)
		if (ui->spark[i] > peak)
			peak = ui->spark[i];
	for (int i = 64 - width; i < 64 && n + 4 < len; i++) {
		int level = (int)((ui->spark[i] * 8 + peak - 1) / peak);

		if (ui->utf8)
			n += (size_t)snprintf(out + n, len - n, "%s", bars_utf8[level]);
		else
			out[n++] = bars_ascii[level];
	}
	out[n] = '\0';
}

static void link_lines(struct ui *ui, WINDOW *w, int *y, struct ui_rect r)
{
	const struct snap_link *l = &snap.link;
	char line[256], mac[32], holders[160] = "";
	size_t n = 0;

	if (!l->present) {
		put(w, y, r, ui_attr(ui, C_WARN), "device absent");
		return;
	}
	snprintf(line, sizeof(line), "%s  %s  %s  carrier %s", l->name, snap.tun.valid ? (snap.tun.is_tap ? "tap" : "tun") : l->kind,
		 (l->flags & IFF_UP) ? "UP" : "DOWN", (l->flags & IFF_LOWER_UP) ? "ON" : "OFF (NO-CARRIER)");
	put(w, y, r, A_BOLD, line);
	snprintf(line, sizeof(line), "%s%s  MTU %u  qlen %u  %s", l->has_mac ? "MAC " : "",
		 l->has_mac ? nlfmt_mac(l->mac, mac, sizeof(mac)) : "", l->mtu, l->txqlen, nlfmt_operstate(l->operstate));
	put(w, y, r, A_NORMAL, line);
	for (int i = 0; i < snap.tun.nholders && n < sizeof(holders) - 40; i++)
		n += (size_t)snprintf(holders + n, sizeof(holders) - n, "%s%s[%d]", i ? ", " : "",
				      snap.tun.holders[i].comm, snap.tun.holders[i].pid);
	snprintf(line, sizeof(line), "held by: %s", n ? holders : "nobody");
	put(w, y, r, n ? A_NORMAL : ui_attr(ui, C_WARN), line);
}

/* How many bytes of t fit in width columns, broken at a space when one is near, and never
 * inside a UTF-8 sequence (continuation bytes are 10xxxxxx and take no column). */
static int wrap_len(const char *t, int width)
{
	int bytes = 0, cols = 0, last_space = -1;

	while (t[bytes] && cols < width) {
		if (t[bytes] == ' ')
			last_space = bytes;
		bytes++;
		while ((t[bytes] & 0xc0) == 0x80)
			bytes++;
		cols++;
	}
	if (!t[bytes] || last_space <= 0 || last_space < bytes / 2)
		return bytes;
	return last_space;
}

static void diagnosis_lines(struct ui *ui, WINDOW *w, int *y, struct ui_rect r, int max)
{
	struct diag_verdict v[DIAG_MAX];
	int n = session_diagnose(ui->s, v, DIAG_MAX);

	for (int i = 0; i < n && i < max; i++) {
		const char *t = v[i].text;
		int width = r.w - 2;

		while (*t && *y < r.y + r.h) {
			char chunk[256];
			int len = wrap_len(t, width < (int)sizeof(chunk) ? width : (int)sizeof(chunk) - 1);

			snprintf(chunk, sizeof(chunk), "%.*s", len, t);
			put(w, y, r, level_attr(ui, v[i].level), chunk);
			t += len;
			while (*t == ' ')
				t++;
		}
	}
}

static void addr_lines(struct ui *ui, WINDOW *w, int *y, struct ui_rect r)
{
	char line[256], ip[64], flags[64];

	heading(ui, w, y, r, "Addresses  (a add, d delete)");
	if (!snap.naddrs)
		put(w, y, r, ui_attr(ui, C_WARN), "  none");
	for (int i = 0; i < snap.naddrs; i++) {
		const struct snap_addr *a = &snap.addrs[i];
		int sel = ui->focus == FOCUS_NET && i == ui->net_sel;

		snprintf(line, sizeof(line), "%c %s/%d %s", sel ? '>' : ' ', nlfmt_ip(a->family, a->addr, ip, sizeof(ip)),
			 a->prefixlen, nlfmt_addr_flags(a->family, a->flags, flags, sizeof(flags)));
		put(w, y, r, sel ? ui_attr(ui, C_SELECTED) : A_NORMAL, line);
	}
}

static void route_lines(struct ui *ui, WINDOW *w, int *y, struct ui_rect r)
{
	char line[256], dst[80], gw[64];

	heading(ui, w, y, r, "Routes");
	if (!snap.nroutes)
		put(w, y, r, ui_attr(ui, C_WARN), "  none");
	for (int i = 0; i < snap.nroutes; i++) {
		const struct snap_route *rt = &snap.routes[i];

		snprintf(line, sizeof(line), "  %s%s%s%s", nlfmt_route_dst(rt, dst, sizeof(dst)), rt->has_gw ? " via " : "",
			 rt->has_gw ? nlfmt_ip(rt->family, rt->gw, gw, sizeof(gw)) : "", rt->linkdown ? " linkdown" : "");
		put(w, y, r, A_NORMAL, line);
	}
}

static void neigh_lines(struct ui *ui, WINDOW *w, int *y, struct ui_rect r)
{
	char line[256], ip[64], mac[32], state[48];

	heading(ui, w, y, r, "Neighbours");
	if (!snap.nneighs)
		put(w, y, r, ui_attr(ui, C_DIM), "  none resolved");
	for (int i = 0; i < snap.nneighs; i++) {
		const struct snap_neigh *n = &snap.neighs[i];

		nlfmt_nud(n->state, state, sizeof(state));
		snprintf(line, sizeof(line), "  %s %s %s", nlfmt_ip(n->family, n->dst, ip, sizeof(ip)),
			 n->has_lladdr ? nlfmt_mac(n->lladdr, mac, sizeof(mac)) : "-", state);
		put(w, y, r, strstr(state, "FAILED") || strstr(state, "INCOMPLETE") ? ui_attr(ui, C_WARN) : A_NORMAL, line);
	}
}

static void counter_lines(struct ui *ui, WINDOW *w, int *y, struct ui_rect r)
{
	char line[400], spark[300];

	heading(ui, w, y, r, "Counters  (tx: kernel to tapscope)");
	snprintf(line, sizeof(line), "  rx %llu pkts %llu B  %.0f/s", (unsigned long long)snap.ctr.rx_packets,
		 (unsigned long long)snap.ctr.rx_bytes, snap.rate.valid ? snap.rate.rx_packets : 0.0);
	put(w, y, r, A_NORMAL, line);
	snprintf(line, sizeof(line), "  tx %llu pkts %llu B  %.0f/s", (unsigned long long)snap.ctr.tx_packets,
		 (unsigned long long)snap.ctr.tx_bytes, snap.rate.valid ? snap.rate.tx_packets : 0.0);
	put(w, y, r, A_NORMAL, line);
	snprintf(line, sizeof(line), "  dropped rx %llu tx %llu  errors rx %llu tx %llu",
		 (unsigned long long)snap.ctr.rx_dropped, (unsigned long long)snap.ctr.tx_dropped,
		 (unsigned long long)snap.ctr.rx_errors, (unsigned long long)snap.ctr.tx_errors);
	put(w, y, r, snap.ctr.tx_dropped || snap.ctr.rx_dropped ? ui_attr(ui, C_WARN) : A_NORMAL, line);
	sparkline(ui, spark, sizeof(spark), r.w - 14);
	snprintf(line, sizeof(line), "  frames/s %s", spark);
	put(w, y, r, ui_attr(ui, C_OK), line);
}

static void draw_strip(struct ui *ui, WINDOW *w, struct ui_rect r)
{
	char line[512], ip[64], spark[300];
	int y = r.y, n;

	link_lines(ui, w, &y, (struct ui_rect){ r.y, r.x, 1, r.w });
	y = r.y + 1;
	diagnosis_lines(ui, w, &y, (struct ui_rect){ r.y + 1, r.x, 1, r.w }, 1);
	n = snprintf(line, sizeof(line), "addr");
	for (int i = 0; i < snap.naddrs && n < (int)sizeof(line) - 80; i++)
		n += snprintf(line + n, sizeof(line) - (size_t)n, " %s/%d",
			      nlfmt_ip(snap.addrs[i].family, snap.addrs[i].addr, ip, sizeof(ip)), snap.addrs[i].prefixlen);
	y = r.y + 2;
	put(w, &y, r, A_NORMAL, line);
	sparkline(ui, spark, sizeof(spark), 20);
	snprintf(line, sizeof(line), "neigh %d  rx %llu tx %llu drop %llu  %s  S-Tab: netlink pane", snap.nneighs,
		 (unsigned long long)snap.ctr.rx_packets, (unsigned long long)snap.ctr.tx_packets,
		 (unsigned long long)(snap.ctr.rx_dropped + snap.ctr.tx_dropped), spark);
	put(w, &y, r, ui_attr(ui, C_DIM), line);
}

void ui_net_draw(struct ui *ui, WINDOW *w, struct ui_rect r)
{
	int y = r.y + 1;

	ui->net_gen = nlmodel_generation(ui->s->model);
	nlmodel_snapshot(ui->s->model, &snap);
	if (ui->net_sel >= snap.naddrs)
		ui->net_sel = snap.naddrs ? snap.naddrs - 1 : 0;
	if (r.h <= 4) {
		draw_strip(ui, w, r);
		return;
	}
	wattrset(w, ui_attr(ui, ui->focus == FOCUS_NET ? C_FOCUS_TITLE : C_TITLE));
	mvwhline(w, r.y, r.x, ' ', r.w);
	mvwaddnstr(w, r.y, r.x, " Netlink: what the kernel sees", r.w);
	wattrset(w, A_NORMAL);
	link_lines(ui, w, &y, r);
	diagnosis_lines(ui, w, &y, r, 3);
	addr_lines(ui, w, &y, r);
	route_lines(ui, w, &y, r);
	neigh_lines(ui, w, &y, r);
	counter_lines(ui, w, &y, r);
	y++;
	put(w, &y, r, ui_attr(ui, C_DIM), "u up/down  m MTU  C carrier  D detach");
	if (r.x + r.w < COLS)
		mvwvline(w, r.y + 1, r.x + r.w - 1, ui->utf8 ? ACS_VLINE : '|', r.h - 1);
}

enum ui_result ui_net_key(struct ui *ui, int ch)
{
	switch (ch) {
	case KEY_UP: case 'k':
		if (ui->net_sel > 0)
			ui->net_sel--;
		return UI_REDRAW;
	case KEY_DOWN: case 'j':
		if (ui->net_sel + 1 < snap.naddrs)
			ui->net_sel++;
		return UI_REDRAW;
	}
	return UI_IGNORED;
}
