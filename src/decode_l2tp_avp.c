/* decode_l2tp_avp.c — L2TP control message AVPs (RFC 2661 section 4.4): Wireshark's fields, tcpdump's words. */
#include "bytes.h"
#include "decode_priv.h"

static const struct tok vendor_names[] = { { 0, "Reserved" }, { 9, "ciscoSystems" }, { 0, NULL } };
/* Wireshark's names for the message types and AVP types */
static const struct tok msg_names[] = {
	{ 1, "Start_Control_Request" }, { 2, "Start_Control_Reply" }, { 3, "Start_Control_Connected" },
	{ 4, "Stop_Control_Notification" }, { 6, "Hello" }, { 7, "Outgoing_Call_Request" },
	{ 8, "Outgoing_Call_Reply" }, { 9, "Outgoing_Call_Connected" }, { 10, "Incoming_Call_Request" },
	{ 11, "Incoming_Call_Reply" }, { 12, "Incoming_Call_Connected" }, { 14, "Call_Disconnect_Notification" },
	{ 15, "WAN_Error_Notify" }, { 16, "Set_Link_Info" }, { 0, NULL }
};
static const struct tok avp_names[] = {
	{ 0, "Control Message" }, { 1, "Result-Error Code" }, { 2, "Protocol Version" },
	{ 3, "Framing Capabilities" }, { 4, "Bearer Capabilities" }, { 5, "Tie Breaker" },
	{ 6, "Firmware Revision" }, { 7, "Host Name" }, { 8, "Vendor Name" }, { 9, "Assigned Tunnel ID" },
	{ 10, "Receive Window Size" }, { 11, "Challenge" }, { 12, "Cause Code" }, { 13, "Challenge Response" },
	{ 14, "Assigned Session" }, { 15, "Call Serial Number" }, { 16, "Minimum BPS" }, { 17, "Maximum BPS" },
	{ 18, "Bearer Type" }, { 19, "Framing Type" }, { 21, "Called Number" }, { 22, "Calling Number" },
	{ 23, "Sub-Address" }, { 24, "Connect Speed" }, { 25, "Physical Channel" },
	{ 26, "Initial Received LCP CONFREQ" }, { 27, "Last Sent LCP CONFREQ" }, { 28, "Last Received LCP CONFREQ" },
	{ 29, "Proxy Authen Type" }, { 30, "Proxy Authen Name" }, { 31, "Proxy Authen Challenge" },
	{ 32, "Proxy Authen ID" }, { 33, "Proxy Authen Response" }, { 34, "Call status AVPs" }, { 35, "ACCM" },
	{ 36, "Random Vector" }, { 37, "Private group ID" }, { 38, "RxConnect Speed" },
	{ 39, "Sequencing Required" }, { 46, "PPP Disconnect Cause Code" }, { 0, NULL }
};
/* tcpdump's names, for the summary */
static const struct tok msg_words[] = {
	{ 1, "SCCRQ" }, { 2, "SCCRP" }, { 3, "SCCCN" }, { 4, "StopCCN" }, { 6, "HELLO" }, { 7, "OCRQ" },
	{ 8, "OCRP" }, { 9, "OCCN" }, { 10, "ICRQ" }, { 11, "ICRP" }, { 12, "ICCN" }, { 14, "CDN" },
	{ 15, "WEN" }, { 16, "SLI" }, { 0, NULL }
};
static const struct tok avp_words[] = {
	{ 0, "MSGTYPE" }, { 1, "RESULT_CODE" }, { 2, "PROTO_VER" }, { 3, "FRAMING_CAP" }, { 4, "BEARER_CAP" },
	{ 5, "TIE_BREAKER" }, { 6, "FIRM_VER" }, { 7, "HOST_NAME" }, { 8, "VENDOR_NAME" }, { 9, "ASSND_TUN_ID" },
	{ 10, "RECV_WIN_SIZE" }, { 11, "CHALLENGE" }, { 12, "Q931_CC" }, { 13, "CHALLENGE_RESP" },
	{ 14, "ASSND_SESS_ID" }, { 15, "CALL_SER_NUM" }, { 16, "MINIMUM_BPS" }, { 17, "MAXIMUM_BPS" },
	{ 18, "BEARER_TYPE" }, { 19, "FRAMING_TYPE" }, { 20, "PACKET_PROC_DELAY" }, { 21, "CALLED_NUMBER" },
	{ 22, "CALLING_NUMBER" }, { 23, "SUB_ADDRESS" }, { 24, "TX_CONN_SPEED" }, { 25, "PHY_CHANNEL_ID" },
	{ 26, "INI_RECV_LCP" }, { 27, "LAST_SENT_LCP" }, { 28, "LAST_RECV_LCP" }, { 29, "PROXY_AUTH_TYPE" },
	{ 30, "PROXY_AUTH_NAME" }, { 31, "PROXY_AUTH_CHAL" }, { 32, "PROXY_AUTH_ID" }, { 33, "PROXY_AUTH_RESP" },
	{ 34, "CALL_ERRORS" }, { 35, "ACCM" }, { 36, "RANDOM_VECTOR" }, { 37, "PRIVATE_GRP_ID" },
	{ 38, "RX_CONN_SPEED" }, { 39, "SEQ_REQUIRED" }, { 46, "PPP_DISCON_CC" }, { 0, NULL }
};
static const struct tok auth_words[] = {
	{ 0, "Reserved" }, { 1, "Textual" }, { 2, "CHAP" }, { 3, "PAP" }, { 4, "No Auth" }, { 5, "MS-CHAPv1" },
	{ 0, NULL }
};
static const struct tok dir_words[] = { { 0, "global error" }, { 1, "at peer" }, { 2, "at local" }, { 0, NULL } };


