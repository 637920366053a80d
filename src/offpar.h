/* offpar.h — --print and --json lines of a file made on every core, written in the file's order. */
#ifndef TAPSCOPE_OFFPAR_H
#define TAPSCOPE_OFFPAR_H

#include <stdio.h>

struct frame;
struct offpar;

/*
 * Lines (or JSON objects, with json) for frames handed over in order, made by worker threads a
 * block of frames at a time and written to out's descriptor in the order the frames came, as the
 * one-thread loop writes them: the same bytes. number: each line starts with the frame's number.
 * NULL when threads cannot be had (the caller then makes the lines itself).
 */
struct offpar *offpar_new(int workers, int json, int number, FILE *out);
/* A frame for the next line (its bytes are copied: the caller's may change). */
void offpar_add(struct offpar *op, const struct frame *f);
/* Every line written, the workers gone, op freed. */
void offpar_finish(struct offpar *op);
/* How many worker threads offline_run starts: the CPUs this process may use, at most 4; 0 on a
 * single CPU (no thread is then worth its hand-offs). */
int offpar_workers(void);

#endif
