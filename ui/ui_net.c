/* ui_net.c — the netlink pane: what the kernel thinks of the device, live, and why traffic does
 * or does not flow; its rows (the link, each address) are selectable, and the keys that change
 * the device act only here, on the selected row. A column on wide terminals, a strip on 80x24. */
#include "ui_panes.h"

#include <linux/if.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

#include "diagnose.h"
#include <stdlib.h>

#include "nlfmt.h"
#include "nlmodel.h"
#include "ui_overlays.h"

#define SPARK_N 64
#define ROW_LINK 0		/* selectable rows: 0 the link, 1.. the addresses */

struct net_state {
	struct nl_snapshot snap;
	int sel;			/* selected row */
	int *row_y;			/* screen row of each selectable row at the last draw, -1 */
	int row_cap;			/* row_y holds the link and as many addresses as the device has */
	uint32_t spark[SPARK_N];	/* frames per second, the last SPARK_N seconds */
	uint64_t frames_at_tick;
};

static struct net_state net;

/* A selectable row: the selected one is a bar across the pane. */
static void put_row(struct pane *p, WINDOW *w, int *y, struct ui_rect r, int row, attr_t plain, const char *text)
{
	if (row == net.sel && *y < r.y + r.h) {
		wattrset(w, mgr_focused() == p ? ui_attr(C_SELECTED) : ui_attr(C_DIM) | A_REVERSE);
		mvwhline(w, *y, r.x, ' ', r.w - 1);
		ui_put(w, (*y)++, r.x + 1, r.w - 2, text, 0);
		wattrset(w, A_NORMAL);
		return;
	}
	ui_put_line(w, y, r, plain, text);
}

static void heading(WINDOW *w, int *y, struct ui_rect r, const char *title)
{
	ui_put_line(w, y, r, ui_attr(C_KEY) | A_BOLD, title);
}

static attr_t level_attr(enum diag_level level)
{
	return level == DIAG_INFO ? ui_attr(C_OK) | A_BOLD : ui_attr(C_WARN) | A_BOLD;
}

static void sparkline(const struct ui *ui, char *out, size_t len, int width)
{
	static const char *const bars_utf8[] = { " ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█" };
	static const char bars_ascii[] = " .:-=+*#@";
	uint32_t peak = 1;
	size_t n = 0;

	if (width > SPARK_N)
		width = SPARK_N;
	for (int i = SPARK_N - width; i < SPARK_N; i++)
		if (net.spark[i] > peak)
			peak = net.spark[i];
	for (int i = SPARK_N - width; i < SPARK_N && n + 4 < len; i++) {
		int level = (int)((net.spark[i] * 8 + peak - 1) / peak);

		if (ui->utf8)
			n += (size_t)snprintf(out + n, len - n, "%s", bars_utf8[level]);
		else
			out[n++] = bars_ascii[level];
	}
	out[n] = '\0';
}

static void link_lines(struct pane *p, WINDOW *w, int *y, struct ui_rect r)
{
	const struct snap_link *l = &net.snap.link;
	char line[256], mac[32], holders[160] = "";
	size_t n = 0;

	if (net.row_cap > ROW_LINK)
		net.row_y[ROW_LINK] = *y;
	if (!l->present || p->ui->s->dev.lost) {
		put_row(p, w, y, r, ROW_LINK, ui_attr(C_WARN),
			p->ui->s->dev.lost ? "deleted from outside: R makes it again" : "device absent");
		return;
	}
	snprintf(line, sizeof(line), "%c %s  %s  %s  carrier %s", net.sel == ROW_LINK ? '>' : ' ', l->name,
		 net.snap.tun.valid ? (net.snap.tun.is_tap ? "tap" : "tun") : l->kind, (l->flags & IFF_UP) ? "UP" : "DOWN",
		 (l->flags & IFF_LOWER_UP) ? "ON" : "OFF (NO-CARRIER)");
	put_row(p, w, y, r, ROW_LINK, A_BOLD, line);
	snprintf(line, sizeof(line), "  %s%s  MTU %u  qlen %u  %s", l->has_mac ? "MAC " : "",
		 l->has_mac ? nlfmt_mac(l->mac, mac, sizeof(mac)) : "", l->mtu, l->txqlen, nlfmt_operstate(l->operstate));
	ui_put_line(w, y, r, A_NORMAL, line);
	for (int i = 0; i < net.snap.tun.nholders && n < sizeof(holders) - 40; i++)
		n += (size_t)snprintf(holders + n, sizeof(holders) - n, "%s%s[%d]", i ? ", " : "",
				      net.snap.tun.holders[i].comm, net.snap.tun.holders[i].pid);
	snprintf(line, sizeof(line), "  held by: %s", n ? holders : "nobody");
	ui_put_line(w, y, r, n ? A_NORMAL : ui_attr(C_WARN), line);
}

