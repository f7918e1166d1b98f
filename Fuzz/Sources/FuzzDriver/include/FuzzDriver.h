#ifndef KUBE_REACH_FUZZ_DRIVER_H
#define KUBE_REACH_FUZZ_DRIVER_H
#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver (compiler-rt, LLVM ≥ 11), linked by `-sanitize=fuzzer`. SwiftPM renames an
/// executable's `main`, so the harness's main.swift calls the driver itself instead of relying on
/// libFuzzer's own `main`.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
#endif
