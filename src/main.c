/* main.c — tapscope's entry: parse options, then decode a file, print the device's status,
 * or own a device and either print frames or open the full-screen UI. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "decode.h"
#include "frameprint.h"
#include "netns.h"
#include "nlmodel.h"
#include "nlstatus.h"
#include "offline.h"
#include "options.h"
#include "session.h"
#include "../ui/ui_run.h"

#define TAPSCOPE_VERSION "0.1"

struct printer {
	struct decoded *d;
	uint64_t lines;		/* lines written: the flusher compares it with what it last pushed */
	int verbose, json;
};

static void print_frame(struct session *s, const struct frame *f, void *arg)
{
	struct printer *p = arg;

	(void)s;
	p->lines++;
	decode_frame(p->d, f);
	if (p->json) {
		frameprint_json(stdout, f, p->d);
		return;
	}
	frameprint_line(stdout, f, p->d);
	if (p->verbose)
		frameprint_tree_ex(stdout, p->d, p->verbose > 1);
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
	fprintf(stderr, "tapscope: %s\n", text);
}

static void on_signal(struct loop *loop, int signo, void *arg)
{
	(void)signo;
	(void)arg;
	loop_stop(loop, 0);
}

/* Output is pushed out at most every FLUSH_NS, and FLUSH_NS after the last frame at the
 * latest: readers (a pipe, a test, tail -f on the pcap) see frames promptly, while a
 * flood costs no write per frame. */
#define FLUSH_NS 20000000ull

struct flusher {
	struct session *s;
	uint64_t last;
	int timer;		/* armed one-shot timer, or -1 */
	uint64_t seen;		/* lines written at the last flush */
};

static void flush_now(struct loop *loop, struct flusher *fl)
{
	struct printer *p = fl->s->on_frame_arg;

	fl->last = loop_now_ns();
	fl->seen = p->lines;
	session_flush(fl->s);
	if (fflush(stdout) == EOF || ferror(stdout))
		loop_stop(loop, 0);	/* the reader went away (| head): end cleanly */
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
	struct printer *p = fl->s->on_frame_arg;
	uint64_t now;

	if (p->lines == fl->seen)
		return;
	now = loop_now_ns();
	if (now - fl->last >= FLUSH_NS)
		flush_now(loop, fl);
	else if (fl->timer < 0)
		fl->timer = loop_add_timer(loop, FLUSH_NS - (now - fl->last), 0, on_flush_timer, fl);
}

static int inject_all(struct session *s, const struct options *o, char *err, size_t errlen)
{
	struct craft_spec *spec = malloc(sizeof(*spec));
	int rc = spec ? 0 : -ENOMEM;

	for (int i = 0; i < o->ninject && !rc; i++) {
		rc = craft_parse(o->inject[i], spec, err, errlen);
		if (!rc)
			rc = session_inject(s, spec, err, errlen);
	}
	free(spec);
	return rc;
}

static void announce(const struct session *s, const struct options *o)
{
	char text[64];

	fprintf(stderr, "tapscope: ready: %s (%s%s, %s)", s->dev.name, s->dev.tun ? "tun" : "tap",
		s->dev.pi ? ", pi" : "", s->dev.created ? (s->dev.persist ? "created, persists" : "created")
							: "attached");
	if (s->ns.name[0])
		fprintf(stderr, " in namespace %s", s->ns.name);
	for (int i = 0; i < s->addrs.n; i++)
		fprintf(stderr, "%s%s", i ? " " : ", ", addrset_format(&s->addrs.a[i], text, sizeof(text)));
	fprintf(stderr, "; peers %s\n", o->echo ? "answer (ARP/NDP and echo)" : "are silent (--echo answers)");
}

