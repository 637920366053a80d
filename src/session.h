/* session.h — one device's run: the device, its pipeline of observers, the responder, the outbox and injection jobs on one loop.
 *
 *   device ─> devreader ─> locate ─> responder decides ─> filter ─> number ─> observers
 *                                          │                            (pcap, printer or UI, ...)
 *                                          └─> outbox ─(drained before the loop sleeps,
 *   injection jobs ───────────────────────────┘      or held and released one by one)─> device
 *
 * Everything written to the device goes through the outbox and comes back through the
 * pipeline as a '>' frame, so what is shown and saved is what the kernel really got. */
#ifndef TAPSCOPE_SESSION_H
#define TAPSCOPE_SESSION_H

#include <stddef.h>
#include <stdint.h>
#include "addrset.h"
#include "craft.h"
#include "diagnose.h"
#include "frame.h"
#include "frameloc.h"
#include "loop.h"
#include "netns.h"
#include "options.h"
#include "outbox.h"
#include "peerwatch.h"
#include "quotering.h"
#include "pcapout.h"
#include "responder.h"
#include "tundev.h"

#define SESSION_FRAME_MAX (65536 + TUN_PI_LEN + 18)
#define SESSION_READ_BATCH 256	/* frames drained per wake-up before others get a turn */
#define SESSION_MAX_OBSERVERS 8
#define SESSION_JOBS_KEPT 16	/* finished injection jobs still listed */

struct session;
struct pcapout;
struct bpf_filter;
struct nlmodel;
struct devreader;

/* What the pipeline knows of a frame besides its bytes. */
struct frame_meta {
	struct frameloc loc;
	enum resp_why why;		/* FRAME_IN: what the responder did with it */
	enum outbox_origin origin;	/* FRAME_OUT: who made it */
	unsigned job;			/* FRAME_OUT from an injection: its job */
	uint64_t answers;		/* FRAME_OUT reply: the number of the frame it answers (0: not shown) */
	int held;			/* FRAME_OUT: it waited on hold and was released; FRAME_IN: its answer went on hold */
	int edited;			/* FRAME_OUT: replaced by a new spec while held */
};

/* Called for every frame that passes the filter, in both directions, numbered. */
typedef void (*session_frame_fn)(struct session *s, const struct frame *f, const struct frame_meta *m, void *arg);
/* Called with a one-line message about the run (injection errors, warnings). */
typedef void (*session_msg_fn)(struct session *s, const char *msg, void *arg);
/* Called when an injection job or the outbox changed (progress, held frames). */
typedef void (*session_change_fn)(struct session *s, void *arg);

struct session_counters {
	uint64_t in, out;		/* frames read from / written to the device */
	uint64_t shown;			/* frames that passed the filter */
	uint64_t write_errors;
};

enum job_state { JOB_WAITING, JOB_RUNNING, JOB_DONE, JOB_CANCELLED, JOB_FAILED };

/* An injection: a spec sent count times, interval apart. */
struct inject_job {
	unsigned id;			/* 1, 2, ... */
	enum job_state state;
	char text[512];			/* the spec as craft_format writes it */
	unsigned made, sent, total;	/* packets built (queued), written to the device, asked for */
	char error[256];		/* JOB_FAILED: why */
	struct craft_spec spec;
	struct session *s;
	int timer;			/* armed one-shot timer, or -1 */
	int dad_waits;
	struct inject_job *next;	/* newest first */
};

struct observer {
	session_frame_fn fn;
	void *arg;
};

struct session {
	struct loop *loop;
	const struct options *opts;	/* as started: guard_recreate makes the device again from them */
	struct netns ns;
	struct tundev dev;
	struct devreader *reader;
	int reader_mode;		/* enum devreader_mode */
	int watched_fd;			/* the reader's fd the loop watches */
	struct addrset addrs;		/* the device's own addresses */
	struct responder resp;
	struct peerwatch peers;		/* what the kernel tried to reach, and what went unanswered */
	struct nlmodel *model;		/* what the kernel thinks of the device, live */
	struct pcapout *pcap;
	struct pcapout_stats pcap_result;	/* what the -w file holds, from session_end on */
	struct bpf_filter *filter;
	struct session_counters count;
	int index;			/* the device's position in the options (0: the first -i) */
	uint16_t next_ip_id;
	int carrier_off;		/* turned off with TUNSETCARRIER */
	struct observer observers[SESSION_MAX_OBSERVERS];
	int nobservers;
	session_msg_fn on_msg;
	void *on_msg_arg;
	session_change_fn on_change;
	void *on_change_arg;
	struct outbox outbox;
	struct inject_job *jobs;	/* newest first; finished ones kept up to SESSION_JOBS_KEPT */
	unsigned next_job_id;
	struct quotering quotes;	/* the last frames, for quote=frame:N */
	uint8_t last_in[SESSION_FRAME_MAX];	/* the last frame the kernel sent, for quote=last */
	struct frame last_in_frame;
	int have_last_in;
	uint8_t wbuf[SESSION_FRAME_MAX];	/* a reply or an injected packet being built */
};

/* Starts device o->devs[index]: the first enters (or makes) the namespace; each opens and
 * configures its device (unless absent), opens the pcap file and filter, and watches the
 * device on loop. Returns 0, or a negative code with a message in err (everything already
 * made is undone). */
