/* ui_form.c — the inject form (ncurses form library on its own panel): fields in, the --inject spec text out. */
#include "ui.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <form.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "craft.h"

#define FORM_COLS 78		/* fits 80x24 with a column to spare each side */
#define FORM_ROWS 20
#define SPEC_MAX 1024
#define ERR_MAX 96
#define LIST_MAX 32

enum fid {
	F_PRESET, F_PROTO, F_TYPE, F_CODE, F_SRC, F_DST, F_SMAC, F_DMAC, F_TTL, F_TOS, F_DF,
	F_IPID, F_ID, F_SEQ, F_QUOTE, F_PAYLOAD, F_CSUM, F_COUNT, F_INTERVAL, F_EXTRA, F_N
};

enum kind { K_TEXT, K_CHOICE, K_INT };

/* Where a field sits (inside the border), its label, and the spec key it becomes. */
struct fspec {
	const char *label;
	int row, lcol, fcol, width;
	enum kind kind;
	long min, max;
	const char *key;
};

static const struct fspec fspecs[F_N] = {
	[F_PRESET] = { "Preset", 0, 1, 10, 40, K_CHOICE, 0, 0, NULL },
	[F_PROTO] = { "Protocol", 1, 1, 10, 6, K_CHOICE, 0, 0, NULL },
	[F_TYPE] = { "Type", 2, 1, 10, 20, K_CHOICE, 0, 0, "type" },
	[F_CODE] = { "Code", 3, 1, 10, 20, K_CHOICE, 0, 0, "code" },
	[F_SRC] = { "Source", 4, 1, 10, 39, K_TEXT, 0, 0, "src" },
	[F_DST] = { "Dest", 5, 1, 10, 39, K_TEXT, 0, 0, "dst" },
	[F_SMAC] = { "Src MAC", 6, 1, 10, 17, K_TEXT, 0, 0, "smac" },
	[F_DMAC] = { "Dst MAC", 6, 29, 38, 17, K_TEXT, 0, 0, "dmac" },
	[F_TTL] = { "TTL", 7, 1, 10, 3, K_INT, 0, 255, "ttl" },
	[F_TOS] = { "TOS", 7, 15, 22, 3, K_INT, 0, 255, "tos" },
	[F_DF] = { "DF", 7, 27, 30, 3, K_CHOICE, 0, 0, "df" },
	[F_IPID] = { "IP id", 7, 38, 44, 5, K_INT, 0, 65535, "ipid" },
	[F_ID] = { "Echo id", 8, 1, 10, 5, K_INT, 0, 65535, "id" },
	[F_SEQ] = { "Seq", 8, 17, 22, 5, K_INT, 0, 65535, "seq" },
	[F_QUOTE] = { "Quote", 9, 1, 10, 8, K_CHOICE, 0, 0, "quote" },
	[F_PAYLOAD] = { "Payload", 10, 1, 10, 39, K_TEXT, 0, 0, "payload" },
	[F_CSUM] = { "Checksum", 11, 1, 10, 8, K_TEXT, 0, 0, "checksum" },
	[F_COUNT] = { "Count", 12, 1, 10, 7, K_INT, 1, 1000000, "count" },
	[F_INTERVAL] = { "Interval", 12, 20, 30, 8, K_TEXT, 0, 0, "interval" },
	[F_EXTRA] = { "More", 13, 1, 10, 39, K_TEXT, 0, 0, NULL },
};

/* What a field is for, shown beside it while it has no error. */
static const char *const hints[F_N] = {
	[F_PRESET] = "F2..F6", [F_SRC] = "blank: default", [F_DST] = "blank: default",
	[F_SMAC] = "blank: default", [F_PAYLOAD] = "text:hi hex:dead size:N",
	[F_CSUM] = "auto  bad  0xNNNN", [F_EXTRA] = "e.g. mtu=1400 pointer=9", [F_INTERVAL] = "500ms 1s 2.5s",
	[F_QUOTE] = "last: kernel's last packet", [F_TTL] = "blank: default", [F_ID] = "blank: default",
};

enum preset { P_CUSTOM, P_ECHO, P_REPLY, P_UNREACH, P_TIMEX, P_BADSUM, P_N };

static const char *const preset_names[P_N + 1] = {
	"custom", "echo request from a peer", "echo reply", "port unreachable for the selected frame",
	"time exceeded", "bad checksum", NULL
};
static const char *const proto_names[] = { "icmp", "icmp6", NULL };
static const char *const df_names[] = { "no", "yes", NULL };
static const char *const quote_names[] = { "stand-in", "last", "none", NULL };

struct form_state {
	FORM *form;
	FIELD *f[F_N + 1];
	WINDOW *win, *sub;
	PANEL *panel;
	int v6, type;			/* what the type and code lists were made for */
	const char *types[LIST_MAX], *codes[LIST_MAX];
	uint8_t active[F_N];
	char err[F_N][ERR_MAX];
	char msg[256];
	int msg_error;
	char src_seen[64];		/* the source the Src MAC prefill was made for */
	char extra_seen[80];		/* what the More field was given for the type (redirect's hop) */
};

static struct form_state *state(struct ui *ui)
{
	return ui->form;
}

/* ---- field text ---- */

static void fget(struct form_state *st, int i, char *buf, size_t n)
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

static void fset(struct form_state *st, int i, const char *text)
{
	set_field_buffer(st->f[i], 0, text);
}

static int fis(struct form_state *st, int i, const char *text)
{
	char buf[64];

	fget(st, i, buf, sizeof(buf));
	return !strcasecmp(buf, text);
}

/* Brings the field being edited into its buffer (the form library keeps it aside until then). */
static int form_sync(struct form_state *st)
{
	return form_driver(st->form, REQ_VALIDATION);
}

/* ---- choices ---- */