static const char n_avp[] = "l2tp.avp";	/* two defs, one name: one array (decode.h) */
static const struct field_def f_avp FIELD_REG = {
	n_avp, "AVP", FT_GROUP, avp_names, NULL, "One attribute-value pair of the control message.",
};
static const struct field_def f_vendor_avp FIELD_REG = {
	n_avp, "Vendor-Specific AVP", FT_GROUP, NULL, NULL, "An attribute-value pair a vendor defined.",
};
static const struct field_def f_avp_m FIELD_REG = {
	"l2tp.avp.mandatory", "Mandatory", FT_BOOL, NULL, NULL,
	"A receiver that does not know this AVP must end the session or tunnel.",
};
static const struct field_def f_avp_h FIELD_REG = {
	"l2tp.avp.hidden", "Hidden", FT_BOOL, NULL, NULL, "The value is hidden (encrypted with the tunnel's secret).",
};
static const struct field_def f_avp_len FIELD_REG = {
	"l2tp.avp.length", "Length", FT_UINT, NULL, NULL, "Bytes of the AVP, its 6-byte header included.",
};
static const struct field_def f_avp_vendor FIELD_REG = {
	"l2tp.avp.vendor_id", "Vendor ID", FT_UINT, vendor_names, NULL, "0 for the AVPs of the RFC, else a vendor's number.",
};
static const struct field_def f_avp_type FIELD_REG = {
	"l2tp.avp.type", "AVP Type", FT_UINT, avp_names, NULL, "Which attribute this is.",
};
static const struct field_def f_avp_cisco FIELD_REG = {
	"l2tp.avp.ciscotype", "Type", FT_UINT, NULL, NULL, "Which of Cisco's attributes this is.",
};
#define AVP_FIELD(id, nm, lbl, ty, vals, ex) \
	static const struct field_def id FIELD_REG = { "l2tp." nm, lbl, ty, vals, NULL, ex }
