/* loop.h — the one-thread event loop: epoll over fds, timerfd timers, signalfd signals (after redis ae.c). */
#ifndef TAPSCOPE_LOOP_H
#define TAPSCOPE_LOOP_H

#include <stdint.h>
#include <sys/epoll.h>

struct loop;

typedef void (*loop_fd_fn)(struct loop *loop, int fd, uint32_t events, void *arg);
typedef void (*loop_timer_fn)(struct loop *loop, int timer, void *arg);
typedef void (*loop_signal_fn)(struct loop *loop, int signo, void *arg);
typedef void (*loop_hook_fn)(struct loop *loop, void *arg);

/* Returns a new loop, or NULL with errno set. */
struct loop *loop_new(void);
void loop_free(struct loop *loop);

/* Watches fd for events (EPOLLIN, EPOLLOUT...); one handler per fd. Returns 0 or -errno. */
int loop_add_fd(struct loop *loop, int fd, uint32_t events, loop_fd_fn fn, void *arg);
int loop_mod_fd(struct loop *loop, int fd, uint32_t events);
int loop_del_fd(struct loop *loop, int fd);

/* Starts a timer firing first after first_ns, then every interval_ns (0: once).
 * Returns a timer id (>= 0) or -errno. A one-shot timer is removed after it fires. */
int loop_add_timer(struct loop *loop, uint64_t first_ns, uint64_t interval_ns,
		   loop_timer_fn fn, void *arg);
int loop_del_timer(struct loop *loop, int timer);

/* Blocks sigs[] and delivers them through a signalfd to fn. Returns 0 or -errno. */
int loop_add_signals(struct loop *loop, const int *sigs, int nsigs, loop_signal_fn fn, void *arg);

#define LOOP_MAX_HOOKS 8

/* fn is called once per wake-up, after all events are handled and before sleeping again;
 * hooks run in the order they were added. Returns 0 or -ENOSPC. */
int loop_add_before_sleep(struct loop *loop, loop_hook_fn fn, void *arg);
void loop_del_before_sleep(struct loop *loop, loop_hook_fn fn, void *arg);

/* Runs until loop_stop(); returns the status passed to it. */
int loop_run(struct loop *loop);
void loop_stop(struct loop *loop, int status);
int loop_stopping(const struct loop *loop);

/* How many times epoll_wait returned: lets tests prove the loop does not poll. */
uint64_t loop_wakeups(const struct loop *loop);

/* Monotonic clock in nanoseconds. */
uint64_t loop_now_ns(void);

#endif
