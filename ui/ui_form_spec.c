/* ui_form_spec.c — the inject form's fields as the --inject spec text, and its check by the
 * crafting engine itself: craft_parse_at names the field at fault, and its message goes beside
 * that field (the form never reads the English to find it). */
#include "ui_form.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

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

static void spec_macs(struct form_state *st, char *out, size_t n, size_t *used)
{
	char v[SPEC_MAX], src[64], def[32];

	fget(st, F_SRC, src, sizeof(src));
	form_smac_default(st, src, def, sizeof(def));
	if (wanted(st, F_SMAC, def, v, sizeof(v)))
		put_kv(out, n, used, "smac", v);
	form_mac_text(st->ui->s->dev.mac, def, sizeof(def));
	if (wanted(st, F_DMAC, def, v, sizeof(v)))
		put_kv(out, n, used, "dmac", v);
}

void form_spec(struct form_state *st, char *out, size_t n)
{
	char v[SPEC_MAX];
	size_t used = 0;

	out[0] = '\0';
	put(out, n, &used, st->v6 ? "icmp6" : "icmp");
	put_kv(out, n, &used, "type", craft_type_name(st->v6, st->type));
	if (wanted(st, F_CODE, NULL, v, sizeof(v)))
		put_kv(out, n, &used, "code", v);
	if (wanted(st, F_SRC, NULL, v, sizeof(v)))
		put_kv(out, n, &used, "src", v);
	if (wanted(st, F_DST, NULL, v, sizeof(v)))
		put_kv(out, n, &used, "dst", v);
	if (wanted(st, F_TTL, form_default_ttl(st->v6, st->type), v, sizeof(v)))
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
	if (wanted(st, F_PAYLOAD, form_is_echo_kind(st->v6, st->type) ? "size:56" : NULL, v, sizeof(v)))
		put_kv(out, n, &used, "payload", v);
	if (wanted(st, F_CSUM, "auto", v, sizeof(v)))
		put_kv(out, n, &used, "checksum", v);
	if (wanted(st, F_COUNT, "1", v, sizeof(v)))
		put_kv(out, n, &used, "count", v);
	if (wanted(st, F_INTERVAL, "1s", v, sizeof(v)))
		put_kv(out, n, &used, "interval", v);
	spec_macs(st, out, n, &used);
	if (wanted(st, F_EXTRA, NULL, v, sizeof(v))) {
		put(out, n, &used, " ");
		put(out, n, &used, v);
	}
}

/* The form field an engine field is typed in; what has no field of its own is in More. */
static int form_field_of(int where)
{
	static const struct { int craft, form; } map[] = {
		{ CRAFT_F_TYPE, F_TYPE }, { CRAFT_F_CODE, F_CODE }, { CRAFT_F_SRC, F_SRC }, { CRAFT_F_DST, F_DST },
		{ CRAFT_F_ID, F_ID }, { CRAFT_F_SEQ, F_SEQ }, { CRAFT_F_TTL, F_TTL }, { CRAFT_F_TOS, F_TOS },
		{ CRAFT_F_DF, F_DF }, { CRAFT_F_IPID, F_IPID }, { CRAFT_F_PAYLOAD, F_PAYLOAD },
		{ CRAFT_F_QUOTE, F_QUOTE }, { CRAFT_F_CHECKSUM, F_CSUM }, { CRAFT_F_COUNT, F_COUNT },
		{ CRAFT_F_INTERVAL, F_INTERVAL }, { CRAFT_F_SMAC, F_SMAC }, { CRAFT_F_DMAC, F_DMAC },
		{ CRAFT_AT_PROTO, F_PROTO },
	};

	if (where == CRAFT_AT_NONE)
		return -1;
	for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++)
		if (map[i].craft == where)
			return map[i].form;
	return F_EXTRA;
}

int form_check(struct form_state *st, char *spec, size_t n, int *ok)
{
	struct craft_spec *cs = malloc(sizeof(*cs));
	char err[ERR_MAX + 64];
	int where = CRAFT_AT_NONE, bad = -1, rc;

	memset(st->err, 0, sizeof(st->err));
	form_spec(st, spec, n);
	*ok = -1;
	if (!cs) {
		snprintf(st->msg, sizeof(st->msg), "out of memory");
		return -1;
	}
	rc = craft_parse_at(spec, cs, err, sizeof(err), &where);
	free(cs);
	if (!rc) {
		*ok = 0;
		return -1;
	}
	bad = form_field_of(where);
	snprintf(st->msg, sizeof(st->msg), "%s", strncmp(err, "inject: ", 8) ? err : err + 8);
	st->msg_error = 1;
	if (bad >= 0)
		snprintf(st->err[bad], ERR_MAX, "%.*s", ERR_MAX - 1, st->msg);
	return bad;
}