AVP_FIELD(f_msg, "avp.message_type", "Message Type", FT_UINT, msg_names, "What the control message is.");
AVP_FIELD(f_result, "result_code", "Result code", FT_UINT, NULL, "Why the tunnel or call ends.");
AVP_FIELD(f_error, "avp.error_code", "Error code", FT_UINT, NULL, "The error, when the result code is 2.");
AVP_FIELD(f_errmsg, "avp.error_message", "Error Message", FT_STRING, NULL, "The error in words.");
AVP_FIELD(f_pver, "avp.protocol_version", "Version", FT_UINT, NULL, "The L2TP version the sender speaks (1).");
AVP_FIELD(f_prev, "avp.protocol_revision", "Revision", FT_UINT, NULL, "The revision of that version (0).");
AVP_FIELD(f_fc_async, "avp.async_framing_supported", "Async Framing Supported", FT_BOOL, NULL,
	  "The sender handles asynchronous framing.");
AVP_FIELD(f_fc_sync, "avp.sync_framing_supported", "Sync Framing Supported", FT_BOOL, NULL,
	  "The sender handles synchronous framing.");
AVP_FIELD(f_bc_analog, "avp.analog_access_supported", "Analog Access Supported", FT_BOOL, NULL,
	  "The sender handles analog (modem) calls.");
AVP_FIELD(f_bc_digital, "avp.digital_access_supported", "Digital Access Supported", FT_BOOL, NULL,
	  "The sender handles digital (ISDN) calls.");
AVP_FIELD(f_tie, "tie_breaker", "Tie Breaker", FT_HEX, NULL, "Decides which of two tunnels opened at once survives.");
AVP_FIELD(f_firmware, "avp.firmware_revision", "Firmware Revision", FT_UINT, NULL, "The sender's firmware revision.");
AVP_FIELD(f_host, "avp.host_name", "Host Name", FT_STRING, NULL, "The sender's name.");
AVP_FIELD(f_vendor_name, "avp.vendor_name", "Vendor Name", FT_STRING, NULL, "Who made the sender's implementation.");
AVP_FIELD(f_tun_id, "avp.assigned_tunnel_id", "Assigned Tunnel ID", FT_UINT, NULL,
	  "The Tunnel ID the sender wants in the messages it receives.");
AVP_FIELD(f_rws, "avp.receive_window_size", "Receive Window Size", FT_UINT, NULL,
	  "How many control messages the sender can take before it acknowledges.");
AVP_FIELD(f_chal, "avp.chap_challenge", "CHAP Challenge", FT_BYTES, NULL, "A challenge to authenticate the tunnel.");
AVP_FIELD(f_cause, "avp.cause_code", "Cause Code", FT_UINT, NULL, "The Q.931 cause of a disconnect.");
AVP_FIELD(f_cause_msg, "avp.cause_msg", "Cause Msg", FT_UINT, NULL, "The Q.931 message that carried it.");
AVP_FIELD(f_advisory, "avp.advisory_msg", "Advisory Msg", FT_STRING, NULL, "The cause in words.");
AVP_FIELD(f_chal_resp, "avp.chap_challenge_response", "CHAP Challenge Response", FT_BYTES, NULL,
	  "The answer to the peer's challenge.");
AVP_FIELD(f_sess_id, "avp.assigned_session_id", "Assigned Session ID", FT_UINT, NULL,
	  "The Session ID the sender wants in the messages it receives.");
