/* lessonrun.c — runs a lesson on live sessions, a step at a time.
 *
 * A step's lines run in order. do:, inject:, use:, say:, start: take no time; run: waits for
 * its command; wait: for its duration; an expectation waits until it holds or its "within"
 * runs out (expect-none: the whole of it). Expectations look at the frames since the step
 * began (the session keeps the last ones for quoting) and at those that arrive after. */
#include "lessonrun.h"

#include <errno.h>
#include <inttypes.h>
#include <regex.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "action.h"
#include "bpf.h"
#include "cmdrun.h"
#include "decode.h"
#include "snmpstat.h"

#define POLL_NS 100000000ull		/* verdicts and counters are looked at this often */
#define MAX_BACKGROUND 8
#define OUTPUT_MAX (64 * 1024)		/* a step's command output kept for expect-output */
#define MATCH_BYTES 2048

struct line_status {
	enum lr_line_state state;
	char msg[240];
};

struct lessonrun {
	struct lesson *l;
	struct session *ss;
	int n;
	struct loop *loop;
	int unattended;
	lessonrun_event_fn fn;
	void *arg;

	int step, line;			/* current (step -1: none yet) */
	int busy, waiting_key, finished;
	struct line_status *status;	/* of the current step's lines */
	char failure[400];

	struct cmdrun *cmd;		/* the run: waited for */
	struct cmdrun *bg[MAX_BACKGROUND];
	int timer;			/* one-shot: a wait, a deadline or a poll */
	uint64_t deadline;
	int next_timer;			/* unattended: the next step */
	int cont_timer;			/* the next line, from the loop rather than from inside a callback */

	uint64_t first[OPTIONS_MAX_DEVICES];	/* the first frame number of the step, per device */
	struct bpf_filter *filter;	/* of the active expectation */
	int matched;
	struct frame match;		/* the frame the last expect: matched, in any step (expect-field, ${frame}) */
	uint8_t match_data[MATCH_BYTES];
	int have_match;
	long long counter_start;	/* expect-counter: its value when the step began */
	char *output;
	size_t output_len;
	struct snmpstat counters;	/* when the step began */
};

static void run_lines(struct lessonrun *r);
static void on_continue(struct loop *loop, int timer, void *arg);
static void check_output(struct lessonrun *r, const struct lesson_line *ln);
static int expand(const struct lessonrun *r, const char *text, char *out, size_t n);

/* ---- events ---- */

static void emit(struct lessonrun *r, enum lr_event_kind kind, int ok, const char *text)
{
	struct lr_event ev = { kind, r->step, r->line, ok, text };

	if (r->fn)
		r->fn(r, &ev, r->arg);
}

static const struct lesson_line *cur_line(const struct lessonrun *r)
{
	return &r->l->steps[r->step].lines[r->line];
}

static struct session *cur_session(const struct lessonrun *r)
{
	int d = cur_line(r)->device;

	return &r->ss[d < r->n ? d : 0];
}

static void cancel_timer(struct lessonrun *r)
{
	if (r->timer >= 0)
		loop_del_timer(r->loop, r->timer);
	r->timer = -1;
}

static void drop_filter(struct lessonrun *r)
{
	if (r->filter)
		bpf_filter_free(r->filter);
	r->filter = NULL;
}

/* The current line is done: ok, or the step fails here. */
__attribute__((format(printf, 3, 4)))
static void line_done(struct lessonrun *r, int ok, const char *fmt, ...)
{
	struct line_status *st = &r->status[r->line];
	va_list ap;

	cancel_timer(r);
	drop_filter(r);
	va_start(ap, fmt);
	vsnprintf(st->msg, sizeof(st->msg), fmt, ap);
	va_end(ap);
	st->state = ok == LR_RAN ? LS_RAN : ok ? LS_OK : LS_FAILED;
	emit(r, LRE_LINE_END, ok, st->msg);
	if (!ok && !r->failure[0])
		snprintf(r->failure, sizeof(r->failure), "step %d (line %d): %s: %s: %s", r->step + 1, cur_line(r)->lineno,
			 lesson_op_name(cur_line(r)->op), cur_line(r)->text, st->msg);
	if (!ok) {
		r->busy = 0;
		emit(r, LRE_STEP_END, 0, r->failure);
		if (r->unattended) {
			r->finished = 1;
			emit(r, LRE_LESSON_END, 0, r->failure);
		}
		return;
	}
	r->line++;
	/* a frame observer or a command's callback may be what ended the line: the next line
	 * (which may write frames or run actions) starts from the loop, not from inside it */
	if (r->cont_timer < 0)
		r->cont_timer = loop_add_timer(r->loop, 1, 0, on_continue, r);
}

