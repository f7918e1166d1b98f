// swift-tools-version: 6.1
import Foundation
import PackageDescription

// A path dependency's identity is its folder name: derive it (see Benchmarks/Package.swift).
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
let rootPackage = root.lastPathComponent.lowercased()

// libFuzzer harness for the manifest loader and the decoders (AKS JSON, audit logs). A separate
// package so the root Package.swift is unchanged and `swift test` never builds it. Build on Linux:
//   swift build -Xswiftc -sanitize=fuzzer          (add `,address` for ASan)
// and run `.build/debug/loader-fuzzer CORPUS_DIR`. See ../docs/fuzzing.md.
let package = Package(
    name: "kube-reach-fuzz",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(path: ".."),
    ],
    targets: [
        // Declares libFuzzer's LLVMFuzzerRunDriver for Swift (the symbol comes from -sanitize=fuzzer).
        .target(name: "FuzzDriver"),
        .executableTarget(
            name: "loader-fuzzer",
            dependencies: [
                "FuzzDriver",
                .product(name: "ReachLoader", package: rootPackage),
                .product(name: "ReachModel", package: rootPackage),
            ]
        ),
    ]
)
