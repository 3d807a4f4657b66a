/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A fixed-size ring of skb pointers with one producer and one consumer,
 * each serialised by its caller, and no lock between them.
 *
 * The producer publishes a slot with a release store of @head after
 * filling it; the consumer reads @head with an acquire load before reading
 * the slot. The consumer frees a slot with a release store of @tail after
 * reading it; the producer reads @tail with an acquire load before
 * overwriting the slot. Indexes run freely and wrap at 2^32; the size is a
 * power of two, so head - tail is the fill level.
 *
 * Copyright (C) 2026 The spinet authors
 */
#ifndef _SPINET_RING_H
#define _SPINET_RING_H

#include <linux/compiler.h>
#include <linux/log2.h>
#include <linux/types.h>
#include <asm/barrier.h>

struct sk_buff;

/**
 * struct spinet_ring - single-producer single-consumer ring of skbs
 * @slot: @size slots
 * @size: number of slots, a power of two
 * @head: next slot the producer fills; written by the producer only
 * @tail: next slot the consumer empties; written by the consumer only
 */
struct spinet_ring {
	struct sk_buff **slot;
	unsigned int size;
	unsigned int head;
	unsigned int tail;
};

/* Producer side: slots free. */
static inline unsigned int spinet_ring_room(const struct spinet_ring *r)
{
	/* Pairs with the release of @tail in spinet_ring_pop(). */
	return r->size - (r->head - smp_load_acquire(&r->tail));
}

/* Producer side: append @skb; false (and nothing done) when full. */
static inline bool spinet_ring_push(struct spinet_ring *r, struct sk_buff *skb)
{
	if (!spinet_ring_room(r))
		return false;
	r->slot[r->head & (r->size - 1)] = skb;
	/* Pairs with the acquire of @head in spinet_ring_peek(). */
	smp_store_release(&r->head, r->head + 1);
	return true;
}

/* Consumer side: the oldest skb, left in place, or NULL when empty. */
static inline struct sk_buff *spinet_ring_peek(const struct spinet_ring *r)
{
	/* Pairs with the release of @head in spinet_ring_push(). */
	if (smp_load_acquire(&r->head) == r->tail)
		return NULL;
	return r->slot[r->tail & (r->size - 1)];
}

/* Consumer side: remove and return the oldest skb, or NULL when empty. */
static inline struct sk_buff *spinet_ring_pop(struct spinet_ring *r)
{
	struct sk_buff *skb = spinet_ring_peek(r);

	if (skb)
		/* Pairs with the acquire of @tail in spinet_ring_room(). */
		smp_store_release(&r->tail, r->tail + 1);
	return skb;
}

/* Either side: slots in use, a snapshot. */
static inline unsigned int spinet_ring_count(const struct spinet_ring *r)
{
	return READ_ONCE(r->head) - READ_ONCE(r->tail);
}

#endif /* _SPINET_RING_H */
