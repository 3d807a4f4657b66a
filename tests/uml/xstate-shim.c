// SPDX-License-Identifier: GPL-2.0
/*
 * LD_PRELOAD shim that lets a User-Mode Linux 6.12 kernel run on hosts whose
 * XSAVE area is larger than UML's buffer.
 *
 * UML 6.12 saves and restores its processes' FPU state with
 * PTRACE_GETREGSET/PTRACE_SETREGSET(NT_X86_XSTATE) through a buffer of a
 * fixed 2696 bytes. The host accepts a SETREGSET only if it carries the
 * host's whole XSAVE area (arch/x86/kernel/fpu/regset.c, xstateregs_set(),
 * returns -EFAULT otherwise). On CPUs with AMX that area is about 11 KB, so
 * the first restore fails and UML panics when it starts init with
 * "ptrace set fp regs failed, errno = 14".
 *
 * The shim widens only that one call: it reads the tracee's full current
 * state, lays UML's bytes over the start of it, takes each state
 * component's XSTATE_BV bit from whichever buffer holds that component, and
 * hands the host a full-size buffer. Every other ptrace request, and every
 * SETREGSET whose buffer is already large enough, goes straight to libc.
 *
 * SPINET_XSTATE_SHIM=force takes the widening path even where the host does
 * not need it, so that the path is exercised on any machine;
 * SPINET_XSTATE_SHIM=off disables the shim.
 *
 * Runs in the UML host process only; UML issues ptrace from one host thread,
 * so the static buffer needs no lock.
 */
#define _GNU_SOURCE
#include <cpuid.h>
#include <dlfcn.h>
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/types.h>
#include <sys/uio.h>

#ifndef NT_X86_XSTATE
#define NT_X86_XSTATE 0x202
#endif

/* Offset of XSTATE_BV in the standard-format XSAVE area (SDM vol. 1, 13.4). */
#define XSTATE_BV_OFFSET 512
#define XSAVE_BUF_MAX (64 * 1024)

typedef long (*ptrace_fn)(enum __ptrace_request, ...);

static unsigned char host_buf[XSAVE_BUF_MAX] __attribute__((aligned(64)));
static size_t host_size;	/* host's NT_X86_XSTATE size; 0 until probed */
static int mode = -1;		/* -1 unknown, 0 off, 1 when needed, 2 force */
static ptrace_fn real_ptrace;

static void shim_init(void)
{
	const char *env = getenv("SPINET_XSTATE_SHIM");

	real_ptrace = (ptrace_fn)dlsym(RTLD_NEXT, "ptrace");
	mode = 1;
	if (env && !strcmp(env, "off"))
		mode = 0;
	else if (env && !strcmp(env, "force"))
		mode = 2;
}

/* XSTATE_BV bits of the components that lie wholly within the first @len bytes. */
static uint64_t components_within(size_t len)
{
	unsigned int eax, ebx, ecx, edx, i;
	uint64_t mask = 0x3;	/* x87 and SSE live in the legacy area */

	for (i = 2; i < 63; i++) {
		if (!__get_cpuid_count(0xd, i, &eax, &ebx, &ecx, &edx))
			break;
		if (eax && (size_t)ebx + eax <= len)
			mask |= 1ULL << i;
	}
	return mask;
}

static long set_xstate(pid_t pid, struct iovec *iov)
{
	uint64_t bv_uml, bv_host, keep;
	struct iovec big;
	size_t n;

	if (!host_size) {
		big.iov_base = host_buf;
		big.iov_len = sizeof(host_buf);
		if (real_ptrace(PTRACE_GETREGSET, pid, (void *)NT_X86_XSTATE, &big) < 0)
			return -1;
		host_size = big.iov_len;
		if (iov->iov_len < host_size || mode == 2)
			fprintf(stderr, "xstate-shim: host XSAVE area %zu bytes, UML passes %zu: widening\n",
				host_size, iov->iov_len);
	}
	if (iov->iov_len >= host_size && mode != 2)
		return real_ptrace(PTRACE_SETREGSET, pid, (void *)NT_X86_XSTATE, iov);

	n = iov->iov_len < host_size ? iov->iov_len : host_size;
	if (n < XSTATE_BV_OFFSET + sizeof(uint64_t)) {
		errno = EINVAL;
		return -1;
	}
	big.iov_base = host_buf;
	big.iov_len = host_size;
	if (real_ptrace(PTRACE_GETREGSET, pid, (void *)NT_X86_XSTATE, &big) < 0)
		return -1;
	memcpy(&bv_host, host_buf + XSTATE_BV_OFFSET, sizeof(bv_host));
	memcpy(host_buf, iov->iov_base, n);
	memcpy(&bv_uml, host_buf + XSTATE_BV_OFFSET, sizeof(bv_uml));
	keep = components_within(n);
	bv_uml = (bv_uml & keep) | (bv_host & ~keep);
	memcpy(host_buf + XSTATE_BV_OFFSET, &bv_uml, sizeof(bv_uml));
	big.iov_len = host_size;
	if (real_ptrace(PTRACE_SETREGSET, pid, (void *)NT_X86_XSTATE, &big) < 0)
		return -1;
	iov->iov_len = n;
	return 0;
}

long ptrace(enum __ptrace_request req, ...)
{
	void *addr, *data;
	va_list ap;
	pid_t pid;

	va_start(ap, req);
	pid = va_arg(ap, pid_t);
	addr = va_arg(ap, void *);
	data = va_arg(ap, void *);
	va_end(ap);

	if (mode < 0)
		shim_init();
	if (mode && req == PTRACE_SETREGSET &&
	    (unsigned long)addr == NT_X86_XSTATE && data)
		return set_xstate(pid, data);
	return real_ptrace(req, pid, addr, data);
}
