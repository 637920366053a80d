/* headless.c — a live run without the screen: print frames (or capture quietly to -w), run --inject and --control, and sum up at the end. */
#include "headless.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "control.h"
#include "decode.h"
#include "frameprint.h"
#include "nlmodel.h"
#include "pcapout.h"
#include "privdrop.h"
#include "why.h"

/* Output is pushed out at most every FLUSH_NS, and FLUSH_NS after the last frame at the
 * latest: readers (a pipe, a test, tail -f on the pcap) see frames promptly, while a
 * flood costs no write per frame. */
#define FLUSH_NS 20000000ull

struct printer {
	struct decoded d;
	uint64_t lines;		/* frames and lines written: the flusher compares it with what it last pushed */
	int verbose, json, print, number;
	int names;		/* several devices: each line names its device */
	long limit;		/* -c: stop after this many frames in all (0: never) */
	uint64_t frames;
	struct loop *loop;
};

struct flusher {
	struct session *ss;
	int n;
	struct printer *p;
	uint64_t last;
	int timer;		/* armed one-shot timer, or -1 */
	uint64_t seen;		/* lines (or frames) at the last flush */
};

/* Under the line with -v: why the frame exists, and what the peers did with a request. */
static void print_why(const struct frame *f, const struct frame_meta *m)
{
	const char *answer = why_answer(f, m);
	char why[512];

	if (why_frame(f, m, why, sizeof(why)))
		printf("    why: %s\n", why);
	if (answer && m->why == RESP_ANSWERED)
		printf("    %s\n", answer);
	else if (answer)
		printf("    not answered: %s\n", answer);
}

static void print_frame(struct session *s, const struct frame *f, const struct frame_meta *m, void *arg)
{
	struct printer *p = arg;

	if (p->limit && (long)++p->frames >= p->limit)
		loop_stop(p->loop, 0);
	p->lines++;
	if (!p->print && !p->json)
		return;		/* quiet capture: -w alone formats nothing */
	if (p->verbose || p->json)
		decode_frame(&p->d, f);
	else
		decode_frame_summary(&p->d, f);	/* the line needs no tree */
	if (p->json) {
		char why[512];
		struct frameprint_extra x = { p->names ? s->dev.name : NULL, why, why_answer(f, m) };

		why_frame(f, m, why, sizeof(why));
		frameprint_json_ex(stdout, f, &p->d, &x);
		return;
	}
	if (p->number)
		printf(FRAMEPRINT_NUMBER_FMT, (unsigned long long)f->number);
	frameprint_line_dev(stdout, f, &p->d, p->names ? s->dev.name : NULL);
	if (!p->verbose)
		return;
	print_why(f, m);
	frameprint_tree_ex(stdout, &p->d, p->verbose > 1);
}

static void print_event(const struct nl_event *ev, void *arg)
{
	struct printer *p = arg;

	nlevent_print(stdout, ev);
	p->lines++;
}

static void print_msg(struct session *s, const char *text, void *arg)
{
	(void)s;
	(void)arg;
	fflush(stdout);		/* frame lines so far first: the message starts a line of its own */
	fprintf(stderr, "tapscope: %s\n", text);
}

/* On hold, each frame that starts to wait is announced once, so a script can release it. */
static void print_held(struct session *s, void *arg)
{
	static struct decoded d;
	uint64_t *announced = arg;

	for (size_t i = 0; s->outbox.hold && i < s->outbox.n; i++) {
		const struct outbox_item *it = outbox_at(&s->outbox, i);
		struct frame f = { .dlt = session_dlt(s), .has_pi = s->dev.pi, .data = it->data,
				   .caplen = it->len, .len = it->len, .dir = FRAME_OUT };

		if (it->id <= *announced)
			continue;
		*announced = it->id;
		decode_frame(&d, &f);
		if (it->origin == OUTBOX_REPLY)
			fprintf(stderr, "tapscope: %s%sheld #%llu (reply to frame %llu): %s\n", s->index ? s->dev.name : "",
				s->index ? " " : "", (unsigned long long)it->id, (unsigned long long)it->answers,
				decode_summary(&d));
		else
			fprintf(stderr, "tapscope: %s%sheld #%llu (job %u): %s\n", s->index ? s->dev.name : "",
				s->index ? " " : "", (unsigned long long)it->id, it->job, decode_summary(&d));
	}
}

static void print_reply(const char *line, int rc, const char *msg, void *arg)
{
	(void)arg;
	(void)line;
	fflush(stdout);		/* the frame lines so far first, as for print_msg */
	fprintf(stderr, "tapscope: %s%s\n", rc < 0 ? "error: " : "", msg);
	fflush(stderr);
}

static void flush_now(struct loop *loop, struct flusher *fl)
{
	fl->last = loop_now_ns();
	fl->seen = fl->p->lines;
	for (int i = 0; i < fl->n; i++)
		session_flush(&fl->ss[i]);
	if (fflush(stdout) == EOF || ferror(stdout)) {
		if (errno != EPIPE) {	/* a full disk: said, and exit 1 (capture stops: its lines cannot be kept) */
			fprintf(stderr, "tapscope: writing the lines to standard output failed: %s\n", strerror(errno ? errno : EIO));
			loop_stop(loop, 1);
			return;
		}
		loop_stop(loop, 0);	/* the reader went away (| head): end cleanly */
	}
}

static void on_flush_timer(struct loop *loop, int timer, void *arg)
{
	struct flusher *fl = arg;

	(void)timer;
	fl->timer = -1;
	flush_now(loop, fl);
}

