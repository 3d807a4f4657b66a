// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for the core's single-producer single-consumer skb ring
 * (spinet_ring.h): push, pop, peek, room and count, a full and an empty
 * ring, FIFO order, and indexes that wrap at 2^32.
 *
 * The ring never looks inside what it stores, so the tests store distinct
 * tokens (addresses of a byte array) instead of real skbs.
 *
 * Copyright (C) 2026 The spinet authors
 */
#include <kunit/test.h>
#include <linux/limits.h>
#include <linux/module.h>

#include "spinet_ring.h"

#define RING_MAX_SIZE	64

/* Distinct tokens; the ring only stores and returns them. */
static u8 ring_tokens[3 * RING_MAX_SIZE];

static struct sk_buff *tok(unsigned int i)
{
	return (struct sk_buff *)&ring_tokens[i];
}

/* A ring of @size slots whose indexes both start at @start. */
static struct spinet_ring *ring_new(struct kunit *test, unsigned int size,
				    unsigned int start)
{
	struct spinet_ring *r;

	r = kunit_kzalloc(test, sizeof(*r), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, r);
	r->slot = kunit_kcalloc(test, size, sizeof(*r->slot), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, r->slot);
	r->size = size;
	r->head = start;
	r->tail = start;
	return r;
}

struct ring_case {
	const char *name;
	unsigned int size;
	unsigned int start;
};

static const struct ring_case ring_cases[] = {
	{ "1 slot from 0", 1, 0 },
	{ "2 slots from 0", 2, 0 },
	{ "8 slots from 0", 8, 0 },
	{ "64 slots from 0", 64, 0 },
	{ "8 slots from UINT_MAX-2", 8, UINT_MAX - 2 },
	{ "64 slots from UINT_MAX-2", 64, UINT_MAX - 2 },
	{ "8 slots from UINT_MAX", 8, UINT_MAX },
	{ "64 slots from UINT_MAX-63", 64, UINT_MAX - 63 },
	{ "2 slots from UINT_MAX-2", 2, UINT_MAX - 2 },
};

