/* action.c — named actions on a session: the one list that keys, lessons, the console and --control call. */
#include "action.h"
#include "guard.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "craft.h"
#include "decode.h"
#include "nlaction.h"
#include "session.h"

/* ---- argument helpers ---- */

static int usage(const struct action_def *a, char *msg, size_t msglen, const char *problem)
{
	snprintf(msg, msglen, "%s: %s (usage: %s)", a->name, problem, a->usage);
	return -EINVAL;
}

/* on / off / toggle (or no word: toggle) against the current value; -1 when the word is none of them. */
static int on_off(int argc, char **argv, int current)
{
	if (argc < 2 || !strcasecmp(argv[1], "toggle"))
		return !current;
	if (!strcasecmp(argv[1], "on") || !strcmp(argv[1], "1") || !strcasecmp(argv[1], "yes"))
		return 1;
	if (!strcasecmp(argv[1], "off") || !strcmp(argv[1], "0") || !strcasecmp(argv[1], "no"))
		return 0;
	return -1;
}

/* An id: a number >= 1, or "next"/absent for 0 (the oldest); "all" gives -1. */
static int parse_id(int argc, char **argv, int64_t *id)
{
	char *end;

	if (argc < 2 || !strcasecmp(argv[1], "next")) {
		*id = 0;
		return 0;
	}
	if (!strcasecmp(argv[1], "all")) {
		*id = -1;
		return 0;
	}
	errno = 0;
	*id = (int64_t)strtoull(argv[1], &end, 10);
	return errno || end == argv[1] || *end || *id < 1 ? -EINVAL : 0;
}

/* argv[from..] joined by spaces: a spec whose quoted values kept their quotes. */
static void join(int argc, char **argv, int from, char *out, size_t n)
{
	size_t used = 0;

	out[0] = '\0';
	for (int i = from; i < argc && used < n; i++)
		used += (size_t)snprintf(out + used, n - used, "%s%s", i > from ? " " : "", argv[i]);
}

static const struct action_def *self(const char *name)
{
	return action_find(name);
}

/* ---- the responder ---- */

static int act_echo(struct session *s, int argc, char **argv, char *msg, size_t msglen)
{
	int on = on_off(argc, argv, s->resp.policy.answer_echo);

	if (on < 0)
		return usage(self("echo"), msg, msglen, "expected on, off or toggle");
	session_set_echo(s, on);
	snprintf(msg, msglen, "echo replies %s", on ? "on" : "off");
	return 0;
}

static int act_neigh(struct session *s, int argc, char **argv, char *msg, size_t msglen)
{
	int on = on_off(argc, argv, s->resp.policy.answer_neigh);

	if (on < 0)
		return usage(self("neigh"), msg, msglen, "expected on, off or toggle");
	session_set_neigh(s, on);
	snprintf(msg, msglen, "neighbour answers (ARP/NDP) %s", on ? "on" : "off");
	return 0;
}

/* ---- the outbox ---- */

static int act_hold(struct session *s, int argc, char **argv, char *msg, size_t msglen)
{
	int on = on_off(argc, argv, s->outbox.hold);
	size_t waiting = s->outbox.n;

	if (on < 0)
		return usage(self("hold"), msg, msglen, "expected on, off or toggle");
	session_hold(s, on);
	if (on)
		snprintf(msg, msglen, "outbox on hold: replies and injections wait (release, drop, edit)");
	else
		snprintf(msg, msglen, "outbox released: %zu held frame%s sent", waiting, waiting == 1 ? "" : "s");
	return 0;
}