AVP_FIELD(f_serial, "avp.call_serial_number", "Call Serial Number", FT_UINT, NULL, "A number naming the call.");
AVP_FIELD(f_min_bps, "avp.minimum_bps", "Minimum BPS", FT_UINT, NULL, "The slowest speed acceptable for the call.");
AVP_FIELD(f_max_bps, "avp.maximum_bps", "Maximum BPS", FT_UINT, NULL, "The fastest speed wanted for the call.");
AVP_FIELD(f_bt_analog, "avp.analog_bearer_type", "Analog Bearer Type", FT_BOOL, NULL, "The call is analog.");
AVP_FIELD(f_bt_digital, "avp.digital_bearer_type", "Digital Bearer Type", FT_BOOL, NULL, "The call is digital.");
AVP_FIELD(f_ft_async, "avp.async_framing_type", "Async Framing Type", FT_BOOL, NULL, "The call uses asynchronous framing.");
AVP_FIELD(f_ft_sync, "avp.sync_framing_type", "Sync Framing Type", FT_BOOL, NULL, "The call uses synchronous framing.");
AVP_FIELD(f_called, "avp.called_number", "Called Number", FT_STRING, NULL, "The number that was called.");
AVP_FIELD(f_calling, "avp.calling_number", "Calling Number", FT_STRING, NULL, "The number that called.");
AVP_FIELD(f_subaddr, "avp.sub_address", "Sub-Address", FT_STRING, NULL, "More dialling information.");
AVP_FIELD(f_speed, "avp.connect_speed", "Connect Speed", FT_UINT, NULL, "The call's speed in bits a second.");
AVP_FIELD(f_channel, "avp.physical_channel", "Physical Channel", FT_UINT, NULL, "The line the call came in on.");
AVP_FIELD(f_lcp_init, "avp.initial_received_lcp_confreq", "Initial Received LCP CONFREQ", FT_BYTES, NULL,
	  "The first LCP request the LAC received from the caller.");
AVP_FIELD(f_lcp_sent, "avp.last_sent_lcp_confreq", "Last Sent LCP CONFREQ", FT_BYTES, NULL,
	  "The last LCP request the LAC sent to the caller.");
AVP_FIELD(f_lcp_recv, "avp.last_received_lcp_confreq", "Last Received LCP CONFREQ", FT_BYTES, NULL,
	  "The last LCP request the LAC received from the caller.");
AVP_FIELD(f_auth_type, "avp.proxy_authen_type", "Proxy Authen Type", FT_UINT, NULL,
	  "How the LAC authenticated the caller on the LNS's behalf.");
AVP_FIELD(f_auth_name, "avp.proxy_authen_name", "Proxy Authen Name", FT_STRING, NULL, "The name the caller gave.");
AVP_FIELD(f_auth_chal, "avp.proxy_authen_challenge", "Proxy Authen Challenge", FT_BYTES, NULL,
	  "The challenge the LAC sent the caller.");
AVP_FIELD(f_auth_id, "avp.proxy_authen_id", "Proxy Authen ID", FT_UINT, NULL, "The id of that exchange.");
AVP_FIELD(f_auth_resp, "avp.proxy_authen_response", "Proxy Authen Response", FT_BYTES, NULL,
	  "The caller's answer.");
AVP_FIELD(f_crc_err, "avp.crc_errors", "CRC Errors", FT_UINT, NULL, "Frames received with a bad CRC.");
AVP_FIELD(f_frame_err, "avp.framing_errors", "Framing Errors", FT_UINT, NULL, "Frames received badly framed.");
AVP_FIELD(f_hw_over, "avp.hardware_overruns", "Hardware Overruns", FT_UINT, NULL, "Hardware buffer overruns.");
AVP_FIELD(f_buf_over, "avp.buffer_overruns", "Buffer Overruns", FT_UINT, NULL, "Software buffer overruns.");
AVP_FIELD(f_timeouts, "avp.time_out_errors", "Time-out Errors", FT_UINT, NULL, "Time-outs.");
AVP_FIELD(f_align_err, "avp.alignment_errors", "Alignment Errors", FT_UINT, NULL, "Frames received misaligned.");
AVP_FIELD(f_send_accm, "avp.send_accm", "Send ACCM", FT_HEX, NULL, "Control characters to escape when sending.");
AVP_FIELD(f_recv_accm, "avp.receive_accm", "Receive ACCM", FT_HEX, NULL, "Control characters escaped when received.");
AVP_FIELD(f_random, "avp.random_vector", "Random Vector", FT_BYTES, NULL, "The vector that hides hidden AVPs.");
AVP_FIELD(f_group, "avp.private_group_id", "Private Group ID", FT_BYTES, NULL, "A group the LNS puts the session in.");
AVP_FIELD(f_rx_speed, "avp.rx_connect_speed", "Rx Connect Speed", FT_UINT, NULL, "The receive speed, when it differs.");
AVP_FIELD(f_disc_code, "avp.disconnect_code", "Disconnect Code", FT_UINT, NULL, "Why PPP ended.");
AVP_FIELD(f_ctrl_proto, "avp.control_protocol_number", "Control Protocol Number", FT_HEX, NULL,
	  "The PPP control protocol that ended it.");
