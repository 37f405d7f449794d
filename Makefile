# SPDX-License-Identifier: GPL-2.0
#
# mmprep: move Linux drivers from f_op->mmap to f_op->mmap_prepare.
#
#   make                 build analyzer/mmprep-check
#   make check           every test: conversion cases, semantic-patch modes,
#                        analyzer cases (plain and ASan/UBSan), CLI errors,
#                        shellcheck, and the real-tree tests on linux-source-6.12
#   make check-fast      the same without the real kernel tree
#   make demo            convert fs/ of Debian's linux-source-6.12 (DEMO_DIR=...)
#   make bench           measure speed against spatch and clang (bench/results.json)
#   make verify          convert the whole 6.12 tree and compile every converted
#                        file against the backported API (bench/verify.json)
#   make cocci           write the per-family semantic patches to build/cocci/
#                        (generated from cocci/all/, never committed)
#   make install PREFIX=/usr/local
#
# V=1 shows commands; J=N sets parallel jobs (default: number of CPUs).

PREFIX ?= /usr/local
J ?= $(shell nproc 2>/dev/null || echo 1)
DEMO_DIR ?= fs

export J

.PHONY: all analyzer check check-fast check-convert check-cocci check-analyzer \
	check-analyzer-asan check-fuzz check-cli check-shell check-real check-kbuild \
	check-gate check-real-gate check-report check-verify check-series \
	check-real-series check-real-series-verify reports demo \
	bench verify cocci install install-convert clean

all: analyzer reports

analyzer:
	$(MAKE) -C analyzer

reports:
	$(MAKE) -C reports

check: check-fast check-real check-kbuild check-real-gate check-verify \
	check-real-series

check-fast: check-shell check-cli check-cocci check-convert check-analyzer \
	check-analyzer-asan check-fuzz check-gate check-report check-series

check-convert: analyzer
	testcases/run-convert
	testcases/run-convert-tree
	testcases/run-effects

check-cocci:
	testcases/run-cocci-modes

check-cli: analyzer
	testcases/run-cli

check-analyzer:
	$(MAKE) -C analyzer check

check-analyzer-asan:
	$(MAKE) -C analyzer check SANITIZE=1
	$(MAKE) -C analyzer

# libFuzzer (ASan/UBSan) over the command-line and compile-database readers, a fixed time.
check-fuzz:
	$(MAKE) -C analyzer fuzz FUZZ_TIME=30

check-shell:
	shellcheck scripts/mmprep-convert scripts/kernel-tree scripts/setup-deps \
		scripts/kernel-build scripts/mmprep-bench scripts/cocci-families \
		testcases/run-convert testcases/run-convert-tree \
		testcases/run-cocci-modes testcases/run-cli \
		testcases/run-real-convert scripts/mmprep-gate testcases/run-gate \
		testcases/run-real-gate scripts/mmprep-report testcases/run-report \
		testcases/run-real-report scripts/mmprep-verify scripts/api-backport/apply \
		testcases/run-verify testcases/verify/fake-convert .ci/run \
		scripts/mmprep-series scripts/kernel-config \
		testcases/gate/fake/mmprep-check testcases/run-effects

check-real: analyzer reports
	testcases/run-real-convert
	testcases/run-upstream
	testcases/run-real-report

check-report: analyzer reports
	testcases/run-report

check-gate: analyzer
	testcases/run-gate

check-real-gate: analyzer
	testcases/run-real-gate

# mmprep-series: a tree of our own drivers; the 6.12 tree (a few minutes); the
# same with each patch compiled after the ones before it (about 10 more).
check-series:
	testcases/run-series

check-real-series:
	testcases/run-series --real

check-real-series-verify:
	testcases/run-series --real --verify

check-verify: analyzer
	testcases/run-verify
	testcases/run-api

check-kbuild: analyzer
	$(MAKE) -C analyzer check-kbuild

