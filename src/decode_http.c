/* decode_http.c — HTTP on TCP 80 and 8080 as tcpdump prints it: "HTTP: " and the request or response line. */
/*
 * tcpdump's txtproto_print (print-http.c, util-print.c): the payload's first token is a method
 * of its list, or its second token a three-digit status ("HTTP/1.1 200 OK"), and then the first
 * line is printed, up to CR LF or LF, when it is all printable ASCII (and tabs). Anything else
 * (a body's continuation) is "HTTP" alone. A line the capture cuts is " [|http]". The bytes stay
 * one data node: tapscope names no http.* fields.
 */
#include <strings.h>

#include "decode_priv.h"

static const char *const http_methods[] = {
	"GET", "PUT", "COPY", "HEAD", "LOCK", "MOVE", "POLL", "POST", "BCOPY", "BMOVE", "MKCOL", "TRACE",
	"LABEL", "MERGE", "DELETE", "SEARCH", "UNLOCK", "REPORT", "UPDATE", "NOTIFY", "BDELETE", "CONNECT",
	"OPTIONS", "CHECKIN", "PROPFIND", "CHECKOUT", "CCM_POST", "SUBSCRIBE", "PROPPATCH", "BPROPFIND",
	"BPROPPATCH", "UNCHECKOUT", "MKACTIVITY", "MKWORKSPACE", "UNSUBSCRIBE", "RPC_CONNECT",
	"VERSION-CONTROL", "BASELINE-CONTROL", NULL
};

#define TOKEN_MAX 128

static int printable(unsigned ch) { return ch >= 0x20 && ch <= 0x7e; }

/* The token at *at (printable ASCII up to a blank or line end) into tok; *at moves past it and
 * the blanks after it. 0 when there is none, or it is not text, or the capture ends inside it. */
static int http_token(const uint8_t *p, uint32_t have, uint32_t len, uint32_t *at, char *tok)
{
	uint32_t i = *at, n = 0;

	for (; i < len; i++) {
		if (i >= have)
			return 0;
		if (p[i] == ' ' || p[i] == '\t' || p[i] == '\r' || p[i] == '\n')
			break;
		if (!printable(p[i]) || n + 2 > TOKEN_MAX)
			return 0;
		tok[n++] = (char)p[i];
	}
	if (!n)
		return 0;
	tok[n] = '\0';
	while (i < len && i < have && (p[i] == ' ' || p[i] == '\t'))
		i++;
	*at = i;
	return 1;
}

static int is_request_or_response(const uint8_t *p, uint32_t have, uint32_t len)
{
	char tok[TOKEN_MAX];
	uint32_t at = 0;

	if (!http_token(p, have, len, &at, tok))
		return 0;
	for (const char *const *m = http_methods; *m; m++)
		if (!strcasecmp(tok, *m))
			return 1;
	return http_token(p, have, len, &at, tok) && tok[0] >= '0' && tok[0] <= '9' && tok[1] >= '0' &&
	       tok[1] <= '9' && tok[2] >= '0' && tok[2] <= '9' && !tok[3];
}

/* ": " and the first line, as print_txt_line writes it (nothing when it is not text). */
static void http_line(struct fmtbuf *b, const uint8_t *p, uint32_t have, uint32_t len, int *cut)
{
	uint32_t i;

	for (i = 0; i < len; i++) {
		if (i >= have) {
			*cut = 1;	/* the capture ends before the line does */
			return;
		}
		if (p[i] == '\n')
			break;
		if (p[i] == '\r') {
			if (i + 1 >= len)
				return;
			if (i + 1 >= have) {
				*cut = 1;
				return;
			}
			if (p[i + 1] == '\n')
				break;
			return;
		}
		if (!printable(p[i]) && p[i] != '\t')
			return;
	}
	fmtbuf_str(b, ": ");
	fmtbuf_mem(b, (const char *)p, i);
}

void decode_http(struct decoded *d, struct cursor *c, uint32_t len)
{
	const uint8_t *p = c->buf + c->off;
	uint32_t have = cursor_left(c) < len ? cursor_left(c) : len;
	struct fmtbuf b = dec_sum_begin(d);
	int cut = 0;

	fmtbuf_str(&b, ": HTTP");
	if (is_request_or_response(p, have, len))
		http_line(&b, p, have, len, &cut);
	if (cut && !d->inner)
		fmtbuf_str(&b, " [|http]");	/* tcpdump's mark: its name, not a layer's */
	dec_sum_end(d, &b);
	decode_data(d, c);
}