AVP_FIELD(f_direction, "avp.cause_code_direction", "Direction", FT_UINT, NULL, "Where the error was seen.");
AVP_FIELD(f_disc_msg, "avp.cause_code_message", "Message", FT_STRING, NULL, "The cause in words.");

/* Adds the field def over [off, off+n) of the AVP value when the value holds it; numbers big-endian. */
static void avp_num(struct decoded *d, const struct cursor *v, const struct field_def *def, uint32_t at, uint32_t n)
{
	uint64_t x = 0;
	uint32_t i;

	if (at + n > cursor_left(v))
		return;
	for (i = 0; i < n; i++)
		x = x << 8 | v->buf[v->off + at + i];
	dec_add(d, def, v->off + at, n, x);
}

static void avp_rest(struct decoded *d, const struct cursor *v, const struct field_def *def, uint32_t at)
{
	if (at < cursor_left(v))
		dec_add(d, def, v->off + at, cursor_left(v) - at, 0);
}

static void avp_bits(struct decoded *d, const struct cursor *v, const struct field_def *two,
		     const struct field_def *one)
{
	uint32_t x;

	if (cursor_left(v) < 4)
		return;
	x = get_be32(v->buf + v->off);
	dec_add(d, two, v->off, 4, !!(x & 2));
	dec_add(d, one, v->off, 4, x & 1);
}

/* The value of an IETF AVP, as Wireshark names its parts. */
static void avp_value(struct decoded *d, const struct cursor *v, unsigned type)
{
	static const struct field_def *const u16s[47] = {
		[0] = &f_msg, [6] = &f_firmware, [9] = &f_tun_id, [10] = &f_rws, [14] = &f_sess_id, [29] = &f_auth_type,
	};
	static const struct field_def *const u32s[47] = {
		[15] = &f_serial, [16] = &f_min_bps, [17] = &f_max_bps, [24] = &f_speed, [25] = &f_channel,
		[38] = &f_rx_speed,
	};
	static const struct field_def *const rest[47] = {
		[7] = &f_host, [8] = &f_vendor_name, [11] = &f_chal, [13] = &f_chal_resp, [21] = &f_called,
		[22] = &f_calling, [23] = &f_subaddr, [26] = &f_lcp_init, [27] = &f_lcp_sent, [28] = &f_lcp_recv,
		[30] = &f_auth_name, [31] = &f_auth_chal, [33] = &f_auth_resp, [36] = &f_random, [37] = &f_group,
	};
	static const struct field_def *const errs[6] = {
		&f_crc_err, &f_frame_err, &f_hw_over, &f_buf_over, &f_timeouts, &f_align_err,
	};

	if (type < 47 && u16s[type])
		avp_num(d, v, u16s[type], 0, 2);
	else if (type < 47 && u32s[type])
		avp_num(d, v, u32s[type], 0, 4);
	else if (type < 47 && rest[type])
		avp_rest(d, v, rest[type], 0);
	switch (type) {
	case 1:
		avp_num(d, v, &f_result, 0, 2);
		avp_num(d, v, &f_error, 2, 2);
		avp_rest(d, v, &f_errmsg, 4);
		break;
	case 2:
		avp_num(d, v, &f_pver, 0, 1);
		avp_num(d, v, &f_prev, 1, 1);
		break;
	case 3:
		avp_bits(d, v, &f_fc_async, &f_fc_sync);
		break;
	case 4:
		avp_bits(d, v, &f_bc_analog, &f_bc_digital);
		break;
	case 5:
		avp_num(d, v, &f_tie, 0, 8);
		break;
	case 12:
		avp_num(d, v, &f_cause, 0, 2);
		avp_num(d, v, &f_cause_msg, 2, 1);
		avp_rest(d, v, &f_advisory, 3);
		break;
	case 18:
		avp_bits(d, v, &f_bt_analog, &f_bt_digital);
		break;
	case 19:
		avp_bits(d, v, &f_ft_async, &f_ft_sync);
		break;
	case 32:
		avp_num(d, v, &f_auth_id, 1, 1);
		break;
	case 34:
		for (int i = 0; i < 6; i++)
			avp_num(d, v, errs[i], 2 + 4 * (uint32_t)i, 4);
		break;
	case 35:
		avp_num(d, v, &f_send_accm, 2, 4);
		avp_num(d, v, &f_recv_accm, 6, 4);
		break;
	case 46:
		avp_num(d, v, &f_disc_code, 0, 2);
		avp_num(d, v, &f_ctrl_proto, 2, 2);
		avp_num(d, v, &f_direction, 4, 1);
		avp_rest(d, v, &f_disc_msg, 5);
		break;
	}
}