demo: analyzer
	@mkdir -p bench && tree=$$(scripts/kernel-tree) && \
	echo "mmprep: converting $(DEMO_DIR) of $$tree" >&2 && \
	cd "$$tree" && \
	$(CURDIR)/scripts/mmprep-convert -j $(J) --records=$(CURDIR)/bench/demo.json \
		$(DEMO_DIR) > $(CURDIR)/bench/demo.patch && \
	echo "mmprep: patch in bench/demo.patch, records in bench/demo.json" >&2 && \
	PYTHONPATH=$(CURDIR)/scripts python3 -m mmprep.records summary $(CURDIR)/bench/demo.json

bench: analyzer reports
	scripts/mmprep-bench

verify: analyzer
	scripts/mmprep-verify -j $(J)

# The per-family semantic patches are generated from cocci/all/, for make
# coccicheck COCCI=build/cocci/mmap_prepare_FAMILY.cocci.
cocci: cocci/all/mmap_prepare.cocci scripts/cocci-families
	scripts/cocci-families -o build/cocci

# The converter alone: the semantic patches (the family files generated), the
# entry script and its Python package.
install-convert:
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/mmprep/cocci/all \
		$(DESTDIR)$(PREFIX)/share/mmprep/scripts/mmprep/convert
	install -m 644 cocci/*.cocci $(DESTDIR)$(PREFIX)/share/mmprep/cocci/
	install -m 644 cocci/all/*.cocci $(DESTDIR)$(PREFIX)/share/mmprep/cocci/all/
	scripts/cocci-families -o $(DESTDIR)$(PREFIX)/share/mmprep/cocci
	install -m 755 scripts/mmprep-convert scripts/cocci-families \
		$(DESTDIR)$(PREFIX)/share/mmprep/scripts/
	install -m 644 scripts/mmprep/*.py scripts/mmprep/records.schema.json \
		$(DESTDIR)$(PREFIX)/share/mmprep/scripts/mmprep/
	install -m 644 scripts/mmprep/convert/*.py \
		$(DESTDIR)$(PREFIX)/share/mmprep/scripts/mmprep/convert/
	ln -sf ../share/mmprep/scripts/mmprep-convert $(DESTDIR)$(PREFIX)/bin/mmprep-convert

install: analyzer reports install-convert
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/mmprep/cocci \
		$(DESTDIR)$(PREFIX)/share/mmprep/include
	install -m 755 analyzer/mmprep-check $(DESTDIR)$(PREFIX)/bin/
	cp -r analyzer/include/. $(DESTDIR)$(PREFIX)/share/mmprep/include/
	install -d $(DESTDIR)$(PREFIX)/share/mmprep/scripts
	install -m 755 scripts/kernel-tree scripts/kernel-config scripts/mmprep-series \
		$(DESTDIR)$(PREFIX)/share/mmprep/scripts/
	ln -sf ../share/mmprep/scripts/mmprep-series $(DESTDIR)$(PREFIX)/bin/mmprep-series
	install -d $(DESTDIR)$(PREFIX)/share/mmprep/scripts/mmprep/gate
	install -m 755 scripts/mmprep-gate $(DESTDIR)$(PREFIX)/share/mmprep/scripts/
	install -m 644 scripts/mmprep/__init__.py $(DESTDIR)$(PREFIX)/share/mmprep/scripts/mmprep/
	install -m 644 scripts/mmprep/gate/*.py \
		$(DESTDIR)$(PREFIX)/share/mmprep/scripts/mmprep/gate/
	ln -sf ../share/mmprep/scripts/mmprep-gate $(DESTDIR)$(PREFIX)/bin/mmprep-gate
	install -d $(DESTDIR)$(PREFIX)/share/mmprep/reports
	install -m 755 reports/mmprep-report-gen $(DESTDIR)$(PREFIX)/share/mmprep/reports/
	install -m 755 scripts/mmprep-report $(DESTDIR)$(PREFIX)/share/mmprep/scripts/
	ln -sf ../share/mmprep/scripts/mmprep-report $(DESTDIR)$(PREFIX)/bin/mmprep-report

clean:
	$(MAKE) -C analyzer clean
	$(MAKE) -C reports clean
	rm -rf bench build
