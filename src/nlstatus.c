/* nlstatus.c — `--status`: the model of one device printed once, as text or JSON, read-only. */
#include "nlstatus.h"

#include <arpa/inet.h>
#include <errno.h>
#include <linux/if.h>
#include <linux/if_addr.h>
#include <linux/neighbour.h>
#include <netlink/errno.h>
#include <stdint.h>
#include <string.h>

#include "nlfmt.h"
#include "nlmodel.h"

/* ---- JSON ---- */

static void json_str(FILE *out, const char *s)
{
	fputc('"', out);
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\')
			fprintf(out, "\\%c", c);
		else if (c < 0x20)
			fprintf(out, "\\u%04x", c);
		else
			fputc(c, out);
	}
	fputc('"', out);
}

static void json_kv(FILE *out, int *first, const char *key, const char *val)
{
	fprintf(out, "%s\"%s\":", *first ? "" : ",", key);
	json_str(out, val);
	*first = 0;
}

static void json_kn(FILE *out, int *first, const char *key, long long val)
{
	fprintf(out, "%s\"%s\":%lld", *first ? "" : ",", key, val);
	*first = 0;
}

static void json_kb(FILE *out, int *first, const char *key, int val)
{
	fprintf(out, "%s\"%s\":%s", *first ? "" : ",", key, val ? "true" : "false");
	*first = 0;
}

/* "A B C" → ["A","B","C"] */
static void json_words(FILE *out, int *first, const char *key, const char *words)
{
	char buf[256], *save = NULL, *w;
	int n = 0;

	snprintf(buf, sizeof(buf), "%s", words);
	fprintf(out, "%s\"%s\":[", *first ? "" : ",", key);
	for (w = strtok_r(buf, " ", &save); w; w = strtok_r(NULL, " ", &save)) {
		fprintf(out, "%s", n++ ? "," : "");
		json_str(out, w);
	}
	fputc(']', out);
	*first = 0;
}

static void json_tun(FILE *out, const struct tun_info *t)
{
	int f = 1;

	fprintf(out, ",\"tun\":{");
	json_kv(out, &f, "type", t->is_tap ? "tap" : "tun");
	json_kb(out, &f, "pi", t->pi);
	json_kb(out, &f, "vnet_hdr", t->vnet_hdr);
	json_kb(out, &f, "persist", t->persist);
	json_kb(out, &f, "multi_queue", t->multi_queue);
	if (t->owner >= 0)
		json_kn(out, &f, "owner", t->owner);
	if (t->group >= 0)
		json_kn(out, &f, "group", t->group);
	if (t->num_queues >= 0)
		json_kn(out, &f, "num_queues", t->num_queues);
	if (t->num_disabled_queues >= 0)
		json_kn(out, &f, "num_disabled_queues", t->num_disabled_queues);
	fprintf(out, ",\"holders\":[");
	for (int i = 0; i < t->nholders; i++) {
		int g = 1;

		fprintf(out, "%s{", i ? "," : "");
		json_kn(out, &g, "pid", t->holders[i].pid);
		json_kv(out, &g, "comm", t->holders[i].comm);
		json_kn(out, &g, "fd", t->holders[i].fd);
		fputc('}', out);
	}
	fprintf(out, "]}");
}

static void json_addr(FILE *out, const struct snap_addr *a)
{
	char ip[INET6_ADDRSTRLEN], buf[160];
	int f = 1;

	fputc('{', out);
	json_kv(out, &f, "family", nlfmt_family(a->family));
	json_kv(out, &f, "local", nlfmt_ip(a->family, a->addr, ip, sizeof(ip)));
	if (a->has_peer)
		json_kv(out, &f, "address", nlfmt_ip(a->family, a->peer, ip, sizeof(ip)));
	json_kn(out, &f, "prefixlen", a->prefixlen);
	json_kv(out, &f, "scope", nlfmt_scope(a->scope, buf, sizeof(buf)));
	json_words(out, &f, "flags", nlfmt_addr_flags(a->family, a->flags, buf, sizeof(buf)));
	fputc('}', out);
}

