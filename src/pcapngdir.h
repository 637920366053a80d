/* pcapngdir.h — the direction a pcapng file recorded for the packet libpcap just read (epb_flags). */
#ifndef TAPSCOPE_PCAPNGDIR_H
#define TAPSCOPE_PCAPNGDIR_H

#include <pcap/pcap.h>

#include "frame.h"

/* True when p reads a pcapng file (libpcap reports version 1.x for pcapng, 2.4 for pcap). */
int pcapngdir_is_pcapng(pcap_t *p);

/*
 * The direction of the packet the last pcap_next_ex() on p returned: FRAME_IN for an inbound
 * enhanced packet block, FRAME_OUT for outbound, FRAME_DIR_UNKNOWN when the block has no
 * epb_flags, is not an EPB, or the file cannot be seeked (a pipe). p must read pcapng.
 */
enum frame_dir pcapngdir_last(pcap_t *p);

#endif
