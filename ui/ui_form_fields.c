/* ui_form_fields.c — the inject form's fields: choice lists, which fields apply to which message
 * (asked of the crafting engine, never repeated here), prefilled addresses, and the presets,
 * whose "for the selected frame" ones quote that very frame (quote=frame:N). */
#include "ui_form.h"

#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "proto.h"
#include "ui_detail.h"

const char *const form_preset_names[P_N + 1] = {
	"custom", "echo request from a peer", "echo reply to the selected frame",
	"port unreachable for the selected frame", "time exceeded for the selected frame",
	"echo request, bad checksum", NULL
};
const char *const form_proto_names[] = { "icmp", "icmp6", NULL };
const char *const form_df_names[] = { "no", "yes", NULL };

/* ---- field text ---- */

void fget(struct form_state *st, int i, char *buf, size_t n)
{
	const char *b = field_buffer(st->f[i], 0);
	size_t len = b ? strlen(b) : 0;

	while (len && b[len - 1] == ' ')
		len--;
	while (len && *b == ' ')
		b++, len--;
	if (len >= n)
		len = n - 1;
	memcpy(buf, b ? b : "", len);
	buf[len] = '\0';
}

void fset(struct form_state *st, int i, const char *text)
{
	set_field_buffer(st->f[i], 0, text);
}

int fis(struct form_state *st, int i, const char *text)
{
	char buf[64];

	fget(st, i, buf, sizeof(buf));
	return !strcasecmp(buf, text);
}

/* Brings the field being edited into its buffer (the form library keeps it aside until then). */
int form_sync(struct form_state *st)
{
	return form_driver(st->form, REQ_VALIDATION);
}

/* ---- choices ---- */

const char *const *form_choices(struct form_state *st, int i)
{
	switch (i) {
	case F_PRESET: return form_preset_names;
	case F_PROTO: return form_proto_names;
	case F_TYPE: return st->types;
	case F_CODE: return st->codes;
	case F_DF: return form_df_names;
	case F_QUOTE:
		st->quotes[0] = "stand-in";
		st->quotes[1] = "last";
		st->quotes[2] = "none";
		st->quotes[3] = st->quote_frame[0] ? st->quote_frame : NULL;	/* the selected frame */
		st->quotes[4] = NULL;
		return st->quotes;
	}
	return NULL;
}

int form_choice_index(struct form_state *st, int i)
{
	const char *const *list = form_choices(st, i);
	char buf[64];

	fget(st, i, buf, sizeof(buf));
	for (int k = 0; list && list[k]; k++)
		if (!strcasecmp(list[k], buf))
			return k;
	return -1;
}

int form_list_len(const char *const *list)
{
	int n = 0;

	while (list && list[n])
		n++;
	return n;
}

static void fill_list(const char **out, const struct tok *t)
{
	int n = 0;

	for (; t->s && n < LIST_MAX - 1; t++)
		out[n++] = t->s;
	out[n] = NULL;
}

/* ---- what applies to which message ---- */

/* Redirects need one field more (the better first hop); the probe and the More field supply it. */
static const char *redirect_needs(int v6, int type)
{
	if (!v6 && type == ICMP_T_REDIRECT)
		return "gateway";
	if (v6 && type == ICMP6_T_REDIRECT)
		return "target";
	return NULL;
}

/* Does the engine take token for this message (of that code, when code is not NULL)? */
static int probe_code(int v6, int type, const char *code, const char *token)
{
	struct craft_spec *s = malloc(sizeof(*s));
	char text[200];
	int ok;

	if (!s)
		return 1;
	snprintf(text, sizeof(text), "%s type=%d %s%s %s", v6 ? "icmp6" : "icmp", type, code ? "code=" : "",
		 code ? code : "", token);
	if (redirect_needs(v6, type) && !strstr(token, redirect_needs(v6, type)))
		snprintf(text + strlen(text), sizeof(text) - strlen(text), " %s=%s", redirect_needs(v6, type),
			 v6 ? "fe80::1" : "10.0.0.1");
	ok = craft_parse(text, s, NULL, 0) == 0;
	free(s);
	return ok;
}

static int probe(int v6, int type, const char *token)
{
	return probe_code(v6, type, NULL, token);
}

