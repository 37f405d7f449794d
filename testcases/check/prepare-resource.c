// SPDX-License-Identifier: GPL-2.0
/*
 * Per-mapping state taken in a prepare hook (and in a helper it calls): an allocation
 * kept in private_data, a kref, an atomic and a plain counter, a list insertion, a file
 * reference.
 *
 * check-name: prepare-resource: positives
 */
#include <linux/fs.h>
#include <linux/kref.h>
#include <linux/list.h>
#include <linux/mm.h>
#include <linux/slab.h>

struct rdev {
	struct kref ref;
	atomic_t maps;
	unsigned int users;
	struct list_head mappings;
};

struct rmap {
	struct list_head node;
	struct rdev *dev;
};

static void rdev_track(struct rdev *d, struct rmap *m)
{
	list_add(&m->node, &d->mappings);
}

static int rdev_prepare(struct vm_area_desc *desc)
{
	struct rdev *d = desc->file->private_data;
	struct rmap *m = kzalloc(sizeof(*m), GFP_KERNEL);

	if (!m)
		return -ENOMEM;
	m->dev = d;
	kref_get(&d->ref);
	atomic_inc(&d->maps);
	d->users++;
	rdev_track(d, m);
	get_file(desc->file);
	desc->private_data = m;
	return 0;
}

const struct file_operations rdev_fops = {
	.mmap_prepare = rdev_prepare,
};

/*
 * check-output-start
prepare-resource.c:29:2: warning: rdev_track(): list_add() publishes per-mapping state in rdev_track(), called from the prepare hook rdev_prepare(); the mapping may still fail or be merged after the hook returns and nothing undoes it: do it in a vm_ops->mapped callback installed through desc->vm_ops, which runs once the mapping exists [prepare-resource]
prepare-resource.c:35:19: warning: rdev_prepare(): kzalloc() allocates per-mapping memory in the mmap_prepare hook rdev_prepare(); the mapping may still fail or be merged after the hook returns and nothing undoes it: do it in a vm_ops->mapped callback installed through desc->vm_ops, which runs once the mapping exists [prepare-resource]
prepare-resource.c:40:2: warning: rdev_prepare(): kref_get() takes a reference in the mmap_prepare hook rdev_prepare(); the mapping may still fail or be merged after the hook returns and nothing undoes it: do it in a vm_ops->mapped callback installed through desc->vm_ops, which runs once the mapping exists [prepare-resource]
prepare-resource.c:41:2: warning: rdev_prepare(): atomic_inc() takes a reference in the mmap_prepare hook rdev_prepare(); the mapping may still fail or be merged after the hook returns and nothing undoes it: do it in a vm_ops->mapped callback installed through desc->vm_ops, which runs once the mapping exists [prepare-resource]
prepare-resource.c:42:2: warning: rdev_prepare(): changes the counter d->users in the mmap_prepare hook rdev_prepare(); the mapping may still fail or be merged after the hook returns, so the count drifts: do it in a vm_ops->mapped callback installed through desc->vm_ops, which runs once the mapping exists [prepare-resource]
prepare-resource.c:44:2: warning: rdev_prepare(): get_file() takes a reference in the mmap_prepare hook rdev_prepare(); the mapping may still fail or be merged after the hook returns and nothing undoes it: do it in a vm_ops->mapped callback installed through desc->vm_ops, which runs once the mapping exists [prepare-resource]
 * check-output-end
 */
