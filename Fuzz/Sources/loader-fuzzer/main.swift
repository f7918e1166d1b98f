import Foundation
import FuzzDriver

// Hand control to libFuzzer (flags, corpus directories and `-runs` come from the command line).
var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzOne(data, size) })
