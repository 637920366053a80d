/* proto.h — the protocol numbers tapscope's core reads and writes: ethertypes, IP protocols, ICMP/ICMPv6 types. */
#ifndef TAPSCOPE_PROTO_H
#define TAPSCOPE_PROTO_H

/* Ethertypes (IEEE 802 numbers; the tun PI header's proto field carries them too). */
#define ETHERTYPE_IPV4 0x0800
#define ETHERTYPE_ARP 0x0806
#define ETHERTYPE_RARP 0x8035
#define ETHERTYPE_VLAN 0x8100		/* 802.1Q */
#define ETHERTYPE_QINQ 0x88a8		/* 802.1ad */
#define ETHERTYPE_IPV6 0x86dd
#define ETHERTYPE_MPLS 0x8847		/* MPLS unicast */
#define ETHERTYPE_MPLS_MC 0x8848	/* MPLS multicast */
#define ETHERTYPE_PPPOE_DISC 0x8863	/* PPPoE discovery */
#define ETHERTYPE_PPPOE_SESS 0x8864	/* PPPoE session */
#define ETHERTYPE_TEB 0x6558		/* transparent Ethernet bridging (Ethernet in GRE, Geneve) */
#define ETHERTYPE_ERSPAN 0x88be		/* Cisco ERSPAN I/II in GRE */
#define ETHERTYPE_PPP 0x880b		/* PPP in GRE (PPTP) */

#define ETH_HDR_LEN 14
#define VLAN_TAG_LEN 4
#define IPV4_HDR_MIN 20
#define IPV6_HDR_LEN 40
#define ARP_IPV4_LEN 28			/* ARP for IPv4 over Ethernet */

/* IP protocol numbers (IANA), as the IPv4 protocol and the IPv6 next-header fields carry them. */
#define IPP_HOPOPTS 0
#define IPP_ICMP 1
#define IPP_IPIP 4
#define IPP_TCP 6
#define IPP_UDP 17
#define IPP_IPV6 41
#define IPP_ROUTING 43
#define IPP_FRAGMENT 44
#define IPP_GRE 47
#define IPP_ESP 50
#define IPP_AH 51
#define IPP_ICMPV6 58
#define IPP_NONE 59
#define IPP_DSTOPTS 60

/* ARP (RFC 826). */
#define ARP_HW_ETHER 1
#define ARP_OP_REQUEST 1
#define ARP_OP_REPLY 2

/* ICMP types (RFC 792 and later). */
#define ICMP_T_ECHO_REPLY 0
#define ICMP_T_UNREACH 3
#define ICMP_T_SOURCE_QUENCH 4
#define ICMP_T_REDIRECT 5
#define ICMP_T_ECHO_REQUEST 8
#define ICMP_T_ROUTER_ADVERT 9
#define ICMP_T_ROUTER_SOLICIT 10
#define ICMP_T_TIME_EXCEEDED 11
#define ICMP_T_PARAM_PROBLEM 12

/* ICMPv6 types (RFC 4443, 4861, 2710/3810). */
#define ICMP6_T_UNREACH 1
#define ICMP6_T_PACKET_TOO_BIG 2
#define ICMP6_T_TIME_EXCEEDED 3
#define ICMP6_T_PARAM_PROBLEM 4
#define ICMP6_T_ECHO_REQUEST 128
#define ICMP6_T_ECHO_REPLY 129
#define ICMP6_T_MLD_QUERY 130
#define ICMP6_T_MLD_REPORT 131
#define ICMP6_T_MLD_DONE 132
#define ICMP6_T_ROUTER_SOLICIT 133
#define ICMP6_T_ROUTER_ADVERT 134
#define ICMP6_T_NEIGH_SOLICIT 135
#define ICMP6_T_NEIGH_ADVERT 136
#define ICMP6_T_REDIRECT 137
#define ICMP6_T_MLD2_REPORT 143

/* NDP options (RFC 4861 4.6). */
#define ND_OPT_SOURCE_LLADDR 1
#define ND_OPT_TARGET_LLADDR 2

#define ND_HOP_LIMIT 255		/* NDP messages must arrive with this hop limit */

#endif