static void json_route(FILE *out, const struct snap_route *r, const char *dev)
{
	char ip[INET6_ADDRSTRLEN + 4], buf[32];
	int f = 1;

	fputc('{', out);
	json_kv(out, &f, "family", nlfmt_family(r->family));
	json_kv(out, &f, "type", nlfmt_rtntype(r->type, buf, sizeof(buf)));
	json_kv(out, &f, "dst", nlfmt_route_dst(r, ip, sizeof(ip)));
	if (r->has_gw)
		json_kv(out, &f, "gateway", nlfmt_ip(r->family, r->gw, ip, sizeof(ip)));
	json_kv(out, &f, "dev", dev);
	json_kv(out, &f, "table", nlfmt_table(r->table, buf, sizeof(buf)));
	json_kv(out, &f, "protocol", nlfmt_proto(r->protocol, buf, sizeof(buf)));
	json_kv(out, &f, "scope", nlfmt_scope(r->scope, buf, sizeof(buf)));
	if (r->has_prefsrc)
		json_kv(out, &f, "prefsrc", nlfmt_ip(r->family, r->prefsrc, ip, sizeof(ip)));
	if (r->has_metric)
		json_kn(out, &f, "metric", r->metric);
	json_words(out, &f, "flags", r->linkdown ? "linkdown" : "");
	fputc('}', out);
}

static void json_neigh(FILE *out, const struct snap_neigh *n)
{
	char ip[INET6_ADDRSTRLEN], buf[96];
	int f = 1;

	fputc('{', out);
	json_kv(out, &f, "family", nlfmt_family(n->family));
	json_kv(out, &f, "dst", nlfmt_ip(n->family, n->dst, ip, sizeof(ip)));
	if (n->has_lladdr)
		json_kv(out, &f, "lladdr", nlfmt_mac(n->lladdr, buf, sizeof(buf)));
	json_kb(out, &f, "router", (n->flags & NTF_ROUTER) != 0);
	json_words(out, &f, "state", nlfmt_nud(n->state, buf, sizeof(buf)));
	fputc('}', out);
}

static void json_dir(FILE *out, const char *name, uint64_t packets, uint64_t bytes, uint64_t errors,
		     uint64_t dropped, int comma)
{
	fprintf(out, "%s\"%s\":{\"packets\":%llu,\"bytes\":%llu,\"errors\":%llu,\"dropped\":%llu}", comma ? "," : "",
		name, (unsigned long long)packets, (unsigned long long)bytes, (unsigned long long)errors,
		(unsigned long long)dropped);
}

static void json_rate(FILE *out, const char *name, double packets, double bytes, double errors, double dropped,
		      int comma)
{
	fprintf(out, "%s\"%s\":{\"packets\":%.1f,\"bytes\":%.1f,\"errors\":%.1f,\"dropped\":%.1f}", comma ? "," : "",
		name, packets, bytes, errors, dropped);
}