static void ring_desc(const struct ring_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(ring, ring_cases, ring_desc);

/* An empty ring: nothing to peek or pop, every slot free. */
static void spinet_ring_empty_test(struct kunit *test)
{
	const struct ring_case *c = test->param_value;
	struct spinet_ring *r;

	r = ring_new(test, c->size, c->start);
	KUNIT_EXPECT_EQ(test, spinet_ring_count(r), 0);
	KUNIT_EXPECT_EQ(test, spinet_ring_room(r), c->size);
	KUNIT_EXPECT_NULL(test, spinet_ring_peek(r));
	KUNIT_EXPECT_NULL(test, spinet_ring_pop(r));
	/* A pop from an empty ring moves nothing. */
	KUNIT_EXPECT_EQ(test, r->head, c->start);
	KUNIT_EXPECT_EQ(test, r->tail, c->start);
	KUNIT_EXPECT_EQ(test, spinet_ring_room(r), c->size);
}

/*
 * Fill the ring, push once too many, then empty it: room and count at
 * every step, the refused push changes nothing, pops come out in push
 * order, and the indexes end where size pushes and pops put them
 * (across 2^32 when the start is near UINT_MAX).
 */
static void spinet_ring_fill_drain_test(struct kunit *test)
{
	const struct ring_case *c = test->param_value;
	struct spinet_ring *r;
	unsigned int i;

	r = ring_new(test, c->size, c->start);
	for (i = 0; i < c->size; i++) {
		KUNIT_EXPECT_TRUE_MSG(test, spinet_ring_push(r, tok(i)),
				      "push %u of %u", i, c->size);
		KUNIT_EXPECT_EQ_MSG(test, spinet_ring_count(r), i + 1,
				    "after push %u", i);
		KUNIT_EXPECT_EQ_MSG(test, spinet_ring_room(r),
				    c->size - (i + 1), "after push %u", i);
		/* Slot i of the run is slot (start + i) mod size. */
		KUNIT_EXPECT_PTR_EQ_MSG(test,
					r->slot[(c->start + i) & (c->size - 1)],
					tok(i), "slot of push %u", i);
		KUNIT_EXPECT_PTR_EQ_MSG(test, spinet_ring_peek(r), tok(0),
					"peek after push %u", i);
	}

	/* Full: the next push is refused and nothing moves. */
	KUNIT_EXPECT_EQ(test, spinet_ring_room(r), 0);
	KUNIT_EXPECT_FALSE(test, spinet_ring_push(r, tok(2 * RING_MAX_SIZE)));
	KUNIT_EXPECT_EQ(test, spinet_ring_count(r), c->size);
	KUNIT_EXPECT_EQ(test, r->head, c->start + c->size);
	KUNIT_EXPECT_EQ(test, r->tail, c->start);
	for (i = 0; i < c->size; i++)
		KUNIT_EXPECT_PTR_NE_MSG(test, r->slot[i],
					tok(2 * RING_MAX_SIZE),
					"refused push overwrote slot %u", i);

	for (i = 0; i < c->size; i++) {
		KUNIT_EXPECT_PTR_EQ_MSG(test, spinet_ring_peek(r), tok(i),
					"peek before pop %u", i);
		KUNIT_EXPECT_PTR_EQ_MSG(test, spinet_ring_pop(r), tok(i),
					"pop %u is not FIFO", i);
		KUNIT_EXPECT_EQ_MSG(test, spinet_ring_count(r),
				    c->size - (i + 1), "after pop %u", i);
		KUNIT_EXPECT_EQ_MSG(test, spinet_ring_room(r), i + 1,
				    "after pop %u", i);
	}
	KUNIT_EXPECT_NULL(test, spinet_ring_peek(r));
	KUNIT_EXPECT_NULL(test, spinet_ring_pop(r));
	KUNIT_EXPECT_EQ(test, r->head, c->start + c->size);
	KUNIT_EXPECT_EQ(test, r->tail, c->start + c->size);
	KUNIT_EXPECT_EQ(test, spinet_ring_room(r), c->size);
}

/*
 * The producer and the consumer take turns, half a ring (at least one
 * slot) at a time, until three ringfuls have passed: the order is kept
 * and the fill level is always pushes minus pops.
 */
static void spinet_ring_interleave_test(struct kunit *test)
{
	const struct ring_case *c = test->param_value;
	unsigned int batch = max(c->size / 2, 1U);
	unsigned int pushed = 0, popped = 0, i;
	struct spinet_ring *r;
	struct sk_buff *skb;

	r = ring_new(test, c->size, c->start);
	while (pushed < 3 * c->size) {
		for (i = 0; i < batch; i++, pushed++)
			KUNIT_ASSERT_TRUE_MSG(test,
					      spinet_ring_push(r, tok(pushed)),
					      "push %u refused with %u in use",
					      pushed, spinet_ring_count(r));
		KUNIT_EXPECT_EQ_MSG(test, spinet_ring_count(r),
				    pushed - popped, "after push %u", pushed);
		for (i = 0; i < batch; i++, popped++) {
			skb = spinet_ring_pop(r);
			KUNIT_ASSERT_PTR_EQ_MSG(test, skb, tok(popped),
						"pop %u is not FIFO", popped);
		}
		KUNIT_EXPECT_EQ_MSG(test, spinet_ring_count(r), 0,
				    "after pop %u", popped);
		KUNIT_EXPECT_EQ_MSG(test, spinet_ring_room(r), c->size,
				    "after pop %u", popped);
	}
	KUNIT_EXPECT_EQ(test, r->head, c->start + pushed);
	KUNIT_EXPECT_EQ(test, r->tail, c->start + popped);
}

/*
 * Indexes run freely and wrap at 2^32: with both three short of it, head
 * passes zero while tail has not, and room and count still see the right
 * fill level (head - tail modulo 2^32).
 */
static void spinet_ring_wrap_test(struct kunit *test)
{
	struct spinet_ring *r = ring_new(test, 8, UINT_MAX - 2);
	unsigned int i;

	for (i = 0; i < 5; i++)
		KUNIT_ASSERT_TRUE(test, spinet_ring_push(r, tok(i)));
	/* UINT_MAX - 2 + 5 wraps to 2. */
	KUNIT_EXPECT_EQ(test, r->head, 2);
	KUNIT_EXPECT_EQ(test, r->tail, UINT_MAX - 2);
	KUNIT_EXPECT_EQ(test, spinet_ring_count(r), 5);
	KUNIT_EXPECT_EQ(test, spinet_ring_room(r), 3);
	/* Slots 5, 6, 7, 0, 1 hold the five, in order. */
	KUNIT_EXPECT_PTR_EQ(test, r->slot[5], tok(0));
	KUNIT_EXPECT_PTR_EQ(test, r->slot[7], tok(2));
	KUNIT_EXPECT_PTR_EQ(test, r->slot[0], tok(3));
	KUNIT_EXPECT_PTR_EQ(test, r->slot[1], tok(4));

	KUNIT_EXPECT_PTR_EQ(test, spinet_ring_pop(r), tok(0));
	KUNIT_EXPECT_PTR_EQ(test, spinet_ring_pop(r), tok(1));
	KUNIT_EXPECT_PTR_EQ(test, spinet_ring_pop(r), tok(2));
	/* Now tail has wrapped too. */
	KUNIT_EXPECT_EQ(test, r->tail, 0);
	KUNIT_EXPECT_EQ(test, spinet_ring_count(r), 2);
	KUNIT_EXPECT_EQ(test, spinet_ring_room(r), 6);

	for (i = 5; i < 11; i++)
		KUNIT_ASSERT_TRUE(test, spinet_ring_push(r, tok(i)));
	KUNIT_EXPECT_FALSE(test, spinet_ring_push(r, tok(11)));
	KUNIT_EXPECT_EQ(test, spinet_ring_count(r), 8);
	for (i = 3; i < 11; i++)
		KUNIT_EXPECT_PTR_EQ_MSG(test, spinet_ring_pop(r), tok(i),
					"pop of token %u", i);
	KUNIT_EXPECT_NULL(test, spinet_ring_pop(r));
	KUNIT_EXPECT_EQ(test, r->head, 8);
	KUNIT_EXPECT_EQ(test, r->tail, 8);
}

/* Peek leaves the oldest in place; pop then returns that same one. */
static void spinet_ring_peek_test(struct kunit *test)
{
	struct spinet_ring *r = ring_new(test, 4, 0);

	KUNIT_ASSERT_TRUE(test, spinet_ring_push(r, tok(7)));
	KUNIT_ASSERT_TRUE(test, spinet_ring_push(r, tok(8)));
	KUNIT_EXPECT_PTR_EQ(test, spinet_ring_peek(r), tok(7));
	KUNIT_EXPECT_PTR_EQ(test, spinet_ring_peek(r), tok(7));
	KUNIT_EXPECT_EQ(test, spinet_ring_count(r), 2);
	KUNIT_EXPECT_EQ(test, r->tail, 0);
	KUNIT_EXPECT_PTR_EQ(test, spinet_ring_pop(r), tok(7));
	KUNIT_EXPECT_PTR_EQ(test, spinet_ring_peek(r), tok(8));
	KUNIT_EXPECT_EQ(test, spinet_ring_count(r), 1);
	KUNIT_EXPECT_PTR_EQ(test, spinet_ring_pop(r), tok(8));
	KUNIT_EXPECT_NULL(test, spinet_ring_peek(r));
}

static struct kunit_case spinet_ring_test_cases[] = {
	KUNIT_CASE_PARAM(spinet_ring_empty_test, ring_gen_params),
	KUNIT_CASE_PARAM(spinet_ring_fill_drain_test, ring_gen_params),
	KUNIT_CASE_PARAM(spinet_ring_interleave_test, ring_gen_params),
	KUNIT_CASE(spinet_ring_wrap_test),
	KUNIT_CASE(spinet_ring_peek_test),
	{}
};

static struct kunit_suite spinet_ring_test_suite = {
	.name = "spinet_ring",
	.test_cases = spinet_ring_test_cases,
};

kunit_test_suite(spinet_ring_test_suite);
