import AttackGraph
import Foundation
import ReachTestSupport
import Testing

/// One fixture per technique (`Fixtures/attacks/<ID>/`): `positive.yaml` produces the edge named in
/// `edge.txt` with that technique; `negative.yaml` (one permission missing) produces no edge at all
/// between the same two states.
@Suite struct TechniqueFixtureTests {
    static let ids = TechniqueCatalog.all.map { $0.id.raw }

    static func expectedEdge(_ id: String) -> (String, String)? {
        guard let text = try? String(contentsOfFile: TestPaths.fixture("attacks/\(id)/edge.txt"), encoding: .utf8) else { return nil }
        let parts = text.trimmingCharacters(in: .whitespacesAndNewlines).components(separatedBy: " -> ")
        return parts.count == 2 ? (parts[0], parts[1]) : nil
    }

    @Test func idsAreUniqueAndEveryTechniqueHasAFixture() throws {
        #expect(Set(Self.ids).count == Self.ids.count)
        #expect(Self.ids.count == 19)
        let dirs = try FileManager.default.contentsOfDirectory(atPath: TestPaths.fixture("attacks"))
            .filter { $0.hasPrefix("E") && FootholdCatalog.technique(TechniqueID($0)) == nil }
        #expect(Set(dirs) == Set(Self.ids))
        for id in Self.ids {
            for f in ["positive.yaml", "negative.yaml", "edge.txt"] {
                #expect(FileManager.default.fileExists(atPath: TestPaths.fixture("attacks/\(id)/\(f)")), "\(id)/\(f)")
            }
        }
    }

    @Test(arguments: ids)
    func positiveFixtureHasTheEdge(id: String) throws {
        let (from, to) = try #require(Self.expectedEdge(id))
        let world = World("attacks/\(id)/positive.yaml")
        #expect(world.analyzer.snapshot.hasErrors == false)
        let edges = world.edges(from, to)
        #expect(edges.map(\.technique.raw) == [id], "\(id): \(from) -> \(to)")
    }

    @Test(arguments: ids)
    func negativeFixtureHasNoEdge(id: String) throws {
        let (from, to) = try #require(Self.expectedEdge(id))
        let world = World("attacks/\(id)/negative.yaml")
        #expect(world.analyzer.snapshot.hasErrors == false)
        #expect(world.state(from) != nil)
        #expect(world.edges(from, to).isEmpty, "\(id): \(from) -> \(to)")
    }
}