static const char *const *choices(struct form_state *st, int i)
{
	switch (i) {
	case F_PRESET: return preset_names;
	case F_PROTO: return proto_names;
	case F_TYPE: return st->types;
	case F_CODE: return st->codes;
	case F_DF: return df_names;
	case F_QUOTE: return quote_names;
	}
	return NULL;
}

static int choice_index(struct form_state *st, int i)
{
	const char *const *list = choices(st, i);
	char buf[64];

	fget(st, i, buf, sizeof(buf));
	for (int k = 0; list && list[k]; k++)
		if (!strcasecmp(list[k], buf))
			return k;
	return -1;
}

static int list_len(const char *const *list)
{
	int n = 0;

	while (list && list[n])
		n++;
	return n;
}

static void fill_list(const char **out, const struct craft_name *t)
{
	int n = 0;

	for (; t->name && n < LIST_MAX - 1; t++)
		out[n++] = t->name;
	out[n] = NULL;
}

/* ---- what applies to which message: asked of the crafting engine, not repeated here ---- */

/* Redirects need one field more (the better first hop); the probe and the More field supply it. */
static const char *redirect_needs(int v6, int type)
{
	if (!v6 && type == 5)
		return "gateway";
	if (v6 && type == 137)
		return "target";
	return NULL;
}

static int probe(int v6, int type, const char *token)
{
	struct craft_spec *s = malloc(sizeof(*s));
	char text[128], err[8];
	int ok;

	if (!s)
		return 1;
	snprintf(text, sizeof(text), "%s type=%d %s", v6 ? "icmp6" : "icmp", type, token);
	if (redirect_needs(v6, type))
		snprintf(text + strlen(text), sizeof(text) - strlen(text), " %s=%s", redirect_needs(v6, type),
			 v6 ? "fe80::1" : "10.0.0.1");
	ok = craft_parse(text, s, err, sizeof(err)) == 0;
	free(s);
	return ok;
}

static int is_echo_kind(int v6, int type)
{
	return v6 ? type == 128 || type == 129 : type == 0 || type == 8;
}

static int is_ndp(int v6, int type)
{
	return v6 && type >= 133 && type <= 137;
}

static const char *default_ttl(int v6, int type)
{
	return is_ndp(v6, type) ? "255" : "64";
}

static void set_active(struct form_state *st, int i, int on)
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
static void form_applicability(struct form_state *st, struct ui *ui)
{
	static const struct { int f; const char *token; const char *def; } probes[] = {
		{ F_ID, "id=1", "1" }, { F_SEQ, "seq=1", "1" }, { F_DF, "df=0", "no" },
		{ F_IPID, "ipid=1", "" }, { F_QUOTE, "quote=none", "stand-in" },
	};
	int tap = !ui->s->dev.tun;

	for (size_t k = 0; k < sizeof(probes) / sizeof(probes[0]); k++) {
		int on = probe(st->v6, st->type, probes[k].token), f = probes[k].f;

		if (on && (!st->active[f] || fis(st, f, "")))
			fset(st, f, probes[k].def);
		if (!on)
			fset(st, f, "");
		set_active(st, f, on);
	}
	set_active(st, F_CODE, st->codes[0] != NULL);
	set_active(st, F_SMAC, tap);
	set_active(st, F_DMAC, tap);
}

static void peer_text(struct ui *ui, int v6, char *buf, size_t n);

/* A redirect needs its better first hop: the More field offers a peer for it (and forgets the
 * offer when the type changes, unless the user edited it). */
static void form_extra(struct form_state *st, struct ui *ui)
{
	const char *key = redirect_needs(st->v6, st->type);
	char now[80], peer[64];

	fget(st, F_EXTRA, now, sizeof(now));
	if (now[0] && strcmp(now, st->extra_seen))
		return;
	st->extra_seen[0] = '\0';
	if (key) {
		peer_text(ui, st->v6, peer, sizeof(peer));
		snprintf(st->extra_seen, sizeof(st->extra_seen), "%s=%s", key, peer);
	}
	fset(st, F_EXTRA, st->extra_seen);
}

/* The type list of the protocol, and the code list of the type. */
static void form_lists(struct form_state *st, struct ui *ui, int v6, const char *type_name, const char *code_name)
{
	const struct craft_name *t;
	int old_v6 = st->v6, old_type = st->type;

	st->v6 = v6;
	fill_list(st->types, craft_icmp_types(v6));
	set_field_type(st->f[F_TYPE], TYPE_ENUM, (char **)st->types, 0, 1);
	st->type = craft_icmp_types(v6)[0].value;
	for (t = craft_icmp_types(v6); t->name; t++)
		if (type_name && !strcasecmp(t->name, type_name))
			st->type = t->value;
	fset(st, F_TYPE, craft_type_name(v6, st->type));
	fill_list(st->codes, craft_icmp_codes(v6, st->type));
	set_field_type(st->f[F_CODE], TYPE_ENUM, (char **)st->codes, 0, 1);
	fset(st, F_CODE, st->codes[0] ? st->codes[0] : "");
	for (int k = 0; code_name && st->codes[k]; k++)
		if (!strcasecmp(st->codes[k], code_name))
			fset(st, F_CODE, st->codes[k]);
	fset(st, F_PROTO, proto_names[v6]);
	if (fis(st, F_TTL, default_ttl(old_v6, old_type)) || fis(st, F_TTL, ""))
		fset(st, F_TTL, default_ttl(v6, st->type));
	form_applicability(st, ui);
	form_extra(st, ui);
}

/* ---- prefilled addresses ---- */

static void addr_text(int v6, const uint8_t *a, char *buf, size_t n)
{
	if (!inet_ntop(v6 ? AF_INET6 : AF_INET, a, buf, (socklen_t)n))
		buf[0] = '\0';
}