int form_is_echo_kind(int v6, int type)
{
	return v6 ? type == ICMP6_T_ECHO_REQUEST || type == ICMP6_T_ECHO_REPLY :
		    type == ICMP_T_ECHO_REPLY || type == ICMP_T_ECHO_REQUEST;
}

static int is_ndp(int v6, int type)
{
	return v6 && type >= ICMP6_T_ROUTER_SOLICIT && type <= ICMP6_T_REDIRECT;
}

const char *form_default_ttl(int v6, int type)
{
	return is_ndp(v6, type) ? "255" : "64";
}

void form_set_active(struct form_state *st, int i, int on)
{
	FIELD *cur = current_field(st->form);

	st->active[i] = (uint8_t)on;
	if (st->f[i] == cur)
		return;	/* the library refuses to disable the field being edited; it follows on leave */
	if (on)
		field_opts_on(st->f[i], O_ACTIVE);
	else
		field_opts_off(st->f[i], O_ACTIVE);
	set_field_back(st->f[i], on ? A_UNDERLINE : A_NORMAL);
}

/* Re-decides which fields apply after the protocol or type changed; newly applicable fields
 * get their defaults, fields that no longer apply are blanked. */
static void applicability(struct form_state *st)
{
	static const struct { int f; const char *token; const char *def; } probes[] = {
		{ F_ID, "id=1", "1" }, { F_SEQ, "seq=1", "1" }, { F_DF, "df=0", "no" },
		{ F_IPID, "ipid=1", "" }, { F_QUOTE, "quote=none", "stand-in" },
	};
	int tap = !st->ui->s->dev.tun;

	for (size_t k = 0; k < sizeof(probes) / sizeof(probes[0]); k++) {
		int on = probe(st->v6, st->type, probes[k].token), f = probes[k].f;

		if (on && (!st->active[f] || fis(st, f, "")))
			fset(st, f, probes[k].def);
		if (!on)
			fset(st, f, "");
		form_set_active(st, f, on);
	}
	form_set_active(st, F_CODE, st->codes[0] != NULL);
	form_set_active(st, F_SMAC, tap);
	form_set_active(st, F_DMAC, tap);
}

/* A redirect needs its better first hop: the More field offers a peer for it (and forgets the
 * offer when the type changes, unless the user edited it). */
static void extra_for_type(struct form_state *st)
{
	const char *key = redirect_needs(st->v6, st->type);
	char now[80], peer[64];

	fget(st, F_EXTRA, now, sizeof(now));
	if (now[0] && strcmp(now, st->extra_seen))
		return;
	st->extra_seen[0] = '\0';
	if (key) {
		form_peer_text(st->ui, st->v6, peer, sizeof(peer));
		snprintf(st->extra_seen, sizeof(st->extra_seen), "%s=%s", key, peer);
	}
	fset(st, F_EXTRA, st->extra_seen);
}

void form_extra_hint(struct form_state *st, char *buf, size_t n)
{
	static const char *const extras[] = {
		"mtu=1400", "pointer=20", "gateway=10.18.0.254", "target=fe80::1", "flags=S,O", "lifetime=1800",
		"curhlim=64", "prefix=fd00::/64", "lladdr=none", "flow=0", NULL
	};
	char code[32];
	size_t used = 0;
	int shown = 0;

	buf[0] = '\0';
	fget(st, F_CODE, code, sizeof(code));
	for (int i = 0; extras[i] && shown < 2; i++) {
		if (!probe_code(st->v6, st->type, code[0] ? code : NULL, extras[i]))
			continue;
		used += (size_t)snprintf(buf + used, n - used, "%s%s", shown ? " " : "e.g. ", extras[i]);
		shown++;
	}
	if (!shown)
		snprintf(buf, n, "(none for this type)");
}