/* ---- frames ---- */

static void keep_match(struct lessonrun *r, const struct frame *f)
{
	uint32_t n = f->caplen < MATCH_BYTES ? f->caplen : MATCH_BYTES;

	r->match = *f;
	memcpy(r->match_data, f->data, n);
	r->match.data = r->match_data;
	r->match.caplen = n;
	r->have_match = 1;
}

static void describe(const struct frame *f, char *buf, size_t len)
{
	static struct decoded d;

	decode_frame(&d, f);
	snprintf(buf, len, "frame %" PRIu64 ": %s", f->number, decode_summary(&d));
}

/* An expectation saw a frame that matches its filter. */
static void matched(struct lessonrun *r, const struct frame *f)
{
	char what[200];

	describe(f, what, sizeof(what));
	if (cur_line(r)->op == LOP_EXPECT) {
		keep_match(r, f);
		line_done(r, 1, "%s", what);
	} else {
		line_done(r, 0, "there was one: %s", what);
	}
}

static void on_frame(struct session *s, const struct frame *f, const struct frame_meta *m, void *arg)
{
	struct lessonrun *r = arg;

	(void)m;
	if (!r->busy || !r->filter || s != cur_session(r))
		return;
	if (bpf_filter_match(r->filter, f))
		matched(r, f);
}

/* Frames since the step began, as the session still keeps them. */
static const struct frame *scan_past(struct lessonrun *r)
{
	struct session *s = cur_session(r);

	for (uint64_t n = r->first[s->index]; n <= s->count.shown; n++) {
		const struct frame *f = quotering_get(&s->quotes, n);

		if (f && bpf_filter_match(r->filter, f))
			return f;
	}
	return NULL;
}

/* ---- timers ---- */

static void on_timer(struct loop *loop, int timer, void *arg);

static void arm(struct lessonrun *r, uint64_t ns)
{
	cancel_timer(r);
	r->timer = loop_add_timer(r->loop, ns ? ns : 1, 0, on_timer, r);
}

static int check_verdict(struct lessonrun *r, char *seen, size_t len)
{
	struct diag_verdict v[DIAG_MAX];
	int n = session_diagnose(cur_session(r), v, DIAG_MAX);
	size_t used = 0;

	seen[0] = '\0';
	for (int i = 0; i < n; i++) {
		if (!strcasecmp(diagnose_code_name(v[i].code), cur_line(r)->text)) {
			snprintf(seen, len, "%s", v[i].text);
			return 1;
		}
		used += (size_t)snprintf(seen + used, len > used ? len - used : 0, "%s%s", i ? "; " : "", v[i].text);
	}
	return 0;
}

static int check_counter(struct lessonrun *r, long long *now)
{
	const struct lesson_line *ln = cur_line(r);

	if (snmpstat_get(ln->text, now) < 0)
		return -1;
	switch (ln->cmp) {
	case LCMP_RISE: return *now - r->counter_start >= ln->n;
	case LCMP_EQ: return *now == ln->n;
	case LCMP_GT: return *now > ln->n;
	default: return 0;
	}
}

/* A poll, or the end of a wait or of an expectation's time. */
static void on_timer(struct loop *loop, int timer, void *arg)
{
	struct lessonrun *r = arg;
	const struct lesson_line *ln;
	int late = loop_now_ns() >= r->deadline;
	char seen[300];
	long long now;

	(void)loop;
	(void)timer;
	r->timer = -1;
	if (!r->busy)
		return;
	ln = cur_line(r);
	switch (ln->op) {
	case LOP_WAIT:
		line_done(r, 1, "waited");
		return;
	case LOP_EXPECT:
		line_done(r, 0, "no such frame within %.1f s", (double)ln->ns / 1e9);
		return;
	case LOP_EXPECT_NONE:
		line_done(r, 1, "none in %.1f s", (double)ln->ns / 1e9);
		return;
	case LOP_EXPECT_VERDICT:
		if (check_verdict(r, seen, sizeof(seen)))
			line_done(r, 1, "%s", seen);
		else if (late)
			line_done(r, 0, "the verdict is: %s", seen[0] ? seen : "(none)");
		else
			arm(r, POLL_NS);
		return;
	case LOP_EXPECT_COUNTER: {
		int ok = check_counter(r, &now);

		if (ok > 0)
			line_done(r, 1, "%s is %lld (was %lld)", ln->text, now, r->counter_start);
		else if (ok < 0)
			line_done(r, 0, "no counter %s in /proc/net/snmp, snmp6 or netstat", ln->text);
		else if (late)
			line_done(r, 0, "%s is %lld (was %lld)", ln->text, now, r->counter_start);
		else
			arm(r, POLL_NS);
		return;
	}
	case LOP_EXPECT_OUTPUT:
		check_output(r, ln);
		return;
	case LOP_RUN:
		cmdrun_kill(r->cmd);
		r->cmd = NULL;
		line_done(r, 0, "still running after %d s: killed (give the command a limit, e.g. ping -c N)",
			  (int)(LESSON_RUN_MAX_NS / 1000000000ull));
		return;
	default:
		return;
	}
}