static void mac_text(const uint8_t *m, char *buf, size_t n)
{
	snprintf(buf, n, "%02x:%02x:%02x:%02x:%02x:%02x", m[0], m[1], m[2], m[3], m[4], m[5]);
}

static void peer_text(struct ui *ui, int v6, char *buf, size_t n)
{
	uint8_t a[16];

	buf[0] = '\0';
	if (!addrset_default_peer(&ui->s->addrs, v6 ? AF_INET6 : AF_INET, a))
		addr_text(v6, a, buf, n);
}

/* The device's own address of the family; a global IPv6 one before the link-local. */
static void own_text(struct ui *ui, int v6, char *buf, size_t n)
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
static void smac_default(struct form_state *st, const char *src, char *buf, size_t n)
{
	uint8_t a[16];

	buf[0] = '\0';
	if (inet_pton(st->v6 ? AF_INET6 : AF_INET, src, a) == 1) {
		uint8_t mac[6];

		peer_mac(st->v6 ? AF_INET6 : AF_INET, a, mac);
		mac_text(mac, buf, n);
	}
}

static void form_addrs(struct form_state *st, struct ui *ui, const char *src, const char *dst)
{
	char buf[64];

	fset(st, F_SRC, src);
	fset(st, F_DST, dst);
	if (ui->s->dev.tun)
		return;
	smac_default(st, src, buf, sizeof(buf));
	fset(st, F_SMAC, buf);
	snprintf(st->src_seen, sizeof(st->src_seen), "%s", src);
	mac_text(ui->s->dev.mac, buf, sizeof(buf));
	fset(st, F_DMAC, buf);
}

/* A new source keeps the Src MAC in step, unless the user typed a MAC of their own. */
static void form_follow_src(struct form_state *st, struct ui *ui)
{
	char src[64], smac[32], old[32], now[32];

	if (ui->s->dev.tun)
		return;
	fget(st, F_SRC, src, sizeof(src));
	if (!strcmp(src, st->src_seen))
		return;
	fget(st, F_SMAC, smac, sizeof(smac));
	smac_default(st, st->src_seen, old, sizeof(old));
	smac_default(st, src, now, sizeof(now));
	if (!strcasecmp(smac, old) || !smac[0])
		fset(st, F_SMAC, now);
	snprintf(st->src_seen, sizeof(st->src_seen), "%s", src);
}

/* ---- presets ---- */

/* The selected frame's outer IP addresses (and echo id/seq when it is an echo request). */
struct sel_info {
	int ok, v6, echo_req, from_kernel, is_last_in;
	char src[64], dst[64], id[8], seq[8];
};

static int node_named(const struct decoded *d, const char *name)
{
	for (int i = 0; i < decode_count(d); i++)
		if (!strcmp(decode_name(d, i), name))
			return i;
	return -1;
}

static void sel_text(const struct decoded *d, const char *name, char *buf, size_t n)
{
	int i = node_named(d, name);

	buf[0] = '\0';
	if (i >= 0)
		decode_value_text(d, i, buf, n);
}

static void sel_info(struct ui *ui, struct sel_info *si)
{
	const struct frame *f = ui_selected_frame(ui);
	const struct decoded *d = &ui->detail;
	const struct session *s = ui->s;
	int i4, i6, t;

	memset(si, 0, sizeof(*si));
	ui_detail_sync(ui);
	if (!f || ui->detail_num != f->number)
		return;
	i4 = node_named(d, "ip.src");
	i6 = node_named(d, "ipv6.src");
	if (i4 < 0 && i6 < 0)
		return;
	si->ok = 1;
	si->v6 = i4 < 0 || (i6 >= 0 && i6 < i4);
	sel_text(d, si->v6 ? "ipv6.src" : "ip.src", si->src, sizeof(si->src));
	sel_text(d, si->v6 ? "ipv6.dst" : "ip.dst", si->dst, sizeof(si->dst));
	t = node_named(d, si->v6 ? "icmpv6.type" : "icmp.type");
	si->echo_req = t >= 0 && decode_field(d, t)->value == (si->v6 ? 128u : 8u);
	sel_text(d, si->v6 ? "icmpv6.echo.identifier" : "icmp.ident", si->id, sizeof(si->id));
	sel_text(d, si->v6 ? "icmpv6.echo.sequence_number" : "icmp.seq", si->seq, sizeof(si->seq));
	si->from_kernel = f->dir == FRAME_IN;
	si->is_last_in = si->from_kernel && s->have_last_in && s->last_in_frame.caplen == f->caplen &&
			 !memcmp(s->last_in_frame.data, f->data, f->caplen);
}

static int family_usable(struct ui *ui, int v6)
{
	return addrset_first(&ui->s->addrs, v6 ? AF_INET6 : AF_INET) != NULL;
}

static void preset_common(struct form_state *st, struct ui *ui, int v6, const char *type, const char *code)
{
	char peer[64], own[64];

	fset(st, F_EXTRA, "");
	form_lists(st, ui, v6, type, code);
	peer_text(ui, v6, peer, sizeof(peer));
	own_text(ui, v6, own, sizeof(own));
	form_addrs(st, ui, peer, own);
	fset(st, F_TTL, default_ttl(v6, st->type));
	fset(st, F_TOS, "0");
	fset(st, F_PAYLOAD, is_echo_kind(v6, st->type) ? "size:56" : "");
	fset(st, F_CSUM, "auto");
	fset(st, F_COUNT, "1");
	fset(st, F_INTERVAL, "1s");
	st->msg[0] = '\0';
	memset(st->err, 0, sizeof(st->err));
}

