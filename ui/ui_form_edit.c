/* ui_form_edit.c — editing a held frame (e in the held-frames pane, step mode): the inject form
 * filled from the frame (its job's spec, or a spec read off its decoded bytes), and F10 sends
 * the form's spec to the core's edit action, which replaces the frame while it stays held. */
#include "ui_form.h"

#include <ctype.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "action.h"
#include "decode.h"
#include "proto.h"
#include "ui_classroom.h"
#include "ui_detail.h"
#include "ui_msg.h"

#define PAYLOAD_HEX_MAX 200	/* payload bytes written as hex:..; more become size:N */

/* ---- a spec from the held frame's bytes ---- */

static int value_of(const struct decoded *d, const char *name, char *buf, size_t n)
{
	int i = detail_find(d, name);

	buf[0] = '\0';
	if (i < 0)
		return -1;
	decode_value_text(d, i, buf, n);
	return 0;
}

static uint64_t number_of(const struct decoded *d, const char *name)
{
	int i = detail_find(d, name);

	return i < 0 ? 0 : decode_field(d, i)->value;
}

/* The payload after an echo header (8 bytes into the ICMP layer). */
static void echo_payload(const struct decoded *d, int icmp, char *out, size_t n)
{
	uint32_t start = decode_offset(d, icmp) + 8, end = decode_offset(d, icmp) + decode_length(d, icmp);
	size_t used;

	if (end > d->caplen)
		end = d->caplen;
	if (start >= end) {
		snprintf(out, n, " payload=size:0");
		return;
	}
	if (end - start > PAYLOAD_HEX_MAX) {
		snprintf(out, n, " payload=size:%u", end - start);
		return;
	}
	used = (size_t)snprintf(out, n, " payload=hex:");
	for (uint32_t k = start; k < end && used + 3 < n; k++)
		used += (size_t)snprintf(out + used, n - used, "%02x", d->data[k]);
}

/* icmp|icmp6 type= code= src= dst= ttl= [id= seq= payload=] as the held bytes say; -1 when the
 * frame is not ICMP (an ARP reply: the form cannot build one). */
static int spec_from_bytes(const struct frame *f, char *out, size_t n)
{
	static struct decoded d;
	char src[64], dst[64], ttl[8], pay[2 * PAYLOAD_HEX_MAX + 32] = "";
	const char *tname, *cname;
	int v6, icmp, type, code;
	size_t used;

	decode_frame(&d, f);
	v6 = detail_find(&d, "icmpv6.type") >= 0;
	if (!v6 && detail_find(&d, "icmp.type") < 0)
		return -1;
	icmp = decode_parent(&d, detail_find(&d, v6 ? "icmpv6.type" : "icmp.type"));
	type = (int)number_of(&d, v6 ? "icmpv6.type" : "icmp.type");
	code = (int)number_of(&d, v6 ? "icmpv6.code" : "icmp.code");
	value_of(&d, v6 ? "ipv6.src" : "ip.src", src, sizeof(src));
	value_of(&d, v6 ? "ipv6.dst" : "ip.dst", dst, sizeof(dst));
	value_of(&d, v6 ? "ipv6.hlim" : "ip.ttl", ttl, sizeof(ttl));
	tname = craft_type_name(v6, type);
	cname = craft_code_name(v6, type, code);
	used = (size_t)snprintf(out, n, "%s type=%s", v6 ? "icmp6" : "icmp", tname ? tname : "echo-reply");
	if (cname)
		used += (size_t)snprintf(out + used, n - used, " code=%s", cname);
	used += (size_t)snprintf(out + used, n - used, " src=%s dst=%s %s=%s", src, dst, v6 ? "hlim" : "ttl", ttl);
	if (form_is_echo_kind(v6, type) && icmp >= 0) {
		echo_payload(&d, icmp, pay, sizeof(pay));
		snprintf(out + used, n - used, " id=%" PRIu64 " seq=%" PRIu64 "%s",
			 number_of(&d, v6 ? "icmpv6.echo.identifier" : "icmp.ident"),
			 number_of(&d, v6 ? "icmpv6.echo.sequence_number" : "icmp.seq"), pay);
	}
	return 0;
}

/* ---- the form filled from a spec ---- */

/* src into dst (n bytes), cut to fit. */
static void copy(char *dst, size_t n, const char *src)
{
	size_t len = strnlen(src, n - 1);

	memcpy(dst, src, len);
	dst[len] = '\0';
}

/* The next key=value word of spec (a quoted value unquoted); NULL at the end. */
static const char *next_word(const char *p, char *key, size_t kn, char *val, size_t vn)
{
	size_t k = 0, v = 0;
	int quoted = 0;

	while (*p == ' ')
		p++;
	if (!*p)
		return NULL;
	for (; *p && *p != '=' && *p != ' '; p++)
		if (k + 1 < kn)
			key[k++] = *p;
	key[k] = '\0';
	if (*p == '=')
		p++;
	for (; *p && (quoted || *p != ' '); p++) {
		if (*p == '"') {
			quoted = !quoted;
			continue;
		}
		if (quoted && *p == '\\' && p[1])
			p++;
		if (v + 1 < vn)
			val[v++] = *p;
	}
	val[v] = '\0';
	return p;
}