/* ---- commands ---- */

static void keep_output(struct lessonrun *r, const char *line)
{
	size_t n = strlen(line);
	char *grown;

	if (r->output_len + n + 1 > OUTPUT_MAX)
		return;
	grown = realloc(r->output, r->output_len + n + 2);
	if (!grown)
		return;
	r->output = grown;
	memcpy(r->output + r->output_len, line, n);
	r->output_len += n;
	r->output[r->output_len++] = '\n';
	r->output[r->output_len] = '\0';
}

static void on_output(struct cmdrun *c, const char *line, void *arg)
{
	struct lessonrun *r = arg;
	struct lr_event ev = { LRE_OUTPUT, r->step, -1, 1, line };

	(void)c;
	keep_output(r, line);
	if (r->fn)
		r->fn(r, &ev, r->arg);
}

static void on_run_exit(struct cmdrun *c, int status, void *arg)
{
	struct lessonrun *r = arg;

	(void)c;
	r->cmd = NULL;
	if (r->busy && cur_line(r)->op == LOP_RUN)
		line_done(r, status ? LR_RAN : 1, "ended with status %d", status);
}

static void on_bg_exit(struct cmdrun *c, int status, void *arg)
{
	struct lessonrun *r = arg;

	(void)status;
	for (int i = 0; i < MAX_BACKGROUND; i++)
		if (r->bg[i] == c)
			r->bg[i] = NULL;
}

static void start_command(struct lessonrun *r, const struct lesson_line *ln)
{
	char err[300], cmd[1100];

	if (expand(r, ln->text, cmd, sizeof(cmd)) < 0) {
		line_done(r, 0, "${frame}: no expect: has matched a frame in this step yet");
		return;
	}
	if (ln->op == LOP_RUN) {
		r->cmd = cmdrun_start(r->loop, cmd, on_output, on_run_exit, r, err, sizeof(err));
		if (!r->cmd) {
			line_done(r, 0, "%s", err);
			return;
		}
		r->deadline = loop_now_ns() + LESSON_RUN_MAX_NS;
		arm(r, LESSON_RUN_MAX_NS);
		return;
	}
	for (int i = 0; i < MAX_BACKGROUND; i++) {
		if (r->bg[i])
			continue;
		r->bg[i] = cmdrun_start(r->loop, cmd, on_output, on_bg_exit, r, err, sizeof(err));
		if (r->bg[i])
			line_done(r, 1, "started");
		else
			line_done(r, 0, "%s", err);
		return;
	}
	line_done(r, 0, "too many commands in the background (at most %d)", MAX_BACKGROUND);
}

/* ---- the lines ---- */

/* ${frame} becomes the number of the frame the last expect: matched. 0, or -ENOENT (none yet). */
static int expand(const struct lessonrun *r, const char *text, char *out, size_t n)
{
	size_t used = 0;
	const char *at;

	out[0] = '\0';
	while ((at = strstr(text, "${frame}"))) {
		if (!r->have_match)
			return -ENOENT;
		used += (size_t)snprintf(out + used, n - used, "%.*s%" PRIu64, (int)(at - text), text, r->match.number);
		if (used >= n)
			return 0;	/* cut: snprintf kept it terminated */
		text = at + 8;
	}
	snprintf(out + used, n - used, "%s", text);
	return 0;
}

static void do_action(struct lessonrun *r, const struct lesson_line *ln, const char *prefix)
{
	char line[1200], text[1100], msg[400];
	int rc;

	if (expand(r, ln->text, text, sizeof(text)) < 0) {
		line_done(r, 0, "${frame}: no expect: has matched a frame in this step yet");
		return;
	}
	snprintf(line, sizeof(line), "%s%s", prefix, text);
	rc = action_run(cur_session(r), line, msg, sizeof(msg));
	line_done(r, rc >= 0, "%s", msg[0] ? msg : "done");
}