/* An error message in answer to the selected frame: from its destination back to its source. */
static void preset_error(struct form_state *st, struct ui *ui, int timex)
{
	struct sel_info si;
	int v6 = st->v6;
	char peer[64];

	sel_info(ui, &si);
	if (si.ok && si.from_kernel)
		v6 = si.v6;
	if (timex)
		preset_common(st, ui, v6, "time-exceeded", v6 ? "hop-limit-exceeded" : "ttl-exceeded");
	else
		preset_common(st, ui, v6, "dest-unreach", "port-unreach");
	fset(st, F_QUOTE, "last");
	if (si.ok && si.from_kernel) {
		peer_text(ui, v6, peer, sizeof(peer));
		form_addrs(st, ui, timex ? peer : si.dst, si.src);
	}
	if (!si.ok || !si.from_kernel)
		snprintf(st->msg, sizeof(st->msg), "no frame from the kernel selected: quote=last quotes the "
			 "kernel's last packet%s", ui->s->have_last_in ? "" : " (none yet)");
	else if (!si.is_last_in)
		snprintf(st->msg, sizeof(st->msg), "note: quote=last quotes the kernel's LAST packet, which is "
			 "not frame %llu", (unsigned long long)ui->detail_num);
	st->msg_error = 0;
}

static void preset_apply(struct form_state *st, struct ui *ui, int p)
{
	struct sel_info si;
	int v6 = st->v6;

	if (p <= P_CUSTOM || p >= P_N)
		return;
	set_current_field(st->form, st->f[F_PRESET]);
	fset(st, F_PRESET, preset_names[p]);
	if (!family_usable(ui, v6) && family_usable(ui, !v6))
		v6 = !v6;
	switch (p) {
	case P_ECHO:
	case P_BADSUM:
		preset_common(st, ui, v6, "echo-request", NULL);
		if (p == P_BADSUM)
			fset(st, F_CSUM, "bad");
		break;
	case P_REPLY:
		sel_info(ui, &si);
		if (si.ok && si.echo_req && si.from_kernel)
			v6 = si.v6;
		preset_common(st, ui, v6, "echo-reply", NULL);
		if (si.ok && si.echo_req && si.from_kernel) {	/* answer the selected ping */
			form_addrs(st, ui, si.dst, si.src);
			fset(st, F_ID, si.id);
			fset(st, F_SEQ, si.seq);
		}
		break;
	case P_UNREACH:
	case P_TIMEX:
		preset_error(st, ui, p == P_TIMEX);
		break;
	}
}

/* ---- the spec text ---- */

/* Appends text, cut at the end of out (always terminated). */
static void put(char *out, size_t n, size_t *used, const char *text)
{
	size_t len = strlen(text);

	if (*used + 1 >= n)
		return;
	if (len > n - 1 - *used)
		len = n - 1 - *used;
	memcpy(out + *used, text, len);
	*used += len;
	out[*used] = '\0';
}

static void copy_text(char *dst, size_t n, const char *src)
{
	size_t used = 0;

	dst[0] = '\0';
	put(dst, n, &used, src);
}

/* key=value, quoted when the value holds blanks or quotes (as the spec grammar wants). */
static void put_kv(char *out, size_t n, size_t *used, const char *key, const char *val)
{
	char q[SPEC_MAX], *w = q;

	put(out, n, used, " ");
	put(out, n, used, key);
	put(out, n, used, "=");
	if (!strpbrk(val, " \t\"\\")) {
		put(out, n, used, val);
		return;
	}
	for (const char *r = val; *r && w < q + sizeof(q) - 3; r++) {
		if (*r == '"' || *r == '\\')
			*w++ = '\\';
		*w++ = *r;
	}
	*w = '\0';
	put(out, n, used, "\"");
	put(out, n, used, q);
	put(out, n, used, "\"");
}

/* A field's text when it applies, is not blank and differs from what the engine would use. */
static int wanted(struct form_state *st, int i, const char *def, char *buf, size_t n)
{
	if (!st->active[i])
		return 0;
	fget(st, i, buf, n);
	return buf[0] && (!def || strcasecmp(buf, def));
}

static void spec_macs(struct form_state *st, struct ui *ui, char *out, size_t n, size_t *used)
{
	char v[SPEC_MAX], src[64], def[32];

	fget(st, F_SRC, src, sizeof(src));
	smac_default(st, src, def, sizeof(def));
	if (wanted(st, F_SMAC, def, v, sizeof(v)))
		put_kv(out, n, used, "smac", v);
	mac_text(ui->s->dev.mac, def, sizeof(def));
	if (wanted(st, F_DMAC, def, v, sizeof(v)))
		put_kv(out, n, used, "dmac", v);
}

/* The fields as the text --inject takes; omits what equals the engine's default. */
static void spec_build(struct form_state *st, struct ui *ui, char *out, size_t n)
{
	char v[SPEC_MAX];
	size_t used = 0;

	put(out, n, &used, st->v6 ? "icmp6" : "icmp");
	put_kv(out, n, &used, "type", craft_type_name(st->v6, st->type));
	if (wanted(st, F_CODE, NULL, v, sizeof(v)))
		put_kv(out, n, &used, "code", v);
	if (wanted(st, F_SRC, NULL, v, sizeof(v)))
		put_kv(out, n, &used, "src", v);
	if (wanted(st, F_DST, NULL, v, sizeof(v)))
		put_kv(out, n, &used, "dst", v);
	if (wanted(st, F_TTL, default_ttl(st->v6, st->type), v, sizeof(v)))
		put_kv(out, n, &used, st->v6 ? "hlim" : "ttl", v);
	if (wanted(st, F_TOS, "0", v, sizeof(v)))
		put_kv(out, n, &used, st->v6 ? "tclass" : "tos", v);
	if (wanted(st, F_DF, "no", v, sizeof(v)))
		put(out, n, &used, " df");
	if (wanted(st, F_IPID, NULL, v, sizeof(v)))
		put_kv(out, n, &used, "ipid", v);
	if (wanted(st, F_ID, "1", v, sizeof(v)))
		put_kv(out, n, &used, "id", v);
	if (wanted(st, F_SEQ, "1", v, sizeof(v)))
		put_kv(out, n, &used, "seq", v);
	if (wanted(st, F_QUOTE, "stand-in", v, sizeof(v)))
		put_kv(out, n, &used, "quote", v);
	if (wanted(st, F_PAYLOAD, is_echo_kind(st->v6, st->type) ? "size:56" : NULL, v, sizeof(v)))
		put_kv(out, n, &used, "payload", v);
	if (wanted(st, F_CSUM, "auto", v, sizeof(v)))
		put_kv(out, n, &used, "checksum", v);
	if (wanted(st, F_COUNT, "1", v, sizeof(v)))
		put_kv(out, n, &used, "count", v);
	if (wanted(st, F_INTERVAL, "1s", v, sizeof(v)))
		put_kv(out, n, &used, "interval", v);
	spec_macs(st, ui, out, n, &used);
	if (wanted(st, F_EXTRA, NULL, v, sizeof(v))) {
		put(out, n, &used, " ");
		put(out, n, &used, v);
	}
}