int session_start(struct session *s, struct loop *loop, const struct options *o, int index, char *err,
		  size_t errlen);
/* Closes the device, the pcap file (flushed, valid) and the namespace this run created. */
void session_end(struct session *s);

/* Adds fn to the frames' observers (after the pcap writer, in the order added). 0 or -ENOSPC. */
int session_observe(struct session *s, session_frame_fn fn, void *arg);
void session_unobserve(struct session *s, session_frame_fn fn, void *arg);

/* Parses every spec first (so a bad one injects nothing); 0 or -EINVAL with err. */
int session_check_specs(const char *const *specs, int n, char *err, size_t errlen);

/* --- injection jobs (session_jobs.c) --- */
/* Starts a job sending spec (now, or once IPv6 duplicate address detection is done); its
 * packets go through the outbox. *id (may be NULL) gets the job's id. 0, or negative with
 * err (the first packet could not be built: nothing is sent and no job stays). */
int session_inject(struct session *s, const struct craft_spec *spec, unsigned *id, char *err, size_t errlen);
/* Stops job id (0: every running job). Returns how many were cancelled, or -ENOENT. */
int session_job_cancel(struct session *s, unsigned id);
/* The job with that id, or NULL. The list (newest first) is s->jobs. */
const struct inject_job *session_job(const struct session *s, unsigned id);
/* Jobs still sending. */
int session_jobs_running(const struct session *s);
const char *session_job_state_name(enum job_state st);

/* --- the outbox (session_outbox.c) --- */
/* Queues a frame for the device (drained before the loop sleeps unless on hold). Returns its
 * outbox id (> 0) or negative (full). */
int64_t session_queue(struct session *s, enum outbox_origin origin, unsigned job, uint64_t answers,
		      const uint8_t *buf, size_t len);
/* Holds (on) or lets go (off: everything held leaves in order). */
void session_hold(struct session *s, int on);
/* Writes held frame id now (0: the oldest). 0, or -ENOENT, or the write's -errno. */
int session_release(struct session *s, uint64_t id);
/* Forgets held frame id (0: the oldest) without writing it. 0 or -ENOENT. */
int session_drop(struct session *s, uint64_t id);
/* Replaces held frame id by the packet spec builds. 0, or negative with err. */
int session_edit(struct session *s, uint64_t id, const struct craft_spec *spec, char *err, size_t errlen);
/* Writes whatever waits, unless on hold. Called before the loop sleeps. */
void session_drain(struct session *s);
/* Writes a frame to the device at once and reports it as a '>' frame (the outbox's last
 * stage; everything else queues). Returns 0 or -errno. */
int session_send(struct session *s, const uint8_t *buf, size_t len, const struct frame_meta *m);

/* --- the responder's policy --- */
/* Turns neighbour answers on or off; turning them on answers at once the requests that went
 * unanswered in the last few seconds. */
void session_set_neigh(struct session *s, int on);
void session_set_echo(struct session *s, int on);

/* Diagnosis for the peer the kernel is trying to reach (stable), from the live model and
 * from what the session saw (unanswered requests). Returns the number of verdicts. */
int session_diagnose(struct session *s, struct diag_verdict *out, int max);

/* Detaches tapscope's queue from the device (the kernel then sees no reader: NO-CARRIER),
 * keeping a device this run created alive meanwhile; re-attaching restores it. A failed
 * re-attach leaves everything as it was (it can be tried again); quitting while detached
 * removes a device this run created. Refused after --user. 0 or -errno with err. */
int session_detach(struct session *s, char *err, size_t errlen);
int session_reattach(struct session *s, char *err, size_t errlen);

/* Called once per loop wake-up: flushes output so readers see every frame so far; a write to
 * the pcap file that failed is told to on_msg (once). */
void session_flush(struct session *s);
/* Closes the -w file now (session_end does it otherwise): s->pcap_result then says what it
 * holds in the end. */
void session_finish_pcap(struct session *s);

/* The link type frames of this session carry (DLT_EN10MB or DLT_RAW). */
int session_dlt(const struct session *s);
/* The kernel's tx_dropped for the device (frames it could not queue to tapscope), read now;
 * -1 when unknown. */
int64_t session_kernel_drops(struct session *s);

/* --- shared by the session_*.c files (and guard.c) --- */
/* Reads the device through a devreader on the loop / stops (before its fd closes).
 * err may be NULL. 0 or -errno. */
int session_watch_device(struct session *s, char *err, size_t errlen);
void session_unwatch_device(struct session *s);
/* Gives a device this run created its addresses (d->addrs) and brings it up. 0 or -errno. */
int session_configure(struct session *s, const struct dev_options *d, char *err, size_t errlen);
void session_on_device(struct loop *loop, int fd, uint32_t events, void *arg);
/* Answers the neighbour requests that waited while answers were off. */
void session_answer_pending(struct session *s);
/* The crafting context of this device: addresses, MAC, the frames to quote. */
void session_craft_ctx(struct session *s, struct craft_ctx *ctx);
/* A message to on_msg (printf-style). */
void session_msg(struct session *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void session_changed(struct session *s);

#endif
