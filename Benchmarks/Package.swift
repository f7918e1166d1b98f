// swift-tools-version: 6.1
import Foundation
import PackageDescription

// A path dependency's identity is its folder name (`kube-reach` in a user's clone, something else
// in CI): derive it instead of hard-coding it.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
let rootPackage = root.lastPathComponent.lowercased()

// Benchmarks live in their own package so `swift test` at the root never builds or runs them.
// Build and run them in release mode: `swift run -c release reach-bench load` (see README.md).
let package = Package(
    name: "kube-reach-benchmarks",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "ClusterGen", targets: ["ClusterGen"]),
    ],
    dependencies: [
        .package(path: ".."),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .target(name: "ClusterGen", dependencies: [.product(name: "ReachCore", package: rootPackage)]),
        .executableTarget(name: "kube-reach-gen", dependencies: [
            "ClusterGen", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "reach-bench", dependencies: [
            "ClusterGen",
            .product(name: "ReachKit", package: rootPackage),
            .product(name: "ReachLoader", package: rootPackage),
            .product(name: "ReachModel", package: rootPackage),
            .product(name: "NetworkEngine", package: rootPackage),
            .product(name: "RBACEngine", package: rootPackage),
            .product(name: "AttackGraph", package: rootPackage),
            .product(name: "Audit", package: rootPackage),
            .product(name: "ReachReports", package: rootPackage),
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
    ]
)