/* ---- validation ---- */

static int check_addr(struct form_state *st, int i)
{
	char v[128];
	uint8_t a[16];
	int want = st->v6 ? AF_INET6 : AF_INET;

	fget(st, i, v, sizeof(v));
	if (!v[0] || inet_pton(want, v, a) == 1)
		return 0;
	if (inet_pton(st->v6 ? AF_INET : AF_INET6, v, a) == 1)
		snprintf(st->err[i], ERR_MAX, "%s address, but the protocol is %s", st->v6 ? "IPv4" : "IPv6",
			 st->v6 ? "icmp6" : "icmp");
	else
		snprintf(st->err[i], ERR_MAX, "not an %s address", st->v6 ? "IPv6" : "IPv4");
	return -1;
}

static int check_mac(struct form_state *st, int i)
{
	char v[64], extra;
	unsigned b[6];

	fget(st, i, v, sizeof(v));
	if (!st->active[i] || !v[0] ||
	    sscanf(v, "%2x:%2x:%2x:%2x:%2x:%2x%c", &b[0], &b[1], &b[2], &b[3], &b[4], &b[5], &extra) == 6)
		return 0;
	snprintf(st->err[i], ERR_MAX, "a MAC like 02:00:0a:12:00:03");
	return -1;
}

static int check_int(struct form_state *st, int i)
{
	const struct fspec *fs = &fspecs[i];
	char v[64], *end;
	long n;

	fget(st, i, v, sizeof(v));
	if (!st->active[i] || !v[0])
		return 0;
	n = strtol(v, &end, 10);
	if (*end || !isdigit((unsigned char)v[0]) || n < fs->min || n > fs->max) {
		snprintf(st->err[i], ERR_MAX, "a number %ld..%ld", fs->min, fs->max);
		return -1;
	}
	return 0;
}

static int check_field(struct form_state *st, int i)
{
	switch (i) {
	case F_SRC: case F_DST: return check_addr(st, i);
	case F_SMAC: case F_DMAC: return check_mac(st, i);
	}
	return fspecs[i].kind == K_INT ? check_int(st, i) : 0;
}

/* The field a craft_parse message is about ("inject: 'ttl=300': ..."), or -1. */
static int field_of_error(const char *err)
{
	static const struct { const char *word; int f; } alias[] = {
		{ "hlim", F_TTL }, { "tclass", F_TOS }, { "df", F_DF }, { "payload", F_PAYLOAD },
	};
	const char *p = strchr(err, '\'');
	char key[32];
	size_t n;

	if (!p)
		return strstr(err, "needs gateway=") || strstr(err, "needs target=") ? F_EXTRA : -1;
	n = strcspn(p + 1, "='");
	if (n >= sizeof(key))
		return -1;
	memcpy(key, p + 1, n);
	key[n] = '\0';
	for (int i = 0; i < F_N; i++)
		if (fspecs[i].key && !strcasecmp(fspecs[i].key, key))
			return i;
	for (size_t k = 0; k < sizeof(alias) / sizeof(alias[0]); k++)
		if (!strcasecmp(alias[k].word, key))
			return alias[k].f;
	return F_EXTRA;	/* a token from the "More" field */
}

static void form_focus(struct form_state *st, int i)
{
	if (st->active[i])
		set_current_field(st->form, st->f[i]);
}

/* Checks every field; the first bad one gets the focus. Returns 0 with the spec in out. */
static int form_validate(struct form_state *st, struct ui *ui, char *out, size_t n)
{
	struct craft_spec *cs;
	char err[512];
	int bad = -1, i;

	memset(st->err, 0, sizeof(st->err));
	for (i = 0; i < F_N; i++)
		if (check_field(st, i) && bad < 0)
			bad = i;
	if (bad >= 0) {
		snprintf(st->msg, sizeof(st->msg), "%s: %s", fspecs[bad].label, st->err[bad]);
		form_focus(st, bad);
		return -1;
	}
	spec_build(st, ui, out, n);
	if (!(cs = malloc(sizeof(*cs))))
		return -1;
	i = craft_parse(out, cs, err, sizeof(err));
	free(cs);
	if (!i)
		return 0;
	copy_text(st->msg, sizeof(st->msg), err);
	if ((bad = field_of_error(err)) >= 0) {
		copy_text(st->err[bad], ERR_MAX, strncmp(err, "inject: ", 8) ? err : err + 8);
		form_focus(st, bad);
	}
	return -1;
}

