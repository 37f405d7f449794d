// SPDX-License-Identifier: GPL-2.0
/*
 * Check selection: -Wno-<check>, --disable=, --enable= after --disable=all, an unknown
 * name (exit 2), a missing file (exit 2), and a whole Kbuild-style gcc command line whose
 * gcc-only and dependency flags are ignored.
 *
 * check-name: cli: check selection, errors, Kbuild flags
 * check-command: mmprep-check -Wno-desc-uninit $file; mmprep-check --disable=all --enable=desc-uninit $file; mmprep-check --disable=vma-in-prepare,desc-uninit -Wdesc-uninit $file; mmprep-check --enable=no-such-check $file; mmprep-check no-such-file.c; mmprep-check -D__linux__ -Dlinux -D__STDC__ -Wbitwise -Wno-return-void --arch=x86 -mlittle-endian -m64 -Wp,-MMD,/dev/null -nostdinc -I../../analyzer/include -include linux/kernel.h -D__KERNEL__ -fconserve-stack -mindirect-branch=thunk-extern -mfunction-return=thunk-extern -fno-allow-store-data-races -Werror -std=gnu11 -O2 -DKBUILD_MODNAME='"cli"' $file
 * check-exit-value: 1
 */
#include <linux/fs.h>
#include <linux/mm.h>

static int odev_prepare(struct vm_area_desc *desc)
{
	struct vm_area_desc copy;

	copy.start = desc->start;
	return find_vma(desc->mm, copy.end) ? -EBUSY : 0;
}

const struct file_operations odev_fops = {
	.mmap_prepare = odev_prepare,
};

/*
 * check-output-start
cli-options.c:19:9: warning: odev_prepare(): find_vma() returns a struct vm_area_struct in the mmap_prepare hook odev_prepare(); no VMA exists while mmap_prepare runs: use the descriptor (desc->start, end, pgoff, page_prot, flags) and do work on the new mapping in vm_ops->mapped [vma-in-prepare]
cli-options.c:19:33: warning: odev_prepare(): 'copy.end' is read while field end of 'copy' may be unwritten (copy has no initializer); initialize it (struct vm_area_desc copy = {};), memset it, or fill it with compat_set_desc_from_vma() first [desc-uninit]
cli-options.c:19:33: warning: odev_prepare(): 'copy.end' is read while field end of 'copy' may be unwritten (copy has no initializer); initialize it (struct vm_area_desc copy = {};), memset it, or fill it with compat_set_desc_from_vma() first [desc-uninit]
mmprep-check: error: unknown check 'no-such-check' (see --list-checks)
no-such-file.c: error: cannot read: No such file or directory
cli-options.c:19:9: warning: odev_prepare(): find_vma() returns a struct vm_area_struct in the mmap_prepare hook odev_prepare(); no VMA exists while mmap_prepare runs: use the descriptor (desc->start, end, pgoff, page_prot, flags) and do work on the new mapping in vm_ops->mapped [vma-in-prepare]
cli-options.c:19:33: warning: odev_prepare(): 'copy.end' is read while field end of 'copy' may be unwritten (copy has no initializer); initialize it (struct vm_area_desc copy = {};), memset it, or fill it with compat_set_desc_from_vma() first [desc-uninit]
 * check-output-end
 */
