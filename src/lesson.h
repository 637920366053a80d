/* lesson.h — executable lessons: a plain-text list of steps (narration, actions, commands, expectations) parsed into data. */
#ifndef TAPSCOPE_LESSON_H
#define TAPSCOPE_LESSON_H

#include <stddef.h>
#include <stdint.h>

#include "options.h"

/*
 * The format (one keyword a line; see README "Lessons" and tapscope(1)):
 *
 *   lesson: TITLE                 about: ONE LINE (for --lessons)
 *   device: NAME tap|tun [pi] [absent|down] [CIDR...]   (before the first step; default tap0 10.18.0.1/24;
 *                                 absent: made later by the lesson, then "do: attach"; down: no address, down)
 *   step: WHAT HAPPENS NOW        (its first narration line; indented lines after it continue it)
 *     say: TEXT                   another narration paragraph
 *     do: ACTION [ARGS]           a named action, as the keys call it (neigh on, hold on, release...)
 *     run: COMMAND                runs in the lesson's namespace and waits for it (30 s at most)
 *     start: COMMAND              runs in the background until it ends or the lesson does
 *     inject: SPEC                an --inject spec
 *     wait: DURATION              (500ms, 2s)
 *     use: DEVICE                 the device the following lines act on and watch
 *     expect: FILTER [within D]   a frame matching the BPF filter (tcpdump syntax), since the step began
 *     expect-none: FILTER [within D]   no such frame during D
 *     expect-verdict: CODE [within D]  a diagnosis verdict (OK, NO-CARRIER, NEIGH-FAILED...)
 *     expect-field: NAME == VALUE      (or !=) a field of the frame the last expect: matched (numbers
 *                                      compare as numbers: 0x0800 == 2048)
 *     expect-output: REGEX [within D]  in the output of the step's commands (so far, or within D)
 *     expect-counter: NAME +N|=N|>N [within D]   a /proc/net/snmp counter: risen by N, equal, above
 *     question: TEXT  answer: TEXT     a question for the class; the answer shows after a key
 *     pause: TEXT                      waits for a key in the UI (nothing unattended)
 *   # a comment
 * Expectations wait up to their "within" (default 3 s; expect-output: none); expect-none waits all of it.
 * In do:, inject:, run: and start: lines, ${frame} is the number of the frame the last expect: matched.
 */

enum lesson_op {
	LOP_SAY, LOP_DO, LOP_RUN, LOP_START, LOP_INJECT, LOP_WAIT, LOP_USE,
	LOP_EXPECT, LOP_EXPECT_NONE, LOP_EXPECT_VERDICT, LOP_EXPECT_FIELD, LOP_EXPECT_OUTPUT,
	LOP_EXPECT_COUNTER, LOP_QUESTION, LOP_ANSWER, LOP_PAUSE,
	LOP_COUNT
};

enum lesson_cmp { LCMP_EQ, LCMP_NE, LCMP_RISE, LCMP_GT };

#define LESSON_DEFAULT_WITHIN_NS 3000000000ull
#define LESSON_RUN_MAX_NS 30000000000ull

struct lesson_line {
	enum lesson_op op;
	int lineno;
	char *text;		/* the rest of the line (a filter, spec, command, name...), for SAY the paragraph */
	char *value;		/* expect-field: the VALUE */
	enum lesson_cmp cmp;	/* expect-field, expect-counter */
	long long n;		/* expect-counter: N */
	uint64_t ns;		/* wait: the duration; expectations: their "within" */
	int device;		/* the device (index) it acts on */
};

struct lesson_step {
	int lineno;
	char *title;
	struct lesson_line *lines;
	int nlines;
};

struct lesson {
	char name[64];		/* built-in name, or the file's name */
	char *title, *about;
	struct dev_options devs[OPTIONS_MAX_DEVICES];
	int ndevs;
	struct lesson_step *steps;
	int nsteps;
};

struct lesson_builtin {
	const char *name;	/* "silent-tap" */
	const char *text;
};

/* Parses text (source names it in messages). Returns 0, or -EINVAL with err
 * "SOURCE:LINE: what is wrong (what would be valid)". Filters, specs, actions, verdict
 * codes and durations are all checked here, so a lesson that parses can run. */
int lesson_parse(const char *text, const char *source, struct lesson *out, char *err, size_t errlen);
/* A built-in lesson by name, else a file. Same returns as lesson_parse (-ENOENT: neither). */
int lesson_load(const char *name_or_path, struct lesson *out, char *err, size_t errlen);
void lesson_free(struct lesson *l);
/* The built-in lessons, ending with a { NULL, NULL } row. */
const struct lesson_builtin *lesson_builtins(void);
/* "expect", "run", ... */
const char *lesson_op_name(enum lesson_op op);

#endif
