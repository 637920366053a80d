/* ui_actions.c — the keys that act on tapscope itself: toggles, injection, saving, device actions.
 * Device actions go through src/nlaction (libnl, tun ioctls); their errors land on the status line. */
#include "ui_actions.h"

#include <errno.h>
#include <net/if.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <arpa/inet.h>

#include "action.h"
#include "craft.h"
#include "nlaction.h"
#include "nlmodel.h"
#include "pcapout.h"
#include "ui_prompt.h"
#include "ui_view.h"

static int carrier_forced_off;

int ui_inject_spec(struct ui *ui, const char *spec)
{
	struct craft_spec *cs = malloc(sizeof(*cs));
	char err[512];
	int rc;

	if (!cs)
		return -ENOMEM;
	rc = craft_parse(spec, cs, err, sizeof(err));
	if (!rc)
		rc = session_inject(ui->s, cs, NULL, err, sizeof(err));
	free(cs);
	if (rc) {
		ui_message(ui, 1, "%s", err);
		return rc;
	}
	snprintf(ui->last_spec, sizeof(ui->last_spec), "%s", spec);
	ui_message(ui, 0, "injected: %s", spec);
	return 0;
}

void ui_actions_inject_cli(struct ui *ui)
{
	for (int i = 0; i < ui->o->ninject; i++)
		ui_inject_spec(ui, ui->o->inject[i]);
}

/* A named action (src/action.c), as lessons and the console call it; its answer on the status line. */
static void run_action(struct ui *ui, const char *line)
{
	char msg[512];
	int rc = action_run(ui->s, line, msg, sizeof(msg));

	if (msg[0])
		ui_message(ui, rc < 0, "%s", msg);
}

static void on_filter(struct ui *ui, const char *text)
{
	char err[512];

	if (ui_view_set_filter(ui, text, err, sizeof(err)) < 0)
		ui_message(ui, 1, "filter not changed: %s (tcpdump syntax, e.g. 'icmp or arp')", err);
	else if (*text)
		ui_message(ui, 0, "showing frames that match: %s", text);
	else
		ui_message(ui, 0, "filter cleared: showing every frame");
}

static void on_save(struct ui *ui, const char *path)
{
	char err[512];
	struct pcapout *w;

	if (!*path)
		return;
	w = pcapout_open(path, session_dlt(ui->s), err, sizeof(err));
	if (!w) {
		ui_message(ui, 1, "%s", err);
		return;
	}
	for (size_t i = 0; i < ui->view.len; i++) {
		long k = ring_find(ui->ring, ui_view_num(&ui->view, i));

		if (k >= 0)
			pcapout_write(w, ring_get(ui->ring, (size_t)k));
	}
	ui_message(ui, 0, "saved %lu frames to %s (tcpdump -r %s)", pcapout_count(w), path, path);
	pcapout_close(w);
}

static void report(struct ui *ui, int rc, const char *err, const char *fmt, const char *arg)
{
	if (rc < 0)
		ui_message(ui, 1, "%s", err);
	else
		ui_message(ui, 0, fmt, arg);
}

static void on_add_addr(struct ui *ui, const char *cidr)
{
	char err[512];

	if (*cidr)
		report(ui, nlaction_addr_add(ui->s->dev.name, cidr, err, sizeof(err)), err, "added %s", cidr);
}

static void on_mtu(struct ui *ui, const char *text)
{
	char err[512], *end;
	unsigned long mtu = strtoul(text, &end, 10);

	if (!*text)
		return;
	if (*end || mtu < 68 || mtu > 65535) {
		ui_message(ui, 1, "bad MTU '%s': a number from 68 to 65535", text);
		return;
	}
	report(ui, nlaction_link_set_mtu(ui->s->dev.name, (unsigned)mtu, err, sizeof(err)), err, "MTU set to %s", text);
}

static const struct nl_snapshot *snapshot(struct ui *ui)
{
	static struct nl_snapshot snap;

	nlmodel_snapshot(ui->s->model, &snap);
	return &snap;
}

static void delete_selected_addr(struct ui *ui)
{
	const struct nl_snapshot *snap = snapshot(ui);
	char text[INET6_ADDRSTRLEN + 8], host[INET6_ADDRSTRLEN], err[512];
	const struct snap_addr *a;

	if (ui->net_sel < 0 || ui->net_sel >= snap->naddrs) {
		ui_message(ui, 1, "no address selected: Tab to the netlink pane and pick one with the arrows");
		return;
	}
	a = &snap->addrs[ui->net_sel];
	inet_ntop(a->family, a->addr, host, sizeof(host));
	snprintf(text, sizeof(text), "%s/%d", host, a->prefixlen);
	report(ui, nlaction_addr_del(ui->s->dev.name, text, err, sizeof(err)), err, "deleted %s", text);
}