/* release / drop: one id, the oldest, or all. */
static int one_or_all(struct session *s, int argc, char **argv, char *msg, size_t msglen, int release)
{
	const struct action_def *a = self(release ? "release" : "drop");
	const char *verb = release ? "released" : "dropped";
	int64_t id;
	int n = 0, rc = 0;

	if (parse_id(argc, argv, &id) < 0)
		return usage(a, msg, msglen, "expected a held frame's number, next or all");
	if (!s->outbox.n) {
		snprintf(msg, msglen, "%s: nothing is held", a->name);
		return -ENOENT;
	}
	do {
		uint64_t one = id < 0 ? 0 : (uint64_t)id;
		const struct outbox_item *it = one ? outbox_find(&s->outbox, one) : outbox_at(&s->outbox, 0);
		uint64_t got = it ? it->id : one;

		rc = release ? session_release(s, one) : session_drop(s, one);
		if (rc == -ENOENT) {
			snprintf(msg, msglen, "%s: no held frame %" PRIu64 " (%zu held)", a->name, got, s->outbox.n);
			return rc;
		}
		if (rc == -ENOTCONN) {
			snprintf(msg, msglen, "%s: the queue is detached: attach first (the frame stays held)", a->name);
			return rc;
		}
		if (rc < 0) {
			snprintf(msg, msglen, "%s: %s", a->name, strerror(-rc));
			return rc;
		}
		if (!n)
			snprintf(msg, msglen, "%s held frame %" PRIu64 "; %zu still held", verb, got, s->outbox.n);
		n++;
	} while (id < 0 && s->outbox.n);
	if (n > 1)
		snprintf(msg, msglen, "%s %d held frames", verb, n);
	return 0;
}

static int act_release(struct session *s, int argc, char **argv, char *msg, size_t msglen)
{
	return one_or_all(s, argc, argv, msg, msglen, 1);
}

static int act_drop(struct session *s, int argc, char **argv, char *msg, size_t msglen)
{
	return one_or_all(s, argc, argv, msg, msglen, 0);
}

static int parse_spec(const char *text, struct craft_spec **spec, char *msg, size_t msglen)
{
	*spec = malloc(sizeof(**spec));
	if (!*spec) {
		snprintf(msg, msglen, "out of memory");
		return -ENOMEM;
	}
	return craft_parse(text, *spec, msg, msglen);
}

static int act_edit(struct session *s, int argc, char **argv, char *msg, size_t msglen)
{
	struct craft_spec *spec = NULL;
	char text[1024];
	int64_t id;
	int rc;

	if (argc < 3 || parse_id(2, argv, &id) < 0 || id < 1)
		return usage(self("edit"), msg, msglen, "expected a held frame's number and a spec");
	join(argc, argv, 2, text, sizeof(text));
	rc = parse_spec(text, &spec, msg, msglen);
	if (!rc)
		rc = session_edit(s, (uint64_t)id, spec, msg, msglen);
	free(spec);
	if (!rc)
		snprintf(msg, msglen, "held frame %" PRId64 " is now: %s", id, text);
	return rc;
}

/* ---- injection jobs ---- */

static int act_inject(struct session *s, int argc, char **argv, char *msg, size_t msglen)
{
	struct craft_spec *spec = NULL;
	char text[1024];
	unsigned id = 0;
	int rc;

	if (argc < 2)
		return usage(self("inject"), msg, msglen, "expected a spec");
	join(argc, argv, 1, text, sizeof(text));
	rc = parse_spec(text, &spec, msg, msglen);
	if (!rc)
		rc = session_inject(s, spec, &id, msg, msglen);
	if (!rc) {
		const struct inject_job *j = session_job(s, id);

		snprintf(msg, msglen, "job %u: %s (%u packet%s)", id, j ? j->text : text, craft_count(spec),
			 craft_count(spec) == 1 ? "" : "s");
	}
	free(spec);
	return rc;
}

static int act_cancel(struct session *s, int argc, char **argv, char *msg, size_t msglen)
{
	int64_t id;
	int n;

	if (parse_id(argc, argv, &id) < 0)
		return usage(self("cancel"), msg, msglen, "expected a job number, or nothing for every running job");
	n = session_job_cancel(s, id > 0 ? (unsigned)id : 0);
	if (n < 0 && id > 0)
		snprintf(msg, msglen, "cancel: job %" PRId64 " is not running", id);
	else if (n < 0)
		snprintf(msg, msglen, "cancel: no job is running");
	if (n < 0)
		return n;
	snprintf(msg, msglen, "cancelled %d job%s", n, n == 1 ? "" : "s");
	return 0;
}

