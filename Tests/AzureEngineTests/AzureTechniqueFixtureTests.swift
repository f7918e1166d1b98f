import AzureEngine
import Foundation
import ReachTestSupport
import Testing
@testable import ReachKit

/// One fixture per Azure identity technique (`Fixtures/attacks/AZ<n>/`), as for escalation.md's
/// and footholds.md's: `positive.yaml` with `azure/` has the edge of `edge.txt` with that technique;
/// `negative.yaml` with `azure-negative/` (or `azure/` when the changed fact is in the manifests)
/// differs by one fact and has no edge at all between the same two nodes. The edges are those of
/// the search `paths --azure --footholds` runs (``ReachKit/AzurePathFinder`` over the foothold
/// graph), so AZ8 (from a `Node:` state) is checked where it is found. Each negative's one fact and
/// its source are in the technique's file (`Sources/AzureEngine/Techniques/AZ<n>.swift`):
/// AZ1 `disableLocalAccounts: true` (manage-local-accounts-managed-azure-ad.md); AZ2 an `aadProfile`
/// (control-kubeconfig-access.md); AZ3 the user not in the admin group's member file; AZ4 no
/// `aadProfile`; AZ5 the ServiceAccount without `azure.workload.identity/client-id`
/// (workload-identity-overview.md); AZ6 the Key Vault Secrets User assignment scoped to another
/// vault; AZ7 AcrPull instead of AcrPush (built-in-roles/containers.md: AcrPull has only
/// `registries/pull/read`); AZ8 no `identityProfile.kubeletidentity`; AZ9 `objectType: key`
/// (the Azure provider's `objectType`; only secrets are Key Vault secrets).
@Suite struct AzureTechniqueFixtureTests {
    static let ids = AzureRoute.Technique.allCases.sorted().map(\.rawValue)

    /// Every edge of the combined graph as `from --ID--> to`: from every Entra object and the
    /// kubelet identity, and from every foothold-graph state.
    /// - Complexity: one expansion of every node of the fixture's graph.
    static func edges(yaml: String, azure: String) throws -> (edges: [(from: String, technique: String, to: String)], nodes: Set<String>) {
        let analyzer = Analyzer.load(paths: [yaml])
        #expect(analyzer.snapshot.hasErrors == false, "\(analyzer.snapshot.diagnostics)")
        let analysis = AzureAnalysis.load(directory: azure)
        #expect(!analysis.hasErrors, "\(analysis.diagnostics)")
        #expect(!analysis.diagnostics.contains { $0.id == AzureDiagnosticID.unknownRole }, "\(analysis.diagnostics)")
        let finder = AzurePathFinder(analysis: analysis, analyzer: analyzer, index: analyzer.rbac(), reach: analyzer.networkReach())
        let footholds = try #require(finder.footholds)
        let authorizer = analysis.authorizer
        var nodes: [(AzurePathFinder.Node, String)] = (0..<footholds.stateCount).map { (.state($0), footholds.state($0).description) }
        let oids = Set(authorizer.directory.allObjectIDs + [authorizer.kubeletIdentity()?.objectID].compactMap { $0 })
        nodes += oids.sorted().map { (.azure($0), authorizer.directory.principal(for: $0).description) }
        var out: [(String, String, String)] = []
        for (node, label) in nodes {
            for (_, step) in finder.edges(from: node) { out.append((label, step.technique, step.to)) }
        }
        return (out, Set(nodes.map(\.1)))
    }

    static func fixture(_ id: String, _ name: String) -> String { TestPaths.fixture("attacks/\(id)/\(name)") }

    static func negativeAzure(_ id: String) -> String {
        let dir = fixture(id, "azure-negative")
        return FileManager.default.fileExists(atPath: dir) ? dir : fixture(id, "azure")
    }

    @Test func everyTechniqueHasAFixtureAndAFile() {
        #expect(Self.ids == ["AZ1", "AZ2", "AZ3", "AZ4", "AZ5", "AZ6", "AZ7", "AZ8", "AZ9"])
        let catalog: [String] = AzureTechniqueCatalog.all.map { t in t.technique.rawValue }
        #expect(catalog == Self.ids)
        for t in AzureRoute.Technique.allCases {
            let file = AzureTechniqueCatalog.technique(t)
            let fileID: AzureRoute.Technique = file.technique
            #expect(fileID == t)
            let source = TestPaths.packageRoot.appendingPathComponent("Sources/AzureEngine/Techniques/\(t.rawValue).swift").path
            #expect(FileManager.default.fileExists(atPath: source), "\(source)")
            #expect(AzureTechniqueDocs.markdown().contains("| \(t.rawValue) | \(t.title) |"), "\(t.rawValue) in docs/attack-techniques.md")
            for f in ["positive.yaml", "negative.yaml", "edge.txt", "azure"] {
                #expect(FileManager.default.fileExists(atPath: Self.fixture(t.rawValue, f)), "\(t.rawValue)/\(f)")
            }
        }
    }

    /// The negative differs from the positive in exactly one of the manifests and the Azure folder.
    @Test(arguments: ids)
    func negativeChangesOneInput(id: String) throws {
        func uncommented(_ path: String) throws -> String {
            try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").filter { !$0.hasPrefix("#") }.joined(separator: "\n")
        }
        let yamlDiffers = try uncommented(Self.fixture(id, "positive.yaml")) != uncommented(Self.fixture(id, "negative.yaml"))
        let azureDiffers = Self.negativeAzure(id) != Self.fixture(id, "azure")
        #expect(yamlDiffers != azureDiffers, "\(id): exactly one of negative.yaml and azure-negative/ must change")
    }

    @Test(arguments: ids)
    func positiveFixtureHasTheEdge(id: String) throws {
        let (from, to) = try #require(TechniqueFixtureTestsEdge.expected(id))
        let world = try Self.edges(yaml: Self.fixture(id, "positive.yaml"), azure: Self.fixture(id, "azure"))
        let found = world.edges.filter { $0.from == from && $0.to == to }.map(\.technique)
        #expect(found == [id], "\(id): \(from) -> \(to); AZ edges: \(world.edges.filter { $0.technique.hasPrefix("AZ") })")
    }

    @Test(arguments: ids)
    func negativeFixtureHasNoEdge(id: String) throws {
        let (from, to) = try #require(TechniqueFixtureTestsEdge.expected(id))
        let world = try Self.edges(yaml: Self.fixture(id, "negative.yaml"), azure: Self.negativeAzure(id))
        #expect(world.nodes.contains(from), "\(id): \(from) is a node of the negative fixture")
        let found = world.edges.filter { $0.from == from && $0.to == to }.map(\.technique)
        #expect(found.isEmpty, "\(id): \(from) -> \(to) by \(found)")
    }
}

/// `edge.txt`: `from -> to`.
enum TechniqueFixtureTestsEdge {
    static func expected(_ id: String) -> (String, String)? {
        guard let text = try? String(contentsOfFile: TestPaths.fixture("attacks/\(id)/edge.txt"), encoding: .utf8) else { return nil }
        let parts = text.trimmingCharacters(in: .whitespacesAndNewlines).components(separatedBy: " -> ")
        return parts.count == 2 ? (parts[0], parts[1]) : nil
    }
}
