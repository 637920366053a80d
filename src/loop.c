/* loop.c — the one-thread event loop: epoll over fds, timerfd timers, signalfd signals. */
#include "loop.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/signalfd.h>
#include <sys/timerfd.h>
#include <time.h>
#include <unistd.h>

enum handler_kind { H_NONE, H_FD, H_TIMER, H_SIGNAL };

struct handler {
	enum handler_kind kind;
	int oneshot;
	loop_fd_fn fd_fn;
	loop_timer_fn timer_fn;
	loop_signal_fn signal_fn;
	void *arg;
};

struct loop {
	int epfd;
	int stop;
	int status;
	uint64_t wakeups;
	struct handler *h;	/* indexed by fd */
	int nh;
	struct { loop_hook_fn fn; void *arg; } hooks[LOOP_MAX_HOOKS];	/* before sleeping, in order */
	int nhooks;
};

uint64_t loop_now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

struct loop *loop_new(void)
{
	struct loop *loop = calloc(1, sizeof(*loop));

	if (!loop)
		return NULL;
	loop->epfd = epoll_create1(EPOLL_CLOEXEC);
	if (loop->epfd < 0) {
		free(loop);
		return NULL;
	}
	return loop;
}

static void handler_close_owned(struct loop *loop, int fd)
{
	if (loop->h[fd].kind == H_TIMER || loop->h[fd].kind == H_SIGNAL)
		close(fd);
	loop->h[fd].kind = H_NONE;
}

void loop_free(struct loop *loop)
{
	if (!loop)
		return;
	for (int fd = 0; fd < loop->nh; fd++)
		if (loop->h[fd].kind != H_NONE)
			handler_close_owned(loop, fd);
	close(loop->epfd);
	free(loop->h);
	free(loop);
}

static struct handler *handler_slot(struct loop *loop, int fd)
{
	if (fd < 0)
		return NULL;
	if (fd >= loop->nh) {
		int n = fd + 16;
		struct handler *h = realloc(loop->h, (size_t)n * sizeof(*h));

		if (!h)
			return NULL;
		memset(h + loop->nh, 0, (size_t)(n - loop->nh) * sizeof(*h));
		loop->h = h;
		loop->nh = n;
	}
	return &loop->h[fd];
}

static int watch(struct loop *loop, int fd, uint32_t events, struct handler *tmpl)
{
	struct handler *h = handler_slot(loop, fd);
	struct epoll_event ev = { .events = events, .data.fd = fd };

	if (!h)
		return -ENOMEM;
	if (h->kind != H_NONE)
		return -EEXIST;
	if (epoll_ctl(loop->epfd, EPOLL_CTL_ADD, fd, &ev) < 0)
		return -errno;
	*h = *tmpl;
	return 0;
}

int loop_add_fd(struct loop *loop, int fd, uint32_t events, loop_fd_fn fn, void *arg)
{
	struct handler t = { .kind = H_FD, .fd_fn = fn, .arg = arg };

	return watch(loop, fd, events, &t);
}

int loop_mod_fd(struct loop *loop, int fd, uint32_t events)
{
	struct epoll_event ev = { .events = events, .data.fd = fd };

	return epoll_ctl(loop->epfd, EPOLL_CTL_MOD, fd, &ev) < 0 ? -errno : 0;
}

int loop_del_fd(struct loop *loop, int fd)
{
	if (fd < 0 || fd >= loop->nh || loop->h[fd].kind == H_NONE)
		return -ENOENT;
	epoll_ctl(loop->epfd, EPOLL_CTL_DEL, fd, NULL);
	handler_close_owned(loop, fd);
	return 0;
}