static int act_jobs(struct session *s, int argc, char **argv, char *msg, size_t msglen)
{
	size_t used = 0;

	(void)argc;
	(void)argv;
	msg[0] = '\0';
	if (!s->jobs) {
		snprintf(msg, msglen, "no injection jobs");
		return 0;
	}
	for (const struct inject_job *j = s->jobs; j && used < msglen; j = j->next)
		used += (size_t)snprintf(msg + used, msglen - used, "%sjob %u %s %u/%u", used ? "; " : "", j->id,
					 session_job_state_name(j->state), j->sent, j->total);
	return 0;
}

static int act_outbox(struct session *s, int argc, char **argv, char *msg, size_t msglen)
{
	static struct decoded d;
	size_t used;

	(void)argc;
	(void)argv;
	used = (size_t)snprintf(msg, msglen, "outbox %s, %zu held", s->outbox.hold ? "on hold" : "flowing", s->outbox.n);
	for (size_t i = 0; i < s->outbox.n && used < msglen; i++) {
		const struct outbox_item *it = outbox_at(&s->outbox, i);
		struct frame f = { .dlt = session_dlt(s), .has_pi = s->dev.pi, .data = it->data,
				   .caplen = it->len, .len = it->len, .dir = FRAME_OUT };

		decode_frame(&d, &f);
		used += (size_t)snprintf(msg + used, msglen - used, "; #%" PRIu64 " %s", it->id, decode_summary(&d));
	}
	return 0;
}

/* ---- the device ---- */

static int act_detach(struct session *s, int argc, char **argv, char *msg, size_t msglen)
{
	(void)argc;
	(void)argv;
	if (session_detach(s, msg, msglen) < 0)
		return -EALREADY;
	snprintf(msg, msglen, "detached from %s: nobody reads it now (NO-CARRIER)", s->dev.name);
	return 0;
}

static int act_attach(struct session *s, int argc, char **argv, char *msg, size_t msglen)
{
	int rc;

	(void)argc;
	(void)argv;
	rc = session_reattach(s, msg, msglen);
	if (!rc)
		snprintf(msg, msglen, "attached to %s: tapscope reads it", s->dev.name);
	return rc;
}

static int act_recreate(struct session *s, int argc, char **argv, char *msg, size_t msglen)
{
	int rc;

	(void)argc;
	(void)argv;
	rc = guard_recreate(s, msg, msglen);
	if (!rc)
		snprintf(msg, msglen, "%s made again (index %d)", s->dev.name, s->dev.ifindex);
	return rc;
}

static int act_carrier(struct session *s, int argc, char **argv, char *msg, size_t msglen)
{
	int on = on_off(argc, argv, !s->carrier_off), rc;

	if (on < 0)
		return usage(self("carrier"), msg, msglen, "expected on, off or toggle");
	if (s->dev.fd < 0) {
		snprintf(msg, msglen, "carrier: the queue is detached (attach first)");
		return -ENOTCONN;
	}
	rc = nlaction_carrier_set(s->dev.fd, on, msg, msglen);
	if (rc < 0)
		return rc;
	s->carrier_off = !on;
	snprintf(msg, msglen, "carrier %s", on ? "on" : "off: the kernel sees NO-CARRIER");
	return 0;
}

static int act_link(struct session *s, int argc, char **argv, char *msg, size_t msglen)
{
	int up, rc;

	if (argc != 2 || (strcasecmp(argv[1], "up") && strcasecmp(argv[1], "down")))
		return usage(self("link"), msg, msglen, "expected up or down");
	up = !strcasecmp(argv[1], "up");
	rc = nlaction_link_set_up(s->dev.name, up, msg, msglen);
	if (!rc)
		snprintf(msg, msglen, "%s is %s", s->dev.name, up ? "up" : "down");
	return rc;
}

