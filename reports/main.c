// SPDX-License-Identifier: GPL-2.0
/*
 * mmprep-report-gen: the generator behind scripts/mmprep-report.
 *
 *   mmprep-report-gen scan [--files-from=LIST] [FILE...]
 *   mmprep-report-gen render --tree=DIR [--format=html|md|json|csv] [-o OUT]
 *                     [--api=LEVEL] [--compare=OLD.json] [--link-base=URL]
 *                     [--title=TEXT] [--md-limit=N] [--tool=NAME=VERSION]...
 *                     [--path=PATH]... RECORDS...
 *
 * scan prints one JSON record per ops-table binding and per relevant function definition
 * of each FILE (paths are printed as given). render reads JSON-lines records of
 * mmprep-convert, mmprep-check and scan, and the tree's MAINTAINERS, and writes the
 * report; with -o the file is replaced atomically. Exit 0, or 2 with one line on stderr.
 */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"

static void print_usage(FILE *f)
{
	fputs("usage: " PROG " scan [--files-from=LIST] [FILE...]\n"
	      "       " PROG " render --tree=DIR [--format=html|md|json|csv] [-o OUT]\n"
	      "                [--api=LEVEL] [--compare=OLD.json] [--link-base=URL]\n"
	      "                [--title=TEXT] [--md-limit=N] [--tool=NAME=VERSION]...\n"
	      "                [--path=PATH]... RECORDS...\n", f);
}

static int cmd_scan(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "files-from", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *list = NULL;
	int c, rc = 0;

	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'f':
			list = optarg;
			break;
		case 'h':
			print_usage(stdout);
			return 0;
		default:
			return 2;	/* getopt said why */
		}
	}
	for (int i = optind; i < argc; i++)
		if (scan_file(argv[i], stdout))
			rc = 2;
	if (list) {
		char *text = read_file(list, NULL), *line, *next;

		if (!text)
			die("cannot read %s: %s", list, strerror(errno));
		for (line = text; line && *line; line = next) {
			char *end = strchr(line, '\n');

			next = end ? end + 1 : NULL;
			if (end)
				*end = '\0';
			if (*line && scan_file(line, stdout))
				rc = 2;
		}
		free(text);
	}
	if (fflush(stdout))
		die("cannot write the records: %s", strerror(errno));
	return rc;
}

static int cmd_render(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "tree", required_argument, NULL, 't' },
		{ "format", required_argument, NULL, 'F' },
		{ "output", required_argument, NULL, 'o' },
		{ "api", required_argument, NULL, 'a' },
		{ "compare", required_argument, NULL, 'c' },
		{ "link-base", required_argument, NULL, 'l' },
		{ "title", required_argument, NULL, 'T' },
		{ "md-limit", required_argument, NULL, 'm' },
		{ "tool", required_argument, NULL, 'V' },
		{ "path", required_argument, NULL, 'p' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct model_opts mo = { .api = "7.2" };
	struct render_opts ro = { .link_base = "", .md_limit = 40 };
	const char *format = "html", *output = NULL, *compare = NULL;
	json_t *tools = json_object(), *paths = json_array(), *model;
	struct sbuf out = { 0 };
	int c;

	while ((c = getopt_long(argc, argv, "o:h", opts, NULL)) != -1) {
		switch (c) {
		case 't':
			mo.tree = optarg;
			break;
		case 'F':
			format = optarg;
			break;
		case 'o':
			output = optarg;
			break;
		case 'a':
			mo.api = optarg;
			break;
		case 'c':
			compare = optarg;
			break;
		case 'l':
			ro.link_base = optarg;
			break;
		case 'T':
			ro.title = optarg;
			break;
		case 'm': {
			char *end;
			long v = strtol(optarg, &end, 10);

			if (*end || end == optarg || v < 1)
				die("--md-limit takes a positive number, not '%s'", optarg);
			ro.md_limit = v;
			break;
		}
		case 'V': {
			const char *eq = strchr(optarg, '=');
			char *name;

			if (!eq || eq == optarg)
				die("--tool takes NAME=VERSION, not '%s'", optarg);
			name = xstrndup(optarg, eq - optarg);
			json_object_set_new(tools, name, jstr(eq + 1));
			free(name);
			break;
		}
		case 'p':
			json_array_append_new(paths, jstr(optarg));
			break;
		case 'h':
			print_usage(stdout);
			return 0;
		default:
			return 2;	/* getopt said why */
		}
	}
	if (!mo.tree)
		die("render needs --tree=DIR");
	if (strcmp(format, "html") && strcmp(format, "md") && strcmp(format, "json") &&
	    strcmp(format, "csv"))
		die("unknown format '%s' (html, md, json or csv)", format);
	if (optind >= argc)
		die("render needs record files (JSON lines)");
	mo.meta = json_pack("{s:o,s:o}", "tools", tools, "paths", paths);
	model = model_build(&mo, argv + optind, argc - optind);
	if (compare) {
		json_error_t err;
		json_t *old = json_load_file(compare, 0, &err);

		if (!old)
			die("--compare: cannot read %s: %s", compare, err.text);
		model_compare(model, old);
		json_decref(old);
	}
	if (!strcmp(format, "json"))
		render_json(model, &out);
	else if (!strcmp(format, "md"))
		render_md(model, &ro, &out);
	else if (!strcmp(format, "csv"))
		render_csv(model, &out);
	else
		render_html(model, &ro, &out);
	write_output(output, out.s ? out.s : "", out.len);
	free(out.s);
	json_decref(model);
	json_decref(mo.meta);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		print_usage(stderr);
		return 2;
	}
	if (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help")) {
		print_usage(stdout);
		return 0;
	}
	if (!strcmp(argv[1], "scan"))
		return cmd_scan(argc - 1, argv + 1);
	if (!strcmp(argv[1], "render"))
		return cmd_render(argc - 1, argv + 1);
	die("unknown command '%s' (scan or render)", argv[1]);
}
