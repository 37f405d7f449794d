// SPDX-License-Identifier: GPL-2.0
/*
 * mmprep-check: a libclang checker for f_op->mmap_prepare code.
 */
#include <stdio.h>
#include <stdlib.h>

#include "check.h"

int main(int argc, char **argv)
{
	struct options opts = { 0 };
	struct records rs = { 0 };
	struct job *jobs = NULL;
	size_t njobs = 0, i;
	int ret;
	bool findings = false, errors = false;

	ret = parse_cmdline(argc, argv, &opts);
	if (!ret) {
		register_checks(&opts);
		ret = make_jobs(&opts, &jobs, &njobs);
	}
	if (!ret) {
		run_jobs(&opts, jobs, njobs, &rs);
		records_sort(&rs);
		emit(&opts, &rs, argc, argv);
		for (i = 0; i < rs.n; i++) {
			if (rs.v[i].kind == REC_FINDING)
				findings = true;
			else if (rs.v[i].kind != REC_NOTE)
				errors = true;
		}
		ret = errors ? 2 : (findings && !opts.exit_zero) ? 1 : 0;
	}
	records_free(&rs);
	free_jobs(jobs, njobs);
	strv_free(&opts.files);
	strv_free(&opts.cflags);
	free(opts.enabled);
	free(opts.shim_dir);
	free(opts.build_dir);
	return ret;
}