static void print_json(FILE *out, const struct nl_snapshot *s, const struct diag_verdict *v, int nv)
{
	const struct snap_link *l = &s->link;
	char buf[192];
	int f = 1;

	fputc('{', out);
	json_kv(out, &f, "ifname", s->ifname);
	json_kb(out, &f, "present", l->present);
	if (l->present) {
		json_kn(out, &f, "ifindex", l->ifindex);
		json_kv(out, &f, "kind", l->kind);
		json_words(out, &f, "flags", nlfmt_link_flags(l->flags, buf, sizeof(buf)));
		json_kb(out, &f, "admin_up", (l->flags & IFF_UP) != 0);
		json_kv(out, &f, "operstate", nlfmt_operstate(l->operstate));
		json_kb(out, &f, "carrier", l->carrier);
		json_kn(out, &f, "mtu", l->mtu);
		if (l->has_mac)
			json_kv(out, &f, "address", nlfmt_mac(l->mac, buf, sizeof(buf)));
		json_kn(out, &f, "txqlen", l->txqlen);
		json_kv(out, &f, "qdisc", l->qdisc);
		if (s->tun.valid)
			json_tun(out, &s->tun);
	}
	fprintf(out, ",\"diagnosis\":[");
	for (int i = 0; i < nv; i++) {
		int g = 1;

		fprintf(out, "%s{", i ? "," : "");
		json_kv(out, &g, "code", diagnose_code_name(v[i].code));
		json_kv(out, &g, "level", diagnose_level_name(v[i].level));
		json_kv(out, &g, "text", v[i].text);
		fputc('}', out);
	}
	fputc(']', out);
	if (!l->present) {
		fprintf(out, "}\n");
		return;
	}
	fprintf(out, ",\"addr_info\":[");
	for (int i = 0; i < s->naddrs; i++) {
		fprintf(out, "%s", i ? "," : "");
		json_addr(out, &s->addrs[i]);
	}
	fprintf(out, "],\"routes\":[");
	for (int i = 0; i < s->nroutes; i++) {
		fprintf(out, "%s", i ? "," : "");
		json_route(out, &s->routes[i], s->ifname);
	}
	fprintf(out, "],\"neighbours\":[");
	for (int i = 0; i < s->nneighs; i++) {
		fprintf(out, "%s", i ? "," : "");
		json_neigh(out, &s->neighs[i]);
	}
	fputc(']', out);
	if (s->has_counters) {
		const struct nl_counters *c = &s->ctr;

		fprintf(out, ",\"stats64\":{");
		json_dir(out, "rx", c->rx_packets, c->rx_bytes, c->rx_errors, c->rx_dropped, 0);
		json_dir(out, "tx", c->tx_packets, c->tx_bytes, c->tx_errors, c->tx_dropped, 1);
		fputc('}', out);
	}
	if (s->rate.valid) {
		const struct nl_rates *r = &s->rate;

		fprintf(out, ",\"rates\":{");
		json_rate(out, "rx", r->rx_packets, r->rx_bytes, r->rx_errors, r->rx_dropped, 0);
		json_rate(out, "tx", r->tx_packets, r->tx_bytes, r->tx_errors, r->tx_dropped, 1);
		fputc('}', out);
	}
	fprintf(out, "}\n");
}

/* ---- text ---- */

static const char *onoff(int v)
{
	return v ? "on" : "off";
}

static void text_tun(FILE *out, const struct tun_info *t)
{
	fprintf(out, "    tun: type %s pi %s vnet_hdr %s persist %s multi_queue %s", t->is_tap ? "tap" : "tun", onoff(t->pi),
		onoff(t->vnet_hdr), onoff(t->persist), onoff(t->multi_queue));
	if (t->owner >= 0)
		fprintf(out, " owner %ld", t->owner);
	if (t->group >= 0)
		fprintf(out, " group %ld", t->group);
	if (t->num_queues >= 0)
		fprintf(out, " queues %d", t->num_queues);
	if (t->num_disabled_queues > 0)
		fprintf(out, " (%d detached)", t->num_disabled_queues);
	fprintf(out, "\n    held by:");
	if (t->nholders == 0)
		fprintf(out, " nobody");
	for (int i = 0; i < t->nholders; i++)
		fprintf(out, "%s %s[%d] fd %d", i ? "," : "", t->holders[i].comm, t->holders[i].pid, t->holders[i].fd);
	fputc('\n', out);
}

static void text_link(FILE *out, const struct nl_snapshot *s)
{
	const struct snap_link *l = &s->link;
	char buf[192];

	if (!l->present) {
		fprintf(out, "%s: no such device\n", s->ifname);
		return;
	}
	fprintf(out, "%s: %s index %d <%s> mtu %u qdisc %s state %s carrier %s txqlen %u\n", l->name,
		l->kind[0] ? l->kind : "device", l->ifindex, nlfmt_link_flags(l->flags, buf, sizeof(buf)), l->mtu,
		l->qdisc[0] ? l->qdisc : "none", nlfmt_operstate(l->operstate), onoff(l->carrier), l->txqlen);
	if (l->has_mac)
		fprintf(out, "    link/ether %s\n", nlfmt_mac(l->mac, buf, sizeof(buf)));
	if (s->tun.valid)
		text_tun(out, &s->tun);
}