static void before_sleep(struct loop *loop, void *arg)
{
	struct flusher *fl = arg;
	uint64_t now;

	if (fl->p->lines == fl->seen)
		return;
	now = loop_now_ns();
	if (now - fl->last >= FLUSH_NS)
		flush_now(loop, fl);
	else if (fl->timer < 0)
		fl->timer = loop_add_timer(loop, FLUSH_NS - (now - fl->last), 0, on_flush_timer, fl);
}

/* A spec that cannot be built yet (quote=last before the kernel sent anything) is reported,
 * and the run goes on. Injections go to the first device. */
static void inject_all(struct session *s, const struct options *o)
{
	struct craft_spec *spec = malloc(sizeof(*spec));
	char err[512];

	for (int i = 0; spec && i < o->ninject; i++) {
		unsigned id;

		if (craft_parse(o->inject[i], spec, err, sizeof(err)) < 0 ||
		    session_inject(s, spec, &id, err, sizeof(err)) < 0)
			fprintf(stderr, "tapscope: --inject '%s' not sent: %s\n", o->inject[i], err);
	}
	free(spec);
}

static void announce(const struct session *s, const struct options *o)
{
	char text[64];

	fprintf(stderr, "tapscope: ready: %s (%s%s, %s)", s->dev.name, s->dev.tun ? "tun" : "tap",
		s->dev.pi ? ", pi" : "",
		s->dev.fd < 0 ? "not open yet" : s->dev.created ? (s->dev.persist ? "created, persists" : "created")
								 : "attached");
	if (o->netns)
		fprintf(stderr, " in namespace %s", o->netns);
	for (int i = 0; i < s->addrs.n; i++)
		fprintf(stderr, "%s%s", i ? " " : ", ", addrset_format(&s->addrs.a[i], text, sizeof(text)));
	fprintf(stderr, "; peers %s%s\n", o->echo ? "answer (ARP/NDP and echo)" : "are silent (--echo answers)",
		o->hold ? "; outbox on hold" : "");
}

/* One device's line; 1 when its pcap file could not keep every frame. */
static int summary_one(struct session *s, const struct options *o, int names)
{
	int64_t drops = session_kernel_drops(s);
	char text[512];

	/* the total is what went through the device, so its parts add up; the filter's share apart */
	fprintf(stderr, "tapscope: %s%s%llu frames (%llu from the kernel, %llu to it)", names ? s->dev.name : "",
		names ? ": " : "", (unsigned long long)(s->count.in + s->count.out), (unsigned long long)s->count.in,
		(unsigned long long)s->count.out);
	if (o->filter)
		fprintf(stderr, "; %llu matched -f '%s'", (unsigned long long)s->count.shown, o->filter);
	if (drops >= 0)
		fprintf(stderr, "; the kernel dropped %lld it could not queue to %s (tx_dropped)", (long long)drops,
			s->dev.name);
	session_finish_pcap(s);		/* its last frames are in (or not): what the file holds in the end */
	if (o->write_path)
		fprintf(stderr, "; %s", pcapout_describe(&s->pcap_result, text, sizeof(text)));
	if (s->count.write_errors)
		fprintf(stderr, "; %llu writes to the device failed", (unsigned long long)s->count.write_errors);
	if (s->outbox.n)
		fprintf(stderr, "; %zu held frames were never sent", s->outbox.n);
	if (s->dev.lost)
		fprintf(stderr, "; %s was deleted from outside during the run", s->dev.name);
	fputc('\n', stderr);
	return s->pcap_result.error != 0 || s->dev.lost;
}

int headless_summary(struct session *ss, int n, const struct options *o)
{
	int bad = 0;

	for (int i = 0; i < n; i++)
		bad |= summary_one(&ss[i], o, n > 1);
	return bad;
}

int headless_run(struct session *ss, int n, const struct options *o)
{
	static struct printer p;
	struct flusher fl = { .ss = ss, .n = n, .p = &p, .timer = -1 };
	struct loop *loop = ss[0].loop;
	struct control *ctl = NULL;
	uint64_t announced[OPTIONS_MAX_DEVICES] = { 0 };
	char err[512];
	int rc;

	p.verbose = o->verbose;
	p.json = o->json;
	p.print = o->print;
	p.number = o->number;
	p.names = n > 1;
	p.limit = o->count;
	p.loop = loop;
	/* --control is opened, like -w, before --user gives up what opening it may need */
	if (o->control && !(ctl = control_open(ss, n, o->control, print_reply, NULL, err, sizeof(err)))) {
		fprintf(stderr, "tapscope: %s\n", err);
		return 1;
	}
	if (o->user && privdrop_to(o->user, &ss[0].ns, err, sizeof(err)) < 0) {
		fprintf(stderr, "tapscope: %s\n", err);
		control_close(ctl);
		return 1;
	}
	for (int i = 0; i < n; i++) {
		struct session *s = &ss[i];

		announce(s, o);
		session_observe(s, print_frame, &p);
		s->on_msg = print_msg;
		s->on_change = print_held;
		s->on_change_arg = &announced[i];
		if (o->events)
			nlmodel_set_event_cb(s->model, print_event, &p);
		if (o->hold)
			session_hold(s, 1);
	}
	loop_add_before_sleep(loop, before_sleep, &fl);
	inject_all(&ss[0], o);
	rc = loop_run(loop);
	fflush(stdout);
	loop_del_before_sleep(loop, before_sleep, &fl);
	if (fl.timer >= 0)
		loop_del_timer(loop, fl.timer);
	control_close(ctl);
	for (int i = 0; i < n; i++)
		ss[i].on_change = NULL;
	return rc ? 1 : 0;
}
