/* ui_classroom.h — the classroom in the full-screen UI (issue 10): the lesson pane and menu, the
 * console, step mode, the netlink timeline, several devices and the split view, predict mode. */
#ifndef TAPSCOPE_UI_CLASSROOM_H
#define TAPSCOPE_UI_CLASSROOM_H

#include <stddef.h>
#include <stdint.h>

#include "ui_pane.h"

struct lesson;
struct ui_store;

extern const struct pane_class lesson_pane;	/* ui_lesson.c: the lesson running, step by step */
extern const struct pane_class console_pane;	/* ui_console.c: what ':' commands printed */
extern const struct pane_class split_pane;	/* ui_list.c: the split view's second frame list */
extern const struct overlay_class lessons_overlay;	/* ui_lessonmenu.c: the lesson menu (L) */

/* --- ui_classroom.c --- */
/* After the terminal is up: the console, and the lesson given with --lesson. */
void classroom_start(struct ui *ui);
/* Before it goes down: the console's and the lesson's commands are killed. */
void classroom_stop(struct ui *ui);
/* The global actions of the classroom's keys (ui_actions.c lists them). */
enum ui_result act_lessons(struct ui *ui, void *target, const char *arg);
enum ui_result act_next_step(struct ui *ui, void *target, const char *arg);
enum ui_result act_step(struct ui *ui, void *target, const char *arg);
enum ui_result act_console(struct ui *ui, void *target, const char *arg);
enum ui_result act_timeline(struct ui *ui, void *target, const char *arg);
enum ui_result act_predict(struct ui *ui, void *target, const char *arg);
enum ui_result act_device(struct ui *ui, void *target, const char *arg);
enum ui_result act_split(struct ui *ui, void *target, const char *arg);
enum ui_result act_interrupt(struct ui *ui, void *target, const char *arg);

/* --- ui.c --- */
/* Ends this UI run; tapscope starts again on the devices of the built-in lesson name. */
void ui_restart_lesson(const char *name);

/* --- ui_lesson.c --- */
/* Runs l on this run's devices (the first l->ndevs) in the lesson pane, replacing a lesson that
 * runs; owned: l was loaded for this and is freed with it. 0, or -ENOMEM. */
int lesson_ui_start(struct ui *ui, struct lesson *l, int owned);
/* The next step, or the key a pause or question waits for; says why not on the message line. */
void lesson_ui_next(struct ui *ui);
/* Ctrl-C to the command the step waits for: 1 when one was running. */
int lesson_ui_interrupt(struct ui *ui);
void lesson_ui_stop(void);

/* --- ui_lessonmenu.c --- */
void ui_lessons_open(struct ui *ui);
/* Why lesson l cannot run on this run's devices, in buf; NULL when it can. */
const char *lesson_mismatch(const struct ui *ui, const struct lesson *l, char *buf, size_t n);

/* --- ui_console.c --- */
void console_ui_start(struct ui *ui);
void console_ui_stop(void);
/* ':' — a command line for the console. */
void console_ui_open(struct ui *ui);
/* Ctrl-C to the console's command: 1 when one was running. */
int console_ui_interrupt(struct ui *ui);
/* Esc: closes the console pane when it shows and nothing runs (the next line opens it). 1: closed. */
int console_ui_hide(void);

/* --- ui_list.c --- */
/* Shows device dev in list pane p (its frames from the start). */
void list_show(struct pane *p, int dev);
int list_device(const struct pane *p);
/* The split view on or off; returns whether it is on. */
int list_split(struct ui *ui, int on);
int list_split_on(void);

/* --- ui_predict.c --- */
/* P: starts predicting the frame the tree shows, or reveals the layer being predicted. */
void predict_step(struct ui *ui);
/* Whether the values of field i of the shown frame are hidden now. */
int predict_hides_field(struct ui *ui, int i);
/* True when node i is a layer after the one asked about: its very name would give the answer
 * away (ARP under Ethernet tells eth.type), so the tree shows "?" for it too. */
int predict_hides_name(struct ui *ui, int i);
/* Whether byte off of the shown frame is hidden (it belongs to a hidden layer). */
int predict_hides_byte(struct ui *ui, uint32_t off);
/* Whether frame num of store st is the one being predicted (its list row and summary hide). */
int predict_hides_frame(struct ui *ui, const struct ui_store *st, uint64_t num);
/* What its list row and summary show instead. */
const char *predict_row_text(void);

/* --- ui_form_edit.c --- */
/* e in the held-frames pane: the inject form, filled from held frame id (its job's spec, or a
 * spec made from its bytes); F10 replaces the held frame by what the form builds (edit N SPEC). */
void ui_form_open_edit(struct ui *ui, uint64_t id);

#endif
