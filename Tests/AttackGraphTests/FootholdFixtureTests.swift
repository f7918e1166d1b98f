import AttackGraph
import Foundation
import ReachKit
import ReachTestSupport
import Testing

/// Loads a fixture and builds its foothold graph (footholds.md).
struct FootholdWorld {
    let analyzer: Analyzer
    let graph: FootholdGraph

    init(_ relative: String) {
        analyzer = Analyzer.load(paths: [TestPaths.fixture(relative)])
        graph = analyzer.footholdGraph(index: analyzer.rbac(), reach: analyzer.networkReach())
    }

    /// The state whose string is `text` (`Internet`, `Pod:N/p`, `Node:n`, an identity).
    func state(_ text: String) -> Int? {
        (0..<graph.stateCount).first { graph.state($0).description == text }
    }

    /// Edges from `from` to `to` (state strings).
    func edges(_ from: String, _ to: String, assume: Bool = true) -> [FootholdStep] {
        guard let f = state(from), let t = state(to) else { return [] }
        return graph.edges(from: f, assumeExploitable: assume).filter { $0.to == t }
    }
}

/// One fixture per foothold technique (`Fixtures/attacks/<ID>/`), as for escalation.md's: the
/// positive fixture has the edge of `edge.txt` with that technique, the negative one (one fact
/// changed: a default-deny policy, `automountServiceAccountToken: false`, a non-sensitive
/// hostPath, another node, `pod-security.kubernetes.io/enforce: baseline`, `get` instead of
/// `create`) has no edge between the same two states.
@Suite struct FootholdFixtureTests {
    static let ids = FootholdCatalog.all.map { $0.id.raw }

    @Test func idsAreUniqueDistinctFromEscalationAndEveryTechniqueHasAFixture() {
        #expect(Self.ids == ["X1", "X2", "F1", "F2", "F3", "E1n", "E7p"])
        #expect(Set(Self.ids).isDisjoint(with: TechniqueCatalog.all.map { $0.id.raw }))
        for id in Self.ids {
            for f in ["positive.yaml", "negative.yaml", "edge.txt"] {
                #expect(FileManager.default.fileExists(atPath: TestPaths.fixture("attacks/\(id)/\(f)")), "\(id)/\(f)")
            }
        }
        // Ranks follow escalation.md's table (footholds.md: "these come after E13").
        #expect(FootholdCatalog.rank(of: X1.id) == TechniqueCatalog.all.count)
        #expect(FootholdCatalog.rank(of: E7p.id) == TechniqueCatalog.all.count + 6)
    }

    @Test(arguments: ids)
    func positiveFixtureHasTheEdge(id: String) throws {
        let (from, to) = try #require(TechniqueFixtureTests.expectedEdge(id))
        let world = FootholdWorld("attacks/\(id)/positive.yaml")
        #expect(world.analyzer.snapshot.hasErrors == false)
        let edges = world.edges(from, to)
        #expect(edges.map(\.technique.raw) == [id], "\(id): \(from) -> \(to)")
        #expect(edges.allSatisfy { $0.isAssumption == (id == "X1" || id == "X2") })
        // Without the exploitability assumption, X1 and X2 are gone and nothing else changes.
        let assumed = FootholdCatalog.technique(TechniqueID(id))?.isAssumption ?? false
        #expect(world.edges(from, to, assume: false).map(\.technique.raw) == (assumed ? [] : [id]))
    }

    @Test(arguments: ids)
    func negativeFixtureHasNoEdge(id: String) throws {
        let (from, to) = try #require(TechniqueFixtureTests.expectedEdge(id))
        let world = FootholdWorld("attacks/\(id)/negative.yaml")
        #expect(world.analyzer.snapshot.hasErrors == false)
        #expect(world.state(from) != nil, "\(id): \(from)")
        #expect(world.edges(from, to).isEmpty, "\(id): \(from) -> \(to)")
    }
}