static void link_up_down(struct ui *ui)
{
	int up = !(snapshot(ui)->link.flags & IFF_UP);
	char err[512];

	report(ui, nlaction_link_set_up(ui->s->dev.name, up, err, sizeof(err)), err, "link set %s", up ? "up" : "down");
}

static void carrier(struct ui *ui)
{
	char err[512];
	int rc;

	if (ui->s->dev.fd < 0) {
		ui_message(ui, 1, "the queue is detached: D re-attaches it first");
		return;
	}
	rc = nlaction_carrier_set(ui->s->dev.fd, carrier_forced_off, err, sizeof(err));
	if (rc == 0)
		carrier_forced_off = !carrier_forced_off;
	report(ui, rc, err, "%s", carrier_forced_off ? "carrier off (TUNSETCARRIER): the kernel sees NO-CARRIER"
						     : "carrier on again");
}

static void detach(struct ui *ui)
{
	char err[512];
	int attached = ui->s->dev.fd >= 0;
	int rc = attached ? session_detach(ui->s, err, sizeof(err)) : session_reattach(ui->s, err, sizeof(err));

	if (rc == 0 && !attached)
		carrier_forced_off = 0;
	report(ui, rc, err, "%s", attached ? "queue detached: nobody reads the device now (NO-CARRIER); D re-attaches"
					  : "queue re-attached");
}

static void save_prompt(struct ui *ui)
{
	char path[128];
	time_t now = time(NULL);

	strftime(path, sizeof(path), "/tmp/tapscope-%Y%m%d-%H%M%S.pcap", localtime(&now));
	ui_prompt_open(ui, "save the frames in view to:", path, on_save);
}

static void mtu_prompt(struct ui *ui)
{
	char cur[16];

	snprintf(cur, sizeof(cur), "%u", snapshot(ui)->link.mtu);
	ui_prompt_open(ui, "MTU:", cur, on_mtu);
}

static void clear_frames(struct ui *ui)
{
	ring_clear(ui->ring);
	ui_view_rebuild(ui);
	ui->follow = 1;
	ui_message(ui, 0, "cleared (capture goes on)");
}

static void pause_view(struct ui *ui)
{
	ui->paused = !ui->paused;
	if (!ui->paused)
		ui_view_rebuild(ui);
	ui_message(ui, 0, "%s", ui->paused ? "view paused: capture goes on; space resumes" : "view resumed");
}

static enum ui_result focus_step(struct ui *ui, int step)
{
	ui->focus = (enum ui_focus)(((int)ui->focus + step + FOCUS_COUNT) % FOCUS_COUNT);
	if (ui->focus == FOCUS_HEX && !ui->show_hex)
		ui->focus = (enum ui_focus)(((int)ui->focus + step + FOCUS_COUNT) % FOCUS_COUNT);
	return UI_REDRAW;
}

enum ui_result ui_actions_key(struct ui *ui, int ch)
{
	switch (ch) {
	case 'q': case KEY_F(10): return UI_QUIT;
	case '?': case KEY_F(1): ui->help_open = 1; break;
	case '\t': return focus_step(ui, 1);
	case KEY_BTAB: return focus_step(ui, -1);
	case 27: if (ui->focus != FOCUS_LIST) ui->focus = FOCUS_LIST; break;
	case 'e': run_action(ui, "echo toggle"); break;
	case 'n': run_action(ui, "neigh toggle"); break;
	case 'i': ui_form_open(ui); break;
	case 'r':
		if (ui->last_spec[0])
			ui_inject_spec(ui, ui->last_spec);
		else
			ui_message(ui, 1, "nothing injected yet: i opens the inject form");
		break;
	case '/': ui_prompt_open(ui, "filter (BPF, empty clears):", ui->view_filter_text, on_filter); break;
	case 'w': save_prompt(ui); break;
	case 'a': ui_prompt_open(ui, "add address (CIDR, e.g. 10.18.0.5/24):", "", on_add_addr); break;
	case 'd': delete_selected_addr(ui); break;
	case 'u': link_up_down(ui); break;
	case 'm': mtu_prompt(ui); break;
	case 'C': carrier(ui); break;
	case 'D': detach(ui); break;
	case 'x':
		ui->show_hex = !ui->show_hex;
		if (!ui->show_hex && ui->focus == FOCUS_HEX)
			ui->focus = FOCUS_TREE;
		break;
	case 'c': clear_frames(ui); break;
	case ' ': pause_view(ui); break;
	default: return UI_HANDLED;
	}
	return UI_REDRAW;
}

int ui_actions_status(struct ui *ui, char *buf, size_t len)
{
	if (ui->s->dev.fd < 0)
		return snprintf(buf, len, "  QUEUE DETACHED");
	if (carrier_forced_off)
		return snprintf(buf, len, "  CARRIER OFF");
	return 0;
}