static int act_mtu(struct session *s, int argc, char **argv, char *msg, size_t msglen)
{
	char *end;
	unsigned long mtu;
	int rc;

	if (argc != 2)
		return usage(self("mtu"), msg, msglen, "expected a number");
	errno = 0;
	mtu = strtoul(argv[1], &end, 10);
	if (errno || *end || end == argv[1] || mtu < 68 || mtu > 65535)
		return usage(self("mtu"), msg, msglen, "the MTU is a number from 68 to 65535");
	rc = nlaction_link_set_mtu(s->dev.name, (unsigned)mtu, msg, msglen);
	if (!rc)
		snprintf(msg, msglen, "MTU of %s set to %lu", s->dev.name, mtu);
	return rc;
}

static int act_addr(struct session *s, int argc, char **argv, char *msg, size_t msglen)
{
	struct dev_addr a;
	int add, rc;

	if (argc < 2 || (strcasecmp(argv[1], "add") && strcasecmp(argv[1], "del")))
		return usage(self("addr"), msg, msglen, "expected add or del and an address");
	if (argc != 3)
		return usage(self("addr"), msg, msglen, argc < 3 ? "no address after add/del" :
			     "one address, with no spaces in it (e.g. 10.18.1.1/24)");
	if (addrset_parse_cidr(argv[2], &a) < 0) {
		char problem[200];

		snprintf(problem, sizeof(problem), "'%.80s' is not an address with a prefix, e.g. 10.18.1.1/24 or fd00::1/64",
			 argv[2]);
		return usage(self("addr"), msg, msglen, problem);
	}
	add = !strcasecmp(argv[1], "add");
	rc = add ? nlaction_addr_add(s->dev.name, argv[2], msg, msglen) : nlaction_addr_del(s->dev.name, argv[2], msg, msglen);
	if (!rc)
		snprintf(msg, msglen, "%s %s", add ? "added" : "deleted", argv[2]);
	return rc;
}

static int act_verdict(struct session *s, int argc, char **argv, char *msg, size_t msglen)
{
	struct diag_verdict v[DIAG_MAX];
	int n = session_diagnose(s, v, DIAG_MAX);
	size_t used = 0;

	(void)argc;
	(void)argv;
	msg[0] = '\0';
	for (int i = 0; i < n && used < msglen; i++)
		used += (size_t)snprintf(msg + used, msglen - used, "%s%s", i ? "; " : "", v[i].text);
	return 0;
}

static const struct action_def actions[] = {
	{ "echo", "echo on|off|toggle", "the peers' echo replies (ICMP and ICMPv6)", act_echo, 0 },
	{ "neigh", "neigh on|off|toggle", "the peers' ARP and neighbour answers", act_neigh, 0 },
	{ "hold", "hold on|off|toggle", "hold the outbox: replies and injections wait to be released", act_hold, 0 },
	{ "release", "release [N|next|all]", "write a held frame to the device", act_release, 0 },
	{ "drop", "drop [N|next|all]", "forget a held frame without writing it", act_drop, 0 },
	{ "edit", "edit N SPEC", "replace held frame N by the packet SPEC builds", act_edit, 0 },
	{ "inject", "inject SPEC", "start an injection job (the --inject spec)", act_inject, 0 },
	{ "cancel", "cancel [JOB]", "stop an injection job (none: every running job)", act_cancel, 0 },
	{ "jobs", "jobs", "list injection jobs and their progress", act_jobs, 0 },
	{ "outbox", "outbox", "list held frames", act_outbox, 0 },
	{ "verdict", "verdict", "why traffic does or does not flow", act_verdict, 0 },
	{ "detach", "detach", "close tapscope's queue: nobody reads the device (NO-CARRIER)", act_detach, 0 },
	{ "attach", "attach", "open the device's queue again", act_attach, 0 },
	{ "recreate", "recreate", "make the device again after it was deleted from outside (never another's of that name)",
	  act_recreate, ACTION_CHANGES_DEVICE },
	{ "carrier", "carrier on|off|toggle", "the device's carrier (TUNSETCARRIER)", act_carrier,
	  ACTION_CHANGES_DEVICE },
	{ "link", "link up|down", "the device's admin state", act_link, ACTION_CHANGES_DEVICE | ACTION_DESTRUCTIVE },
	{ "mtu", "mtu N", "the device's MTU (68-65535)", act_mtu, ACTION_CHANGES_DEVICE },
	{ "addr", "addr add|del CIDR", "add or delete an address of the device", act_addr,
	  ACTION_CHANGES_DEVICE | ACTION_DESTRUCTIVE },
	{ NULL, NULL, NULL, NULL, 0 },
};