static void text_counters(FILE *out, const struct nl_snapshot *s)
{
	const struct nl_counters *c = &s->ctr;
	const struct nl_rates *r = &s->rate;

	fprintf(out, "counters:\n");
	fprintf(out, "    rx packets %llu bytes %llu errors %llu dropped %llu", (unsigned long long)c->rx_packets,
		(unsigned long long)c->rx_bytes, (unsigned long long)c->rx_errors, (unsigned long long)c->rx_dropped);
	if (r->valid)
		fprintf(out, "  (%.0f pkt/s %.0f B/s)", r->rx_packets, r->rx_bytes);
	fprintf(out, "\n    tx packets %llu bytes %llu errors %llu dropped %llu", (unsigned long long)c->tx_packets,
		(unsigned long long)c->tx_bytes, (unsigned long long)c->tx_errors, (unsigned long long)c->tx_dropped);
	if (r->valid)
		fprintf(out, "  (%.0f pkt/s %.0f B/s, %.0f dropped/s)", r->tx_packets, r->tx_bytes, r->tx_dropped);
	fputc('\n', out);
}

static void print_text(FILE *out, const struct nl_snapshot *s, const struct diag_verdict *v, int nv)
{
	char line[320];

	text_link(out, s);
	fprintf(out, "diagnosis:\n");
	for (int i = 0; i < nv; i++)
		fprintf(out, "    %s\n", v[i].text);
	if (!s->link.present)
		return;
	fprintf(out, "addresses:%s\n", s->naddrs ? "" : " none");
	for (int i = 0; i < s->naddrs; i++) {
		nlfmt_addr_line(&s->addrs[i], s->ifname, line, sizeof(line));
		fprintf(out, "    %s %s\n", nlfmt_family(s->addrs[i].family), line);
	}
	fprintf(out, "routes:%s\n", s->nroutes ? "" : " none");
	for (int i = 0; i < s->nroutes; i++) {
		nlfmt_route_line(&s->routes[i], s->ifname, line, sizeof(line));
		fprintf(out, "    %s\n", line);
	}
	fprintf(out, "neighbours:%s\n", s->nneighs ? "" : " none");
	for (int i = 0; i < s->nneighs; i++) {
		nlfmt_neigh_line(&s->neighs[i], s->ifname, line, sizeof(line));
		fprintf(out, "    %s\n", line);
	}
	if (s->has_counters)
		text_counters(out, s);
}

void nlstatus_print_snapshot(FILE *out, const struct nl_snapshot *s, const struct diag_target *target, int flags)
{
	struct diag_verdict v[DIAG_MAX];
	int nv = diagnose_run(s, target, v, DIAG_MAX);

	if (flags & NLSTATUS_JSON)
		print_json(out, s, v, nv);
	else
		print_text(out, s, v, nv);
}

int nlstatus_snapshot(struct nlmodel *m, const struct diag_target *target, struct nl_snapshot *s)
{
	struct diag_target peer;
	int rc = nlmodel_snapshot(m, s);

	if (rc == 0 && diagnose_peer(s, target, &peer))
		nlmodel_lookup(m, peer.family, peer.addr, &s->lookup);
	return rc;
}

int nlstatus_print(FILE *out, const char *ifname, int flags, char *err, size_t errlen)
{
	static struct nl_snapshot snap;	/* large; --status runs once */
	struct nlmodel *m = nlmodel_new(NULL, ifname, err, errlen);
	int rc;

	if (!m)
		return -NLE_FAILURE;
	nlmodel_set_local_routes(m, (flags & NLSTATUS_LOCAL_ROUTES) != 0);
	rc = nlstatus_snapshot(m, NULL, &snap);
	nlmodel_free(m);
	nlstatus_print_snapshot(out, &snap, NULL, flags);
	if (rc == -ENODEV)
		snprintf(err, errlen, "no device %s in this namespace", ifname);
	return rc;
}