static int field_of_key(const char *key)
{
	static const struct { const char *key; int field; } alias[] = {
		{ "hlim", F_TTL }, { "tclass", F_TOS },
	};

	for (size_t i = 0; i < sizeof(alias) / sizeof(alias[0]); i++)
		if (!strcasecmp(alias[i].key, key))
			return alias[i].field;
	for (int i = 0; i < F_N; i++)
		if (fspecs[i].key && !strcasecmp(fspecs[i].key, key))
			return i;
	return -1;
}

static void form_fill(struct form_state *st, const char *spec)
{
	char key[32], val[SPEC_MAX], type[64] = "", code[64] = "", src[64] = "", dst[64] = "", extra[SPEC_MAX] = "";
	const char *p = spec;
	int v6 = !strncasecmp(spec, "icmp6", 5);

	p += strcspn(p, " ");
	while ((p = next_word(p, key, sizeof(key), val, sizeof(val)))) {
		if (!strcasecmp(key, "type"))
			copy(type, sizeof(type), val);
		else if (!strcasecmp(key, "code"))
			copy(code, sizeof(code), val);
		else if (!strcasecmp(key, "src"))
			copy(src, sizeof(src), val);
		else if (!strcasecmp(key, "dst"))
			copy(dst, sizeof(dst), val);
	}
	form_preset(st, P_ECHO);	/* every field at its default first */
	form_lists(st, v6, type[0] ? type : "echo-request", code[0] ? code : NULL);
	form_addrs(st, src, dst);
	fset(st, F_PAYLOAD, form_is_echo_kind(v6, st->type) ? "size:56" : "");
	for (p = spec + strcspn(spec, " "); (p = next_word(p, key, sizeof(key), val, sizeof(val)));) {
		int i = field_of_key(key);

		if (!strcasecmp(key, "df")) {
			fset(st, F_DF, "yes");
		} else if (i == F_QUOTE && !strncasecmp(val, "frame:", 6)) {
			copy(st->quote_frame, sizeof(st->quote_frame), val);
			fset(st, F_QUOTE, st->quote_frame);
		} else if (i >= 0 && i != F_TYPE && i != F_CODE && i != F_SRC && i != F_DST) {
			fset(st, i, val);
		} else if (i < 0 && (size_t)snprintf(extra + strlen(extra), sizeof(extra) - strlen(extra), "%s%s=%s",
						     extra[0] ? " " : "", key, val) >= sizeof(extra)) {
			break;
		}
	}
	fset(st, F_EXTRA, extra);
	fset(st, F_COUNT, "1");		/* an edit replaces one frame */
	fset(st, F_PRESET, "custom");
}

void ui_form_open_edit(struct ui *ui, uint64_t id)
{
	const struct outbox_item *it = outbox_find(&ui->s->outbox, id);
	const struct inject_job *j;
	struct overlay *ov;
	struct form_state *st;
	char spec[SPEC_MAX];
	struct frame f;
	int ok;

	if (!it) {
		ui_message(ui, 1, "held frame %" PRIu64 " is gone (sent or dropped)", id);
		return;
	}
	f = (struct frame){ .dlt = session_dlt(ui->s), .has_pi = ui->s->dev.pi, .data = it->data, .caplen = it->len,
			    .len = it->len, .dir = FRAME_OUT };
	j = it->origin == OUTBOX_INJECT ? session_job(ui->s, it->job) : NULL;
	if (j && !it->edited)
		snprintf(spec, sizeof(spec), "%s", j->text);
	else if (spec_from_bytes(&f, spec, sizeof(spec)) < 0) {
		ui_message(ui, 1, "held frame %" PRIu64 " is not ICMP (an ARP reply?): the inject form builds ICMP only; "
			   "Enter sends it as it is, x drops it", id);
		return;
	}
	ui_form_open(ui);
	ov = mgr_find_overlay("form");
	if (!ov)
		return;
	st = ov->state;
	st->edit_id = id;
	form_fill(st, spec);
	st->msg[0] = '\0';
	form_check(st, spec, sizeof(spec), &ok);
	if (ok == 0) {
		snprintf(st->msg, sizeof(st->msg), "held frame %" PRIu64 " as a spec; change what you like, F10 puts it back "
			 "on hold as the form builds it (edit %" PRIu64 " SPEC)", id, id);
		st->msg_error = 0;
	}
}

int form_edit_send(struct form_state *st, const char *spec)
{
	char line[SPEC_MAX + 32], msg[1024];
	int rc;

	snprintf(line, sizeof(line), "edit %" PRIu64 " %s", st->edit_id, spec);
	rc = action_run(st->ui->s, line, msg, sizeof(msg));
	if (rc < 0) {
		copy(st->msg, sizeof(st->msg), msg);
		st->msg_error = 1;
		return rc;
	}
	ui_message(st->ui, 0, "%s: still held (Enter sends it)", msg);
	return 0;
}