const struct action_def *action_list(void)
{
	return actions;
}

const struct action_def *action_find(const char *name)
{
	for (const struct action_def *a = actions; a->name; a++)
		if (!strcasecmp(a->name, name))
			return a;
	return NULL;
}

int action_runv(struct session *s, int argc, char **argv, char *msg, size_t msglen)
{
	const struct action_def *a;

	msg[0] = '\0';
	if (argc < 1)
		return 0;
	a = action_find(argv[0]);
	if (!a) {
		size_t used = (size_t)snprintf(msg, msglen, "unknown action '%s'; actions:", argv[0]);

		for (const struct action_def *d = actions; d->name && used < msglen; d++)
			used += (size_t)snprintf(msg + used, msglen - used, " %s", d->name);
		return -EINVAL;
	}
	return a->fn(s, argc, argv, msg, msglen);
}

/* Words split at blanks outside double quotes; the quotes stay in the word. */
static int split(char *line, char **argv, int max)
{
	int argc = 0;
	char *p = line;

	while (*p) {
		int quoted = 0;

		while (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')
			p++;
		if (!*p)
			break;
		if (argc == max)
			return -E2BIG;
		argv[argc++] = p;
		for (; *p && (quoted || !(*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')); p++) {
			if (*p == '"')
				quoted = !quoted;
			else if (quoted && *p == '\\' && p[1])
				p++;
		}
		if (*p)
			*p++ = '\0';
	}
	return argc;
}

/* "@tun0 echo on": the device named after @, else the first; *line moves past the name. */
static struct session *pick_device(struct session *ss, int n, const char **line, char *msg, size_t msglen)
{
	const char *p = *line, *end;

	while (*p == ' ' || *p == '\t')
		p++;
	if (*p != '@')
		return &ss[0];
	end = p + strcspn(p, " \t");
	for (int i = 0; i < n; i++) {
		if (strlen(ss[i].dev.name) == (size_t)(end - p - 1) && !strncmp(ss[i].dev.name, p + 1, (size_t)(end - p - 1))) {
			*line = end;
			return &ss[i];
		}
	}
	snprintf(msg, msglen, "no device '%.*s' (the devices are given with -i)", (int)(end - p - 1), p + 1);
	return NULL;
}

int action_run_on(struct session *ss, int n, const char *line, char *msg, size_t msglen)
{
	struct session *s = pick_device(ss, n, &line, msg, msglen);

	return s ? action_run(s, line, msg, msglen) : -ENODEV;
}

int action_is_named(const char *line)
{
	char name[32];

	while (*line == ' ' || *line == '\t')
		line++;
	if (*line == '@')
		return 1;
	snprintf(name, sizeof(name), "%.*s", (int)strcspn(line, " \t"), line);
	return action_find(name) != NULL;
}

int action_run(struct session *s, const char *line, char *msg, size_t msglen)
{
	char copy[2048], *argv[64];
	int argc;

	msg[0] = '\0';
	while (*line == ' ' || *line == '\t')
		line++;
	if (!*line || *line == '#' || *line == '\n')
		return 0;
	snprintf(copy, sizeof(copy), "%s", line);
	argc = split(copy, argv, 64);
	if (argc < 0) {
		snprintf(msg, msglen, "too many words (at most 64)");
		return -E2BIG;
	}
	return action_runv(s, argc, argv, msg, msglen);
}
