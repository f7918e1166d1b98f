// swift-tools-version: 6.1
import PackageDescription

// Layers (a module imports only from lower layers), see ../shared/design/ARCHITECTURE.md:
// ReachCore → ReachModel → ReachLoader → engines (RBACEngine, NetworkEngine, AttackGraph, Audit)
// → ReachKit → ReachReports → ReachCLI → kube-reach. CGraphviz/ReachGraphviz sit beside the loader
// and are only used by ReachReports.
let package = Package(
    name: "kube-reach",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "kube-reach", targets: ["kube-reach"]),
        .library(name: "ReachKit", targets: ["ReachKit"]),
        .library(name: "ReachCore", targets: ["ReachCore"]),
        .library(name: "ReachModel", targets: ["ReachModel"]),
        .library(name: "ReachLoader", targets: ["ReachLoader"]),
        .library(name: "NetworkEngine", targets: ["NetworkEngine"]),
        .library(name: "RBACEngine", targets: ["RBACEngine"]),
        .library(name: "AttackGraph", targets: ["AttackGraph"]),
        .library(name: "Audit", targets: ["Audit"]),
        .library(name: "ReachReports", targets: ["ReachReports"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // Every target declares exactly the modules it imports (`.ci/run` builds with
        // `--explicit-target-dependency-import-check error`; no `@_exported import`).
        .target(name: "ReachCore"),
        .target(name: "ReachModel"),
        .systemLibrary(
            name: "CGraphviz",
            pkgConfig: "libgvc",
            providers: [.apt(["libgraphviz-dev"])]
        ),
        // libyaml does the parsing; see YAMLTree.swift for why it is used directly rather than
        // through Yams (throughput).
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        .target(name: "ReachLoader", dependencies: ["ReachCore", "ReachModel", "CYAML"]),
        .target(name: "ReachGraphviz", dependencies: ["CGraphviz"]),
        .target(name: "RBACEngine", dependencies: ["ReachCore", "ReachModel"]),
        .target(name: "NetworkEngine", dependencies: ["ReachCore", "ReachModel"]),
        .target(name: "AttackGraph", dependencies: ["ReachCore", "ReachModel", "RBACEngine", "NetworkEngine"]),
        // Azure RBAC, Entra ID and managed/workload identities of AKS (issue 18).
        .target(name: "AzureEngine", dependencies: ["ReachModel", "RBACEngine"]),
        .target(name: "Audit", dependencies: ["ReachModel", "RBACEngine", "AttackGraph", "NetworkEngine", "AzureEngine"]),
        .target(name: "ReachKit", dependencies: [
            "ReachCore", "ReachModel", "ReachLoader", "RBACEngine", "NetworkEngine", "AttackGraph", "Audit", "AzureEngine",
        ]),
        .target(name: "ReachReports", dependencies: [
            "ReachCore", "ReachModel", "RBACEngine", "NetworkEngine", "AttackGraph", "Audit", "ReachKit", "ReachGraphviz",
            "AzureEngine",
        ]),
        .target(name: "ReachCLI", dependencies: [
            "ReachModel", "ReachLoader", "RBACEngine", "NetworkEngine", "AttackGraph", "Audit", "ReachKit", "ReachGraphviz",
            "ReachReports", "AzureEngine",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "kube-reach", dependencies: ["ReachCLI"]),

        .testTarget(name: "ReachCoreTests", dependencies: ["ReachCore", "ReachTestSupport"]),
        .testTarget(name: "ReachModelTests", dependencies: ["ReachModel"]),
        .testTarget(name: "ReachLoaderTests", dependencies: ["ReachCore", "ReachLoader", "ReachModel", "ReachTestSupport"]),
        .testTarget(name: "ReachGraphvizTests", dependencies: ["ReachGraphviz"]),
        .testTarget(name: "AzureEngineTests", dependencies: [
            "AzureEngine", "RBACEngine", "ReachModel", "ReachLoader", "ReachKit", "ReachTestSupport",
        ]),
        .testTarget(name: "RBACEngineTests", dependencies: ["RBACEngine", "ReachModel", "ReachLoader", "ReachTestSupport"]),
        .testTarget(name: "NetworkEngineTests", dependencies: [
            "NetworkEngine", "ReachCore", "ReachModel", "ReachLoader", "ReachTestSupport",
        ]),
        .testTarget(name: "AttackGraphTests", dependencies: [
            "AttackGraph", "RBACEngine", "ReachCore", "ReachModel", "ReachLoader", "ReachKit", "ReachTestSupport", "NetworkEngine",
        ]),
        .testTarget(name: "AuditTests", dependencies: [
            "Audit", "RBACEngine", "ReachCore", "ReachModel", "ReachLoader", "ReachKit", "ReachReports", "ReachTestSupport",
            "AzureEngine",
        ]),
        .testTarget(name: "ReachReportsTests", dependencies: [
            "ReachReports", "ReachKit", "Audit", "NetworkEngine", "ReachCore", "ReachModel", "ReachTestSupport",
        ]),
        .testTarget(name: "ReachCLITests", dependencies: [
            "ReachCLI", "ReachReports", "ReachKit", "ReachModel", "ReachTestSupport",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .target(name: "ReachTestSupport", path: "Tests/ReachTestSupport"),
    ]
)