static void diagnosis_lines(struct pane *p, WINDOW *w, int *y, struct ui_rect r, int max)
{
	struct diag_verdict v[DIAG_MAX];
	int n = session_diagnose(p->ui->s, v, DIAG_MAX);

	for (int i = 0; i < n && i < max; i++) {
		const char *t = v[i].text;

		while (*t && *y < r.y + r.h) {
			char chunk[256];
			int len = ui_wrap_len(t, r.w - 2 < (int)sizeof(chunk) - 1 ? r.w - 2 : (int)sizeof(chunk) - 1);

			if (*y == r.y + r.h - 1 && t[len])	/* the last row: the rest runs off it, marked (ui_put cuts) */
				len = (int)strlen(t);
			snprintf(chunk, sizeof(chunk), "%.*s", len, t);
			ui_put_line(w, y, r, level_attr(v[i].level), chunk);
			t += len;
			while (*t == ' ')
				t++;
		}
	}
}

static void addr_lines(struct pane *p, WINDOW *w, int *y, struct ui_rect r)
{
	char line[256], ip[64], flags[64];

	heading(w, y, r, "Addresses  (d deletes the selected)");
	if (!net.snap.naddrs)
		ui_put_line(w, y, r, ui_attr(C_WARN), "  none");
	for (int i = 0; i < net.snap.naddrs; i++) {
		const struct snap_addr *a = &net.snap.addrs[i];

		if (1 + i < net.row_cap)
			net.row_y[1 + i] = *y < r.y + r.h ? *y : -1;
		snprintf(line, sizeof(line), "%c %s/%d %s", net.sel == 1 + i ? '>' : ' ',
			 nlfmt_ip(a->family, a->addr, ip, sizeof(ip)), a->prefixlen,
			 nlfmt_addr_flags(a->family, a->flags, flags, sizeof(flags)));
		put_row(p, w, y, r, 1 + i, A_NORMAL, line);
	}
}

static void route_lines(WINDOW *w, int *y, struct ui_rect r)
{
	char line[256], dst[80], gw[64];

	heading(w, y, r, "Routes");
	if (!net.snap.nroutes)
		ui_put_line(w, y, r, ui_attr(C_WARN), "  none");
	for (int i = 0; i < net.snap.nroutes; i++) {
		const struct snap_route *rt = &net.snap.routes[i];

		snprintf(line, sizeof(line), "  %s%s%s%s", nlfmt_route_dst(rt, dst, sizeof(dst)), rt->has_gw ? " via " : "",
			 rt->has_gw ? nlfmt_ip(rt->family, rt->gw, gw, sizeof(gw)) : "", rt->linkdown ? " linkdown" : "");
		ui_put_line(w, y, r, A_NORMAL, line);
	}
}

static void neigh_lines(WINDOW *w, int *y, struct ui_rect r)
{
	char line[256], ip[64], mac[32], state[48];

	heading(w, y, r, "Neighbours");
	if (!net.snap.nneighs)
		ui_put_line(w, y, r, ui_attr(C_DIM), "  none resolved");
	for (int i = 0; i < net.snap.nneighs; i++) {
		const struct snap_neigh *n = &net.snap.neighs[i];

		nlfmt_nud(n->state, state, sizeof(state));
		snprintf(line, sizeof(line), "  %s %s %s", nlfmt_ip(n->family, n->dst, ip, sizeof(ip)),
			 n->has_lladdr ? nlfmt_mac(n->lladdr, mac, sizeof(mac)) : "-", state);
		ui_put_line(w, y, r, strstr(state, "FAILED") || strstr(state, "INCOMPLETE") ? ui_attr(C_WARN) : A_NORMAL, line);
	}
}