int loop_add_timer(struct loop *loop, uint64_t first_ns, uint64_t interval_ns,
		   loop_timer_fn fn, void *arg)
{
	struct handler t = { .kind = H_TIMER, .timer_fn = fn, .arg = arg, .oneshot = !interval_ns };
	struct itimerspec its = {
		.it_value = { (time_t)(first_ns / 1000000000ull), (long)(first_ns % 1000000000ull) },
		.it_interval = { (time_t)(interval_ns / 1000000000ull), (long)(interval_ns % 1000000000ull) },
	};
	int fd, err;

	if (!first_ns)
		its.it_value.tv_nsec = 1;	/* zero would disarm the timer */
	fd = timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK | TFD_CLOEXEC);
	if (fd < 0)
		return -errno;
	if (timerfd_settime(fd, 0, &its, NULL) < 0) {
		err = -errno;
		close(fd);
		return err;
	}
	err = watch(loop, fd, EPOLLIN, &t);
	if (err) {
		close(fd);
		return err;
	}
	return fd;
}

int loop_del_timer(struct loop *loop, int timer)
{
	if (timer < 0 || timer >= loop->nh || loop->h[timer].kind != H_TIMER)
		return -ENOENT;
	return loop_del_fd(loop, timer);
}

int loop_add_signals(struct loop *loop, const int *sigs, int nsigs, loop_signal_fn fn, void *arg)
{
	struct handler t = { .kind = H_SIGNAL, .signal_fn = fn, .arg = arg };
	sigset_t set;
	int fd, err;

	sigemptyset(&set);
	for (int i = 0; i < nsigs; i++)
		sigaddset(&set, sigs[i]);
	if (sigprocmask(SIG_BLOCK, &set, NULL) < 0)
		return -errno;
	fd = signalfd(-1, &set, SFD_NONBLOCK | SFD_CLOEXEC);
	if (fd < 0)
		return -errno;
	err = watch(loop, fd, EPOLLIN, &t);
	if (err)
		close(fd);
	return err;
}

int loop_add_before_sleep(struct loop *loop, loop_hook_fn fn, void *arg)
{
	if (loop->nhooks >= LOOP_MAX_HOOKS)
		return -ENOSPC;
	loop->hooks[loop->nhooks].fn = fn;
	loop->hooks[loop->nhooks].arg = arg;
	loop->nhooks++;
	return 0;
}

void loop_del_before_sleep(struct loop *loop, loop_hook_fn fn, void *arg)
{
	for (int i = 0; i < loop->nhooks; i++) {
		if (loop->hooks[i].fn == fn && loop->hooks[i].arg == arg) {
			memmove(&loop->hooks[i], &loop->hooks[i + 1], (size_t)(loop->nhooks - i - 1) * sizeof(loop->hooks[0]));
			loop->nhooks--;
			return;
		}
	}
}

static void dispatch(struct loop *loop, int fd, uint32_t events)
{
	struct handler h;

	if (fd >= loop->nh || loop->h[fd].kind == H_NONE)
		return;	/* removed by an earlier handler in this batch */
	h = loop->h[fd];
	switch (h.kind) {
	case H_FD:
		h.fd_fn(loop, fd, events, h.arg);
		break;
	case H_TIMER: {
		uint64_t expirations;

		if (read(fd, &expirations, sizeof(expirations)) != sizeof(expirations))
			return;
		if (h.oneshot)
			loop_del_fd(loop, fd);
		h.timer_fn(loop, fd, h.arg);
		break;
	}
	case H_SIGNAL: {
		struct signalfd_siginfo si;

		while (read(fd, &si, sizeof(si)) == sizeof(si))
			h.signal_fn(loop, (int)si.ssi_signo, h.arg);
		break;
	}
	case H_NONE:
		break;
	}
}

int loop_run(struct loop *loop)
{
	struct epoll_event evs[32];

	while (!loop->stop) {
		for (int i = 0; i < loop->nhooks && !loop->stop; i++)
			loop->hooks[i].fn(loop, loop->hooks[i].arg);
		if (loop->stop)
			break;
		int n = epoll_wait(loop->epfd, evs, 32, -1);

		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -errno;
		}
		loop->wakeups++;
		for (int i = 0; i < n && !loop->stop; i++)
			dispatch(loop, evs[i].data.fd, evs[i].events);
	}
	return loop->status;
}

void loop_stop(struct loop *loop, int status)
{
	loop->stop = 1;
	loop->status = status;
}

int loop_stopping(const struct loop *loop)
{
	return loop->stop;
}

uint64_t loop_wakeups(const struct loop *loop)
{
	return loop->wakeups;
}
