/* tundev.h — create or attach to a tun/tap device and be the program at its other end. */
#ifndef TAPSCOPE_TUNDEV_H
#define TAPSCOPE_TUNDEV_H

#include <net/if.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#define TUNDEV_PATH "/dev/net/tun"

struct tundev_opts {
	const char *name;	/* NULL: tap0 or tun0 */
	int tun;		/* 1: tun (IP packets), 0: tap (Ethernet frames) */
	int pi;			/* keep the 4-byte packet-information header */
	int attach_only;	/* never create */
	int persist;		/* leave a device this run created behind */
};

struct tundev {
	int fd;			/* non-blocking */
	char name[IFNAMSIZ];
	int tun;
	int pi;
	int created;		/* this run made the device */
	int persist;
	int ifindex;
	uint8_t mac[6];		/* tap only */
};

/* Opens /dev/net/tun and attaches (creating the device unless attach_only).
 * Returns 0, or -errno with a message in err naming the cause and the fix. */
int tundev_open(struct tundev *dev, const struct tundev_opts *o, char *err, size_t errlen);
/* Closes the fd; a non-persistent device this run created disappears with it. */
void tundev_close(struct tundev *dev);
/* Reads one frame; returns its length, 0 when nothing is waiting, or -errno. */
ssize_t tundev_read(struct tundev *dev, uint8_t *buf, size_t cap);
/* Writes one frame toward the kernel; returns 0 or -errno. */
int tundev_write(struct tundev *dev, const uint8_t *buf, size_t len);
/* Lists the pids holding device name open ("pid/comm" words) into buf; returns how many. */
int tundev_holders(const char *name, char *buf, size_t len);

#endif