/* tcpdump's print_string: non-ASCII as M-x, control characters as ^X */
static void sum_text(struct fmtbuf *b, const uint8_t *p, uint32_t n)
{
	for (uint32_t i = 0; i < n; i++)
		dec_print_char(b, p[i]);
}

static void sum_bits(struct fmtbuf *b, const uint8_t *p, uint32_t n, const char *two, const char *one)
{
	if (n < 4) {
		fmtbuf_str(b, "AVP too short");
		return;
	}
	if (get_be32(p) & 2)
		fmtbuf_str(b, two);
	if (get_be32(p) & 1)
		fmtbuf_str(b, one);
}

/* "n1 n2 ..." of count 32-bit counters after 2 reserved bytes (call errors, ACCM), as tcpdump */
static void sum_counters(struct fmtbuf *b, const uint8_t *p, uint32_t n, const char *const *names, int count,
			 int hex)
{
	for (int i = 0; i < count; i++) {
		if (n < 2 + 4 * (uint32_t)(i + 1)) {
			fmtbuf_str(b, "AVP too short");
			return;
		}
		fmtbuf_str(b, names[i]);
		if (hex)
			fmtbuf_hex(b, get_be32(p + 2 + 4 * i), 8);
		else
			fmtbuf_u64(b, get_be32(p + 2 + 4 * i));
		fmtbuf_char(b, ' ');
	}
}

