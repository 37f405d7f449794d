// SPDX-License-Identifier: GPL-2.0
/*
 * A transaction id taken from a counter and given back within the hook
 * (the shape of cifs's get_xid()/free_xid()): not state the mapping keeps.
 * The second hook hands the id to a call that keeps it: declined.
 */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/mutex.h>

struct txn_pool {
	struct mutex lock;
	unsigned int active;
	unsigned int next;
	unsigned int held[16];
};

static struct txn_pool *txn_pool;

static unsigned int txn_get(void)
{
	unsigned int id;

	mutex_lock(&txn_pool->lock);
	txn_pool->active++;
	id = txn_pool->next++;
	mutex_unlock(&txn_pool->lock);
	return id;
}

static void txn_put(unsigned int id)
{
	mutex_lock(&txn_pool->lock);
	txn_pool->active--;
	mutex_unlock(&txn_pool->lock);
}

static void txn_hold(unsigned int id, int n)
{
	txn_pool->held[id % 16] += n;
}

static const struct vm_operations_struct txn_vm_ops;

static int txn_mmap(struct file *file, struct vm_area_struct *vma)
{
	unsigned int id;

	id = txn_get();
	vma->vm_ops = &txn_vm_ops;
	txn_put(id);
	return 0;
}

static int txn_hold_mmap(struct file *file, struct vm_area_struct *vma)
{
	unsigned int id;

	id = txn_get();
	vma->vm_ops = &txn_vm_ops;
	txn_hold(id, 1);
	return 0;
}

static const struct file_operations txn_fops = {
	.mmap		= txn_mmap,
};

static const struct file_operations txn_hold_fops = {
	.mmap		= txn_hold_mmap,
};