static void start_expect(struct lessonrun *r, const struct lesson_line *ln)
{
	struct session *s = cur_session(r);
	const struct frame *f;
	char err[256];

	r->filter = bpf_filter_new(session_dlt(s), ln->text, err, sizeof(err));
	if (!r->filter) {
		line_done(r, 0, "bad filter: %s", err);
		return;
	}
	f = scan_past(r);
	if (f) {
		matched(r, f);
		return;
	}
	r->deadline = loop_now_ns() + ln->ns;
	arm(r, ln->ns);
}

/* Numbers compare as numbers (0x0800 is 2048), anything else as text, case aside. */
static int same_value(const char *a, const char *b)
{
	char *ea, *eb;
	unsigned long long x = strtoull(a, &ea, 0), y = strtoull(b, &eb, 0);

	if (*a && *b && !*ea && !*eb)
		return x == y;
	return !strcasecmp(a, b);
}

static void check_field(struct lessonrun *r, const struct lesson_line *ln)
{
	static struct decoded d;
	char val[256];

	if (!r->have_match) {
		line_done(r, 0, "no frame to look at (put an expect: before it)");
		return;
	}
	decode_frame(&d, &r->match);
	for (int i = 0; i < decode_count(&d); i++) {
		int same;

		if (strcmp(decode_name(&d, i), ln->text))
			continue;
		decode_value_text(&d, i, val, sizeof(val));
		same = same_value(val, ln->value);
		line_done(r, same == (ln->cmp == LCMP_EQ), "%s is %s in frame %" PRIu64, ln->text, val, r->match.number);
		return;
	}
	line_done(r, 0, "frame %" PRIu64 " has no field %s", r->match.number, ln->text);
}

static int output_has(const struct lessonrun *r, const char *pattern)
{
	regex_t re;
	int found;

	if (regcomp(&re, pattern, REG_EXTENDED | REG_NOSUB | REG_NEWLINE))
		return 0;
	found = r->output && regexec(&re, r->output, 0, NULL, 0) == 0;
	regfree(&re);
	return found;
}

/* Without "within", the output so far; with it, polled until then. */
static void check_output(struct lessonrun *r, const struct lesson_line *ln)
{
	if (output_has(r, ln->text)) {
		line_done(r, 1, "found in the commands' output");
		return;
	}
	if (!ln->ns || loop_now_ns() >= r->deadline) {
		line_done(r, 0, "not in the commands' output");
		return;
	}
	arm(r, POLL_NS);
}

static void start_line(struct lessonrun *r)
{
	const struct lesson_line *ln = cur_line(r);
	char seen[300];

	r->status[r->line].state = LS_ACTIVE;
	emit(r, LRE_LINE_BEGIN, 1, ln->text);
	switch (ln->op) {
	case LOP_SAY:
	case LOP_USE:
	case LOP_ANSWER:
		line_done(r, 1, "%s", "");
		return;
	case LOP_QUESTION:
	case LOP_PAUSE:
		if (r->unattended) {
			line_done(r, 1, "%s", "");
			return;
		}
		r->waiting_key = 1;
		emit(r, LRE_WAIT_KEY, 1, ln->text);
		return;
	case LOP_DO: do_action(r, ln, ""); return;
	case LOP_INJECT: do_action(r, ln, "inject "); return;
	case LOP_RUN:
	case LOP_START: start_command(r, ln); return;
	case LOP_WAIT:
		arm(r, ln->ns);
		return;
	case LOP_EXPECT:
	case LOP_EXPECT_NONE: start_expect(r, ln); return;
	case LOP_EXPECT_FIELD: check_field(r, ln); return;
	case LOP_EXPECT_OUTPUT:
		r->deadline = loop_now_ns() + ln->ns;
		check_output(r, ln);
		return;
	case LOP_EXPECT_VERDICT:
		r->deadline = loop_now_ns() + ln->ns;
		if (check_verdict(r, seen, sizeof(seen)))
			line_done(r, 1, "%s", seen);
		else
			arm(r, POLL_NS);
		return;
	case LOP_EXPECT_COUNTER:
		r->deadline = loop_now_ns() + ln->ns;
		if (snmpstat_find(&r->counters, ln->text, &r->counter_start) < 0) {
			line_done(r, 0, "no counter %s in /proc/net/snmp, snmp6 or netstat", ln->text);
			return;
		}
		arm(r, 1);
		return;
	case LOP_COUNT:
		break;
	}
}

static void on_continue(struct loop *loop, int timer, void *arg)
{
	struct lessonrun *r = arg;

	(void)loop;
	(void)timer;
	r->cont_timer = -1;
	run_lines(r);
}

