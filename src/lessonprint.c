/* lessonprint.c — a lesson run unattended (--lesson --print): its steps, their lines with ✓ or ✗, the commands' output and the frames, as text. */
#include "lessonprint.h"

#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "decode.h"
#include "frameprint.h"
#include "lessonrun.h"

struct lprinter {
	struct lesson *l;
	struct loop *loop;
	struct decoded d;
	int names;		/* several devices: frames name theirs */
	int verbose;
	const char *ok, *bad, *ran;	/* ran: a run: that ended non-zero (not a check) */
	int failed;
};

static void print_frame(struct session *s, const struct frame *f, const struct frame_meta *m, void *arg)
{
	struct lprinter *p = arg;

	(void)m;
	decode_frame(&p->d, f);
	fputs("      ", stdout);
	frameprint_line_dev(stdout, f, &p->d, p->names ? s->dev.name : NULL);
	if (p->verbose)
		frameprint_tree(stdout, &p->d);
}

static void on_event(struct lessonrun *r, const struct lr_event *ev, void *arg)
{
	struct lprinter *p = arg;
	const struct lesson_step *st = ev->step >= 0 ? &p->l->steps[ev->step] : NULL;
	const struct lesson_line *ln = st && ev->line >= 0 && ev->line < st->nlines ? &st->lines[ev->line] : NULL;

	(void)r;
	switch (ev->kind) {
	case LRE_STEP_BEGIN:
		printf("\nstep %d/%d: %s\n", ev->step + 1, p->l->nsteps, ev->text);
		break;
	case LRE_LINE_BEGIN:
		if (ln && (ln->op == LOP_SAY || ln->op == LOP_QUESTION || ln->op == LOP_ANSWER || ln->op == LOP_PAUSE))
			printf("  %s%s%s\n", ln->op == LOP_SAY ? "" : lesson_op_name(ln->op),
			       ln->op == LOP_SAY ? "" : ": ", ln->text);
		else if (ln && (ln->op == LOP_RUN || ln->op == LOP_START))
			printf("  %s: %s\n", lesson_op_name(ln->op), ln->text);
		break;
	case LRE_OUTPUT:
		printf("    | %s\n", ev->text);
		break;
	case LRE_LINE_END:
		if (!ln || ln->op == LOP_SAY || ln->op == LOP_QUESTION || ln->op == LOP_ANSWER || ln->op == LOP_PAUSE ||
		    ln->op == LOP_USE)
			break;
		printf("  %s %s: %s%s%s\n", ev->ok == LR_RAN ? p->ran : ev->ok ? p->ok : p->bad, lesson_op_name(ln->op), ln->text,
		       ev->text && *ev->text ? " — " : "", ev->text ? ev->text : "");
		break;
	case LRE_WAIT_KEY:
	case LRE_STEP_END:
		break;
	case LRE_LESSON_END:
		p->failed = !ev->ok;
		if (ev->ok)
			printf("\nlesson passed: %s, %d steps\n", p->l->title, p->l->nsteps);
		else
			printf("\nlesson failed: %s\n", ev->text);
		loop_stop(p->loop, 0);
		break;
	}
	fflush(stdout);
}

int lessonprint_run(struct session *ss, int n, struct lesson *l, const struct options *o)
{
	static struct lprinter p;
	const char *cs;
	struct lessonrun *r;

	setlocale(LC_CTYPE, "");
	cs = nl_langinfo(CODESET);
	p.l = l;
	p.loop = ss[0].loop;
	p.names = n > 1;
	p.verbose = o->verbose;
	p.ok = cs && !strcmp(cs, "UTF-8") ? "✓" : "ok";
	p.bad = cs && !strcmp(cs, "UTF-8") ? "✗" : "FAILED";
	p.ran = cs && !strcmp(cs, "UTF-8") ? "•" : "-";
	p.failed = 1;
	printf("lesson: %s\n", l->title);
	if (l->about)
		printf("  %s\n", l->about);
	for (int i = 0; i < n; i++)
		session_observe(&ss[i], print_frame, &p);
	r = lessonrun_new(l, ss, n, 1, on_event, &p);
	if (!r) {
		fprintf(stderr, "tapscope: out of memory\n");
		return 1;
	}
	loop_run(p.loop);
	if (!lessonrun_finished(r))
		printf("\nlesson stopped before its end (step %d of %d)\n", lessonrun_step(r) + 1, l->nsteps);
	fflush(stdout);
	if (p.failed)
		fprintf(stderr, "tapscope: lesson '%s' failed%s%s\n", l->name, lessonrun_failure(r) ? " at " : "",
			lessonrun_failure(r) ? lessonrun_failure(r) : " (interrupted)");
	lessonrun_free(r);
	for (int i = 0; i < n; i++)
		session_unobserve(&ss[i], print_frame, &p);
	return p.failed ? 1 : 0;
}