static void summarize(const struct session *s, const struct options *o)
{
	fprintf(stderr, "tapscope: %llu frames (%llu from the kernel, %llu to it)",
		(unsigned long long)s->count.shown, (unsigned long long)s->count.in,
		(unsigned long long)s->count.out);
	if (o->write_path)
		fprintf(stderr, "; written to %s", o->write_path);
	if (s->count.write_errors)
		fprintf(stderr, "; %llu writes to the device failed", (unsigned long long)s->count.write_errors);
	fputc('\n', stderr);
}

static int run_live(const struct options *o)
{
	static const int sigs[] = { SIGINT, SIGTERM, SIGHUP };
	static struct session s;
	struct printer p = { .verbose = o->verbose, .json = o->json };
	struct flusher fl = { .timer = -1 };
	struct loop *loop;
	char err[512];
	int rc;

	if (session_check_specs(o->inject, o->ninject, err, sizeof(err)) < 0) {
		fprintf(stderr, "tapscope: %s\n", err);
		return 2;
	}
	static struct decoded dec;

	p.d = &dec;
	loop = loop_new();
	if (!loop) {
		fprintf(stderr, "tapscope: out of memory\n");
		return 1;
	}
	signal(SIGPIPE, SIG_IGN);
	loop_add_signals(loop, sigs, 3, on_signal, NULL);
	rc = session_start(&s, loop, o, err, sizeof(err));
	if (rc) {
		fprintf(stderr, "tapscope: %s\n", err);
		loop_free(loop);
		return 1;
	}
	if (!o->print && !o->json) {
		rc = ui_run(&s, o);
		session_end(&s);
		summarize(&s, o);
		loop_free(loop);
		return rc;
	}
	announce(&s, o);
	s.on_frame = print_frame;
	s.on_frame_arg = &p;
	s.on_msg = print_msg;
	if (o->events)
		nlmodel_set_event_cb(s.model, print_event, &p);
	fl.s = &s;
	loop_set_before_sleep(loop, before_sleep, &fl);
	rc = inject_all(&s, o, err, sizeof(err));
	if (rc)
		fprintf(stderr, "tapscope: %s\n", err);
	else
		rc = loop_run(loop);
	fflush(stdout);
	session_end(&s);
	summarize(&s, o);
	loop_free(loop);
	return rc ? 1 : 0;
}

static int run_offline(const struct options *o)
{
	struct offline_opts oo = {
		.path = o->read_path, .filter = o->filter, .verbose = o->verbose, .json = o->json, .count = o->count,
	};
	char err[512];

	if (offline_run(&oo, stdout, err, sizeof(err)) < 0) {
		fflush(stdout);
		fprintf(stderr, "tapscope: %s\n", err);
		return 1;
	}
	return 0;
}

/* --status only reads: it never creates the namespace, nor opens or changes the device. */
static int run_status(const struct options *o)
{
	const char *name = o->dev.name ? o->dev.name : (o->dev.tun ? "tun0" : "tap0");
	struct netns ns;
	char err[512];
	int rc;

	if (o->netns && netns_enter(&ns, o->netns, 0, err, sizeof(err)) < 0) {
		fprintf(stderr, "tapscope: %s\n", err);
		return 1;
	}
	rc = nlstatus_print(stdout, name, (o->json ? NLSTATUS_JSON : 0) | (o->local_routes ? NLSTATUS_LOCAL_ROUTES : 0),
			    err, sizeof(err));
	fflush(stdout);
	if (rc < 0) {
		fprintf(stderr, "tapscope: %s\n", err);
		return 1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	struct options o;
	char err[512];

	if (options_parse(&o, argc, argv, err, sizeof(err)) < 0) {
		fprintf(stderr, "tapscope: %s\n", err);
		return 2;
	}
	if (o.help) {
		fputs(options_usage(), stdout);
		return 0;
	}
	if (o.version) {
		printf("tapscope %s\n", TAPSCOPE_VERSION);
		return 0;
	}
	if (o.read_path)
		return run_offline(&o);
	if (o.status)
		return run_status(&o);
	return run_live(&o);
}