static void on_next_timer(struct loop *loop, int timer, void *arg)
{
	struct lessonrun *r = arg;

	(void)loop;
	(void)timer;
	r->next_timer = -1;
	if (lessonrun_next(r) == -ENOENT && !r->finished) {
		r->finished = 1;
		emit(r, LRE_LESSON_END, 1, "every step passed");
	}
}

/* Runs lines until one has to wait (its callback continues from there) or the step ends. */
static void run_lines(struct lessonrun *r)
{
	const struct lesson_step *st = &r->l->steps[r->step];

	if (!r->busy || r->waiting_key || r->timer >= 0 || r->cmd || r->filter || r->cont_timer >= 0)
		return;
	if (r->line < st->nlines) {
		start_line(r);
		return;
	}
	r->busy = 0;
	emit(r, LRE_STEP_END, 1, "");
	if (r->unattended)
		r->next_timer = loop_add_timer(r->loop, 1, 0, on_next_timer, r);
	else if (r->step + 1 == r->l->nsteps && !r->finished) {
		r->finished = 1;
		emit(r, LRE_LESSON_END, !r->failure[0], r->failure[0] ? r->failure : "every step done");
	}
}

int lessonrun_next(struct lessonrun *r)
{
	if (r->busy)
		return -EBUSY;
	if (r->step + 1 >= r->l->nsteps || (r->unattended && r->failure[0]))
		return -ENOENT;
	r->step++;
	r->line = 0;
	free(r->status);
	r->status = calloc((size_t)r->l->steps[r->step].nlines + 1, sizeof(*r->status));
	if (!r->status)
		return -ENOMEM;
	r->output_len = 0;
	if (r->output)
		r->output[0] = '\0';
	for (int i = 0; i < r->n; i++)
		r->first[i] = r->ss[i].count.shown + 1;
	snmpstat_read(&r->counters);
	r->busy = 1;
	emit(r, LRE_STEP_BEGIN, 1, r->l->steps[r->step].title);
	run_lines(r);
	return 0;
}

void lessonrun_continue(struct lessonrun *r)
{
	if (!r->waiting_key)
		return;
	r->waiting_key = 0;
	line_done(r, 1, "%s", "");
}

void lessonrun_interrupt(struct lessonrun *r)
{
	cmdrun_interrupt(r->cmd);
}

struct lessonrun *lessonrun_new(struct lesson *l, struct session *ss, int n, int unattended,
				lessonrun_event_fn fn, void *arg)
{
	struct lessonrun *r = calloc(1, sizeof(*r));

	if (!r)
		return NULL;
	r->l = l;
	r->ss = ss;
	r->n = n;
	r->loop = ss[0].loop;
	r->unattended = unattended;
	r->fn = fn;
	r->arg = arg;
	r->step = -1;
	r->timer = r->next_timer = r->cont_timer = -1;
	for (int i = 0; i < n; i++)
		session_observe(&ss[i], on_frame, r);
	if (unattended)
		r->next_timer = loop_add_timer(r->loop, 1, 0, on_next_timer, r);
	return r;
}

void lessonrun_free(struct lessonrun *r)
{
	if (!r)
		return;
	cancel_timer(r);
	if (r->next_timer >= 0)
		loop_del_timer(r->loop, r->next_timer);
	if (r->cont_timer >= 0)
		loop_del_timer(r->loop, r->cont_timer);
	drop_filter(r);
	cmdrun_kill(r->cmd);
	for (int i = 0; i < MAX_BACKGROUND; i++)
		cmdrun_kill(r->bg[i]);
	for (int i = 0; i < r->n; i++)
		session_unobserve(&r->ss[i], on_frame, r);
	free(r->status);
	free(r->output);
	snmpstat_free(&r->counters);
	free(r);
}

int lessonrun_step(const struct lessonrun *r)
{
	return r->step;
}

int lessonrun_busy(const struct lessonrun *r)
{
	return r->busy;
}

int lessonrun_waiting_key(const struct lessonrun *r)
{
	return r->waiting_key;
}

enum lr_line_state lessonrun_line_state(const struct lessonrun *r, int step, int line, const char **msg)
{
	if (msg)
		*msg = "";
	if (step != r->step || !r->status || line < 0 || line >= r->l->steps[step].nlines)
		return step < r->step ? LS_OK : LS_PENDING;
	if (msg)
		*msg = r->status[line].msg;
	return r->status[line].state;
}

const char *lessonrun_failure(const struct lessonrun *r)
{
	return r->failure[0] ? r->failure : NULL;
}

int lessonrun_finished(const struct lessonrun *r)
{
	return r->finished;
}