static void form_send(struct form_state *st, struct ui *ui)
{
	char spec[SPEC_MAX];

	st->msg_error = 1;
	if (form_sync(st) == E_INVALID_FIELD) {
		snprintf(st->msg, sizeof(st->msg), "this field's value is not valid");
		return;
	}
	if (form_validate(st, ui, spec, sizeof(spec)) < 0)
		return;
	if (ui_inject_spec(ui, spec) < 0) {
		copy_text(st->msg, sizeof(st->msg), ui->msg);	/* why the engine refused */
		return;
	}
	copy_text(ui->last_spec, sizeof(ui->last_spec), spec);
	ui_form_close(ui);
}

/* ---- building the form ---- */

static FIELD *field_make(int i)
{
	const struct fspec *fs = &fspecs[i];
	FIELD *f = new_field(1, fs->width, fs->row, fs->fcol, 0, 0);

	if (!f)
		return NULL;
	set_field_back(f, A_UNDERLINE);
	field_opts_off(f, O_AUTOSKIP);
	if (fs->kind == K_CHOICE)
		field_opts_off(f, O_EDIT);
	if (fs->kind == K_INT)
		set_field_type(f, TYPE_INTEGER, 0, fs->min, fs->max);
	if (i == F_PAYLOAD || i == F_EXTRA) {
		field_opts_off(f, O_STATIC);	/* scrolls sideways for long text */
		set_max_field(f, SPEC_MAX / 2);
	}
	return f;
}

/* The field being edited shows in reverse video: visible without colour or a cursor. */
static void field_enter(FORM *form)
{
	set_field_back(current_field(form), A_REVERSE);
}

static void field_leave(FORM *form)
{
	set_field_back(current_field(form), A_UNDERLINE);
}

static int form_build(struct form_state *st)
{
	for (int i = 0; i < F_N; i++)
		if (!(st->f[i] = field_make(i)))
			return -1;
	st->f[F_N] = NULL;
	set_field_type(st->f[F_PRESET], TYPE_ENUM, (char **)preset_names, 0, 1);
	set_field_type(st->f[F_PROTO], TYPE_ENUM, (char **)proto_names, 0, 1);
	set_field_type(st->f[F_DF], TYPE_ENUM, (char **)df_names, 0, 1);
	set_field_type(st->f[F_QUOTE], TYPE_ENUM, (char **)quote_names, 0, 1);
	if (!(st->form = new_form(st->f)))
		return -1;
	set_field_init(st->form, field_enter);
	set_field_term(st->form, field_leave);
	st->win = newwin(FORM_ROWS, FORM_COLS, (LINES - FORM_ROWS) / 2, (COLS - FORM_COLS) / 2);
	if (!st->win)
		return -1;
	st->sub = derwin(st->win, FORM_ROWS - 2, FORM_COLS - 2, 1, 1);
	if (!st->sub)
		return -1;
	keypad(st->win, TRUE);
	set_form_win(st->form, st->win);
	set_form_sub(st->form, st->sub);
	st->panel = new_panel(st->win);
	if (!st->panel || post_form(st->form) != E_OK)
		return -1;
	memset(st->active, 1, sizeof(st->active));
	return 0;
}

static void form_free(struct form_state *st)
{
	if (st->form) {
		unpost_form(st->form);
		free_form(st->form);
	}
	for (int i = 0; i < F_N; i++)
		if (st->f[i])
			free_field(st->f[i]);
	if (st->panel)
		del_panel(st->panel);
	if (st->sub)
		delwin(st->sub);
	if (st->win)
		delwin(st->win);
	free(st);
}

void ui_form_open(struct ui *ui)
{
	struct form_state *st;

	if (ui->form_open)
		return;
	if (LINES < FORM_ROWS || COLS < FORM_COLS) {
		ui_message(ui, 1, "the inject form needs %dx%d; or use r, or --inject", FORM_COLS, FORM_ROWS);
		return;
	}
	if (!(st = calloc(1, sizeof(*st))) || form_build(st) < 0) {
		if (st)
			form_free(st);
		ui_message(ui, 1, "inject form: out of memory");
		return;
	}
	ui->form = st;
	ui->form_open = 1;
	st->v6 = !family_usable(ui, 0) && family_usable(ui, 1);
	preset_apply(st, ui, P_ECHO);
	curs_set(1);
	ui_dirty(ui);
}

void ui_form_close(struct ui *ui)
{
	struct form_state *st = state(ui);

	if (!ui->form_open || !st)
		return;
	form_free(st);
	ui->form = NULL;
	ui->form_open = 0;
	curs_set(0);
	ui_dirty(ui);
}

/* ---- drawing ---- */

static int row_end(int row)
{
	int end = 0;

	for (int i = 0; i < F_N; i++)
		if (fspecs[i].row == row && fspecs[i].fcol + fspecs[i].width > end)
			end = fspecs[i].fcol + fspecs[i].width + (fspecs[i].kind == K_CHOICE ? 2 : 0);
	return end + 2;
}

static const char *field_label(struct form_state *st, int i)
{
	if (st->v6 && i == F_TTL)
		return "Hop lim";
	if (st->v6 && i == F_TOS)
		return "TClass";
	return fspecs[i].label;
}

/* The text beside a row: its fields' first error, else the type/code description, else a hint. */
static void draw_beside(struct form_state *st, struct ui *ui, int row)
{
	const char *text = NULL, *desc;
	int x = row_end(row), err = 0;

	for (int i = 0; i < F_N && !text; i++)
		if (fspecs[i].row == row && st->err[i][0])
			text = st->err[i], err = 1;
	for (int i = 0; i < F_N && !text; i++) {
		if (fspecs[i].row != row || !st->active[i])
			continue;
		if (i == F_TYPE || i == F_CODE) {
			int k = choice_index(st, i);
			const struct craft_name *t = i == F_TYPE ? craft_icmp_types(st->v6) :
							craft_icmp_codes(st->v6, st->type);

			desc = k >= 0 ? t[k].desc : NULL;
			text = desc;
		} else {
			text = hints[i];
		}
	}
	if (row == fspecs[F_SMAC].row && ui->s->dev.tun)
		text = "(tun: no Ethernet)";
	if (!text && row == fspecs[F_CODE].row)
		text = "(this type has no named codes)";
	if (!text && row == fspecs[F_ID].row)
		text = "(echo, timestamp, mask only)";
	if (!text && row == fspecs[F_QUOTE].row)
		text = "(error messages only)";
	if (!text)
		return;
	wattrset(st->sub, err ? ui_attr(ui, C_ERROR) : ui_attr(ui, C_DIM));
	mvwaddnstr(st->sub, row, x, text, FORM_COLS - 2 - x);
	wattrset(st->sub, A_NORMAL);
}