static void counter_lines(struct ui *ui, WINDOW *w, int *y, struct ui_rect r)
{
	const struct nl_snapshot *s = &net.snap;
	char line[400], spark[300];

	heading(w, y, r, "Counters  (tx: kernel to tapscope)");
	snprintf(line, sizeof(line), "  rx %llu pkts %llu B  %.0f/s", (unsigned long long)s->ctr.rx_packets,
		 (unsigned long long)s->ctr.rx_bytes, s->rate.valid ? s->rate.rx_packets : 0.0);
	ui_put_line(w, y, r, A_NORMAL, line);
	snprintf(line, sizeof(line), "  tx %llu pkts %llu B  %.0f/s", (unsigned long long)s->ctr.tx_packets,
		 (unsigned long long)s->ctr.tx_bytes, s->rate.valid ? s->rate.tx_packets : 0.0);
	ui_put_line(w, y, r, A_NORMAL, line);
	snprintf(line, sizeof(line), "  dropped rx %llu tx %llu  errors rx %llu tx %llu",
		 (unsigned long long)s->ctr.rx_dropped, (unsigned long long)s->ctr.tx_dropped,
		 (unsigned long long)s->ctr.rx_errors, (unsigned long long)s->ctr.tx_errors);
	ui_put_line(w, y, r, s->ctr.tx_dropped || s->ctr.rx_dropped ? ui_attr(C_WARN) : A_NORMAL, line);
	sparkline(ui, spark, sizeof(spark), r.w - 14);
	snprintf(line, sizeof(line), "  frames/s %s", spark);
	ui_put_line(w, y, r, ui_attr(C_OK), line);
}

static void draw_strip(struct pane *p, WINDOW *w, struct ui_rect r)
{
	char line[512], ip[64], spark[300];
	int y = r.y, n;

	link_lines(p, w, &y, (struct ui_rect){ r.y, r.x, 1, r.w });
	y = r.y + 1;
	diagnosis_lines(p, w, &y, (struct ui_rect){ r.y + 1, r.x, 1, r.w }, 1);
	n = snprintf(line, sizeof(line), "addr");
	for (int i = 0; i < net.snap.naddrs && n < (int)sizeof(line) - 80; i++)
		n += snprintf(line + n, sizeof(line) - (size_t)n, " %s/%d",
			      nlfmt_ip(net.snap.addrs[i].family, net.snap.addrs[i].addr, ip, sizeof(ip)),
			      net.snap.addrs[i].prefixlen);
	y = r.y + 2;
	ui_put_line(w, &y, r, A_NORMAL, line);
	sparkline(p->ui, spark, sizeof(spark), 20);
	snprintf(line, sizeof(line), "neigh %d  rx %llu tx %llu drop %llu  %s  S-Tab: netlink pane", net.snap.nneighs,
		 (unsigned long long)net.snap.ctr.rx_packets, (unsigned long long)net.snap.ctr.tx_packets,
		 (unsigned long long)(net.snap.ctr.rx_dropped + net.snap.ctr.tx_dropped), spark);
	ui_put_line(w, &y, r, ui_attr(C_DIM), line);
}

static void net_draw(struct pane *p, WINDOW *w)
{
	struct ui_rect r = p->rect;
	int y = r.y + 1;

	nlmodel_snapshot(p->ui->s->model, &net.snap);
	if (net.sel > net.snap.naddrs)
		net.sel = net.snap.naddrs;
	if (net.snap.naddrs + 1 > net.row_cap) {	/* no cap on addresses: the rows grow with them */
		int *rows = realloc(net.row_y, (size_t)(net.snap.naddrs + 1) * sizeof(*rows));

		if (rows) {
			net.row_y = rows;
			net.row_cap = net.snap.naddrs + 1;
		}
	}
	for (int i = 0; i < net.row_cap; i++)
		net.row_y[i] = -1;
	if (r.h <= 4) {
		draw_strip(p, w, r);
		return;
	}
	pane_title(p, w, " Netlink: what the kernel sees");
	link_lines(p, w, &y, r);
	diagnosis_lines(p, w, &y, r, 3);
	addr_lines(p, w, &y, r);
	route_lines(w, &y, r);
	neigh_lines(w, &y, r);
	counter_lines(p->ui, w, &y, r);
	if (r.x + r.w < COLS)
		mvwvline(w, r.y + 1, r.x + r.w - 1, p->ui->utf8 ? ACS_VLINE : '|', r.h - 1);
}

static enum ui_result net_move(struct pane *p, enum pane_move m)
{
	(void)p;
	switch (m) {
	case MOVE_UP: case MOVE_PGUP: if (net.sel > 0) net.sel--; break;
	case MOVE_DOWN: case MOVE_PGDN: if (net.sel < net.snap.naddrs) net.sel++; break;
	case MOVE_HOME: net.sel = 0; break;
	case MOVE_END: net.sel = net.snap.naddrs; break;
	case MOVE_COUNT: break;
	}
	return UI_REDRAW;
}

static enum ui_result net_click(struct pane *p, int row, int col, int wheel)
{
	(void)col;
	if (wheel)
		return net_move(p, wheel < 0 ? MOVE_UP : MOVE_DOWN);
	for (int i = 0; i <= net.snap.naddrs && i < net.row_cap; i++)
		if (net.row_y[i] >= 0 && net.row_y[i] == p->rect.y + row)
			net.sel = i;
	return UI_REDRAW;
}