void form_lists(struct form_state *st, int v6, const char *type_name, const char *code_name)
{
	const struct tok *t;
	int old_v6 = st->v6, old_type = st->type;

	st->v6 = v6;
	fill_list(st->types, craft_icmp_types(v6));
	st->type = craft_icmp_types(v6)[0].v;
	for (t = craft_icmp_types(v6); t->s; t++)
		if (type_name && !strcasecmp(t->s, type_name))
			st->type = t->v;
	fset(st, F_TYPE, craft_type_name(v6, st->type));
	fill_list(st->codes, craft_icmp_codes(v6, st->type));
	fset(st, F_CODE, st->codes[0] ? st->codes[0] : "");
	for (int k = 0; code_name && st->codes[k]; k++)
		if (!strcasecmp(st->codes[k], code_name))
			fset(st, F_CODE, st->codes[k]);
	fset(st, F_PROTO, form_proto_names[v6]);
	if (fis(st, F_TTL, form_default_ttl(old_v6, old_type)) || fis(st, F_TTL, ""))
		fset(st, F_TTL, form_default_ttl(v6, st->type));
	applicability(st);
	extra_for_type(st);
}

/* ---- prefilled addresses ---- */

static void addr_text(int v6, const uint8_t *a, char *buf, size_t n)
{
	if (!inet_ntop(v6 ? AF_INET6 : AF_INET, a, buf, (socklen_t)n))
		buf[0] = '\0';
}

void form_mac_text(const uint8_t *m, char *buf, size_t n)
{
	snprintf(buf, n, "%02x:%02x:%02x:%02x:%02x:%02x", m[0], m[1], m[2], m[3], m[4], m[5]);
}

void form_peer_text(struct ui *ui, int v6, char *buf, size_t n)
{
	uint8_t a[16];

	buf[0] = '\0';
	if (!addrset_default_peer(&ui->s->addrs, v6 ? AF_INET6 : AF_INET, a))
		addr_text(v6, a, buf, n);
}

/* The device's own address of the family; a global IPv6 one before the link-local. */
void form_own_text(struct ui *ui, int v6, char *buf, size_t n)
{
	const struct addrset *set = &ui->s->addrs;
	const struct dev_addr *a = addrset_first(set, v6 ? AF_INET6 : AF_INET);

	for (int i = 0; v6 && i < set->n; i++) {
		if (set->a[i].family == AF_INET6 && !(set->a[i].addr[0] == 0xfe && (set->a[i].addr[1] & 0xc0) == 0x80)) {
			a = &set->a[i];
			break;
		}
	}
	buf[0] = '\0';
	if (a)
		addr_text(v6, a->addr, buf, n);
}

/* The Src MAC a source address gets by default (blank when the address does not parse). */
void form_smac_default(struct form_state *st, const char *src, char *buf, size_t n)
{
	uint8_t a[16];

	buf[0] = '\0';
	if (inet_pton(st->v6 ? AF_INET6 : AF_INET, src, a) == 1) {
		uint8_t mac[6];

		peer_mac(st->v6 ? AF_INET6 : AF_INET, a, mac);
		form_mac_text(mac, buf, n);
	}
}

void form_addrs(struct form_state *st, const char *src, const char *dst)
{
	struct ui *ui = st->ui;
	char buf[64];

	fset(st, F_SRC, src);
	fset(st, F_DST, dst);
	if (ui->s->dev.tun)
		return;
	form_smac_default(st, src, buf, sizeof(buf));
	fset(st, F_SMAC, buf);
	snprintf(st->src_seen, sizeof(st->src_seen), "%s", src);
	form_mac_text(ui->s->dev.mac, buf, sizeof(buf));
	fset(st, F_DMAC, buf);
}

/* A new source keeps the Src MAC in step, unless the user typed a MAC of their own. */
void form_follow_src(struct form_state *st)
{
	char src[64], smac[32], old[32], now[32];

	if (st->ui->s->dev.tun)
		return;
	fget(st, F_SRC, src, sizeof(src));
	if (!strcmp(src, st->src_seen))
		return;
	fget(st, F_SMAC, smac, sizeof(smac));
	form_smac_default(st, st->src_seen, old, sizeof(old));
	form_smac_default(st, src, now, sizeof(now));
	if (!strcasecmp(smac, old) || !smac[0])
		fset(st, F_SMAC, now);
	snprintf(st->src_seen, sizeof(st->src_seen), "%s", src);
}

int form_family_usable(struct ui *ui, int v6)
{
	return addrset_first(&ui->s->addrs, v6 ? AF_INET6 : AF_INET) != NULL;
}