static void draw_labels(struct form_state *st, struct ui *ui)
{
	for (int i = 0; i < F_N; i++) {
		const struct fspec *fs = &fspecs[i];

		wattrset(st->sub, st->active[i] ? A_NORMAL : ui_attr(ui, C_DIM));
		mvwaddstr(st->sub, fs->row, fs->lcol, field_label(st, i));
		wattrset(st->sub, ui_attr(ui, C_DIM));
		if (fs->kind == K_CHOICE)
			mvwaddstr(st->sub, fs->row, fs->fcol + fs->width + 1, !st->active[i] ? "  " :
				  ui->utf8 ? "\xe2\x97\x82\xe2\x96\xb8" : "<>");
		wattrset(st->sub, A_NORMAL);
	}
}

static void draw_spec(struct form_state *st, struct ui *ui)
{
	char spec[SPEC_MAX];
	int w = FORM_COLS - 2 - 8, y = 15;
	size_t len, cut;

	spec_build(st, ui, spec, sizeof(spec));
	len = strlen(spec);
	cut = len > (size_t)w ? (size_t)w : len;
	while (len > (size_t)w && cut > 0 && spec[cut] != ' ')	/* wrap between fields */
		cut--;
	if (!cut)
		cut = (size_t)w;
	wattrset(st->sub, A_BOLD);
	mvwaddstr(st->sub, y, 1, "Spec");
	wattrset(st->sub, ui_attr(ui, C_OK));
	mvwaddnstr(st->sub, y, 7, spec, (int)cut);
	if (len > cut)
		mvwaddnstr(st->sub, y + 1, 7, spec + cut + (spec[cut] == ' '), w);
	wattrset(st->sub, A_NORMAL);
	if (st->msg[0]) {
		wattrset(st->sub, st->msg_error ? ui_attr(ui, C_ERROR) : ui_attr(ui, C_WARN));
		mvwaddnstr(st->sub, y + 2, 1, st->msg, FORM_COLS - 4);
		wattrset(st->sub, A_NORMAL);
	}
}

static void draw_frame(struct form_state *st, struct ui *ui)
{
	const char *foot = ui->utf8 ?
		" F10/^S send \xc2\xb7 Enter next \xc2\xb7 \xe2\x86\x90\xe2\x86\x92 choose \xc2\xb7 F2-F6 presets \xc2\xb7 Esc cancel " :
		" F10/^S send - Enter next - Left/Right choose - F2-F6 presets - Esc cancel ";

	box(st->win, 0, 0);
	wattrset(st->win, ui_attr(ui, C_FOCUS_TITLE));
	mvwaddstr(st->win, 0, 2, " Inject a packet toward the kernel ");
	wattrset(st->win, ui_attr(ui, C_KEY));
	mvwaddstr(st->win, FORM_ROWS - 1, 2, foot);
	wattrset(st->win, A_NORMAL);
}

/* Clears what is not a field: labels, descriptions, the spec and the message are drawn anew. */
static void clear_around(struct form_state *st)
{
	for (int row = 0; row < FORM_ROWS - 2; row++) {
		int x = row_end(row);

		if (x < FORM_COLS - 2)
			mvwhline(st->sub, row, x, ' ', FORM_COLS - 2 - x);
		for (int i = 0; i < F_N; i++)
			if (fspecs[i].row == row)
				mvwhline(st->sub, row, fspecs[i].lcol, ' ', fspecs[i].fcol - fspecs[i].lcol);
	}
	for (int row = 14; row < FORM_ROWS - 2; row++)
		mvwhline(st->sub, row, 0, ' ', FORM_COLS - 2);
}

void ui_form_draw(struct ui *ui)
{
	struct form_state *st = state(ui);
	int y = (LINES - FORM_ROWS) / 2, x = (COLS - FORM_COLS) / 2;

	if (!ui->form_open || !st)
		return;
	move_panel(st->panel, y > 0 ? y : 0, x > 0 ? x : 0);
	form_sync(st);
	clear_around(st);
	draw_labels(st, ui);
	for (int row = 0; row < 14; row++)
		draw_beside(st, ui, row);
	draw_spec(st, ui);
	draw_frame(st, ui);
	top_panel(st->panel);
	pos_form_cursor(st->form);
	touchwin(st->win);
}

/* ---- keys ---- */

static int current(struct form_state *st)
{
	return field_index(current_field(st->form));
}

static int last_active(struct form_state *st)
{
	for (int i = F_N - 1; i >= 0; i--)
		if (st->active[i])
			return i;
	return 0;
}

/* NDP messages take the engine's addresses (link-local source, multicast groups): blank them;
 * other types get the peer and the device back when both are blank. */
static void form_type_addrs(struct form_state *st, struct ui *ui)
{
	char src[64], dst[64];

	if (is_ndp(st->v6, st->type)) {
		form_addrs(st, ui, "", "");
		return;
	}
	fget(st, F_SRC, src, sizeof(src));
	fget(st, F_DST, dst, sizeof(dst));
	if (src[0] || dst[0])
		return;
	peer_text(ui, st->v6, src, sizeof(src));
	own_text(ui, st->v6, dst, sizeof(dst));
	form_addrs(st, ui, src, dst);
}