/* One second passed: the sparkline moves on. */
static void net_tick(struct pane *p)
{
	uint64_t total = p->ui->s->count.in + p->ui->s->count.out;

	memmove(net.spark, net.spark + 1, sizeof(net.spark) - sizeof(net.spark[0]));
	net.spark[SPARK_N - 1] = (uint32_t)(total - net.frames_at_tick);
	net.frames_at_tick = total;
}

/* ---- the device actions: each ends in a core action (src/action.c) ---- */

static const char *dev_name(struct ui *ui)
{
	return ui->s->dev.name;
}

static void run_line(struct ui *ui, const char *line)
{
	ui_core_run(ui, line, 0);
}

static void on_add(struct ui *ui, const char *text, const char *arg)
{
	char line[300];

	(void)arg;
	if (!*text)
		return;
	snprintf(line, sizeof(line), "addr add %s", text);
	run_line(ui, line);
}

static enum ui_result act_add(struct ui *ui, void *target, const char *arg)
{
	char label[96];

	(void)target;
	(void)arg;
	snprintf(label, sizeof(label), "add an address to %s (CIDR, e.g. 10.18.0.5/24):", dev_name(ui));
	ui_prompt(ui, label, "", on_add, NULL);
	return UI_REDRAW;
}

static enum ui_result act_delete(struct ui *ui, void *target, const char *arg)
{
	char cidr[80], ip[64], question[200], line[120];
	const struct snap_addr *a;

	(void)target;
	(void)arg;
	if (net.sel < 1 || net.sel > net.snap.naddrs) {
		ui_message(ui, 1, "d deletes the selected address: select one with Up/Down or a click first");
		return UI_REDRAW;
	}
	a = &net.snap.addrs[net.sel - 1];
	snprintf(cidr, sizeof(cidr), "%s/%d", nlfmt_ip(a->family, a->addr, ip, sizeof(ip)), a->prefixlen);
	snprintf(question, sizeof(question), "delete %s from %s?", cidr, dev_name(ui));
	snprintf(line, sizeof(line), "addr del %s", cidr);
	ui_confirm(ui, question, run_line, line);
	return UI_REDRAW;
}

static enum ui_result act_updown(struct ui *ui, void *target, const char *arg)
{
	char question[160];

	(void)target;
	(void)arg;
	if (!(net.snap.link.flags & IFF_UP)) {
		run_line(ui, "link up");
		return UI_REDRAW;
	}
	snprintf(question, sizeof(question), "take %s down? (its routes go, traffic stops)", dev_name(ui));
	ui_confirm(ui, question, run_line, "link down");
	return UI_REDRAW;
}

static void on_mtu(struct ui *ui, const char *text, const char *arg)
{
	char line[64];

	(void)arg;
	if (!*text)
		return;
	snprintf(line, sizeof(line), "mtu %s", text);
	run_line(ui, line);
}

static enum ui_result act_mtu(struct ui *ui, void *target, const char *arg)
{
	char cur[16], label[96];

	(void)target;
	(void)arg;
	snprintf(cur, sizeof(cur), "%u", net.snap.link.mtu);
	snprintf(label, sizeof(label), "MTU of %s (68..65535):", dev_name(ui));
	ui_prompt(ui, label, cur, on_mtu, NULL);
	return UI_REDRAW;
}

static enum ui_result act_queue(struct ui *ui, void *target, const char *arg)
{
	(void)target;
	(void)arg;
	return ui_core_run(ui, ui->s->dev.fd >= 0 ? "detach" : "attach", 0);
}

static enum ui_result act_recreate(struct ui *ui, void *target, const char *arg)
{
	(void)target;
	(void)arg;
	if (!ui->s->dev.lost) {
		ui_message(ui, 1, "%s is not lost: R makes a device again only after it was deleted from outside",
			   dev_name(ui));
		return UI_REDRAW;
	}
	return ui_core_run(ui, "recreate", 0);
}

static const struct ui_action net_actions[] = {
	{ "recreate", act_recreate, "recreate" },
	{ "add", act_add, "addr" },
	{ "delete", act_delete, "addr" },
	{ "updown", act_updown, "link" },
	{ "mtu", act_mtu, "mtu" },
	{ "queue", act_queue, "detach" },
	{ NULL, NULL, NULL },
};

const struct pane_class net_pane = {
	.name = "net", .slot = SLOT_SIDE, .focusable = 1,
	.draw = net_draw, .nav = net_move, .click = net_click, .tick = net_tick, .actions = net_actions,
};