/* NDP messages take the engine's addresses (link-local source, multicast groups): blank them;
 * other types get the peer and the device back when both are blank. */
void form_type_addrs(struct form_state *st)
{
	char src[64], dst[64];

	if (is_ndp(st->v6, st->type)) {
		form_addrs(st, "", "");
		return;
	}
	fget(st, F_SRC, src, sizeof(src));
	fget(st, F_DST, dst, sizeof(dst));
	if (src[0] || dst[0])
		return;
	form_peer_text(st->ui, st->v6, src, sizeof(src));
	form_own_text(st->ui, st->v6, dst, sizeof(dst));
	form_addrs(st, src, dst);
}

void form_choice_changed(struct form_state *st, int i)
{
	char buf[64], peer[64], own[64];

	fget(st, i, buf, sizeof(buf));
	if (i == F_PRESET) {
		form_preset(st, form_choice_index(st, i));
		return;
	}
	if (i == F_PROTO) {
		int v6 = !strcasecmp(buf, "icmp6");

		form_lists(st, v6, "echo-request", NULL);
		form_peer_text(st->ui, v6, peer, sizeof(peer));
		form_own_text(st->ui, v6, own, sizeof(own));
		form_addrs(st, peer, own);
		fset(st, F_PAYLOAD, "size:56");
	} else if (i == F_TYPE) {
		int was_echo = form_is_echo_kind(st->v6, st->type);

		form_lists(st, st->v6, buf, NULL);
		if (was_echo != form_is_echo_kind(st->v6, st->type))
			fset(st, F_PAYLOAD, was_echo ? "" : "size:56");
		form_type_addrs(st);
	}
	if (i == F_PROTO || i == F_TYPE)
		fset(st, F_PRESET, "custom");
}

/* ---- presets ---- */


static void sel_text(const struct decoded *d, const char *name, char *buf, size_t n)
{
	int i = detail_find(d, name);

	buf[0] = '\0';
	if (i >= 0)
		decode_value_text(d, i, buf, n);
}

void form_note_selection(struct form_state *st)
{
	struct sel_info *si = &st->sel;
	struct ui *ui = st->ui;
	const struct ui_detail *dt = ui->detail;
	const struct decoded *d = &dt->d;
	int i4, i6, t;

	memset(si, 0, sizeof(*si));
	if (!dt->num)
		return;
	i4 = detail_find(d, "ip.src");
	i6 = detail_find(d, "ipv6.src");
	if (i4 < 0 && i6 < 0)
		return;
	si->ok = 1;
	si->num = dt->num;
	si->v6 = i4 < 0 || (i6 >= 0 && i6 < i4);
	sel_text(d, si->v6 ? "ipv6.src" : "ip.src", si->src, sizeof(si->src));
	sel_text(d, si->v6 ? "ipv6.dst" : "ip.dst", si->dst, sizeof(si->dst));
	t = detail_find(d, si->v6 ? "icmpv6.type" : "icmp.type");
	si->echo_req = t >= 0 && decode_field(d, t)->value == (si->v6 ? ICMP6_T_ECHO_REQUEST : ICMP_T_ECHO_REQUEST);
	sel_text(d, si->v6 ? "icmpv6.echo.identifier" : "icmp.ident", si->id, sizeof(si->id));
	sel_text(d, si->v6 ? "icmpv6.echo.sequence_number" : "icmp.seq", si->seq, sizeof(si->seq));
	si->from_kernel = dt->frame.dir == FRAME_IN;
}

static void preset_common(struct form_state *st, int v6, const char *type, const char *code)
{
	char peer[64], own[64];

	fset(st, F_EXTRA, "");
	form_lists(st, v6, type, code);
	form_peer_text(st->ui, v6, peer, sizeof(peer));
	form_own_text(st->ui, v6, own, sizeof(own));
	form_addrs(st, peer, own);
	fset(st, F_TTL, form_default_ttl(v6, st->type));
	fset(st, F_TOS, "0");
	fset(st, F_PAYLOAD, form_is_echo_kind(v6, st->type) ? "size:56" : "");
	fset(st, F_CSUM, "auto");
	fset(st, F_COUNT, "1");
	fset(st, F_INTERVAL, "1s");
	st->msg[0] = '\0';
	memset(st->err, 0, sizeof(st->err));
}

