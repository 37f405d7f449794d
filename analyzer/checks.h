/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The list of checks. Included more than once with different CHECK() definitions:
 * CHECK(ident, "name", "rule", "one-line description")
 * Names are stable: they are the rule ids in SARIF and the keys of -W<name>.
 */
CHECK(vma_in_prepare, "vma-in-prepare", "R1",
	"a struct vm_area_struct is obtained, used or passed on inside an mmap_prepare hook "
	"or a function it calls")
CHECK(action_hook, "action-hook", "R5",
	"mmap_action.success_hook or error_hook is set or read (removed in 7.2)")
CHECK(desc_uninit, "desc-uninit", "R7",
	"a struct vm_area_desc or mmap_action without initializer or memset has its address "
	"passed on or a field read while some fields may be unwritten")
CHECK(both_hooks, "both-hooks", "R3",
	"one file_operations sets both .mmap and .mmap_prepare")
CHECK(mapped_in_mmap, "mapped-in-mmap", "R4",
	"vm_operations_struct with .mapped installed on a VMA from .mmap code")
CHECK(error_override, "error-override", "R6",
	"action.error_override (error_filter) set to anything but a constant in -4095..-1")
CHECK(prepare_resource, "prepare-resource", "R2",
	"per-mapping allocation, reference or published state taken in an mmap_prepare hook")
CHECK(desc_immutable, "desc-immutable", "R13",
	"an mmap_prepare hook writes desc->mm, file, start or end")
CHECK(action_direct, "action-direct", "R9",
	"desc->action written by hand, or core action internals called, instead of the "
	"mmap_action_*() helpers")
CHECK(remap_range, "remap-range", "R8",
	"a requested remap or page map that provably does not lie within [desc->start, desc->end)")
CHECK(prot_after_remap, "prot-after-remap", "R11",
	"desc->page_prot changed after mmap_action_remap*/ioremap* already captured it")
CHECK(action_twice, "action-twice", "R10",
	"a second mmap_action_*() call on the same path replaces the first")
CHECK(pages_lifetime, "pages-lifetime", "R12",
	"mmap_action_map_kernel_pages*() given a page array that dies with the hook")
CHECK(vm_ops_null, "vm-ops-null", "R15",
	"desc->vm_ops = NULL, which makes the mapping anonymous from 7.2 on")
CHECK(api_level, "api-level", "R16",
	"an mmap_prepare API name or field the headers in use do not have, or VM_* masks "
	"where VMA_*_BIT numbers are expected")
CHECK(compat_complete, "compat-complete", "R17",
	"a descriptor built with compat_set_desc_from_vma() never reaches __compat_vma_mmap()")
CHECK(mmap_presence, "mmap-presence", "R19",
	"f_op->mmap tested to decide whether a file can be mapped, where can_mmap_file() is "
	"meant (a converted file has no .mmap)")
CHECK(double_ref, "double-ref", "R20",
	"a reference taken both in an mmap_prepare hook and in the vm_ops->mapped callback it "
	"installs, or taken in mapped and not given back by .close")