/* After the protocol or the type changed: new lists, applicability, addresses of the family. */
static void choice_changed(struct form_state *st, struct ui *ui, int i)
{
	char buf[64], peer[64], own[64];

	fget(st, i, buf, sizeof(buf));
	if (i == F_PRESET) {
		preset_apply(st, ui, choice_index(st, i));
		return;
	}
	if (i == F_PROTO) {
		int v6 = !strcasecmp(buf, "icmp6");

		form_lists(st, ui, v6, "echo-request", NULL);
		peer_text(ui, v6, peer, sizeof(peer));
		own_text(ui, v6, own, sizeof(own));
		form_addrs(st, ui, peer, own);
		fset(st, F_PAYLOAD, "size:56");
	} else if (i == F_TYPE) {
		int was_echo = is_echo_kind(st->v6, st->type);

		form_lists(st, ui, st->v6, buf, NULL);
		if (was_echo != is_echo_kind(st->v6, st->type))
			fset(st, F_PAYLOAD, was_echo ? "" : "size:56");
		form_type_addrs(st, ui);
	}
	if (i == F_PROTO || i == F_TYPE)
		fset(st, F_PRESET, "custom");
}

static enum ui_result choice_cycle(struct form_state *st, struct ui *ui, int dir)
{
	int i = current(st), n = list_len(choices(st, i)), k = choice_index(st, i);

	if (n < 2)
		return UI_HANDLED;
	k = k < 0 ? 0 : (k + dir + n) % n;
	fset(st, i, choices(st, i)[k]);
	st->err[i][0] = '\0';
	if (i == F_PRESET || i == F_PROTO || i == F_TYPE)
		choice_changed(st, ui, i);
	return UI_REDRAW;
}

/* A letter on a choice field jumps to the next choice starting with it. */
static enum ui_result choice_letter(struct form_state *st, struct ui *ui, int ch)
{
	int i = current(st), n = list_len(choices(st, i)), k = choice_index(st, i);

	for (int step = 1; step <= n; step++) {
		int j = ((k < 0 ? 0 : k) + step) % n;

		if (tolower((unsigned char)choices(st, i)[j][0]) == tolower(ch)) {
			fset(st, i, choices(st, i)[j]);
			if (i == F_PRESET || i == F_PROTO || i == F_TYPE)
				choice_changed(st, ui, i);
			return UI_REDRAW;
		}
	}
	return UI_HANDLED;
}

static enum ui_result form_move(struct form_state *st, struct ui *ui, int req)
{
	int i = current(st);

	if (form_driver(st->form, req) == E_INVALID_FIELD) {
		if (fspecs[i].kind == K_INT)
			snprintf(st->err[i], ERR_MAX, "a number %ld..%ld", fspecs[i].min, fspecs[i].max);
		else
			snprintf(st->err[i], ERR_MAX, "not a valid value");
		return UI_REDRAW;
	}
	st->err[i][0] = '\0';
	if (!st->active[i])	/* disabled while it was being edited: do it now that it is left */
		set_active(st, i, 0);
	form_follow_src(st, ui);
	return UI_REDRAW;
}

static int edit_request(int ch)
{
	switch (ch) {
	case KEY_LEFT: return REQ_LEFT_CHAR;
	case KEY_RIGHT: return REQ_RIGHT_CHAR;
	case KEY_HOME: return REQ_BEG_FIELD;
	case KEY_END: return REQ_END_FIELD;
	case KEY_BACKSPACE: case 127: case 8: return REQ_DEL_PREV;
	case KEY_DC: return REQ_DEL_CHAR;
	case 21: return REQ_CLR_FIELD;		/* ^U */
	case 11: return REQ_CLR_EOF;		/* ^K */
	}
	return ch >= 32 && ch < 127 ? ch : -1;
}

static enum ui_result form_edit_key(struct form_state *st, struct ui *ui, int ch)
{
	int i = current(st), choice = fspecs[i].kind == K_CHOICE, req;

	if (choice && (ch == KEY_RIGHT || ch == ' '))
		return choice_cycle(st, ui, 1);
	if (choice && ch == KEY_LEFT)
		return choice_cycle(st, ui, -1);
	if (choice && ch > 32 && ch < 127)
		return choice_letter(st, ui, ch);
	if (choice || (req = edit_request(ch)) < 0)
		return UI_HANDLED;
	form_driver(st->form, req);
	st->err[i][0] = '\0';
	return UI_REDRAW;
}

enum ui_result ui_form_key(struct ui *ui, int ch)
{
	struct form_state *st = state(ui);

	if (!st)
		return UI_IGNORED;
	switch (ch) {
	case 27:
		ui_form_close(ui);
		ui_message(ui, 0, "inject form closed: nothing sent");
		return UI_REDRAW;
	case KEY_F(10): case 19:	/* ^S */
		form_send(st, ui);
		return UI_REDRAW;
	case KEY_F(2): case KEY_F(3): case KEY_F(4): case KEY_F(5): case KEY_F(6):
		preset_apply(st, ui, P_ECHO + (ch - KEY_F(2)));
		return UI_REDRAW;
	case '\t': case KEY_DOWN:
		return form_move(st, ui, REQ_NEXT_FIELD);
	case KEY_BTAB: case KEY_UP:
		return form_move(st, ui, REQ_PREV_FIELD);
	case '\r': case '\n': case KEY_ENTER:
		if (current(st) == last_active(st)) {
			form_send(st, ui);
			return UI_REDRAW;
		}
		return form_move(st, ui, REQ_NEXT_FIELD);
	case KEY_MOUSE: case KEY_RESIZE:
		return UI_HANDLED;
	}
	return form_edit_key(st, ui, ch);
}
