/* ui_form.h — the inject form's insides, shared by its files: the fields (ui_form_fields.c:
 * choices, what applies to which message, addresses, presets), the spec text and its check by
 * the crafting engine (ui_form_spec.c), and the overlay itself (ui_form.c). */
#ifndef TAPSCOPE_UI_FORM_H
#define TAPSCOPE_UI_FORM_H

#include <form.h>

#include "craft.h"
#include "ui_overlays.h"

#define FORM_COLS 78		/* fits 80x24 with a column to spare each side */
#define FORM_ROWS 22
#define FORM_FIELD_ROWS 14	/* rows 0..13 of the inside hold fields */
#define FORM_SPEC_ROW 15	/* the spec: two rows */
#define FORM_MSG_ROW 17		/* a message: three rows, wrapped */
#define SPEC_MAX 1024
#define ERR_MAX 200
#define LIST_MAX 32

enum fid {
	F_PRESET, F_PROTO, F_TYPE, F_CODE, F_SRC, F_DST, F_SMAC, F_DMAC, F_TTL, F_TOS, F_DF,
	F_IPID, F_ID, F_SEQ, F_QUOTE, F_PAYLOAD, F_CSUM, F_COUNT, F_INTERVAL, F_EXTRA, F_N
};

enum kind { K_TEXT, K_CHOICE };

/* Where a field sits (inside the border), its label, and the spec key it becomes. */
struct fspec {
	const char *label;
	int row, lcol, fcol, width;
	enum kind kind;
	const char *key;
};

extern const struct fspec fspecs[F_N];

enum preset { P_CUSTOM, P_ECHO, P_REPLY, P_UNREACH, P_TIMEX, P_BADSUM, P_N };

/* The frame the tree showed when the form opened: its outer addresses, and echo id/seq when it
 * is an echo request (the presets "for the selected frame" use it, however the list moves on). */
struct sel_info {
	int ok, v6, echo_req, from_kernel;
	uint64_t num;
	char src[64], dst[64], id[8], seq[8];
};

struct form_state {
	struct ui *ui;
	struct sel_info sel;		/* form_note_selection, at open */
	FORM *form;
	FIELD *f[F_N + 1];
	WINDOW *win, *sub;
	PANEL *panel;
	int v6, type;			/* what the type and code lists were made for */
	const char *types[LIST_MAX], *codes[LIST_MAX];
	const char *quotes[5];		/* stand-in, last, none, and frame:N for the selected frame */
	char quote_frame[32];
	uint8_t active[F_N];
	char err[F_N][ERR_MAX];		/* the engine's message, beside the field it is about */
	char msg[512];
	int msg_error;
	char src_seen[64];		/* the source the Src MAC prefill was made for */
	char extra_seen[80];		/* what the More field was given for the type (redirect's hop) */
	uint64_t edit_id;		/* editing held frame edit_id (ui_form_edit.c), 0: injecting */
	unsigned resizes;		/* mgr_resizes() when the windows were made */
};

/* ---- ui_form_fields.c ---- */
void fget(struct form_state *st, int i, char *buf, size_t n);
void fset(struct form_state *st, int i, const char *text);
int fis(struct form_state *st, int i, const char *text);
int form_sync(struct form_state *st);
const char *const *form_choices(struct form_state *st, int i);
int form_choice_index(struct form_state *st, int i);
int form_list_len(const char *const *list);
int form_is_echo_kind(int v6, int type);
const char *form_default_ttl(int v6, int type);
void form_set_active(struct form_state *st, int i, int on);
/* The protocol's type list and the type's codes; applicability, defaults and addresses follow. */
void form_lists(struct form_state *st, int v6, const char *type_name, const char *code_name);
void form_addrs(struct form_state *st, const char *src, const char *dst);
void form_follow_src(struct form_state *st);
void form_type_addrs(struct form_state *st);
void form_peer_text(struct ui *ui, int v6, char *buf, size_t n);
void form_own_text(struct ui *ui, int v6, char *buf, size_t n);
void form_smac_default(struct form_state *st, const char *src, char *buf, size_t n);
void form_mac_text(const uint8_t *m, char *buf, size_t n);
int form_family_usable(struct ui *ui, int v6);
/* Applies preset p (P_ECHO...), the "for the selected frame" ones from the frame the tree shows. */
void form_preset(struct form_state *st, int p);
/* Keeps what the selected frame is (st->sel) for the presets, when the form opens. */
void form_note_selection(struct form_state *st);
/* The protocol or the type changed: new lists, applicability, addresses of the family. */
void form_choice_changed(struct form_state *st, int i);
/* The More field's hint: extra fields the engine accepts for this type. */
void form_extra_hint(struct form_state *st, char *buf, size_t n);

/* ---- ui_form_edit.c ---- */
/* F10 while editing a held frame: "edit N SPEC". 0 (the form may close), or negative with st->msg. */
int form_edit_send(struct form_state *st, const char *spec);

/* ---- ui_form_spec.c ---- */
/* The fields as the text --inject takes; omits what equals the engine's default. */
void form_spec(struct form_state *st, char *out, size_t n);
/* Checks the spec with the crafting engine; its message goes beside the field it names (st->err)
 * and into st->msg. Returns the form field at fault (-1: none) and 0 or -1 in *ok. */
int form_check(struct form_state *st, char *spec, size_t n, int *ok);

extern const char *const form_preset_names[P_N + 1];
extern const char *const form_proto_names[];
extern const char *const form_df_names[];

#endif