static int is_multicast(int v6, const char *text)
{
	uint8_t a[16];

	if (inet_pton(v6 ? AF_INET6 : AF_INET, text, a) != 1)
		return 0;
	return v6 ? a[0] == 0xff : (a[0] & 0xf0) == 0xe0 || !memcmp(a, "\xff\xff\xff\xff", 4);
}

/* An error message about the selected frame, quoting it (quote=frame:N): from its destination
 * (port unreachable) or a router on the way (time exceeded) back to its source. */
static void preset_error(struct form_state *st, int timex)
{
	struct sel_info si;
	int v6 = st->v6;
	char peer[64];

	si = st->sel;
	if (si.ok && si.from_kernel)
		v6 = si.v6;
	if (timex)
		preset_common(st, v6, "time-exceeded", v6 ? "hop-limit-exceeded" : "ttl-exceeded");
	else
		preset_common(st, v6, "dest-unreach", "port-unreach");
	st->msg_error = 0;
	if (!si.ok || !si.from_kernel) {
		fset(st, F_QUOTE, "last");
		snprintf(st->msg, sizeof(st->msg), "no IP frame from the kernel is selected, so this quotes the kernel's "
			 "last packet (quote=last%s); select a '<' frame first to quote it", st->ui->s->have_last_in ? "" :
			 ", none yet");
		return;
	}
	snprintf(st->quote_frame, sizeof(st->quote_frame), "frame:%llu", (unsigned long long)si.num);
	fset(st, F_QUOTE, st->quote_frame);
	form_peer_text(st->ui, v6, peer, sizeof(peer));
	/* the host that could not deliver it answers; for a multicast destination, a peer does */
	form_addrs(st, timex || is_multicast(v6, si.dst) ? peer : si.dst, si.src);
	snprintf(st->msg, sizeof(st->msg), "quotes frame %llu, the selected one", (unsigned long long)si.num);
	if ((timex || is_multicast(v6, si.dst)) && !peer[0]) {	/* say so now, not when F10 fails */
		snprintf(st->msg, sizeof(st->msg), "quotes frame %llu (to %s%s): the device has no %s subnet to pick "
			 "a peer from, so give Source an address on the link (or select a frame to a peer)",
			 (unsigned long long)si.num, si.dst, timex ? "" : ", a multicast group", v6 ? "IPv6" : "IPv4");
		st->msg_error = 1;
	}
}

void form_preset(struct form_state *st, int p)
{
	struct sel_info si;
	int v6 = st->v6;

	if (p <= P_CUSTOM || p >= P_N)
		return;
	set_current_field(st->form, st->f[F_PRESET]);
	fset(st, F_PRESET, form_preset_names[p]);
	if (!form_family_usable(st->ui, v6) && form_family_usable(st->ui, !v6))
		v6 = !v6;
	switch (p) {
	case P_ECHO:
	case P_BADSUM: {
		char peer[64];

		form_peer_text(st->ui, v6, peer, sizeof(peer));	/* "from a peer": the family that has one */
		if (!peer[0] && (form_peer_text(st->ui, !v6, peer, sizeof(peer)), peer[0]))
			v6 = !v6;
		preset_common(st, v6, "echo-request", NULL);
		if (p == P_BADSUM)
			fset(st, F_CSUM, "bad");
		break;
	}
	case P_REPLY:
		si = st->sel;
		if (si.ok && si.echo_req && si.from_kernel)
			v6 = si.v6;
		preset_common(st, v6, "echo-reply", NULL);
		if (si.ok && si.echo_req && si.from_kernel) {	/* answer the selected ping */
			form_addrs(st, si.dst, si.src);
			fset(st, F_ID, si.id);
			fset(st, F_SEQ, si.seq);
		} else {
			snprintf(st->msg, sizeof(st->msg), "no echo request from the kernel is selected: "
				 "the reply goes to the device with id 1, seq 1");
			st->msg_error = 0;
		}
		break;
	case P_UNREACH:
	case P_TIMEX:
		preset_error(st, p == P_TIMEX);
		break;
	}
}
