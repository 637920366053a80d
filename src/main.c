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
#include "headless.h"
#include "lesson.h"
#include "lessonprint.h"
#include "netns.h"
#include "nlmodel.h"
#include "nlstatus.h"
#include "offline.h"
#include "options.h"
#include "privdrop.h"
#include "session.h"
#include "sigs.h"
#include "../ui/ui_run.h"

#define TAPSCOPE_VERSION "0.1"

static void on_signal(struct loop *loop, int signo, void *arg)
{
	(void)signo;
	(void)arg;
	loop_stop(loop, 0);
}

/* The screen when there is one; -w alone without a terminal captures quietly, like tcpdump -w. */
static int wants_ui(const struct options *o)
{
	if (o->print || o->json)
		return 0;
	if (o->write_path && (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)))
		return 0;
	return 1;
}

static void end_all(struct session *ss, int n)
{
	while (n-- > 0)
		session_end(&ss[n]);	/* the first goes last: it made the namespace */
}

static int run_live(const struct options *o, struct lesson *lesson)
{
	static struct session ss[OPTIONS_MAX_DEVICES];
	struct loop *loop;
	char err[512];
	int rc, n, ui = wants_ui(o);

	if (session_check_specs(o->inject, o->ninject, err, sizeof(err)) < 0) {
		fprintf(stderr, "tapscope: %s\n", err);
		return 2;
	}
	if (ui && (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))) {
		fprintf(stderr, "tapscope: the full-screen UI needs a terminal; use --print for a log of frames, "
			"or -w FILE to capture quietly\n");
		return 1;
	}
	loop = loop_new();
	if (!loop) {
		fprintf(stderr, "tapscope: out of memory\n");
		return 1;
	}
	sigs_crash_install();
	loop_add_signals(loop, sigs_terminate, sigs_nterminate, on_signal, NULL);
	for (n = 0; n < o->ndevs; n++) {
		if (session_start(&ss[n], loop, o, n, err, sizeof(err)) < 0) {
			fprintf(stderr, "tapscope: %s\n", err);
			end_all(ss, n);
			loop_free(loop);
			return 1;
		}
	}
	/* --user with the screen or a lesson: once everything is set up (the first session holds
	 * the namespace); headless_run drops after opening --control */
	if ((ui || lesson) && o->user && privdrop_to(o->user, &ss[0].ns, err, sizeof(err)) < 0) {
		fprintf(stderr, "tapscope: %s\n", err);
		end_all(ss, n);
		loop_free(loop);
		return 1;
	}
	if (lesson && !ui)
		rc = lessonprint_run(ss, n, lesson, o);
	else
		rc = ui ? ui_run(ss, n, o, lesson) : headless_run(ss, n, o);
	if (headless_summary(ss, n, o) && !rc)
		rc = 1;
	end_all(ss, n);
	loop_free(loop);
	return rc;
}

static int run_offline(const struct options *o)
{
	struct offline_opts oo = {
		.path = o->read_path, .filter = o->filter, .verbose = o->verbose, .json = o->json, .count = o->count,
		.write_path = o->write_path, .pcapng = o->pcapng, .number = o->number,
		.quiet = o->write_path && !o->print && !o->verbose && !o->json,
	};
	char err[512];

	/* on a terminal, and asked for no lines, frames or file: the browser (the UI on the file) */
	if (!o->print && !o->json && !o->verbose && !o->write_path && !o->count && ui_browse_wanted(o->read_path))
		return ui_browse(o);
	if (offline_run(&oo, stdout, err, sizeof(err)) < 0) {
		fflush(stdout);
		fprintf(stderr, "tapscope: %s\n", err);
		return 1;
	}
	return 0;
}

static int list_lessons(void)
{
	struct lesson l;
	char err[512];

	for (const struct lesson_builtin *b = lesson_builtins(); b->name; b++) {
		if (lesson_parse(b->text, b->name, &l, err, sizeof(err)) < 0) {
			printf("%-18s (broken: %s)\n", b->name, err);
			continue;
		}
		printf("%-18s %s%s%s\n", b->name, l.title, l.about ? " — " : "", l.about ? l.about : "");
		lesson_free(&l);
	}
	return 0;
}

/* A lesson brings its devices, and runs in a namespace of its own unless --netns names one. */
static int run_lesson(struct options *o)
{
	static struct lesson l;
	static char ns[64];
	char err[512];
	int rc;

	if (lesson_load(o->lesson, &l, err, sizeof(err)) < 0) {
		fprintf(stderr, "tapscope: %s\n", err);
		return 2;
	}
	options_free(o);	/* the lesson's devices replace the command line's (lesson_free frees them) */
	memcpy(o->devs, l.devs, sizeof(o->devs));
	o->ndevs = l.ndevs;
	if (!o->netns) {
		snprintf(ns, sizeof(ns), "tapscope-lesson-%d", (int)getpid());
		o->netns = ns;
	}
	rc = run_live(o, &l);
	lesson_free(&l);
	memset(o->devs, 0, sizeof(o->devs));	/* they went with the lesson */
	o->ndevs = 0;
	return rc;
}

/* --status only reads: it never creates the namespace, nor opens or changes a device. */
static int run_status(const struct options *o)
{
	struct netns ns;
	char err[512];
	int rc = 0;

	if (o->netns && netns_enter(&ns, o->netns, 0, err, sizeof(err)) < 0) {
		fprintf(stderr, "tapscope: %s\n", err);
		return 1;
	}
	for (int i = 0; i < o->ndevs && !rc; i++)
		rc = nlstatus_print(stdout, o->devs[i].dev.name,
				    (o->json ? NLSTATUS_JSON : 0) | (o->local_routes ? NLSTATUS_LOCAL_ROUTES : 0), err,
				    sizeof(err));
	fflush(stdout);
	if (rc < 0) {
		fprintf(stderr, "tapscope: %s\n", err);
		return 1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	static struct options o;	/* static: its -a addresses live as long as the run */
	static char next[64];
	char err[512];
	int rc;

	if (options_parse(&o, argc, argv, err, sizeof(err)) < 0) {
		fprintf(stderr, "tapscope: %s\n", err);
		return 2;
	}
	if (o.help) {
		fputs(options_usage(), stdout);
		return 0;
	}
	if (o.keys) {
		ui_keys_print(stdout);
		return 0;
	}
	if (o.fields)
		return decode_fields_print(stdout) < 0;
	if (o.version) {
		printf("tapscope %s\n", TAPSCOPE_VERSION);
		return 0;
	}
	if (o.read_path)
		return run_offline(&o);
	if (o.status)
		return run_status(&o);
	if (o.lessons)
		return list_lessons();
	rc = o.lesson ? run_lesson(&o) : run_live(&o, NULL);
	/* the UI's lesson menu chose a lesson that brings devices of its own: run it next, in the
	 * same namespace (or one of its own), with what the lesson does rather than the options */
	while (ui_next_lesson()) {
		snprintf(next, sizeof(next), "%s", ui_next_lesson());
		o.lesson = next;
		o.echo = o.hold = o.ninject = 0;
		o.control = NULL;
		rc = run_lesson(&o);
	}
	return rc;
}