/* The value of an IETF AVP in tcpdump's words (l2tp_avp_print); p holds n bytes. */
static void avp_summary(struct fmtbuf *b, const uint8_t *p, uint32_t n, unsigned type)
{
	static const char *const errs[6] = { "CRCErr=", "FrameErr=", "HardOver=", "BufOver=", "Timeout=", "AlignErr=" };
	static const char *const accm[2] = { "send=", "recv=" };
	/* the minimum length of the value tcpdump prints, 0 for those it prints whatever their size */
	static const uint8_t need[47] = {
		[0] = 2, [1] = 2, [2] = 2, [3] = 4, [4] = 4, [5] = 8, [6] = 2, [9] = 2, [10] = 2, [12] = 3,
		[13] = 16, [14] = 2, [15] = 4, [16] = 4, [17] = 4, [18] = 4, [19] = 4, [24] = 4, [25] = 4,
		[29] = 2, [32] = 2, [38] = 4, [46] = 5,
	};

	if (type < 47 && n < need[type]) {
		fmtbuf_str(b, "AVP too short");
		return;
	}
	switch (type) {
	case 0:
		if (tok_name(msg_words, get_be16(p))) {
			fmtbuf_str(b, tok_name(msg_words, get_be16(p)));
		} else {
			fmtbuf_str(b, "MSGTYPE-#");
			fmtbuf_u64(b, get_be16(p));
		}
		break;
	case 1:
		fmtbuf_u64(b, get_be16(p));
		if (n == 2)
			break;
		if (n < 4) {
			fmtbuf_str(b, " AVP too short");
			break;
		}
		fmtbuf_char(b, '/');
		fmtbuf_u64(b, get_be16(p + 2));
		if (n > 4) {
			fmtbuf_char(b, ' ');
			sum_text(b, p + 4, n - 4);
		}
		break;
	case 2:
		fmtbuf_u64(b, p[0]);
		fmtbuf_char(b, '.');
		fmtbuf_u64(b, p[1]);
		break;
	case 3:
	case 19:
		sum_bits(b, p, n, "A", "S");
		break;
	case 4:
	case 18:
		sum_bits(b, p, n, "A", "D");
		break;
	case 5:
		fmtbuf_hexbytes(b, p, 8, 0);
		break;
	case 6: case 9: case 10: case 14:
		fmtbuf_u64(b, get_be16(p));
		break;
	case 7: case 8: case 21: case 22: case 23: case 30: case 37:
		sum_text(b, p, n);
		break;
	case 11: case 26: case 27: case 28: case 31: case 33: case 36:
		fmtbuf_hexbytes(b, p, n, 0);
		break;
	case 12:
		fmtbuf_u64(b, get_be16(p));
		fmtbuf_str(b, ", ");
		fmtbuf_hex(b, p[2], 2);
		if (n > 3) {
			fmtbuf_char(b, ' ');
			sum_text(b, p + 3, n - 3);
		}
		break;
	case 13:
		fmtbuf_hexbytes(b, p, 16, 0);
		break;
	case 15: case 16: case 17: case 24: case 25: case 38:
		fmtbuf_u64(b, get_be32(p));
		break;
	case 20:
		fmtbuf_str(b, "obsolete");
		break;
	case 29:
		if (tok_name(auth_words, get_be16(p))) {
			fmtbuf_str(b, tok_name(auth_words, get_be16(p)));
		} else {
			fmtbuf_str(b, "AuthType-#");
			fmtbuf_u64(b, get_be16(p));
		}
		break;
	case 32:
		fmtbuf_u64(b, p[1]);
		break;
	case 34:
		sum_counters(b, p, n, errs, 6, 0);
		break;
	case 35:
		sum_counters(b, p, n, accm, 2, 1);
		break;
	case 46:
		fmtbuf_hex(b, get_be16(p), 4);
		fmtbuf_str(b, ", ");
		fmtbuf_hex(b, get_be16(p + 2), 4);
		fmtbuf_char(b, ' ');
		if (tok_name(dir_words, p[4])) {
			fmtbuf_str(b, tok_name(dir_words, p[4]));
		} else {
			fmtbuf_str(b, "Direction-#");
			fmtbuf_u64(b, p[4]);
		}
		if (n > 5) {
			fmtbuf_char(b, ' ');
			sum_text(b, p + 5, n - 5);
		}
		break;
	}
}

/* An AVP's vendor, type and value (v: the value's bytes) as Wireshark names them: Cisco's types
 * apart, the types of the vendors it knows no AVPs of as the RFC's, no value decoded. */
static void avp_fields(struct decoded *d, const struct cursor *v, unsigned vendor, unsigned type)
{
	uint32_t off = v->off - 6;

	dec_add(d, &f_avp_vendor, off + 2, 2, vendor);
	if (vendor == 9)
		dec_add(d, &f_avp_cisco, off + 4, 2, type);
	else if (vendor != 193 && vendor != 3561 && vendor != 4491)	/* Ericsson, Broadband Forum, CableLabs */
		dec_add(d, &f_avp_type, off + 4, 2, type);
	if (!vendor)
		avp_value(d, v, type);
}

