/* frame.h — one frame and its metadata, as the device, capture, decoders and UI pass it around. */
#ifndef TAPSCOPE_FRAME_H
#define TAPSCOPE_FRAME_H

#include <stdint.h>
#include <sys/time.h>

enum frame_dir {
	FRAME_IN,		/* the kernel sent it into the device ('<', "in") */
	FRAME_OUT,		/* tapscope wrote it toward the kernel ('>', "out") */
	FRAME_DIR_UNKNOWN,	/* read from a file: direction not recorded */
};

/* Link types are libpcap's DLT_ values: DLT_EN10MB (tap), DLT_RAW (tun), DLT_LINUX_SLL (files). */
struct frame {
	uint64_t number;	/* 1-based, in arrival order */
	struct timeval ts;	/* wall-clock arrival time */
	enum frame_dir dir;
	int dlt;		/* link type of the bytes after the PI header */
	int has_pi;		/* data starts with the 4-byte tun packet-information header */
	const uint8_t *data;
	uint32_t caplen;	/* bytes present in data (including the PI header) */
	uint32_t len;		/* bytes on the wire (including the PI header) */
};

#define TUN_PI_LEN 4

#endif
