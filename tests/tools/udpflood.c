/* udpflood.c — sends N small UDP datagrams as fast as sendmmsg can (the flood the capture benchmark reads); prints seconds taken. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define BATCH 64

int main(int argc, char **argv)
{
	struct sockaddr_in to = { .sin_family = AF_INET, .sin_port = htons(9) };
	struct mmsghdr msgs[BATCH];
	struct iovec iov;
	struct timespec t0, t1;
	char payload[64];
	long total, sent = 0;
	int fd, size;

	if (argc < 3 || inet_pton(AF_INET, argv[1], &to.sin_addr) != 1) {
		fprintf(stderr, "usage: udpflood IPV4 COUNT [SIZE]\n");
		return 2;
	}
	total = atol(argv[2]);
	size = argc > 3 ? atoi(argv[3]) : 64;
	if (size < 1 || size > (int)sizeof(payload))
		size = sizeof(payload);
	fd = socket(AF_INET, SOCK_DGRAM, 0);
	if (fd < 0) {
		perror("socket");
		return 1;
	}
	memset(payload, 'x', sizeof(payload));
	iov.iov_base = payload;
	iov.iov_len = (size_t)size;
	memset(msgs, 0, sizeof(msgs));
	for (int i = 0; i < BATCH; i++) {
		msgs[i].msg_hdr.msg_name = &to;
		msgs[i].msg_hdr.msg_namelen = sizeof(to);
		msgs[i].msg_hdr.msg_iov = &iov;
		msgs[i].msg_hdr.msg_iovlen = 1;
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	while (sent < total) {
		int n = sendmmsg(fd, msgs, (unsigned)(total - sent < BATCH ? total - sent : BATCH), 0);

		if (n < 0) {
			perror("sendmmsg");	/* ENOBUFS and the like: count on */
			continue;
		}
		sent += n;
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	printf("%.6f\n", (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9);
	close(fd);
	return 0;
}