/* One AVP at the cursor (the message ends at end, the capture may end before): its node, its part
 * of the summary. 0 when the AVP list cannot go on. */
static int l2tp_avp(struct decoded *d, struct cursor *c, uint32_t end, struct fmtbuf *b)
{
	uint32_t off = c->off, len;
	unsigned hdr, vendor, type;
	struct cursor v;
	int g;

	fmtbuf_char(b, ' ');
	if (!cursor_has(c, 2))
		return 0;
	hdr = get_be16(c->buf + off);
	len = hdr & 0x03ff;
	if (len < 6 || len > end - off) {
		dec_malformed(d, off, 2, "AVP length below 6 or past the message");
		c->off = c->end;
		return 0;	/* tcpdump says " [|l2tp]" */
	}
	if (len > cursor_left(c))
		return 0;	/* cut by the capture */
	vendor = get_be16(c->buf + off + 2);
	type = get_be16(c->buf + off + 4);
	g = dec_group(d, vendor ? &f_vendor_avp : &f_avp, off, len);
	if (g >= 0 && !vendor)
		d->fields[g].value = type;
	dec_add(d, &f_avp_m, off, 2, !!(hdr & 0x8000));
	dec_add(d, &f_avp_h, off, 2, !!(hdr & 0x4000));
	dec_add(d, &f_avp_len, off, 2, len);
	cursor_init(&v, c->buf, off + 6, off + len);
	if (hdr & 0x8000)
		fmtbuf_char(b, '*');
	if (hdr & 0x4000)
		fmtbuf_char(b, '?');
	if (!(hdr & 0x4000))	/* Wireshark shows a hidden AVP's flags and length alone */
		avp_fields(d, &v, vendor, type);
	if (vendor) {
		fmtbuf_str(b, "VENDOR");
		fmtbuf_hex(b, vendor, 4);
		fmtbuf_str(b, ":ATTR");
		fmtbuf_hex(b, type, 4);
		fmtbuf_char(b, '(');
		fmtbuf_hexbytes(b, v.buf + v.off, len - 6, 0);
		fmtbuf_char(b, ')');
	} else {
		if (tok_name(avp_words, type)) {
			fmtbuf_str(b, tok_name(avp_words, type));
		} else {
			fmtbuf_str(b, "AVP-#");
			fmtbuf_u64(b, type);
		}
		fmtbuf_char(b, '(');
		if (hdr & 0x4000)
			fmtbuf_str(b, "???");
		else
			avp_summary(b, v.buf + v.off, len - 6, type);
		fmtbuf_char(b, ')');
	}
	dec_close(d, g, 0);
	c->off = off + len;
	return 1;
}

/* The AVPs of a control message of len bytes at the cursor (which may stop before: a cut capture). */
void l2tp_avps(struct decoded *d, struct cursor *c, uint32_t len)
{
	struct fmtbuf b = dec_sum_begin(d);
	uint32_t end = c->off + len;
	int ok = 1;

	while (c->off < end && (ok = l2tp_avp(d, c, end, &b)) != 0)
		;
	dec_sum_end(d, &b);
	if (!ok) {
		if (c->off < c->end)
			dec_short(d, c, PROTO_L2TP);
		else
			dec_sum_trunc(d, PROTO_L2TP);
		c->off = c->end;
	}
}

/* The AVPs of a v3 control message: in the tree only (tcpdump does not print them). */
void l2tp_v3_avps(struct decoded *d, struct cursor *c)
{
	char junk[256];
	struct fmtbuf b;

	fmtbuf_init(&b, junk, sizeof(junk));
	while (cursor_left(c) > 0 && l2tp_avp(d, c, c->end, &b))
		b.len = 0;
}
